"""Mutation classes of issue 11 §2: defects reviewers find on self-evaluations."""

from dataclasses import replace
from decimal import Decimal

from jixiao.core.model import Form
from jixiao.core.numbers import half_up
from jixiao.core.scoring import execution_rate
from jixiao.core.values import ValueKind, parse_value
from tests.core.checks.mutations import Mutant, Place, rows, scored, with_row

D = Decimal


# --- issue 11 §2: self-evaluations ----------------------------------------------------------


def unfilled(form: Form, at: Place) -> list[Mutant]:
    """Nothing evaluated: every actual and score blank, no total."""
    if not scored(form):
        return []
    blank = tuple(replace(i, actual=None, score=None) for i in form.indicators)
    changed = replace(form, indicators=blank, total_score=None, grade=None)
    return [Mutant(changed, "form-unfilled", "indicators", "全表")]


INSTRUCTION = "请对照年度目标说明完成情况（100字以内）"


def template_debris(form: Form, at: Place) -> list[Mutant]:
    """Instruction text in 实际完成情况, a placeholder in an actual, a 0 as a reason."""
    if not form.is_self_evaluation:
        return []
    achieved = replace(form, goals=replace(form.goals, achieved=INSTRUCTION))
    out = [Mutant(achieved, "template-debris", "goals.achieved", "实际完成情况")]
    for i, ind in rows(form):
        if ind.actual:
            out.append(
                Mutant(
                    with_row(form, i, actual="……"),
                    "template-debris",
                    f"indicators[{i}].actual",
                    ind.name,
                )
            )
        if ind.score is not None and ind.weight is not None and ind.score < ind.weight:
            out.append(
                Mutant(
                    with_row(form, i, deviation="0"),
                    "template-debris",
                    f"indicators[{i}].deviation",
                    ind.name,
                )
            )
    return out


def achieved_copied(form: Form, at: Place) -> list[Mutant]:
    """实际完成情况 copied from the overall goal."""
    if not form.is_self_evaluation or not form.goals.overall:
        return []
    changed = replace(form, goals=replace(form.goals, achieved=form.goals.overall))
    return [Mutant(changed, "achieved-copies-goal", "goals.achieved", "实际完成情况")]


def contradicted(form: Form, at: Place) -> list[Mutant]:
    """A qualitative actual saying the target was not reached, at full score."""
    out = []
    for i, ind in rows(form):
        full = ind.score is not None and ind.weight is not None and ind.score >= ind.weight
        if full and parse_value(ind.target, ind.name).kind is ValueKind.QUALITATIVE:
            actual = f"{ind.target}尚未实现"
            out.append(
                Mutant(
                    with_row(form, i, actual=actual),
                    "actual-contradicts-target",
                    f"indicators[{i}].actual",
                    ind.name,
                )
            )
    return out


def share_above_100(form: Form, at: Place) -> list[Mutant]:
    """A satisfaction, completion or coverage rate printed above 100 %."""
    bounded = at.config.setting("impossible-value", "bounded_words")
    unbounded = at.config.setting("impossible-value", "unbounded_words")
    return [
        Mutant(
            with_row(form, i, actual="105%"),
            "impossible-value",
            f"indicators[{i}].actual",
            ind.name,
        )
        for i, ind in rows(form)
        if form.is_self_evaluation
        and ind.actual
        and any(w in (ind.name or "") for w in bounded)
        and not any(w in (ind.name or "") for w in unbounded)
    ]


def over_budget(form: Form, at: Place) -> list[Mutant]:
    """More spent than budgeted."""
    funds = form.funds
    if not form.is_self_evaluation or funds.budget is None or funds.executed is None:
        return []
    changed = replace(form, funds=replace(funds, executed=half_up(funds.budget * D("1.05"))))
    return [Mutant(changed, "over-budget", "funds.executed", "全年执行数")]


def missing_scores(form: Form, at: Place) -> list[Mutant]:
    """No total printed; a weighted row's score blank under a printed total."""
    if not scored(form) or form.total_score is None:
        return []
    out = [Mutant(replace(form, total_score=None), "score-missing", "total_score", "总分")]
    out += [
        Mutant(with_row(form, i, score=None), "score-missing", f"indicators[{i}].score", ind.name)
        for i, ind in rows(form)
        if ind.weight and ind.score is not None
    ]
    return out


def coarse_rate(form: Form, at: Place) -> list[Mutant]:
    """The execution rate printed with no decimals where two would differ."""
    computed = execution_rate(form)
    places = at.ruleset.execution.rate_places
    if not form.is_self_evaluation or computed is None or places is None:
        return []
    coarse = half_up(computed, 0)
    if coarse == half_up(computed, places):
        return []
    changed = replace(form, funds=replace(form.funds, execution_rate=coarse))
    return [Mutant(changed, "rate-mismatch", "funds.execution_rate", f"执行率 {coarse}")]


def money_output(form: Form, at: Place) -> list[Mutant]:
    """An output row turned into money paid (项目资金支付金额 50万元 → 46.5万元)."""
    out = []
    for i, ind in rows(form):
        level2 = ind.level2 or ""
        if ind.level1 and "产出" in ind.level1 and "成本" not in level2:
            changed = with_row(
                form,
                i,
                name="项目资金支付金额",
                target="50万元",
                actual="46.5万元" if ind.actual else None,
            )
            out.append(Mutant(changed, "money-as-output", f"indicators[{i}].name", ind.name))
    return out


def cost_at_full(form: Form, at: Place) -> list[Mutant]:
    """A cost indicator claiming 100 % while the funds row shows less spent."""
    computed = execution_rate(form)
    if not form.is_self_evaluation or computed is None or computed >= 99:
        return []
    return [
        Mutant(
            with_row(form, i, target="100%", actual="100%"),
            "cost-contradicts-execution",
            f"indicators[{i}].actual",
            ind.name,
        )
        for i, ind in rows(form)
        if "成本" in (ind.level1 or "") + (ind.level2 or "")
    ]


def explanation_removed(form: Form, at: Place) -> list[Mutant]:
    """Low execution whose explanation is taken out, or replaced by an unrelated 节约."""
    computed = execution_rate(form)
    if not form.is_self_evaluation or computed is None or computed >= 90:
        return []
    quiet = tuple(replace(i, deviation=None, note=None) for i in form.indicators)
    narrative = replace(form.narrative, problems=None, improvements="厉行节约，提高资金使用效益。")
    changed = replace(
        form, indicators=quiet, narrative=narrative, goals=replace(form.goals, achieved=None)
    )
    return [Mutant(changed, "low-execution", "funds.execution_rate", "说明")]


def rate_printed_high(form: Form, at: Place) -> list[Mutant]:
    """Low execution hidden behind a printed rate of 95 %."""
    computed = execution_rate(form)
    if not form.is_self_evaluation or computed is None or computed >= 90:
        return []
    changed = replace(form, funds=replace(form.funds, execution_rate=D("95.00")))
    quiet = tuple(replace(i, deviation=None) for i in changed.indicators)
    changed = replace(
        changed, indicators=quiet, narrative=replace(changed.narrative, problems=None)
    )
    return [Mutant(changed, "low-execution", "funds.execution_rate", "执行率印为 95")]


def actual_removed(form: Form, at: Place) -> list[Mutant]:
    """A scored row's actual left blank."""
    if not form.is_self_evaluation or not at.ruleset.has_targets:
        return []
    return [
        Mutant(
            with_row(form, i, actual=None), "actual-missing", f"indicators[{i}].actual", ind.name
        )
        for i, ind in rows(form)
        if ind.score is not None and ind.actual
    ]


def achieved_vague(form: Form, at: Place) -> list[Mutant]:
    """实际完成情况 reduced to 完成年度目标。"""
    if not form.is_self_evaluation:
        return []
    changed = replace(form, goals=replace(form.goals, achieved="完成年度目标。"))
    return [Mutant(changed, "achieved-vague", "goals.achieved", "实际完成情况")]


def unit_changed(form: Form, at: Place) -> list[Mutant]:
    """An actual counted in another unit than its target (``≥60 批`` → ``68 个``)."""
    out = []
    for i, ind in rows(form):
        target = parse_value(ind.target, ind.name)
        actual = parse_value(ind.actual, ind.name)
        if not form.is_self_evaluation or actual.kind is not ValueKind.QUANTITATIVE:
            continue
        if target.kind is not ValueKind.QUANTITATIVE or target.unit is None:
            continue
        other = "项" if target.unit != "项" else "个"
        changed = with_row(form, i, actual=f"{actual.number}{other}")
        out.append(Mutant(changed, "unit-mismatch", f"indicators[{i}].actual", ind.name))
    return out


def words_for_number(form: Form, at: Place) -> list[Mutant]:
    """A quantitative target answered with words (``≥60 次`` → ``已完成``)."""
    return [
        Mutant(
            with_row(form, i, actual="已完成"),
            "actual-not-measured",
            f"indicators[{i}].actual",
            ind.name,
        )
        for i, ind in rows(form)
        if form.is_self_evaluation
        and ind.actual
        and parse_value(ind.target, ind.name).kind is ValueKind.QUANTITATIVE
    ]
