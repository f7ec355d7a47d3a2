"""Helpers of the old layout importers that the Shanghai importers still use.

They go with those importers (issue 9: the structure importer replaces them); the cases
were written by hand for the MoF importer, which is read by structure now.
"""

import pytest

from jixiao.io.document import Block, Cell, Ledger, Source
from jixiao.io.importers.cells import after, find, label_key, value_after
from jixiao.io.importers.indicator_rows import is_points, weight_position


def block(*texts):
    return Block(0, tuple(Cell(t, Source(line=1, column=i + 1)) for i, t in enumerate(texts)))


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("10", True),
        ("9.08", True),
        ("无", False),
        ("-", False),
        ("—", False),
        ("95%", False),
        ("优", False),
    ],
)
def test_is_points(text, points):
    assert is_points(text) is points


def test_weight_position_skips_a_deviation_of_none():
    assert weight_position(["补贴对象满意度", "≥90%", "93.6%", "10", "10", "无"]) == 3
    assert weight_position(["名称", "≥90%", "93.6%", "10", "无"]) is None


def test_cells_find_a_label_and_its_value():
    row = block("项目名称：", "", "河道保洁", "主管部门", "临江县水利局")
    assert label_key(" 项目 名称： ") == "项目名称"
    hit = find([row], "主管部门")
    assert (hit.cell, after(hit)) == (3, [(4, "临江县水利局")])
    assert find([row], "项目", start=True).cell == 0
    ledger = Ledger()
    value = value_after(find([row], "项目名称"), ledger, ("主管部门",))
    assert value == "河道保洁"
    assert ledger.taken == {(0, 0), (0, 2)}
    assert value_after(None, ledger) is None
