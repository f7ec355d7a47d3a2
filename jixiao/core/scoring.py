"""Recompute what a form's figures should be, beside what it printed (SPEC §4).

``score_form`` never changes the form: the self-assigned scores stay, and the rule's
figures (execution rate and points, each quantitative indicator's rule score, the
qualitative tier of each self-assigned score, totals and grades) stand beside them in a
``FormScore``.
"""

from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.model import Form, Indicator
from jixiao.core.numbers import HUNDRED, ZERO, half_up, percent
from jixiao.core.rulesets import ExecutionRule, RuleSet, Tier
from jixiao.core.values import (
    BAD_EVENT_WORDS,
    Comparator,
    Direction,
    Value,
    ValueKind,
    direction,
    normalize,
    parse_value,
)

NOT_APPLICABLE = frozenset({"不适用", "无此项", "N/A", "n/a", "NA"})
_UNIT_FACTORS = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "亿元": Decimal(10) ** 8,
}


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    """The rule's view of one indicator row."""

    index: int
    target: Value
    actual: Value
    direction: Direction | None  # for quantitative targets
    met: bool | None  # quantitative target met by the actual; None if not comparable
    rule_score: Decimal | None  # None: no formula applies (qualitative, zero target missed…)
    tier: Tier | None  # tier of the self-assigned score (qualitative indicators)
    not_applicable: bool = False


@dataclass(frozen=True, slots=True)
class FormScore:
    """Recomputed figures of one form."""

    execution_rate: Decimal | None  # unrounded percent: executed ÷ budget × 100
    execution_rate_display: Decimal | None  # half-up to 2 decimals, as it should be printed
    execution_score: Decimal | None  # rule points for execution
    indicators: tuple[IndicatorScore, ...]
    declared_sum: Decimal | None  # sum of printed scores (with the funds row's)
    weight_sum: Decimal | None  # sum of weights (with the funds row's)
    rule_total: Decimal | None  # rule scores where a rule applies, printed ones elsewhere
    declared_grade: str | None  # the band the printed (or summed) total falls in
    rule_grade: str | None


def grade_for(total: Decimal | None, ruleset: RuleSet) -> str | None:
    """The grade word of a total: the highest band whose lower bound it reaches."""
    if total is None:
        return None
    return next((band.word for band in ruleset.grades if total >= band.min), None)


def tier_for(score: Decimal | None, weight: Decimal | None, ruleset: RuleSet) -> Tier | None:
    """The qualitative tier a self-assigned score falls in, as a share of its weight."""
    if score is None or not weight:
        return None
    share = score * HUNDRED / weight
    return next((tier for tier in ruleset.tiers if share >= tier.min), None)


def execution_rate(form: Form) -> Decimal | None:
    """全年执行数 ÷ 全年预算数 in percent, unrounded (the adjusted budget, not 年初预算数)."""
    funds = form.funds
    if funds.executed is None or funds.budget is None:
        return None
    return percent(funds.executed, funds.budget)


def execution_points(
    rate: Decimal | None, weight: Decimal | None, rule: ExecutionRule
) -> Decimal | None:
    """Points for the execution rate: ``min(w, w × rate)`` or a configured piecewise rule."""
    if rate is None or weight is None or rule.points == "none":
        return None
    if rule.points == "proportional":
        return half_up(min(weight, weight * rate / HUNDRED))
    share = next((s for bound, s in reversed(rule.bands) if rate >= bound), ZERO)
    return half_up(weight * share)


def in_unit(value: Value, unit: str | None) -> Decimal | None:
    """The value's number expressed in ``unit``, or None when the units differ."""
    if value.number is None:
        return None
    if value.unit == unit or value.unit is None or unit is None:
        return value.number
    if value.unit in _UNIT_FACTORS and unit in _UNIT_FACTORS:
        return value.number * _UNIT_FACTORS[value.unit] / _UNIT_FACTORS[unit]
    return None


def _is_met(target: Value, actual: Decimal, sense: Direction) -> bool:
    goal = target.number
    assert goal is not None
    if target.comparator is Comparator.WITHIN:  # ±5%以内: the deviation's size, either side
        return abs(actual) <= goal
    if sense is Direction.REVERSE:
        return actual < goal if target.comparator is Comparator.LT else actual <= goal
    return actual > goal if target.comparator is Comparator.GT else actual >= goal


def rule_score(
    target: Value, actual: Value, weight: Decimal | None, sense: Direction
) -> tuple[bool | None, Decimal | None]:
    """``(met, score)`` for a quantitative indicator under 财预〔2020〕10号.

    Positive: met → full weight, else actual ÷ target × weight. Reverse: met → full, else
    target ÷ actual × weight; a zero target that is missed has no formula (None).
    """
    if target.kind is not ValueKind.QUANTITATIVE or actual.kind is not ValueKind.QUANTITATIVE:
        return None, None
    measured = in_unit(actual, target.unit)
    goal = target.number
    if measured is None or goal is None:
        return None, None
    met = _is_met(target, measured, sense)
    if weight is None:
        return met, None
    if met:
        return met, weight
    if sense is Direction.POSITIVE:
        return met, half_up(max(ZERO, measured) * weight / goal) if goal > 0 else None
    if target.comparator is Comparator.WITHIN:
        measured = abs(measured)
    return met, half_up(goal * weight / measured) if goal > 0 and measured > 0 else None


def _not_applicable(indicator: Indicator) -> bool:
    return any(normalize(v or "") in NOT_APPLICABLE for v in (indicator.target, indicator.actual))


def score_indicator(
    index: int,
    indicator: Indicator,
    ruleset: RuleSet,
    bad_event_words: tuple[str, ...] = BAD_EVENT_WORDS,
) -> IndicatorScore:
    """The rule's view of one row: parsed values, direction, met, rule score, tier."""
    target = parse_value(indicator.target, indicator.name)
    actual = parse_value(indicator.actual, indicator.name)
    sense = (
        direction(target, indicator.name, bad_event_words)
        if target.kind is ValueKind.QUANTITATIVE
        else None
    )
    met, points = rule_score(target, actual, indicator.weight, sense) if sense else (None, None)
    qualitative = target.kind is not ValueKind.QUANTITATIVE
    return IndicatorScore(
        index=index,
        target=target,
        actual=actual,
        direction=sense,
        met=met,
        rule_score=points if ruleset.scored else None,
        tier=tier_for(indicator.score, indicator.weight, ruleset) if qualitative else None,
        not_applicable=_not_applicable(indicator),
    )


def _sum(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, ZERO) if present else None


def _execution_weight(form: Form, ruleset: RuleSet) -> Decimal | None:
    rule = ruleset.execution
    if rule.placement == "row":
        return (
            form.funds.execution_weight if form.funds.execution_weight is not None else rule.weight
        )
    if rule.placement == "indicator":
        row = next((i for i in form.indicators if i.name == rule.indicator), None)
        return row.weight if row else None
    return None


def _rule_points(
    form: Form, score: IndicatorScore, execution: Decimal | None, ruleset: RuleSet
) -> Decimal | None:
    indicator = form.indicators[score.index]
    rule = ruleset.execution
    if rule.placement == "indicator" and indicator.name == rule.indicator and execution is not None:
        return execution
    return score.rule_score if score.rule_score is not None else indicator.score


def is_unfilled(form: Form) -> bool:
    """A self-evaluation with indicators but no actual, no score and no total printed.

    Nothing was evaluated: no total or grade is recomputed for it (issue 11 §2: not a total of
    the funds row's points alone and the grade 差).
    """
    if not form.is_self_evaluation or not form.indicators or form.total_score is not None:
        return False
    return all(
        i.score is None and parse_value(i.actual, i.name).is_missing for i in form.indicators
    )


def score_form(
    form: Form, ruleset: RuleSet, bad_event_words: tuple[str, ...] = BAD_EVENT_WORDS
) -> FormScore:
    """Recompute every figure the rule set defines; the form itself is not changed."""
    rate = execution_rate(form)
    execution = execution_points(rate, _execution_weight(form, ruleset), ruleset.execution)
    rows = tuple(
        score_indicator(i, ind, ruleset, bad_event_words) for i, ind in enumerate(form.indicators)
    )
    counted = [r for r in rows if not r.not_applicable]
    on_row = ruleset.execution.placement == "row"
    declared_sum = _sum(
        [form.indicators[r.index].score for r in counted]
        + ([form.funds.execution_score] if on_row else [])
    )
    weight_sum = _sum(
        [form.indicators[r.index].weight for r in counted]
        + ([form.funds.execution_weight] if on_row else [])
    )
    rule_total = None
    unfilled = is_unfilled(form)
    if ruleset.scored and form.is_self_evaluation and not unfilled:
        points = [_rule_points(form, r, execution, ruleset) for r in counted]
        exec_points = execution if execution is not None else form.funds.execution_score
        rule_total = _rescale(_sum(points + ([exec_points] if on_row else [])), rows, form)
    declared_total = form.total_score if form.total_score is not None else declared_sum
    return FormScore(
        execution_rate=rate,
        execution_rate_display=half_up(rate) if rate is not None else None,
        execution_score=execution,
        indicators=rows,
        declared_sum=declared_sum,
        weight_sum=weight_sum,
        rule_total=rule_total,
        declared_grade=(
            grade_for(declared_total, ruleset) if ruleset.scored and not unfilled else None
        ),
        rule_grade=grade_for(rule_total, ruleset) if ruleset.scored else None,
    )


def _rescale(total: Decimal | None, rows: tuple[IndicatorScore, ...], form: Form) -> Decimal | None:
    """Not-applicable indicators are left out and the rest rescaled to 100."""
    dropped = _sum([form.indicators[r.index].weight for r in rows if r.not_applicable])
    if total is None or not dropped or dropped >= HUNDRED:
        return total
    return half_up(total * HUNDRED / (HUNDRED - dropped))
