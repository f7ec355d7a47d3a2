"""The funds block in its printed shapes: a table, lines of label and amount, parts."""

from decimal import Decimal

from tests.io.structure.helpers import HEADER, codes, read

INDICATORS = [HEADER[:4], ["产出指标", "数量指标", "培训期数", "≥12期"]]


def funds_of(rows):
    result, left = read([*rows, *INDICATORS])
    return result.forms[0].funds, result, left


def test_a_funds_table_gives_the_totals_and_the_sources():
    funds, _, left = funds_of(
        [
            [
                "项目资金（万元）",
                "",
                "年初预算数",
                "全年预算数(A)",
                "全年执行数(B)",
                "分值",
                "执行率(B/A)",
                "得分",
            ],
            [
                "^项目资金（万元）",
                "年度资金总额",
                "86.50",
                "92.36",
                "87.15",
                "10",
                "94.36%",
                "9.44",
            ],
            ["^项目资金（万元）", "其中：本年财政拨款", "80.00", "86.36", "82.35", "—", "—", "—"],
        ]
    )
    assert funds.currency_unit == "万元"
    assert (funds.initial_budget, funds.budget, funds.executed) == (
        Decimal("86.50"),
        Decimal("92.36"),
        Decimal("87.15"),
    )
    assert (funds.execution_rate, funds.execution_score) == (Decimal("94.36"), Decimal("9.44"))
    assert [(s.name, s.executed) for s in funds.sources] == [("本年财政拨款", Decimal("82.35"))]
    assert left == []


def test_a_two_row_header_names_the_columns_by_its_sub_headings():
    funds, _, _ = funds_of(
        [
            ["项目资金（万元）", "", "预算数", "", "全年执行数"],
            ["^项目资金（万元）", "", "年初预算数", "全年预算数", "^全年执行数"],
            ["^项目资金（万元）", "年度资金总额", "520.00", "560.00", "548.80"],
        ]
    )
    assert (funds.initial_budget, funds.budget, funds.executed) == (
        Decimal("520.00"),
        Decimal("560.00"),
        Decimal("548.80"),
    )


def test_a_column_the_vocabulary_does_not_name_is_reported_and_its_values_left():
    _, result, left = funds_of(
        [
            ["项目资金（万元）", "", "年初预算数", "调整数", "全年预算数"],
            ["", "年度资金总额", "50", "+5", "55"],
        ]
    )
    assert [f.found for f in result.findings if f.code == "unknown-column"] == ["调整数"]
    assert left == ["+5"]


def test_lines_of_label_and_amount_pairs_with_units_glued():
    funds, _, _ = funds_of(
        [
            ["项目资金", "项目总预算", "1500万元"],
            ["^项目资金", "年度资金总额", "500万元"],
            ["^项目资金", "其中：财政拨款", "450万元"],
            ["当年预算数(元):", "1,040,000.00", "上年预算金额(元):", "1,160,000.00"],
        ]
    )
    assert funds.currency_unit == "万元"
    assert (funds.total_budget, funds.budget) == (Decimal(1500), Decimal(500))
    assert funds.previous_budget == Decimal("1160000.00")
    assert [(s.name, s.budget) for s in funds.sources] == [("财政拨款", Decimal(450))]


def test_numbered_sources_leave_their_parts_out():
    funds, _, left = funds_of(
        [
            ["资金总额及构成", "总额", "860.00"],
            ["^资金总额及构成", "一、财政拨款", "800.00"],
            ["^资金总额及构成", "其中：上级财政资金", "600.00"],
            ["^资金总额及构成", "二、自有资金", "0.00"],
        ]
    )
    assert funds.budget == Decimal("860.00")
    assert [(s.name, s.budget) for s in funds.sources] == [
        ("财政拨款", Decimal("800.00")),
        ("自有资金", Decimal("0.00")),
    ]
    assert left == ["其中：上级财政资金", "600.00"]


def test_a_table_of_the_budgets_parts_gives_its_components():
    funds, _, _ = funds_of(
        [
            ["部门职能", "年度目标任务", "支出项目名称", "预算金额"],
            ["档案保管", "接收档案", "档案数字化加工", "260.00"],
            ["^档案保管", "^接收档案", "档案库房设备维护", "60.00"],
        ]
    )
    assert [(c.name, c.amount) for c in funds.components] == [
        ("档案数字化加工", Decimal("260.00")),
        ("档案库房设备维护", Decimal("60.00")),
    ]


def test_a_funds_table_printing_no_unit_is_reported_uncertain():
    _, result, _ = funds_of(
        [["项目资金", "年初预算数", "全年预算数"], ["年度资金总额", "50", "50"]]
    )
    assert result.forms[0].funds.currency_unit is None
    assert "uncertain-value" in codes(result)
