"""Rows of tab-separated text that lost merged level cells, put back under their columns."""

from decimal import Decimal

from jixiao.io.document import Block, Cell, Document, Ledger, Source
from jixiao.io.structure.importer import extract

HEADER = [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
]


def tab_text(rows):
    """A text document of tab-separated lines (no merged-cell copies, as copied text has)."""
    blocks = [
        Block(n, tuple(Cell(t, Source(line=n + 1)) for t in row)) for n, row in enumerate(rows)
    ]
    return Document("form.txt", tuple(blocks), "text")


def indicators(rows):
    result = extract(tab_text([HEADER, *rows]), Ledger())
    return [(i.level1, i.level2, i.name, i.target, i.weight) for i in result.forms[0].indicators]


def test_a_row_shifted_right_by_an_extra_empty_cell_is_read_under_its_columns():
    # seed 001: "| | | 时效指标 | 项目计划完成及时性 | 100% | 100% | 10 | 10"
    rows = [
        ["", "产出指标", "数量指标", "工作次数", "≥60次", "70次", "10", "10"],
        ["", "", "", "时效指标", "项目计划完成及时性", "100%", "100%", "10", "10"],
    ]
    assert indicators(rows)[1] == (
        "产出指标",
        "时效指标",
        "项目计划完成及时性",
        "100%",
        Decimal(10),
    )


def test_a_row_shifted_left_keeps_its_levels_by_their_names():
    # seed 001: "满意度 指标 | 服务对象 满意度指 标 | 服务对象满意度 | ≥95% | 98% | 10 | 10"
    rows = [
        ["", "产出指标", "数量指标", "工作次数", "≥60次", "70次", "10", "10"],
        ["满意度 指标", "服务对象 满意度指 标", "服务对象满意度", "≥95%", "98%", "10", "10"],
    ]
    assert indicators(rows)[1] == (
        "满意度指标",
        "服务对象满意度指标",
        "服务对象满意度",
        "≥95%",
        Decimal(10),
    )


def test_a_cell_in_a_level_column_that_is_no_level_name_is_the_indicator_name():
    # seed 001: "| 费用标准 | | 符合标准 | 符合标准 | 5 | 5 |" under 产出指标 / 成本指标
    rows = [
        ["", "产出指标", "成本指标", "成本控制", "预算内", "预算内", "5", "5"],
        ["", "费用标准", "", "符合标准", "符合标准", "5", "5", ""],
    ]
    assert indicators(rows)[1] == ("产出指标", "成本指标", "费用标准", "符合标准", Decimal(5))


def test_a_row_that_lost_its_level_cells_is_anchored_on_its_weight_and_score():
    # The rightmost pair of numbers is weight and score; the 无 after them is the deviation.
    header = [*HEADER, "偏差原因分析及改进措施"]
    rows = [
        ["", "效益指标", "满意度指标", "服务对象满意度", "≥95%", "98%", "10", "10", "无"],
        ["补贴对象满意度", "≥90%", "93.6%", "10", "10", "无"],
    ]
    result = extract(tab_text([header, *rows]), Ledger())
    second = result.forms[0].indicators[1]
    assert (second.level1, second.level2, second.name) == (
        "效益指标",
        "满意度指标",
        "补贴对象满意度",
    )
    assert (second.target, second.actual, second.weight, second.score, second.deviation) == (
        "≥90%",
        "93.6%",
        Decimal(10),
        Decimal(10),
        "无",
    )
