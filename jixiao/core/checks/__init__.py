"""Single-form checks (SPEC §5): one module per code, grouped by area.

- ``arithmetic``: rate-mismatch, exec-score-mismatch, total-mismatch, weight-sum,
  group-weights, weight-concentrated, score-out-of-range, grade-mismatch, form-unfilled,
  score-missing.
- ``indicators``: rule-score-differs, deduction-without-reason, unmet-target-full-score,
  target-too-low, actual-not-measured, actual-missing, actual-contradicts-target,
  tier-inconsistent, impossible-value, money-as-output, cost-contradicts-execution,
  unit-mismatch.
- ``funds``: low-execution, budget-adjusted, over-budget.
- ``targets``: target-missing, target-vague, target-unmeasurable, name-holds-value,
  misplaced-indicator, duplicate-indicator.
- ``tree``: required-groups, cost-indicator-missing, near-duplicate-indicator.
- ``texts``: template-debris, goal-copied, goal-vague, achieved-copies-goal, achieved-vague,
  period-outside-year.

``registry.FORM_CHECKS`` lists them explicitly; ``runner.check_form`` runs them under the rule
set ``rulesets.choice`` picks (an inferred one is said as ``ruleset-inferred``), skips a check
whose declared need (``needs.Need``) the form does not meet (said once as ``check-skipped``),
and turns a crashing check into an ``internal-error`` finding.
"""
