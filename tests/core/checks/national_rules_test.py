"""The 2021+ national rules, the missing-满意度 rule of 10号 and 四川's execution rule.

Every form is built by hand; the sums are in the comments.
"""

from dataclasses import replace
from decimal import Decimal

import pytest

from jixiao.core.checks.runner import check_form
from jixiao.core.findings import Severity
from jixiao.core.model import Group
from jixiao.core.rulesets import load_config
from tests.core.handmade import funds, groups, row, scored_rows, self_evaluation, target

W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO
LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")


def found(form, config):
    return sorted((f.code, f.location.path, f.severity) for f in check_form(form, config).findings)


OUTPUTS = ("数量指标", "质量指标", "时效指标")


def form_2021(outputs, effects="30", template="mof-2021-self-eval"):
    """预算执行率 10 + 产出 ``outputs`` (数量, 质量, 时效 rows of the given weights) + 效益 +
    满意度 10 + 成本 5; 产出指标 printed with the band (30-50)分. Scores equal weights, 9.5 for
    execution."""
    rows = [row("产出指标", f"产出{i}", w, w, level2=OUTPUTS[i]) for i, w in enumerate(outputs)]
    rows += scored_rows(效益指标=effects, 满意度指标="10", 成本指标="5")
    total = 9.5 + sum(int(w) for w in outputs) + int(effects) + 10 + 5
    return self_evaluation(
        template, rows, total=str(total), grade="优", groups=groups(*LEVEL1, band=(0, "30", "50"))
    )


def test_a_2021_form_within_its_band_passes(config):
    # 10 + (15 + 10 + 20) + 30 + 10 + 5 = 100; 产出 45 lies in 30–50; total 9.5 + 90 = 99.5
    assert found(form_2021(["15", "10", "20"]), config) == []


@pytest.mark.parametrize("outputs", [["10", "10", "10"], ["30", "10", "10"]])
def test_the_bounds_of_a_band_are_inside_it(outputs, config):
    summed = sum(int(w) for w in outputs)  # 30 or 50
    effects = str(75 - summed)  # 10 + 产出 + 效益 + 10 + 5 = 100: 效益 45 or 25
    assert found(form_2021(outputs, effects), config) == []


@pytest.mark.parametrize(
    ("outputs", "effects", "summed", "also"),
    [
        (["30", "15", "10"], "20", "55", []),
        # 效益 is one row of 50 of the 90 indicator points: more than half (weight-concentrated)
        (["5", "10", "10"], "50", "25", [("weight-concentrated", "indicators[3].weight", W)]),
    ],  # 10 + 55 + 20 + 15 = 100; 10 + 25 + 50 + 15
)
def test_a_2021_form_outside_its_band_fires(outputs, effects, summed, also, config):
    report = check_form(form_2021(outputs, effects), config)
    assert [(f.code, f.location.path, f.severity) for f in report.findings] == [
        ("weight-sum", "groups[0].band", E),
        *also,
    ]
    (band,) = [f for f in report.findings if f.code == "weight-sum"]
    assert (band.expected, band.found) == ("30–50", summed)


def a_2021_target(quantity):
    """产出 (数量 ``quantity`` + 质量 15 + 时效 10) + 效益 25 + 满意度 10 + 成本 10."""
    weights = [("产出指标", "数量指标", quantity), ("产出指标", "质量指标", "15")]
    weights += [("产出指标", "时效指标", "10"), ("效益指标", None, "25")]
    weights += [("满意度指标", None, "10"), ("成本指标", None, "10")]
    rows = [
        row(l1, f"{l1}{i}", w, target="≥2次", actual=None, level2=l2)
        for i, (l1, l2, w) in enumerate(weights)
    ]
    return target("mof-2021-target", rows, groups=groups(*LEVEL1, band=(0, "30", "50")))


def test_a_band_is_checked_on_a_target_too(config):
    # 产出 30 + 15 + 10 = 55 over (30-50); all weights 55 + 25 + 10 + 10 = 100
    assert found(a_2021_target("30"), config) == [("weight-sum", "groups[0].band", E)]
    # 产出 20 + 15 + 10 = 45; all weights 90 (预算执行 10 kept off the targets)
    assert found(a_2021_target("20"), config) == []


def test_cost_indicators_as_a_level_1_give_no_false_split_warning(config):
    # 10 + 40 + 30 + 10 + 10 = 100: 101号 fixes no split
    rows = scored_rows(产出指标="40", 效益指标="30", 满意度指标="10", 成本指标="10")
    form = self_evaluation("mof-2021-self-eval", rows, total="99.5", grade="优")
    assert found(form, config) == []
    assert found(replace(form, template=None), config) == [
        ("check-skipped", "template", INFO),  # grade-mismatch needs the form's own template
        ("ruleset-inferred", "template", INFO),
    ]
    # Printed as the 2020 template, the same split is 2020's to judge: 产出 40 of 50.
    assert found(replace(form, template="mof-2020-self-eval"), config) == [
        ("group-weights", "groups", W)
    ]


@pytest.mark.parametrize(("outputs", "effects"), [("55", "35"), ("60", "30"), ("50", "40")])
def test_no_satisfaction_group_moves_its_10_to_outputs_and_effects(outputs, effects, config):
    rows = scored_rows(产出指标=outputs, 效益指标=effects)  # 10 + 90 = 100
    form = self_evaluation("mof-2020-self-eval", rows, total="99.5", grade="优")
    assert found(form, config) == []


def test_the_moved_10_must_not_take_from_a_group(config):
    rows = scored_rows(产出指标="45", 效益指标="45")  # 产出 below its 50
    report = check_form(self_evaluation("mof-2020-self-eval", rows, total="99.5"), config)
    (split,) = report.findings
    assert split.code == "group-weights"
    assert split.found == "预算执行率 10 / 产出指标 45 / 效益指标 45"
    assert (
        split.expected == "预算执行率 10 / 产出指标 ≥50 / 效益指标 ≥30 (产出指标 + 效益指标 = 90)"
    )


def test_the_moved_10_must_go_somewhere(config):
    rows = scored_rows(产出指标="50", 效益指标="30")  # 10 + 80 = 90: the 10 was dropped
    form = self_evaluation("mof-2020-self-eval", rows, total="89.5", grade="良")
    assert found(form, config) == [
        ("group-weights", "groups", W),
        ("weight-sum", "indicators", E),
    ]


def sichuan(rate_funds, template="sichuan-2023-self-eval"):
    rows = scored_rows(产出指标="50", 效益指标="30", 满意度指标="10")
    total = str(rate_funds.execution_score + 90)
    return self_evaluation(template, rows, funds=rate_funds, total=total, grade="优")


# 85000 ÷ 100000 = 85.00 %, 8.5 of 10 points
EIGHTY_FIVE = funds(executed="85000", rate="85.00", score="8.50")


def test_sichuan_asks_a_reason_below_90_percent(config):
    assert found(sichuan(EIGHTY_FIVE), config) == [("low-execution", "funds.execution_rate", W)]
    assert found(sichuan(funds()), config) == []  # 95 %


def test_sichuans_own_90_percent_rule_stands_over_a_deployments_threshold(tmp_path):
    settings = tmp_path / "d.toml"
    settings.write_text('[checks.low-execution]\nthreshold = "80"\n', encoding="utf-8")
    config = load_config(settings)
    assert found(sichuan(EIGHTY_FIVE), config) == [("low-execution", "funds.execution_rate", W)]
    assert found(sichuan(EIGHTY_FIVE, "mof-2020-self-eval"), config) == []


def test_sichuans_execution_points_follow_10_hao(config):
    form = sichuan(replace(funds(), execution_score=Decimal("10")))  # 95 % gives 9.5, not 10
    assert ("exec-score-mismatch", "funds.execution_score", E) in found(form, config)


def test_a_targets_printed_group_weights_may_be_on_a_scale_of_their_own(config):
    # 吉林 2016: 预算绩效 权重 50 over indicators of 60 + 40 = 100 points; 项目产出 50 over 100.
    rows = [
        row("预算绩效", "预算执行率", "60", target="≥90%", actual=None),
        row("预算绩效", "资金到位率", "40", target="=100%", actual=None),
        row("项目产出", "检验批次", "100", target="≥500批", actual=None),
    ]
    weighted = (Group("预算绩效", Decimal("50")), Group("项目产出", Decimal("50")))
    form = target("jilin-2016-eval", rows, groups=weighted)
    # 吉林's tree is its own: no national group or cost indicator is asked of it.
    assert found(form, config) == [("ruleset-inferred", "template", INFO)]
