"""mof-2020-self-eval (项目支出绩效自评表): table text and plain PDF text, read by structure.

The documents here are written by hand in the layout of seed 001 but differ from it and
from the variant documents: other units, projects and amounts, an empty group, merged
labels printed on the middle row of their block, formula markers on the column headers,
an unknown column, no printed unit, ``无`` in the deviation column, a grade word after the
total, and the same form copied out of a PDF as plain lines (labels split over lines,
wrapped goal and deviation cells, centred level labels). Expected values are worked out
from the text by hand.
"""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.core.rulesets import load_config
from jixiao.io.document import Block, Cell, Ledger, Source
from jixiao.io.parse import parse_bytes
from jixiao.io.structure.stacked import join_stacked, take_pieces
from jixiao.io.vocabulary import vocabulary
from tests.io.gold_test import differences

FILES = Path(__file__).parent / "fixtures" / "files"

MOF = vocabulary("mof-2020-self-eval")


def parse(lines):
    return parse_bytes("form.txt", "\n".join(lines).encode("utf-8"))


def tabbed(*cells):
    return "\t".join(cells)


def unplaced(result):
    return [f.found for f in result.findings if f.code == "unplaced-text"]


def uncertain_paths(result):
    return {
        (f.location.form, f.location.path) for f in result.findings if f.code == "uncertain-value"
    }


def codes(result):
    return [f.code for f in result.findings]


def block(*texts):
    return Block(0, tuple(Cell(t, Source(line=1, column=i + 1)) for i, t in enumerate(texts)))


def levels_of(form):
    return [(i.level1, i.level2) for i in form.indicators]


# --- a form in tab-separated table text -------------------------------------------------

HEAD = [
    "项目支出绩效自评表",
    "（2023年度）",
    tabbed("项目名称", "乡镇卫生院设备更新", "", "", "", "", "", "", ""),
    tabbed("主管部门", "临江县卫生健康局", "", "", "实施单位", "临江县中心卫生院", "", "", ""),
]
FUNDS = [
    tabbed(
        "项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"
    ),
    tabbed("", "年度资金总额", "200", "180", "171", "10", "95.00%", "9.5"),
    tabbed("", "其中：本年财政拨款", "200", "180", "171", "—", "—", "—"),
    tabbed("", "上年结转资金", "—", "—", "—", "—", "—", "—"),
    tabbed("", "其他资金", "—", "—", "—", "—", "—", "—"),
]
GOALS = [
    tabbed("年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""),
    tabbed("", "更新卫生院检验设备12台。", "", "", "更新检验设备12台，已投入使用。", "", "", ""),
]
TABLE_HEADER = tabbed(
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)


def table_form(rows, total=("总分", "", "", "", "", "", "100", "90.5", ""), funds=FUNDS):
    return [*HEAD, *funds, *GOALS, TABLE_HEADER, *(tabbed(*r) for r in rows), tabbed(*total)]


ROWS_WITH_EMPTY_GROUP = [
    ("", "产出指标（50分）", "数量指标", "更新设备台数", "≥12台", "12台", "30", "30", ""),
    ("", "", "质量指标", "设备验收合格率", "100%", "100%", "20", "20", ""),
    (
        "",
        "效益指标（40分）",
        "社会效益指标",
        "检验项目增加数",
        "≥5项",
        "4项",
        "40",
        "31",
        "试剂未到位。",
    ),
    ("", "满意度指标（10分）", "服务对象满意度指标", "", "", "", "", "", ""),
]


def test_a_row_of_level_labels_only_is_an_empty_group_with_its_weight():
    result = parse(table_form(ROWS_WITH_EMPTY_GROUP))
    (form,) = result.forms
    assert [(g.name, g.weight) for g in form.groups] == [
        ("产出指标", Decimal(50)),
        ("效益指标", Decimal(40)),
        ("满意度指标", Decimal(10)),
    ]
    assert [i.name for i in form.indicators] == ["更新设备台数", "设备验收合格率", "检验项目增加数"]
    assert unplaced(result) == []


def test_a_printed_weight_total_unlike_the_rows_is_reported():
    # rows 30 + 20 + 40 and the funds row 10 make 100: as printed, nothing to report
    assert "weight-total-differs" not in codes(parse(table_form(ROWS_WITH_EMPTY_GROUP)))
    rows = [*ROWS_WITH_EMPTY_GROUP[:2], ROWS_WITH_EMPTY_GROUP[3]]  # 效益 row left out: 60
    (finding,) = [f for f in parse(table_form(rows)).findings if f.code == "weight-total-differs"]
    assert (finding.found, finding.expected) == ("100", "60")


def test_deviation_none_is_text_not_a_score():
    rows = [
        ("", "产出指标", "数量指标", "更新设备台数", "≥12台", "12台", "50", "50", "无"),
        ("", "效益指标", "社会效益指标", "检验项目增加数", "≥5项", "4项", "40", "32", "—"),
    ]
    form = parse(table_form(rows)).forms[0]
    first, second = form.indicators
    assert (first.name, first.target, first.actual) == ("更新设备台数", "≥12台", "12台")
    assert (first.weight, first.score, first.deviation) == (Decimal(50), Decimal(50), "无")
    assert (second.weight, second.score, second.deviation) == (Decimal(40), Decimal(32), "—")


@pytest.mark.parametrize(
    ("total", "score", "grade", "left"),
    [
        (("总分", "", "", "", "", "", "100", "90.5", "优秀"), Decimal("90.5"), "优秀", []),
        (("合计", "100", "88", "良"), Decimal(88), "良", []),
        (("总分", "", "", "", "", "", "100", "90.5", "见附件"), Decimal("90.5"), None, ["见附件"]),
        (("总分", "100分", "90.5分", ""), Decimal("90.5"), None, []),
    ],
)
def test_the_total_is_the_last_figure_and_a_grade_word_after_it_the_grade(
    total, score, grade, left
):
    rows = [("", "产出指标", "数量指标", "更新设备台数", "≥12台", "12台", "90", "80.5", "")]
    result = parse(table_form(rows, total))
    assert (result.forms[0].total_score, result.forms[0].grade) == (score, grade)
    assert unplaced(result) == left


def test_labels_printed_on_the_middle_row_of_their_block():
    # The 项目资金（万元） label stands on the 其中 row, 绩效指标 and the level-1 labels on
    # the middle row of their blocks; 一级指标 header row prints no 绩效指标.
    funds = [
        tabbed("", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        tabbed("", "年度资金总额", "60", "60", "54", "10", "90.00%", "9"),
        tabbed("项目资金（万元）", "其中：当年财政拨款", "60", "60", "54", "—", "—", "—"),
        tabbed("", "上年结转资金", "—", "—", "—", "—", "—", "—"),
    ]
    rows = [
        ("", "", "时效指标", "设备到货及时率", "100%", "100%", "20", "20", ""),
        ("", "产出指标", "成本指标", "单台设备采购成本", "≤5万元", "4.5万元", "20", "20", ""),
        ("绩效指标", "", "经济效益指标", "检验收入增加额", "≥10万元", "12万元", "20", "20", ""),
        ("", "效益指标", "可持续影响指标", "设备维护机制", "健全", "健全", "20", "20", ""),
        ("", "满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "92%", "10", "10", ""),
    ]
    total = ("总分", "", "", "", "", "", "100", "99", "")
    result = parse(table_form(rows, total, funds))
    form = result.forms[0]
    assert form.funds.currency_unit == "万元"
    assert [(s.name, s.budget) for s in form.funds.sources] == [
        ("当年财政拨款", Decimal(60)),
        ("上年结转资金", None),
    ]
    assert levels_of(form) == [
        ("产出指标", "时效指标"),
        ("产出指标", "成本指标"),
        ("效益指标", "经济效益指标"),
        ("效益指标", "可持续影响指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]
    assert [g.name for g in form.groups] == ["产出指标", "效益指标", "满意度指标"]
    assert unplaced(result) == []
    assert not uncertain_paths(result)


def test_a_merged_label_split_over_rows_of_the_funds_block():
    funds = [
        tabbed("", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        tabbed("", "年度资金总额", "60", "60", "54", "10", "90.00%", "9"),
        tabbed("项目资金", "", "", "", "", "", "", ""),
        tabbed("", "其中：当年财政拨款", "60", "60", "54", "—", "—", "—"),
        tabbed("（万元）", "上年结转资金", "—", "—", "—", "—", "—", "—"),
    ]
    rows = [("", "产出指标", "数量指标", "更新设备台数", "≥12台", "12台", "90", "81", "")]
    result = parse(table_form(rows, funds=funds))
    funds_read = result.forms[0].funds
    assert funds_read.currency_unit == "万元"
    assert [s.name for s in funds_read.sources] == ["当年财政拨款", "上年结转资金"]
    assert unplaced(result) == []


def test_column_headers_with_formula_markers():
    funds = [
        tabbed(
            "项目资金（元）",
            "",
            "年初预算数（A）",
            "全年预算数（B）",
            "全年执行数(C)",
            "分值",
            "执行率(C/B)",
            "得分",
        ),
        tabbed(
            "",
            "年度资金总额",
            "1,000,000.00",
            "1,200,000.00",
            "1,140,000.00",
            "10",
            "95.00%",
            "9.50",
        ),
        tabbed(
            "", "其中：当年财政拨款", "1,000,000.00", "1,200,000.00", "1,140,000.00", "-", "-", "-"
        ),
    ]
    rows = [("", "产出指标", "数量指标", "更新设备台数", "≥12台", "12台", "90", "80", "")]
    result = parse(table_form(rows, funds=funds))
    funds_read = result.forms[0].funds
    assert funds_read.currency_unit == "元"
    assert (funds_read.initial_budget, funds_read.budget, funds_read.executed) == (
        Decimal("1000000.00"),
        Decimal("1200000.00"),
        Decimal("1140000.00"),
    )
    assert (funds_read.execution_weight, funds_read.execution_rate, funds_read.execution_score) == (
        Decimal(10),
        Decimal("95.00"),
        Decimal("9.50"),
    )
    assert funds_read.sources[0].executed == Decimal("1140000.00")
    assert unplaced(result) == []


def test_an_unknown_column_is_reported_and_nothing_shifts_onto_the_next():
    funds = [
        tabbed(
            "项目资金（万元）",
            "",
            "年初预算数",
            "调整数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ),
        tabbed("", "年度资金总额", "50", "+5", "55", "44", "10", "80.00%", "8"),
    ]
    rows = [("", "产出指标", "数量指标", "更新设备台数", "≥12台", "12台", "90", "80", "")]
    result = parse(table_form(rows, funds=funds))
    funds_read = result.forms[0].funds
    assert (funds_read.initial_budget, funds_read.budget, funds_read.executed) == (
        Decimal(50),
        Decimal(55),
        Decimal(44),
    )
    assert (funds_read.execution_weight, funds_read.execution_rate) == (Decimal(10), Decimal(80))
    assert [f.found for f in result.findings if f.code == "unknown-column"] == ["调整数"]
    assert unplaced(result) == ["+5"]


def test_a_funds_table_without_a_unit_is_reported():
    funds = [
        tabbed("项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        tabbed("", "年度资金总额", "50", "50", "50", "10", "100%", "10"),
    ]
    rows = [("", "产出指标", "数量指标", "更新设备台数", "≥12台", "12台", "90", "80", "")]
    result = parse(table_form(rows, funds=funds))
    assert result.forms[0].funds.currency_unit is None
    assert (0, "funds.currency_unit") in uncertain_paths(result)


# --- the same layout as plain PDF text -------------------------------------------------

PLAIN = [
    "",
    "项目支出绩效自评表",
    "（2021年度）",
    "项目名称：河道保洁服务",
    "主管部门 临江县水利局 实施单位 临江县河道管理站",
    "项目资金",
    "（万元）",
    "年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 36.00 40.00 38.00 10 95.00% 9.50",
    "其中：本年财政拨款 36.00 36.00 34.00 — — —",
    "上年结转资金 — 4.00 4.00 — — —",
    "其他资金 — — — — — —",
    "年度",
    "总体",
    "目标",
    "预期目标 实际完成情况",
    "保持全县主要河道水面 全年保洁河道46公里，",
    "清洁，无成片漂浮物。 水面无成片漂浮物。",
    "绩效",
    "指标",
    "一级指标 二级指标 三级指标 年度 指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
    "产出指标",
    "数量指标 保洁河道长度 ≥45 公里 46 公里 25 25",
    "质量指标 河面漂浮物清理率 ≥95% 93% 25 24.47 汛期漂浮物增多，清理不及",
    "时。下一步增加汛期保洁班次。",
    "效益指标",
    "社会效益指标 群众投诉次数 ≤5次 3次 30 30",
    "满意度指标",
    "服务对象满意度指标 沿河居民满意度 ≥90% 91% 10 10",
    "总分 100 98.97",
    "",
    "- 4 -",
]


@pytest.fixture(scope="module")
def plain():
    return parse(PLAIN)


def test_plain_text_head_and_funds(plain):
    form = plain.forms[0]
    assert (form.year, form.project.name) == (2021, "河道保洁服务")
    assert (form.project.department, form.project.unit) == ("临江县水利局", "临江县河道管理站")
    funds = form.funds
    assert funds.currency_unit == "万元"
    assert (funds.initial_budget, funds.budget, funds.executed) == (
        Decimal("36.00"),
        Decimal("40.00"),
        Decimal("38.00"),
    )
    assert (funds.execution_rate, funds.execution_score) == (Decimal("95.00"), Decimal("9.50"))
    assert [(s.name, s.initial_budget, s.budget) for s in funds.sources] == [
        ("本年财政拨款", Decimal("36.00"), Decimal("36.00")),
        ("上年结转资金", None, Decimal("4.00")),
        ("其他资金", None, None),
    ]


def test_plain_text_goal_cells_share_their_lines(plain):
    goals = plain.forms[0].goals
    assert goals.overall == "保持全县主要河道水面清洁，无成片漂浮物。"
    assert goals.achieved == "全年保洁河道46公里，水面无成片漂浮物。"


def test_plain_text_indicator_rows(plain):
    form = plain.forms[0]
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in form.indicators] == [
        ("保洁河道长度", "≥45 公里", "46 公里", Decimal(25), Decimal(25)),
        ("河面漂浮物清理率", "≥95%", "93%", Decimal(25), Decimal("24.47")),
        ("群众投诉次数", "≤5次", "3次", Decimal(30), Decimal(30)),
        ("沿河居民满意度", "≥90%", "91%", Decimal(10), Decimal(10)),
    ]
    assert levels_of(form) == [
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]
    assert form.indicators[1].deviation == "汛期漂浮物增多，清理不及时。下一步增加汛期保洁班次。"
    assert form.total_score == Decimal("98.97")


def test_plain_text_leaves_only_the_page_footer(plain):
    assert [f.code for f in plain.findings] == ["page-footer"]


CENTRED_PLAIN = [
    "项目支出绩效自评表",
    "（2022年度）",
    "项目名称 老年助餐服务补助",
    "主管部门 临江县民政局 实施单位 临江县养老服务中心",
    "年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 120 120 120 10 100% 10",
    "项目资金",
    "其中：本年财政拨款 120 120 120 — — —",
    "（万元）",
    "预期目标 实际完成情况",
    "年度总体",
    "为全县老年人提供助餐服务。 全年助餐服务8.2万人次。",
    "目标",
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
    "助餐服务人次 ≥8万人次 8.2万人次 20 20",
    "数量指标 偏差原因：部分助餐点装修停业，",
    "助餐点数量 ≥30个 28个 20 18.67 新增助餐点未按期",
    "开业。改进措施：加快新助餐点建设。",
    "产出指标（50分",
    "质量指标 食品安全检查合格率 100% 100% 10 10",
    "）",
    "效益指标（30分） 社会效益指标 老年人就餐便利度 明显提升 明显提升 30 30",
    "满意度指标（10",
    "服务对象满意度指标 就餐老人满意度 ≥90% 95% 10 10",
    "分）",
    "总分 100 98.67",
]


def test_plain_text_with_centred_labels_and_cells():
    result = parse(CENTRED_PLAIN)
    form = result.forms[0]
    assert form.funds.currency_unit == "万元"
    assert form.goals.overall == "为全县老年人提供助餐服务。"
    assert form.goals.achieved == "全年助餐服务8.2万人次。"
    assert levels_of(form) == [
        ("产出指标", "数量指标"),
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]
    assert [(g.name, g.weight) for g in form.groups] == [
        ("产出指标", Decimal(50)),
        ("效益指标", Decimal(30)),
        ("满意度指标", Decimal(10)),
    ]
    # the deviation cell spreads over the line above its row and the line below it
    assert form.indicators[1].deviation == (
        "偏差原因：部分助餐点装修停业，新增助餐点未按期开业。改进措施：加快新助餐点建设。"
    )
    assert form.indicators[0].deviation is None
    assert unplaced(result) == []


def test_plain_text_a_wrapped_value_joins_the_value_above():
    lines = [*PLAIN[:3], "项目名称 城乡河道与水库", "库区保洁服务", *PLAIN[4:]]
    result = parse(lines)
    assert result.forms[0].project.name == "城乡河道与水库库区保洁服务"
    assert not uncertain_paths(result)
    # After a line of two pairs the wrapped line may continue either value: reported.
    lines = [*PLAIN[:4], "主管部门 临江县水利局 实施单位 临江县河道管理", "站", *PLAIN[5:]]
    result = parse(lines)
    assert result.forms[0].project.unit == "临江县河道管理站"
    assert (0, "project.unit") in uncertain_paths(result)


def test_plain_text_a_line_partly_read_reports_the_rest():
    lines = [*PLAIN[:8], "年度资金总额 36.00 40.00 38.00 10 95.00% 9.50 见说明", *PLAIN[9:]]
    result = parse(lines)
    assert result.forms[0].funds.execution_score == Decimal("9.50")
    assert unplaced(result) == ["见说明"]


def test_plain_text_a_loose_line_between_two_rows_with_deviations_is_reported():
    rows = [
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标 数量指标 保洁河道长度 ≥45公里 44公里 50 48.89 部分河段施工。",
        "改进措施：调整保洁范围。",
        "效益指标 社会效益指标 群众投诉次数 ≤5次 6次 40 33.33 汛期投诉增多。",
        "总分 100 92.22",
    ]
    result = parse([*PLAIN[:20], *rows])
    form = result.forms[0]
    # It ends a sentence: the row above takes it, but it may open the cell below.
    assert form.indicators[0].deviation == "部分河段施工。\n改进措施：调整保洁范围。"
    assert (0, "indicators[0].deviation") in uncertain_paths(result)


@pytest.mark.parametrize("name", ["self_eval_2023", "two_sheets_2023"])
def test_a_published_pdf_copied_as_plain_text_parses_to_its_expected_forms(name):
    # What a user gets by copying the text out of the PDF: centred labels and cells on
    # lines of their own, 项目资金 / （万元） apart, points suffixes broken over lines.
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(FILES / f"{name}.pdf") as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "\t" not in text
    result = parse_bytes(f"{name}.txt", text.encode("utf-8"))
    expected = json.loads((FILES / f"{name}.expected.json").read_text(encoding="utf-8"))
    misses = differences(expected, result.to_dict())
    assert not misses, "\n".join(misses)
    assert unplaced(result) == []


# --- levels, as the table prints them ----------------------------------------------------


def _levels_form(rows):
    return parse(table_form(rows, total=("总分", "", "", "", "", "", "100", "100", "")))


def _row(level1, level2, name, points):
    return ("", level1, level2, name, "1个", "1个", points, points, "")


def test_a_top_aligned_table_inherits_what_the_vocabulary_does_not_know():
    rows = [
        _row("产出指标", "数量指标", "设备台数", "30"),
        _row("", "特色指标", "特色服务", "30"),
        _row("", "", "特色宣传", "30"),
    ]
    result = _levels_form(rows)
    assert levels_of(result.forms[0]) == [
        ("产出指标", "数量指标"),
        ("产出指标", "特色指标"),
        ("产出指标", "特色指标"),
    ]
    assert not uncertain_paths(result)


def test_a_level2_word_of_another_group_against_the_merged_cell_is_reported():
    rows = [_row("产出指标", "数量指标", "设备台数", "50"), _row("", "社会效益指标", "就诊", "40")]
    result = _levels_form(rows)
    assert levels_of(result.forms[0])[1] == ("效益指标", "社会效益指标")
    assert uncertain_paths(result)  # the group is inferred: its own cell is not printed


def test_rows_above_a_centred_level1_label_belong_to_its_group():
    rows = [_row("", "特色指标", "特色服务", "50"), _row("产出指标", "数量指标", "设备台数", "40")]
    assert levels_of(_levels_form(rows).forms[0]) == [
        ("产出指标", "特色指标"),
        ("产出指标", "数量指标"),
    ]


def test_an_unknown_level1_word_is_kept_as_printed():
    rows = [_row("业务指标", "数量指标", "设备台数", "90")]
    assert levels_of(_levels_form(rows).forms[0]) == [("业务指标", "数量指标")]


def test_level2_words_come_from_the_rule_set_and_the_vocabulary():
    groups = {g.name: g for g in load_config().ruleset_for("mof-2020-self-eval").groups}
    assert "生态效益指标" in groups["效益指标"].level2
    assert MOF.group_of("生态效益指标") == "效益指标"
    assert MOF.group_of("特色指标") is None


# --- plain text: lines made back into cells ------------------------------------------------


def _plain_with(line, instead):
    return parse([line if text == instead else text for text in PLAIN])


def test_plain_text_a_points_suffix_printed_with_spaces():
    form = _plain_with("产出指标 （50 分）", "产出指标").forms[0]
    assert (form.groups[0].name, form.groups[0].weight) == ("产出指标", Decimal(50))


def test_plain_text_a_unit_printed_apart_stays_with_its_value():
    row = "数量指标 接待团组 ≥60 批 68 批 25 25"
    form = _plain_with(row, "数量指标 保洁河道长度 ≥45 公里 46 公里 25 25").forms[0]
    first = form.indicators[0]
    assert (first.name, first.target, first.actual) == ("接待团组", "≥60 批", "68 批")
    assert (first.weight, first.score) == (Decimal(25), Decimal(25))


def test_plain_text_a_goal_line_the_space_does_not_split_is_one_goal():
    lines = [*PLAIN[:15], "预期目标 实际完成情况", "完成 60 次任务，按期完成。", *PLAIN[18:]]
    goals = parse(lines).forms[0].goals
    assert (goals.overall, goals.achieved) == ("完成 60 次任务，按期完成。", None)


def _line(n, text):
    return Block(n, (Cell(text, Source(line=n + 1)),))


def test_labels_stacked_over_lines_are_one_label():
    blocks = [_line(n, t) for n, t in enumerate(["年度", "总体", "目标", "预期目标 实际完成情况"])]
    joined, pieces = join_stacked(blocks, MOF)
    assert [b.text for b in joined] == ["年度总体目标", "预期目标 实际完成情况"]
    assert [b.index for b in pieces[0]] == [0, 1, 2]


def test_a_stacked_label_placed_places_every_piece():
    blocks = [_line(n, t) for n, t in enumerate(["项目资金", "（万元）", "其他"])]
    joined, pieces = join_stacked(blocks, MOF)
    assert [b.text for b in joined] == ["项目资金（万元）", "其他"]
    ledger = Ledger()
    ledger.take(joined[0])
    take_pieces(pieces, ledger)
    assert ledger.taken == {(0, 0), (1, 0)}


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("全年预算数（A）", "budget"),
        ("执行率(B/A)", "execution_rate"),
        ("年初预算数（万元）", "initial_budget"),
        ("调整数", None),
    ],
)
def test_funds_column_names(text, field):
    assert MOF.field("funds.columns", text) == field


def test_no_printed_weight_total_no_weight_finding():
    rows = [("", "产出指标", "数量指标", "更新设备台数", "≥12台", "12台", "50", "50", "")]
    total = ("总分", "", "", "", "", "", "", "60", "")
    assert "weight-total-differs" not in codes(parse(table_form(rows, total)))


def test_plain_text_a_goal_line_both_cells_could_take_is_reported():
    lines = [
        *PLAIN[:15],
        "预期目标 实际完成情况",
        "保持全县主要河道水面清洁。 全年保洁河道46公里。",
        "另有说明",
        *PLAIN[18:],
    ]
    result = parse(lines)
    goals = result.forms[0].goals
    assert (goals.overall, goals.achieved) == (
        "保持全县主要河道水面清洁。另有说明",
        "全年保洁河道46公里。",
    )
    assert (0, "goals.overall") in uncertain_paths(result)


def test_plain_text_a_level2_label_centred_between_its_rows():
    # 数量指标 spans the two rows; its label and the first line of the second row's deviation
    # share the line between them.
    rows = [
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "保洁河道长度 ≥45公里 46公里 30 30",
        "数量指标 部分河段施工，",
        "保洁点位数量 ≥20个 18个 20 18 点位未能按期",
        "设置。",
        "产出指标",
        "质量指标 河面漂浮物清理率 ≥95% 96% 40 40",
        "总分 100 98",
    ]
    result = parse([*PLAIN[:20], *rows])
    form = result.forms[0]
    assert levels_of(form) == [("产出指标", "数量指标")] * 2 + [("产出指标", "质量指标")]
    assert form.indicators[1].deviation == "部分河段施工，点位未能按期设置。"
    assert form.indicators[0].deviation is None
    assert unplaced(result) == []


# --- web copies: one space between cells ---------------------------------------------------

VARIANTS = Path(__file__).parent / "fixtures" / "variants"


def _tabbed_mof_variants():
    out = []
    for document in sorted(VARIANTS.glob("*.txt")):
        expected = json.loads(Path(f"{document}.json").read_text(encoding="utf-8"))
        mof = any(f["template"] == "mof-2020-self-eval" for f in expected["forms"])
        if mof and "\t" in document.read_text(encoding="utf-8"):
            out.append(pytest.param(document, expected, id=document.name[:2]))
    return out


@pytest.mark.parametrize("space", [" ", "   "], ids=["one-space", "space-run"])
@pytest.mark.parametrize(("document", "expected"), _tabbed_mof_variants())
def test_a_copy_with_spaces_between_cells_reads_as_the_table_text(document, expected, space):
    # The same form copied from a web page (cells one space apart) or a PDF's text keeping
    # its layout (runs of spaces), empty cells (merged or blank) gone. The hand-written
    # expected result of the table text still holds.
    lines = document.read_text(encoding="utf-8").splitlines()
    flat = [space.join(c.strip() for c in line.split("\t") if c.strip()) for line in lines]
    result = parse(flat)
    assert not differences(expected, result.to_dict())
    assert unplaced(result) == []


def test_plain_text_a_row_between_two_level2_labels_goes_with_the_centred_one_reported():
    # 质量指标 printed between its two rows (centred), the row above it printing no level-2
    # name: it is 质量指标's first row, unless 数量指标's cell is top-aligned over it.
    rows = [
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标 数量指标 保洁河道长度 ≥45公里 46公里 30 30",
        "河面漂浮物清理率 ≥95% 96% 30 30",
        "质量指标",
        "垃圾清运及时率 100% 100% 30 30",
        "总分 90 90",
    ]
    result = parse([*PLAIN[:20], *rows])
    assert levels_of(result.forms[0]) == [
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("产出指标", "质量指标"),
    ]
    assert (0, "indicators[1].level2") in uncertain_paths(result)


PROVINCES = Path(__file__).parent / "fixtures" / "provinces"


@pytest.mark.parametrize(
    "name", ["national_2021_self_eval", "cut_short_self_eval", "stacked_self_evals"]
)
def test_a_provinces_pdf_copied_as_plain_text_reads_as_the_pdf(name):
    # Centred level labels and deviation cells that start on the line above their row.
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(PROVINCES / f"{name}.pdf") as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    result = parse_bytes(f"{name}.txt", text.encode("utf-8"))
    expected = json.loads((PROVINCES / f"{name}.expected.json").read_text(encoding="utf-8"))
    misses = differences(expected, result.to_dict())
    assert not misses, "\n".join(misses)
    assert unplaced(result) == []


def test_plain_text_a_value_centred_on_its_label_row_over_two_lines():
    lines = [
        *PLAIN[:4],
        "临江县水利",
        "主管部门 实施单位 临江县河道管理站",
        "局",
        *PLAIN[5:],
    ]
    project = parse(lines).forms[0].project
    assert (project.department, project.unit) == ("临江县水利局", "临江县河道管理站")
