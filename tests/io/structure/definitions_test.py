"""An indicator name printed with its definition in brackets (SPEC §2.1)."""

import pytest

from jixiao.io.structure.values import split_definition


def test_a_formula_in_brackets_is_the_definition():
    assert split_definition("预算执行率(预算执行金额/预算总金额)") == (
        "预算执行率",
        "预算执行金额/预算总金额",
    )
    assert split_definition("预算执行率（执行数÷预算数）") == ("预算执行率", "执行数÷预算数")


@pytest.mark.parametrize(
    "name", ["上海市政府驻外办事处视频会议系统（运维）", "人均培训时长（小时）", "开放天数", None]
)
def test_other_brackets_stay_in_the_name(name):
    assert split_definition(name) == (name, None)
