"""Explicit separators: bars, runs of spaces, ideographic spaces and tabs (inputs by hand)."""

import pytest

from jixiao.io.cellsplit.tokens import has_separators, pieces


def cells(line):
    return [line[a:b] for a, b in pieces(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "部门职能 | 年度目标任务 | 预算金额(万元)",
            ["部门职能", "年度目标任务", "预算金额(万元)"],
        ),
        (
            " | | 确保日常工作正常运行 | 100% | 100%",
            ["", "", "确保日常工作正常运行", "100%", "100%"],
        ),
        (
            "项目名称|某县农村公路养护|主管部门|某县交通运输局",
            ["项目名称", "某县农村公路养护", "主管部门", "某县交通运输局"],
        ),
        ("年度预算安排(万元)   资金总额 171.41", ["年度预算安排(万元)", "资金总额 171.41"]),
        ("项目名称\u3000水旱灾害防御经费", ["项目名称", "水旱灾害防御经费"]),
        ("一级指标\t二级指标", ["一级指标", "二级指标"]),
        ("   上年结转资金 - -", ["上年结转资金 - -"]),
        ("   ", []),
    ],
)
def test_pieces(line, expected):
    assert cells(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("    上年结转资金 - -", False),  # indentation is no separator
        ("年度资金总额: 880 880", False),
        ("一级指标二级指标", False),
        ("资金总额 171.41 | 项目支出 60.8", True),
        ("年度预算安排(万元)   资金总额", True),
    ],
)
def test_has_separators(line, expected):
    assert has_separators(line) is expected
