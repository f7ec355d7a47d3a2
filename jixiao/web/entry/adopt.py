"""采用重算值: the figures the core recomputes, for the clerk to take into the form.

The execution rate as it should be printed, the execution points the rule set gives it, the
total of the points once those are taken, and the grade word of that total in the rule set.
"""

from dataclasses import replace

from jixiao.core.checks.runner import FormReport
from jixiao.core.numbers import to_text
from jixiao.core.scoring import grade_for, score_form
from jixiao.web.store.rules import rules


def recomputed(report: FormReport) -> dict[str, str] | None:
    """The editor's field names and the values 采用重算值 writes there; None if nothing scores."""
    form, score, ruleset = report.form, report.score, report.ruleset
    if score is None or ruleset is None or not form.is_self_evaluation:
        return None
    rate = score.execution_rate_display
    points = score.execution_score
    funds = replace(
        form.funds,
        execution_rate=form.funds.execution_rate if rate is None else rate,
        execution_score=form.funds.execution_score if points is None else points,
    )
    total = score_form(replace(form, funds=funds, total_score=None), ruleset).declared_sum
    grade = grade_for(total, ruleset) if ruleset.scored else None
    values = {
        "execution_rate": rate,
        "execution_score": points,
        "total_score": total,
    }
    said = {name: to_text(value) for name, value in values.items() if value is not None}
    return said | ({"grade": grade} if grade else {})


def grade_words(template: str | None) -> list[str]:
    """The grade words of the rule set that governs the layout (the fallback's if none does)."""
    config = rules()
    ruleset = (config.ruleset_for(template) if template else None) or config.fallback
    return [band.word for band in ruleset.grades]
