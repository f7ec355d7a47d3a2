"""Shapes of printed values (examples from SPEC §3 and the corpus pages)."""

import pytest

from jixiao.io.cellsplit.shapes import VALUE, Shape, classify, is_comparator, is_unit


@pytest.mark.parametrize(
    ("word", "shape"),
    [
        ("880", Shape.NUMBER),
        ("506,745.04", Shape.NUMBER),
        ("10", Shape.NUMBER),
        ("9.08", Shape.NUMBER),  # a weight or a score is a bare number; 无, —, 95%, 优 are not
        ("无", Shape.MARK),
        ("—", Shape.MARK),
        ("95%", Shape.VALUE),
        ("优", Shape.TEXT),
        ("≥60 次", Shape.VALUE),
        (">=90%", Shape.VALUE),
        ("90%", Shape.VALUE),
        ("0.00%", Shape.VALUE),
        ("20万元", Shape.VALUE),
        ("≤2%", Shape.VALUE),
        ("=300天", Shape.VALUE),
        ("2023-01-01", Shape.VALUE),
        ("2019年12月", Shape.VALUE),
        ("-", Shape.MARK),
        ("/", Shape.MARK),
        ("(50分)", Shape.POINTS),
        ("（30-50）分", Shape.POINTS),
        ("指标1:工程质量合格", Shape.TEXT),
        ("支撑作用明显", Shape.TEXT),
        ("100%(历史标准)", Shape.TEXT),
    ],
)
def test_classify(word, shape):
    assert classify(word) is shape


def test_units_and_comparators_alone():
    assert is_unit("次") and is_unit("万元") and is_unit("%") and is_unit("人次")
    assert not is_unit("次数") and not is_unit("10")
    assert is_comparator("≥") and is_comparator("大于等于") and is_comparator("≧")
    assert not is_comparator("≥60")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("免费开放天数=300天质量指标", ["=300天"]),
        ("各项工作完成及时率%=99百分比", ["%=99百分比"]),
        # 甘肃's OCR read ═ as 二: a comparator only right before a digit.
        ("资金使用效率二100百分比", ["二100百分比"]),
        ("二级项目名称", []),
        ("项目完成H期2023-12-31项目总投资20万元", ["2023-12-31", "20万元"]),
        # Money printed with thousands separators has two decimals: the next digit is a cell.
        ("636,500626,500506,745.0410", ["636,500", "626,500", "506,745.04", "10"]),
        ("10606.7522万元", ["10606.7522万元"]),
    ],
)
def test_values_in_run_together_text(text, found):
    assert [m.group() for m in VALUE.finditer(text)] == found
