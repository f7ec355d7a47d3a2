"""The web's level check (``jixiao.web.store.levels``): names outside the layout's tree, by hand."""

from jixiao.core.model import Form, FormKind, Indicator
from jixiao.web.store.checking import check_in_web
from jixiao.web.store.levels import level_findings


def target(template, *levels):
    rows = tuple(
        Indicator(l1, l2, f"指标{i + 1}", target="≥1次") for i, (l1, l2) in enumerate(levels)
    )
    return Form(kind=FormKind.TARGET, template=template, year=2024, indicators=rows)


def test_names_outside_the_shanghai_2020_tree():
    form = target(
        "sh-2020-target",
        ("产出目标", "数量"),  # in the tree
        ("投入与管理", "投入管理"),  # another spelling of 投入和管理目标
        ("产出指标", None),  # a national name
        ("效果目标", "数量"),  # 数量 is under 产出目标, not 效果目标
        (None, None),
    )
    found = [(f.location.path, f.expected, f.found) for f in level_findings(form, "doc", 0)]
    assert found == [
        ("indicators[2].level1", "投入和管理目标、产出目标、效果目标、影响力目标", "产出指标"),
        ("indicators[3].level2", "经济效益、社会效益、满意度", "数量"),
        ("indicators[4].level1", "投入和管理目标、产出目标、效果目标、影响力目标", ""),
    ]


def test_the_2021_national_tree_has_cost_indicators():
    form = target("mof-2021-target", ("成本指标", "经济成本指标"), ("成本指标", "数量指标"))
    assert [f.location.path for f in level_findings(form)] == ["indicators[1].level2"]


def test_a_layout_without_a_tree_has_free_level_names():
    assert level_findings(target(None, ("预算执行", None))) == []
    assert level_findings(target("hunan-target", ("预算执行", None))) == []


def test_the_web_check_adds_them_to_the_cores_findings():
    report = check_in_web(target("sh-2020-target", ("产出指标", None)))
    assert [f.severity for f in report.findings if f.code == "level-outside-tree"] == ["warning"]
