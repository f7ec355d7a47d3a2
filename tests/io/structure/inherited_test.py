"""Level-2 names inherited in flattened text, reported where the text does not settle them."""

from jixiao.core.model import Indicator
from jixiao.io.structure.centred import settle_level2s
from jixiao.io.structure.rows import Table


def table(rows):
    """``rows``: (level1, level2 as read, whether the row printed it, name)."""
    return Table(
        indicators=[Indicator(l1, l2, name) for l1, l2, _, name in rows],
        level2_from=["printed" if printed else None for _, _, printed, _ in rows],
    )


def test_a_row_between_two_printed_names_may_belong_to_either():
    read = table(
        [
            ("产出目标", "数量", True, "巡检次数"),
            ("产出目标", "数量", False, "故障修复数"),  # 数量 above, 质量 below
            ("产出目标", "质量", True, "数据准确率"),
        ]
    )
    settle_level2s(read)
    assert [(path, chosen, candidates) for path, chosen, candidates, *_ in read.uncertain] == [
        ("indicators[1].level2", "数量", ["数量", "质量"])
    ]
    assert read.indicators[1].level2 == "数量"


def test_a_row_before_the_first_printed_name_keeps_none():
    read = table([("产出目标", None, False, "系统可用率"), ("产出目标", "数量", True, "巡检次数")])
    settle_level2s(read)
    assert read.indicators[0].level2 is None
    assert [(path, candidates) for path, _, candidates, *_ in read.uncertain] == [
        ("indicators[0].level2", ["(空)", "数量"])
    ]


def test_the_last_rows_of_a_group_and_rows_under_one_name_are_settled():
    read = table(
        [
            ("效果目标", "社会效益", True, "受益人数"),
            ("效果目标", "社会效益", False, "带动就业"),
            ("影响力目标", "长效管理", True, "制度建设"),
        ]
    )
    settle_level2s(read)
    assert read.uncertain == []
