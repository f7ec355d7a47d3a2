"""Indicator trees written as sentences: each behaviour on a short text, values worked out by hand."""

from decimal import Decimal

import pytest

from jixiao.io.parse import parse_bytes
from jixiao.io.structure.sentences import split_clause
from tests.io.structure.helpers import read


def parsed(text: str):
    return parse_bytes("notice.txt", text.encode("utf-8"))


def tree(result) -> list[tuple]:
    return [(i.level1, i.level2, i.name, i.target) for f in result.forms for i in f.indicators]


@pytest.mark.parametrize(
    ("clause", "name", "target"),
    [
        ("培训人次≥200人次", "培训人次", "≥200人次"),
        ("全年培训不少于200人次", "全年培训", "不少于200人次"),  # the comparator as printed
        ("培训合格率达到90%以上", "培训合格率", "达到90%以上"),
        ("新建集中供水工程12处", "新建集中供水工程", "12处"),  # no comparator: = implied
        ("培训人次：200人次", "培训人次", "200人次"),
        ("2023年培训人次≥200人次", "2023年培训人次", "≥200人次"),  # a year is no value
        ("2023年11月底前完成", "2023年11月底前完成", None),  # a date is no value
        ("长效机制健全", "长效机制健全", None),
        ("养护绿地面积≥45万平方米", "养护绿地面积", "≥45万平方米"),
        ("完成3个村道路硬化", "完成3个村道路硬化", None),  # the text goes on past the unit
    ],
)
def test_a_clause_is_parted_where_a_value_ends_it(clause, name, target):
    assert split_clause(clause) == (name, target)


def test_one_line_of_level_names_and_colons_is_a_tree():
    result = parsed(
        "项目名称：示范培训\n"
        "绩效指标：产出指标：数量指标：培训人次≥200人次；培训场次≥10场；时效指标：年底前完成。"
        "满意度指标：学员满意度≥90%。\n"
    )
    assert tree(result) == [
        ("产出指标", "数量指标", "培训人次", "≥200人次"),
        ("产出指标", "数量指标", "培训场次", "≥10场"),
        ("产出指标", "时效指标", "年底前完成", None),
        ("满意度指标", None, "学员满意度", "≥90%"),
    ]
    [form] = result.forms
    assert form.template is None and form.kind == "target"
    assert [g.name for g in form.groups] == ["产出指标", "满意度指标"]
    uncertain = [f.location.path for f in result.findings if f.code == "uncertain-value"]
    assert uncertain == ["indicators[2].name"]


def test_numbered_headings_give_the_depth_of_each_level():
    result = parsed(
        "1.产出指标\n"
        "（1）成本指标：人均成本不超过500元。\n"
        "2.成本指标\n"
        "（1）经济成本指标：总成本不超过10万元。\n"
        "3.满意度指标\n"
        "学员满意度≥90%。\n"
        "三、工作要求\n"
    )
    assert tree(result) == [
        ("产出指标", "成本指标", "人均成本", "不超过500元"),  # numbered under 产出指标: a level 2
        ("成本指标", "经济成本指标", "总成本", "不超过10万元"),  # numbered like 产出指标: a group
        ("满意度指标", None, "学员满意度", "≥90%"),  # the line under a bare heading
    ]
    assert any(f.code == "unplaced-text" and f.found == "三、工作要求" for f in result.findings)


def test_a_level_name_alone_over_a_line_of_the_tree_heads_it():
    result = parsed("绩效指标：\n产出指标\n数量指标：培训人次≥200人次。\n")
    assert tree(result) == [("产出指标", "数量指标", "培训人次", "≥200人次")]
    assert not [f for f in result.findings if f.location.path == "groups[0].name"]  # printed


def test_numbered_level_names_inside_a_line_and_items_on_lines_under_a_bare_heading():
    result = parsed(
        "（一）产出指标。1.数量指标：培训人次≥200人次；2.质量指标：合格率≥95%。\n"
        "（二）效益指标\n"
        "就业率：≥60%\n"
        "带动增收人数≥100人\n"
        "各单位要加强资金管理，确保专款专用。\n"
    )
    assert tree(result) == [
        ("产出指标", "数量指标", "培训人次", "≥200人次"),
        ("产出指标", "质量指标", "合格率", "≥95%"),
        ("效益指标", None, "就业率", "≥60%"),
        ("效益指标", None, "带动增收人数", "≥100人"),
    ]
    assert any(f.code == "unplaced-text" and "专款专用" in f.found for f in result.findings)


def test_a_name_and_a_value_labelled_in_the_sentence_make_one_indicator():
    result = parsed("数量指标：指标名称：培训人次，指标值：≥200人次；培训场次，目标值≥10场。\n")
    assert tree(result) == [
        ("产出指标", "数量指标", "培训人次", "≥200人次"),
        ("产出指标", "数量指标", "培训场次", "≥10场"),
    ]
    assert not [f for f in result.findings if (f.location.path or "").startswith("indicators")]


def test_a_tree_in_the_cell_beside_its_label_cell_is_read():
    result, left = read([["项目名称", "示范项目"], ["绩效指标", "产出指标：培训人次≥200人次。"]])
    assert tree(result) == [("产出指标", None, "培训人次", "≥200人次")]
    assert not left


def test_a_numbered_label_is_a_value_only_in_a_notice_with_a_tree():
    result = parsed(
        "（一）年度绩效目标：开展培训。\n（二）绩效指标\n产出指标：培训人次≥200人次。\n"
    )
    assert result.forms[0].goals.annual == "开展培训。"
    instructions = parsed("一、项目名称：填写项目全称。\n项目名称：示范项目\n")
    assert instructions.forms[0].project.name == "示范项目"  # the instruction is no value


def test_points_after_a_group_name_are_its_weight_or_band():
    result = parsed("产出指标（50分）：培训人次≥200人次。效益指标(30-50)分：就业率≥60%。\n")
    groups = [(g.name, g.weight, g.band) for g in result.forms[0].groups]
    assert groups == [
        ("产出指标", Decimal(50), None),
        ("效益指标", None, (Decimal(30), Decimal(50))),
    ]


def test_ordinals_are_numbering_and_a_level_2_alone_takes_its_group_from_the_tree():
    result = parsed("社会效益指标：一是就业率提高5%；二是群众满意度≥85%。\n")
    assert tree(result) == [
        ("效益指标", "社会效益指标", "就业率提高", "5%"),
        ("效益指标", "社会效益指标", "群众满意度", "≥85%"),
    ]
    inferred = [f for f in result.findings if f.location.path == "groups[0].name"]
    assert [f.code for f in inferred] == ["uncertain-value"]


def test_a_funds_sentence_gives_the_budget_and_its_sources():
    result = parsed(
        "年度预算 300 万元，其中财政拨款 260 万元，其他资金 40 万元。\n产出指标：培训人次≥200人次。\n"
    )
    funds = result.forms[0].funds
    assert (funds.budget, funds.currency_unit) == (Decimal(300), "万元")
    assert [(s.name, s.budget) for s in funds.sources] == [
        ("财政拨款", Decimal(260)),
        ("其他资金", Decimal(40)),
    ]


def test_a_funds_sentence_names_each_amount_by_its_label():
    result = parsed(
        "项目资金：项目总投资 1200 万元，年度预算 400 万元。\n产出指标：新建道路≥3公里。\n"
    )
    funds = result.forms[0].funds
    assert (funds.total_budget, funds.budget) == (Decimal(1200), Decimal(400))


def test_a_sentence_broken_by_a_line_end_goes_on_on_the_next_line():
    result = parsed(
        "产出指标：数量指标：培训人次≥200人次；质量指\n"
        "标：培训合格率≥95%；时效指标：年底前完\n"
        "成。满意度指标：学员满意度≥90%\n"
        "各单位要加强资金管理，确保专款专用。\n"
    )
    assert tree(result) == [
        ("产出指标", "数量指标", "培训人次", "≥200人次"),
        ("产出指标", "质量指标", "培训合格率", "≥95%"),
        ("产出指标", "时效指标", "年底前完成", None),
        ("满意度指标", None, "学员满意度", "≥90%"),  # a value: whole, the prose is no part
    ]
    assert any(f.code == "unplaced-text" and "专款专用" in f.found for f in result.findings)


def test_a_notice_that_says_self_evaluation_is_one():
    result = parsed("2023年度项目自评情况\n产出指标：培训人次≥200人次。\n")
    assert result.forms[0].kind == "self_evaluation"
    assert result.forms[0].year == 2023
    deadline = parsed("2024年度培训项目\n产出指标：培训人次≥200人次；2023年底前完成招标。\n")
    assert deadline.forms[0].year == 2024  # the heading's year, not a deadline's
    asked = parsed("产出指标：培训人次≥200人次。\n年度终了，各单位要开展绩效自评。\n")
    assert asked.forms[0].kind == "target"  # a sentence asking for one is no self-evaluation


def test_a_level_name_alone_in_a_table_row_or_an_unnumbered_line_opens_no_tree():
    _, left = read([["产出指标"], ["项目名称", "示范项目"]])
    assert left == ["产出指标"]
    result = parsed("产出指标\n培训人次≥200人次\n")
    assert not tree(result)
