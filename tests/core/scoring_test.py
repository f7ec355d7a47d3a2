"""SPEC §4 and §6: every figure worked out by hand from the seed documents."""

from dataclasses import replace
from decimal import Decimal

import pytest

from jixiao.core.model import Indicator
from jixiao.core.rulesets import load_config
from jixiao.core.scoring import rule_score, score_form
from jixiao.core.values import Direction, direction, parse_value
from tests.conftest import gold_form

D = Decimal


def scored(seed, index, config):
    form = gold_form(seed, index)
    return form, score_form(form, config.ruleset_for(form.template))


# Execution rate = executed ÷ budget, half-up to 2 decimals (SPEC §6), worked by hand:
# 1,649,758 ÷ 2,523,747 = 0.653693…; 98,700 ÷ 98,800 = 0.998987…; 1,027,026.81 ÷ 1,040,000 = 0.987526…;
# 506,745.04 ÷ 626,500 = 0.808851…; 151,881.2 ÷ 190,000 = 0.799374…; 172,492.71 ÷ 175,000 = 0.985672…
@pytest.mark.parametrize(
    ("seed", "index", "rate"),
    [
        ("000", 0, "65.37"),
        ("000", 1, "99.90"),
        ("002", 0, "98.75"),
        ("001", 0, "80.89"),
        ("001", 1, "79.94"),
        ("001", 2, "98.57"),
        ("001", 3, "100.00"),
    ],
)
def test_execution_rates(seed, index, rate, config):
    _, score = scored(seed, index, config)
    assert score.execution_rate_display == D(rate)


def test_the_printed_rate_80_88_is_a_slip_for_80_89(config):
    form, score = scored("001", 0, config)
    assert form.funds.execution_rate == D("80.88")
    assert score.execution_rate_display == D("80.89")


# min(10, 10 × rate) on the unrounded rate: 8.0885… → 8.09, 7.9937… → 7.99, 9.8567… → 9.86, 10.
@pytest.mark.parametrize(("index", "points"), [(0, "8.09"), (1, "7.99"), (2, "9.86"), (3, "10")])
def test_execution_points(index, points, config):
    _, score = scored("001", index, config)
    assert score.execution_score == D(points)


# Totals reproduce from their rows: 2019 by the indicator scores, 2022 with the funds row.
@pytest.mark.parametrize(
    ("seed", "index", "total"),
    [
        ("000", 0, "88"),
        ("000", 1, "89"),
        ("002", 0, "89"),
        ("001", 0, "98.09"),
        ("001", 1, "97.99"),
        ("001", 2, "98.86"),
        ("001", 3, "98.00"),
    ],
)
def test_totals_add_up(seed, index, total, config):
    form, score = scored(seed, index, config)
    assert score.declared_sum == D(total) == form.total_score


@pytest.mark.parametrize(
    ("seed", "index", "grade"), [("000", 0, "良好"), ("000", 1, "良好"), ("002", 0, "良好")]
)
def test_2019_grades(seed, index, grade, config):
    form, score = scored(seed, index, config)
    assert score.declared_grade == grade == form.grade


@pytest.mark.parametrize("index", range(4))
def test_2022_grades_are_excellent(index, config):
    form, score = scored("001", index, config)
    assert form.grade is None
    assert score.declared_grade == "优" and score.rule_grade == "优"


def test_the_satisfaction_row_scores_9_9_by_rule_and_9_by_hand(config):
    form, score = scored("001", 2, config)
    row = score.indicators[9]
    assert form.indicators[9].name == "服务对象满意度"
    assert (row.met, row.rule_score, form.indicators[9].score) == (False, D("9.90"), D("9"))
    # Rule total: 9.86 (funds row) + 80 (the nine other rows, all at full weight) + 9.9 = 99.76.
    assert score.rule_total == D("99.76")


def q(text, name="x"):
    return parse_value(text, name)


@pytest.mark.parametrize(
    ("target", "actual", "sense", "expected"),
    [
        ("≥60 次", "70 次", Direction.POSITIVE, (True, D("10"))),
        ("≥95%", "90%", Direction.POSITIVE, (False, D("9.47"))),  # 90 ÷ 95 × 10 = 9.4736…
        ("100%", "99%", Direction.POSITIVE, (False, D("9.90"))),
        (">95%", "95%", Direction.POSITIVE, (False, D("10.00"))),  # 95 ÷ 95 × 10, strictly not met
        ("≤2%", "4%", Direction.REVERSE, (False, D("5.00"))),  # 2 ÷ 4 × 10
        ("≤2%", "1.5%", Direction.REVERSE, (True, D("10"))),
        ("0次", "0次", Direction.REVERSE, (True, D("10"))),
        ("0次", "2次", Direction.REVERSE, (False, None)),  # no formula: a judgement, needs a reason
        ("≤90万元", "1,000,000元", Direction.REVERSE, (False, D("9.00"))),  # 90 ÷ 100 × 10
        ("≥60 次", "70 天", Direction.POSITIVE, (None, None)),  # units differ: not comparable
        ("长效机制健全", "长效机制健全", None, (None, None)),
    ],
)
def test_rule_score(target, actual, sense, expected):
    assert rule_score(q(target), q(actual), D("10"), sense or Direction.POSITIVE) == expected


@pytest.mark.parametrize(
    ("score", "tier"),
    [
        ("10", "达成"),
        ("8", "达成"),
        ("7.9", "部分达成并具有一定效果"),
        ("6", "部分达成并具有一定效果"),
        ("5", "未达成且效果较差"),
    ],
)
def test_qualitative_tiers_of_a_weight_of_10(score, tier, config):
    form = gold_form("001", 3)
    row = replace(form.indicators[2], score=D(score))  # 后勤保障质量, qualitative
    form = replace(form, indicators=(*form.indicators[:2], row, *form.indicators[3:]))
    result = score_form(form, config.ruleset_for(form.template))
    assert result.indicators[2].tier.name_zh == tier


def test_a_not_applicable_indicator_is_left_out_and_the_rest_rescaled(config):
    form = gold_form("001", 0)
    rows = (
        Indicator(
            "产出指标", "数量指标", "a", target="≥1次", actual="1次", weight=D("50"), score=D("50")
        ),
        Indicator(
            "效益指标", "社会效益指标", "b", target="好", actual="好", weight=D("30"), score=D("30")
        ),
        Indicator(
            "满意度指标",
            "服务对象满意度指标",
            "c",
            target="不适用",
            actual="不适用",
            weight=D("10"),
            score=None,
        ),
    )
    funds = replace(form.funds, executed=form.funds.budget, execution_score=D("10"))
    form = replace(form, indicators=rows, funds=funds, total_score=None)
    result = score_form(form, config.ruleset_for(form.template))
    assert result.indicators[2].not_applicable
    # (10 + 50 + 30) of the 90 points that apply, rescaled: 90 × 100 ÷ 90 = 100.
    assert result.rule_total == D("100.00")


def test_sh_2019_execution_points_are_unscored_by_default(config):
    _, score = scored("000", 0, config)
    assert score.execution_score is None


def test_a_configured_sh_2019_rule_must_reproduce_the_three_seed_points(tmp_path):
    settings = tmp_path / "deploy.toml"
    settings.write_text(
        '[rulesets.sh-2019.execution]\npoints = "piecewise"\nbands = [["0", "0"], ["90", "1"]]\n',
        encoding="utf-8",
    )
    config = load_config(settings)
    # 65.37 % → 0 of 8; 99.90 % → 8; 98.75 % → 8 (seeds 000 and 002).
    for seed, index, points in [("000", 0, "0"), ("000", 1, "8"), ("002", 0, "8")]:
        _, score = scored(seed, index, config)
        assert score.execution_score == D(points)


@pytest.mark.parametrize(
    ("actual", "met", "points"),
    [
        ("-3%", True, "10"),  # |−3| ≤ 5
        ("5%", True, "10"),  # the bound itself is within
        ("8%", False, "6.25"),  # 5 ÷ 8 × 10
        ("-8%", False, "6.25"),  # a printed minus sign: the same size of deviation
    ],
)
def test_a_two_sided_target_is_met_on_either_side(actual, met, points):
    target = parse_value("±5%以内", "预算偏差率")
    sense = direction(target, "预算偏差率")
    assert rule_score(target, parse_value(actual, "预算偏差率"), Decimal(10), sense) == (
        met,
        Decimal(points),
    )


def test_an_unfilled_self_evaluation_gets_no_recomputed_total_or_grade(config):
    # Issue 11 §2: every actual and score blank, no total: not 8.09 for the funds row and 差.
    form = gold_form("001", 0)
    blank = tuple(replace(i, actual=None, score=None) for i in form.indicators)
    form = replace(form, indicators=blank, total_score=None)
    score = score_form(form, config.ruleset_for(form.template))
    assert (score.rule_total, score.rule_grade, score.declared_grade) == (None, None, None)
    assert score.execution_score == D("8.09")  # the funds row is still read
