"""The mutation classes of issue 11 §3: each plants one known defect at one place of a form.

A class is a function ``(form, ctx) -> [Mutant, ...]``: one mutant per applicable place, each
with the finding it must give (code and path). ``Place`` carries the rule set and the config a
class may need to tell where it applies. This module holds the existing classes (score, rate, total,
grade, weight, copied actual, emptied or ``/``-marked target, duplicated row, misplaced row);
``mutations_targets`` those of §1 and ``mutations_evaluations`` those of §2; ``classes()`` lists
them all in the order of the issue.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.core.model import Form, Indicator
from jixiao.core.names import name_key
from jixiao.core.rulesets import Config, RuleSet
from jixiao.core.scoring import execution_rate
from jixiao.core.values import ValueKind, parse_value

D = Decimal


@dataclass(frozen=True)
class Mutant:
    """A changed form and the finding that must say so."""

    form: Form
    code: str
    path: str
    place: str  # what was changed, for the report


@dataclass(frozen=True)
class Place:
    """What a mutation class may read besides the form."""

    ruleset: RuleSet
    config: Config


def with_row(form: Form, index: int, **changes) -> Form:
    rows = list(form.indicators)
    rows[index] = replace(rows[index], **changes)
    return replace(form, indicators=tuple(rows))


def without(form: Form, drop: Callable[[Indicator], bool]) -> Form:
    """The form without the rows ``drop`` picks (and without groups left empty)."""
    kept = tuple(i for i in form.indicators if not drop(i))
    level1 = {name_key(i.level1) for i in kept}
    groups = tuple(g for g in form.groups if name_key(g.name) in level1)
    return replace(form, indicators=kept, groups=groups)


def rows(form: Form) -> Iterator[tuple[int, Indicator]]:
    return iter(enumerate(form.indicators))


def scored(form: Form) -> bool:
    return form.is_self_evaluation and any(i.score is not None for i in form.indicators)


def has_targets(form: Form, at: Place) -> bool:
    return at.ruleset.has_targets and any(i.target for i in form.indicators)


# --- the existing classes -------------------------------------------------------------------


def score(form: Form, at: Place) -> list[Mutant]:
    """A score above its weight."""
    return [
        Mutant(
            with_row(form, i, score=ind.weight + 1),
            "score-out-of-range",
            f"indicators[{i}].score",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.weight is not None and ind.score is not None
    ]


def rate(form: Form, at: Place) -> list[Mutant]:
    """The printed execution rate one point off."""
    funds = form.funds
    if funds.execution_rate is None or execution_rate(form) is None:
        return []
    changed = replace(form, funds=replace(funds, execution_rate=funds.execution_rate + 1))
    return [Mutant(changed, "rate-mismatch", "funds.execution_rate", "执行率 +1")]


def total(form: Form, at: Place) -> list[Mutant]:
    """The printed total one point off."""
    if form.total_score is None:
        return []
    changed = replace(form, total_score=form.total_score + 1)
    return [Mutant(changed, "total-mismatch", "total_score", "总分 +1")]


def grade(form: Form, at: Place) -> list[Mutant]:
    """A grade word of another band."""
    if not scored(form) or form.total_score is None or not at.ruleset.grades:
        return []
    right = next(b for b in at.ruleset.grades if form.total_score >= b.min)
    wrong = next(b for b in at.ruleset.grades if b is not right)
    return [Mutant(replace(form, grade=wrong.word), "grade-mismatch", "grade", wrong.word)]


def weight(form: Form, at: Place) -> list[Mutant]:
    """A weight three points up (the weights no longer give 100)."""
    if not form.is_self_evaluation:
        return []
    return [
        Mutant(with_row(form, i, weight=ind.weight + 3), "weight-sum", "indicators", ind.name)
        for i, ind in rows(form)
        if ind.weight is not None
    ]


def copied_actual(form: Form, at: Place) -> list[Mutant]:
    """The target copied into the actual, at full score (an inequality or a qualitative text)."""
    out = []
    for i, ind in rows(form):
        target = parse_value(ind.target, ind.name)
        claim = target.kind is ValueKind.QUALITATIVE or target.is_inequality
        full = ind.score is not None and ind.weight is not None and ind.score >= ind.weight
        if form.is_self_evaluation and claim and full and ind.actual != ind.target:
            out.append(
                Mutant(
                    with_row(form, i, actual=ind.target),
                    "actual-not-measured",
                    f"indicators[{i}].actual",
                    ind.name,
                )
            )
    return out


def emptied_target(form: Form, at: Place) -> list[Mutant]:
    """A target emptied, or marked ``/``, alternately."""
    if not has_targets(form, at):
        return []
    return [
        Mutant(
            with_row(form, i, target=("", "/")[i % 2]),
            "target-missing",
            f"indicators[{i}].target",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.target
    ]


def duplicated_row(form: Form, at: Place) -> list[Mutant]:
    """A row printed twice."""
    n = len(form.indicators)
    return [
        Mutant(
            replace(form, indicators=(*form.indicators, ind)),
            "duplicate-indicator",
            f"indicators[{n}].name",
            ind.name,
        )
        for _, ind in rows(form)
    ]


def _is_output(level1: str | None, at: Place) -> bool:
    return bool(level1) and any(
        w in level1 for w in at.config.setting("misplaced-indicator", "output_groups")
    )


def misplaced_row(form: Form, at: Place) -> list[Mutant]:
    """A fund-management row moved under the first output group."""
    funds_words = [name_key(w) for w in at.config.setting("misplaced-indicator", "fund_indicators")]
    output = next((i.level1 for i in form.indicators if _is_output(i.level1, at)), None)
    if output is None:
        return []
    return [
        Mutant(
            with_row(form, i, level1=output),
            "misplaced-indicator",
            f"indicators[{i}].level1",
            ind.name,
        )
        for i, ind in rows(form)
        if any(w in name_key(ind.name) for w in funds_words) and not _is_output(ind.level1, at)
    ]


def classes() -> tuple[tuple[str, Callable[[Form, Place], list[Mutant]]], ...]:
    """Every mutation class, by name, in the order of issue 11."""
    from tests.core.checks.mutations_evaluations import (  # noqa: PLC0415 - they import this module
        achieved_copied,
        achieved_vague,
        actual_removed,
        coarse_rate,
        contradicted,
        cost_at_full,
        explanation_removed,
        missing_scores,
        money_output,
        over_budget,
        rate_printed_high,
        share_above_100,
        template_debris,
        unfilled,
        unit_changed,
        words_for_number,
    )
    from tests.core.checks.mutations_targets import (  # noqa: PLC0415
        bare_direction,
        cost_removed,
        count_for_rate,
        goal_copied,
        goal_vague,
        group_removed,
        heavy_weight,
        missing_mark,
        near_duplicate,
        past_the_year,
        rate_of_nothing,
        statement_target,
        unit_dropped,
        value_in_name,
    )

    return (
        ("score", score),
        ("rate", rate),
        ("total", total),
        ("grade", grade),
        ("weight", weight),
        ("copied actual", copied_actual),
        ("emptied or /-marked target", emptied_target),
        ("duplicated row", duplicated_row),
        ("misplaced row", misplaced_row),
        ("rate of nothing (§1)", rate_of_nothing),
        ("unit dropped (§1)", unit_dropped),
        ("statement for a value (§1)", statement_target),
        ("count for a rate, words for a count (§1)", count_for_rate),
        ("bare direction (§1)", bare_direction),
        ("missing mark (§1)", missing_mark),
        ("value in the name (§1)", value_in_name),
        ("required group removed (§1)", group_removed),
        ("cost indicator removed (§1)", cost_removed),
        ("past the budget year (§1)", past_the_year),
        ("annual goal copied (§1)", goal_copied),
        ("annual goal vague (§1)", goal_vague),
        ("near-duplicate row (§1)", near_duplicate),
        ("one heavy indicator (§1)", heavy_weight),
        ("unfilled form (§2)", unfilled),
        ("template debris (§2)", template_debris),
        ("achieved text copied (§2)", achieved_copied),
        ("achieved text vague (§2)", achieved_vague),
        ("actual removed (§2)", actual_removed),
        ("contradicting actual (§2)", contradicted),
        ("share above 100 % (§2)", share_above_100),
        ("over budget (§2)", over_budget),
        ("missing total or score (§2)", missing_scores),
        ("rate with no decimals (§2)", coarse_rate),
        ("money as output (§2)", money_output),
        ("cost at 100 % (§2)", cost_at_full),
        ("unit changed (§2)", unit_changed),
        ("words for a number (§2)", words_for_number),
        ("explanation removed (§2)", explanation_removed),
        ("rate printed high (§2)", rate_printed_high),
    )
