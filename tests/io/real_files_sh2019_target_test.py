"""The 2019 Shanghai target form as published files: XLSX, and the PDF, HTML and DOCX LibreOffice made.

``tests/io/fixtures/files/sh2019_target_*.expected.json`` were written by hand from what was
typed into the sheets (scripts/fixtures_sh2019_target.py): left-column label cells, the
check boxes typed as text with √ and □, the 项目当年投入资金构成 cell merged down over the
子项目 rows, the level-1 cells merged down over their indicator rows. Every version of a
file must parse to its expected JSON, field by field with the gold rules of SPEC §2.1,
and leave no text unplaced. scripts/make_fixtures rebuilds the files.
"""

import pytest

from jixiao.io.parse import parse_document, parse_path
from jixiao.io.readers import read_file
from jixiao.io.structure.reader import label_of
from jixiao.io.structure.values import ticked
from jixiao.io.vocabulary import vocabulary
from tests.io.grids import grid
from tests.io.realfiles import FILES, cases, parsed_against_expected

FORMS = ("sh2019_target_pool", "sh2019_target_long")
CASES = cases(FORMS)


@pytest.mark.parametrize(("form", "kind"), CASES)
def test_every_expected_field_is_reproduced(form, kind):
    result, misses = parsed_against_expected(form, kind)
    assert [f.template for f in result.forms] == ["sh-2019-target"]
    assert not misses, "\n".join(misses[:60])


@pytest.mark.parametrize(("form", "kind"), CASES)
def test_nothing_is_left_unplaced_or_guessed(form, kind):
    findings = parse_path(FILES / f"{form}.{kind}").findings
    assert not [f.found for f in findings if f.code == "unplaced-text"]
    # Merged cells say which rows they cover: no level-1 or target is left to a guess,
    # except that a PDF cannot tell the break typed after 。 in the plan cell from a wrap.
    guessed = {f.location.path for f in findings if f.code == "uncertain-value"}
    assert guessed == ({"project.plan"} if form.endswith("long") and kind == "pdf" else set())
    assert not any(f.severity == "error" for f in findings)


def test_the_merged_cells_are_read_once_per_row():
    form = parse_path(FILES / "sh2019_target_pool.xlsx").forms[0]
    assert [i.level1 for i in form.indicators] == [
        *["投入和管理目标"] * 3,
        *["产出目标"] * 2,
        *["效果目标"] * 2,
        "影响力目标",
    ]
    # 项目当年投入资金构成 is merged down over both 子项目 rows: two components, no more.
    assert [(c.name, str(c.amount)) for c in form.funds.components] == [
        ("水质检测服务费", "386000.00"),
        ("采样及公示费用", "94500.00"),
    ]


def test_check_boxes_give_the_ticked_names_in_printed_order():
    assert ticked("基本建设工程类□    信息化建设类√\n政府购买服务√ 资产购置类□") == (
        "信息化建设类",
        "政府购买服务",
    )
    assert ticked("结转项目□ 其他一次性项目□") == ()
    # A PDF wraps a box name inside its cell: the name is whole again.
    assert ticked("其他事业专\n业类√") == ("其他事业专业类",)


def test_a_label_cell_wrapped_in_a_pdf_is_still_its_label():
    vocab = vocabulary("sh-2019-target")
    assert vocab.field("funds.columns", "同名项目上年预算额（元\n）") == "previous_budget"
    assert label_of("保证项目实施的制度、措\n施", vocab) == "project.safeguards"
    assert vocab.field("funds.columns", "预算金额（万元）") == "budget"


HEAD = [
    ["上海市财政支出项目绩效目标申报表", "", "", ""],
    ["（2019年）", "", "", ""],
    ["申报单位名称", "示范区图书馆", "", ""],
    ["项目名称", "阅读推广活动经费", "", ""],
    ["项目类型", "结转项目√ 其他一次性项目□", "", ""],
]


def test_amounts_in_wan_yuan_a_remark_and_text_after_the_table():
    doc = grid(
        [
            *HEAD,
            ["项目总预算（万元）", "120.5", "项目当年预算（万元）", "80"],
            ["项目实施计划", "全年分四期开展", "", ""],
            ["备注", "经费已列入年初预算", "", ""],
            ["分解目标", "绩效指标", "", "指标目标值"],
            ["^分解目标", "产出目标", "阅读推广活动场次", ">=120场"],
            ["^分解目标", "^产出目标", "参与读者人次", ">=8000人次"],
            ["填报人：李四", "", "联系电话：12345678", ""],
        ]
    )
    result = parse_document(doc)
    form = result.forms[0]
    assert form.year == 2019
    assert (form.project.unit, form.project.name) == ("示范区图书馆", "阅读推广活动经费")
    assert form.project.category == ("结转项目",)
    assert form.project.funds_use is None
    assert form.funds.currency_unit == "万元"
    assert (str(form.funds.total_budget), str(form.funds.budget)) == ("120.5", "80")
    assert form.project.plan == "全年分四期开展"
    assert [(i.level1, i.name, i.target) for i in form.indicators] == [
        ("产出目标", "阅读推广活动场次", ">=120场"),
        ("产出目标", "参与读者人次", ">=8000人次"),
    ]
    assert [g.name for g in form.groups] == ["产出目标"]
    # The canonical form has no field for 备注: its text is reported, as is the signature row.
    unplaced = [f.found for f in result.findings if f.code == "unplaced-text"]
    assert unplaced == ["经费已列入年初预算", "填报人：李四 | 联系电话：12345678"]


def test_the_long_form_runs_onto_a_second_page_with_its_merged_cells_cut():
    doc = read_file(FILES / "sh2019_target_long.pdf")
    assert {c.source.page for b in doc.blocks for c in b.cells} == {1, 2}
    # The PDF prints the cut 效果目标 cell on page 2 only (drawn clipped away on page 1):
    # it is read in both its rows, the part on page 2 a copy of the part on page 1.
    rows = [b for b in doc.blocks if any("游泳场所" in c.text for c in b.cells[2:3])]
    assert [(b.cells[1].text, b.cells[2].text) for b in rows] == [
        ("效果目标", "游泳场所水质合格率"),
        ("效果目标", "游泳场所经营者满意度"),
    ]
    first, second = (b.cells[1] for b in rows)
    assert (first.source.page, second.source.page) == (1, 2)
    assert first.copy_of is None and second.copy_of == first.source
    form = parse_path(FILES / "sh2019_target_long.pdf").forms[0]
    assert [(i.level1, i.name) for i in form.indicators[4:8]] == [
        ("产出目标", "检测报告按时出具率"),
        ("效果目标", "游泳场所水质合格率"),
        ("效果目标", "游泳场所经营者满意度"),
        ("影响力目标", "长效监管机制建立情况"),
    ]


def test_a_row_cut_from_its_level1_with_no_label_after_it_is_reported():
    doc = grid(
        [
            *HEAD,
            ["分解目标", "绩效指标", "", "指标目标值"],
            ["^分解目标", "产出目标", "阅读推广活动场次", ">=120场"],
            ["", "", "参与读者人次", ">=8000人次"],
        ]
    )
    result = parse_document(doc)
    assert [(i.level1, i.name) for i in result.forms[0].indicators] == [
        ("产出目标", "阅读推广活动场次"),
        ("产出目标", "参与读者人次"),
    ]
    guessed = [(f.location.path, f.found) for f in result.findings if f.code == "uncertain-value"]
    assert guessed == [("indicators[1].level1", "产出目标")]
    assert not [f for f in result.findings if f.code == "unplaced-text"]


def test_year_in_the_title_inline_labels_and_boxes_over_two_rows():
    doc = grid(
        [
            ["上海市财政支出项目绩效目标申报表（2019年）", "", "", ""],
            ["申报单位名称：示范区图书馆", "", "", ""],
            ["项目名称：", "阅读推广活动经费", "", ""],
            ["项目类型", "结转项目□ 其他一次性项目□", "", ""],
            ["^项目类型", "经常性专项业务费□ 其他经常性项目√", "", ""],
            ["资金用途", "政府购买服务√ 资产购置类□", "", ""],
            ["开始时间", "2019年3月1日", "结束时间", "2019-12-31"],
        ]
    )
    result = parse_document(doc)
    form = result.forms[0]
    assert form.year == 2019
    assert (form.project.unit, form.project.name) == ("示范区图书馆", "阅读推广活动经费")
    assert form.project.category == ("其他经常性项目",)
    assert form.project.funds_use == ("政府购买服务",)
    assert (str(form.project.start_date), str(form.project.end_date)) == (
        "2019-03-01",
        "2019-12-31",
    )
    assert not [f.found for f in result.findings if f.code == "unplaced-text"]
