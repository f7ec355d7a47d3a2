"""Cells that ran together in a row, split by the columns left for them (rows of seed 001)."""

import pytest

from jixiao.io.cellsplit import LabelSet, recover_cells
from jixiao.io.cellsplit.table import doubled_tail, score_splits
from jixiao.io.readers.txt import read
from tests.io.cellsplit.labelsets import MOF_COLUMNS

LABELS = LabelSet.build(
    columns={**MOF_COLUMNS, "偏差原因": "deviation"},
    blocks=["绩效指标"],
    level1=["产出指标", "效益指标", "成本指标", "满意度指标"],
    level2=["数量指标", "社会效益指标", "可持续影响指标", "成本指标", "服务对象满意度指标"],
    rows=["年度资金总额", "上年结转资金"],
)
HEADER = "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施\n"
FUNDS = "项目资金年初预算数全年预算数全年执行数分值执行率得分\n"


def rows(text):
    recovery = recover_cells(read("glued.txt", text.encode()), LABELS)
    return [b.texts for b in recovery.document.blocks if not b.blank], recovery.uncertain


@pytest.mark.parametrize(
    ("word", "splits"),
    [("1010", [2]), ("108", [2]), ("55", [1]), ("10098.09", [3]), ("88100", [2]), ("2000", [])],
)
def test_score_splits(word, splits):
    # Both parts 0 to 100, no leading zero: 1|010 and 101|0 fail; 2000 has no such split.
    assert score_splits(word) == splits


def test_doubled_tail():
    assert doubled_tail("对口支援与合作交流工作的支撑作用支撑作用明显支撑作用明显") == 6
    assert doubled_tail("成本控制成本控制在预算内") == 0
    assert doubled_tail("健全健全") == 0  # nothing before the two copies: no name


def test_a_self_evaluation_row_that_ran_together():
    # Seed 001, form 0: 社会效益指标 | 对口支援与合作交流工作的支撑作用 | 支撑作用明显 | 支撑作用明显 | 10 | 10
    line = "效益指标社会效益指标对口支援与合作交流工作的支撑作用支撑作用明显支撑作用明显1010\n"
    table, uncertain = rows(HEADER + line)
    name = "对口支援与合作交流工作的支撑作用"
    assert table[1] == [
        "",
        "效益指标",
        "社会效益指标",
        name,
        "支撑作用明显",
        "支撑作用明显",
        "10",
        "10",
    ]
    (place,) = uncertain
    assert place.why == "run-together"
    unsplit = "对口支援与合作交流工作的支撑作用支撑作用明显支撑作用明显"
    assert any(unsplit in reading for reading in place.candidates)


def test_dashes_of_empty_cells_that_ran_together():
    table, _ = rows(FUNDS + "上年结转资金------\n")
    assert table[1] == ["上年结转资金", "-", "-", "-", "-", "-", "-"]


def test_a_number_that_is_a_score_itself():
    # 55 under an empty 分值 and 得分: 5 and 5 (a self-evaluation prints both), reported.
    table, uncertain = rows(HEADER + "数量指标赴对口支援地区工作次数≥60次70次55\n")
    assert table[1][2:] == ["数量指标", "赴对口支援地区工作次数", "≥60次", "70次", "5", "5"]
    assert [u.why for u in uncertain] == ["run-together"]
    # 10 is no weight 1 with a score 0: kept whole, and reported as run together.
    table, uncertain = rows(HEADER + "数量指标赴对口支援地区工作次数≥60次70次10\n")
    assert table[1][2:] == ["数量指标", "赴对口支援地区工作次数", "≥60次", "70次", "10"]
    assert [u.why for u in uncertain] == ["run-together"]


def test_a_column_heading_inside_a_row_is_words_of_its_cell():
    # Seed 001, form 2: the deviation cell starts with 偏差原因 (a heading of that column).
    line = (
        "满意度指标服务对象满意度指标服务对象满意度100%99%109偏差原因：工作精细化程度还有待提高。\n"
    )
    table, _ = rows(HEADER + line)
    deviation = "偏差原因：工作精细化程度还有待提高。"
    levels = ["", "满意度指标", "服务对象满意度指标", "服务对象满意度"]
    assert table[1] == [*levels, "100%", "99%", "10", "9", deviation]


def test_a_funds_row_that_ran_together():
    # Seed 001, form 0: 年度资金总额 | 636,500 | 626,500 | 506,745.04 | 10 | 80.88% | 8.09
    table, uncertain = rows(FUNDS + "年度资金总额636,500626,500506,745.041080.88%8.09\n")
    assert table[1] == ["年度资金总额", "636,500", "626,500", "506,745.04", "10", "80.88%", "8.09"]
    # Money has two decimals, so 506,745.04 ends there; 1080.88% is no rate: a weight and one.
    (place,) = uncertain
    assert place.why == "run-together"
