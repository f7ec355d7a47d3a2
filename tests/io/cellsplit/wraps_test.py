"""Wrapped lines of a PDF copy's indicator cells, joined to their row (``cellsplit.wraps``).

The lines are written by hand in the shape of seed 003's table; what each row must hold is
read off the text.
"""

from jixiao.io.cellsplit import from_vocabulary, recover_cells
from jixiao.io.readers.txt import read

HEADER = "一级目标 二级目标 三级目标 指标目标值\n\n投入与管理\n\n"


def recovered(table):
    return recover_cells(read("hand.txt", (HEADER + table).encode()), from_vocabulary())


def rows(recovery):
    return [b.texts for b in recovery.document.blocks if not b.blank][2:]


def test_a_target_printed_under_its_name_opens_the_target_cell():
    recovery = recovered(
        "质量 完成项目预期规模\n按照年度总体要求和\n计划安排完成\n\n数量 预算执行率 >=90%\n"
    )
    assert rows(recovery) == [
        ["", "质量", "完成项目预期规模", "按照年度总体要求和\n计划安排完成"],
        ["", "数量", "预算执行率", ">=90%"],
    ]
    # lines 6 and 7 are kept in the row of line 5
    assert recovery.wrapped == {6: 5, 7: 5}


def test_a_wrapped_target_goes_on_in_its_cell_even_where_it_holds_labels():
    recovery = recovered(
        "财务管理 资金使用合规性 是否符合财务管理\n制度以及有关专项资金管理办法的规定\n"
    )
    assert rows(recovery) == [
        ["", "财务管理", "资金使用合规性", "是否符合财务管理\n制度以及有关专项资金管理办法的规定"]
    ]


def test_a_cell_runs_on_over_a_page_number():
    recovery = recovered("质量 设施完好率 不低于95%，损坏\n\n- 2 -\n\n设施当日修复\n")
    assert rows(recovery)[0] == ["", "质量", "设施完好率", "不低于95%，损坏\n设施当日修复"]


def test_a_blank_line_a_level_name_a_value_or_an_ellipsis_is_no_wrap():
    recovery = recovered("数量 预算执行率 >=90%\n\n人员到位情况\n产出目标\n(50分)\n……\n")
    assert recovery.wrapped == {}
    assert rows(recovery)[0] == ["", "数量", "预算执行率", ">=90%"]


def test_a_row_whose_cells_ran_together_wraps_nothing():
    recovery = recovered("数量预算执行率>=90%\n人员到位情况\n")
    assert recovery.wrapped == {}


SELF_EVAL = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"


def self_eval_rows(table):
    recovery = recover_cells(read("hand.txt", (SELF_EVAL + table).encode()), from_vocabulary())
    return [b.texts for b in recovery.document.blocks if not b.blank][1:]


def test_a_line_after_a_rows_figures_goes_on_in_the_deviation_not_the_score():
    deviation = "部分学员返岗后应用不足，下一步建立训后跟踪回"
    texts = self_eval_rows(
        f"效益指标 社会效益指标 培训成果转化应用 有效转化 部分转化 10 8 {deviation}\n访机制。\n"
    )
    assert texts[0][-3:] == ["10", "8", f"{deviation}\n访机制。"]


def test_a_line_after_a_rows_figures_opens_its_empty_deviation():
    texts = self_eval_rows("产出指标 数量指标 培训期数 ≥12期 14期 10 10\n提前完成。\n")
    assert texts[0][-3:] == ["10", "10", "提前完成。"]


def test_a_finished_deviation_takes_no_unfinished_line():
    # the line opens the deviation of the row below it, centred on it (structure.centred)
    texts = self_eval_rows(
        "产出指标 数量指标 培训期数 ≥12期 14期 10 9 线上课程增加。\n"
        "部分小区收运时间安排不合理，已调整收\n"
    )
    assert texts[0][-1] == "线上课程增加。"
    assert [t for t in texts[1] if t] == ["部分小区收运时间安排不合理，已调整收"]
