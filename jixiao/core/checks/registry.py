"""The explicit list of single-form checks; codes are unique and never reused."""

from jixiao.core.checks.arithmetic import (
    exec_score_mismatch,
    form_unfilled,
    grade_mismatch,
    group_weights,
    rate_mismatch,
    score_missing,
    score_out_of_range,
    total_mismatch,
    weight_share,
    weight_sum,
)
from jixiao.core.checks.base import Check
from jixiao.core.checks.funds import budget_adjusted, low_execution, over_budget
from jixiao.core.checks.indicators import (
    actual_contradicts,
    actual_missing,
    actual_not_measured,
    cost_vs_execution,
    deduction_without_reason,
    impossible_value,
    money_as_output,
    rule_score_differs,
    target_too_low,
    tier_inconsistent,
    unit_mismatch,
    unmet_target_full_score,
)
from jixiao.core.checks.targets import (
    duplicate_indicator,
    misplaced_indicator,
    name_holds_value,
    target_missing,
    target_unmeasurable,
    target_vague,
)
from jixiao.core.checks.texts import (
    achieved_copied,
    achieved_vague,
    goal_copied,
    goal_vague,
    period_outside_year,
    template_debris,
)
from jixiao.core.checks.tree import cost_missing, near_duplicate, required_groups


def _unique(checks: tuple[Check, ...]) -> tuple[Check, ...]:
    seen: set[str] = set()
    for check in checks:
        for code in (check.code, *check.aliases):
            if code in seen:
                raise ValueError(f"check code {code!r} registered twice")
            seen.add(code)
    return checks


FORM_CHECKS: tuple[Check, ...] = _unique(
    (
        rate_mismatch.CHECK,
        exec_score_mismatch.CHECK,
        total_mismatch.CHECK,
        weight_sum.CHECK,
        group_weights.CHECK,
        weight_share.CHECK,
        score_out_of_range.CHECK,
        grade_mismatch.CHECK,
        rule_score_differs.CHECK,
        deduction_without_reason.CHECK,
        unmet_target_full_score.CHECK,
        target_too_low.CHECK,
        actual_not_measured.CHECK,
        tier_inconsistent.CHECK,
        low_execution.CHECK,
        budget_adjusted.CHECK,
        target_missing.CHECK,
        target_vague.CHECK,
        misplaced_indicator.CHECK,
        duplicate_indicator.CHECK,
        target_unmeasurable.CHECK,
        name_holds_value.CHECK,
        required_groups.CHECK,
        cost_missing.CHECK,
        near_duplicate.CHECK,
        period_outside_year.CHECK,
        goal_copied.CHECK,
        goal_vague.CHECK,
        form_unfilled.CHECK,
        score_missing.CHECK,
        template_debris.CHECK,
        achieved_copied.CHECK,
        achieved_vague.CHECK,
        actual_missing.CHECK,
        actual_contradicts.CHECK,
        impossible_value.CHECK,
        over_budget.CHECK,
        money_as_output.CHECK,
        cost_vs_execution.CHECK,
        unit_mismatch.CHECK,
    )
)
