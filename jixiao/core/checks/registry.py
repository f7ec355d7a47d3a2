"""The explicit list of single-form checks; codes are unique and never reused."""

from jixiao.core.checks.arithmetic import (
    exec_score_mismatch,
    grade_mismatch,
    group_weights,
    rate_mismatch,
    score_out_of_range,
    total_mismatch,
    weight_sum,
)
from jixiao.core.checks.base import Check
from jixiao.core.checks.funds import budget_adjusted, low_execution
from jixiao.core.checks.indicators import (
    actual_not_measured,
    deduction_without_reason,
    rule_score_differs,
    target_too_low,
    tier_inconsistent,
    unmet_target_full_score,
)
from jixiao.core.checks.targets import (
    duplicate_indicator,
    misplaced_indicator,
    target_missing,
    target_vague,
)


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
    )
)
