"""The label set taken from ``jixiao.io.vocabulary``: every layout's labels with their roles."""

from jixiao.io.cellsplit import from_vocabulary, recover_cells
from jixiao.io.cellsplit.labels import COLUMN, FIELD, FUNDS, LEVEL1, LEVEL2, ROW, matcher
from tests.io.cellsplit.labelsets import page, rows_of


def info(label):
    return matcher(from_vocabulary()).index[label]


def test_roles_of_printed_labels():
    assert info("一级指标").roles == frozenset({COLUMN})
    assert info("一级指标").columns == frozenset({"level1"})
    assert info("年度指标值").columns == frozenset({"target"})
    assert ROW in info("年度资金总额").roles
    assert FIELD in info("项目名称").roles
    assert info("数量指标").roles == frozenset({LEVEL2})
    # Level 1 on the 2021 tree, level 2 on the 2020 one: both roles kept.
    assert {LEVEL1, LEVEL2} <= info("成本指标").roles
    # The funds block's labels, of every kind, are also funds labels; no other label is.
    assert {FUNDS, COLUMN} <= info("项目总投资").roles
    assert {FUNDS, ROW} <= info("中央补助安排").roles
    assert FUNDS in info("年度资金总额及构成").roles
    assert FUNDS not in info("项目名称").roles and FUNDS not in info("年度指标值").roles


def test_empty_marks_and_comparators_of_the_vocabulary_are_no_labels():
    index = matcher(from_vocabulary()).index
    assert "-" not in index and "无" not in index and "大于等于" not in index
    # Words a name ends in (率, 性) are printed inside values: no labels either.
    assert "率" not in index and "性" not in index


def test_the_vocabulary_splits_the_anhui_page():
    doc, _ = recover_cells(page("anhui"), from_vocabulary())
    name = "指标1:完成中型灌区节水改造项目数量"
    assert rows_of(doc, 16) == [["", "", "数量指标", name, "1", "1", "10", "10"]]
    assert rows_of(doc, 8) == [["年度资金总额:", "880", "880", "880", "10", "", "10"]]
