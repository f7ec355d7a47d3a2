"""Single-form checks (SPEC §5): one module per code, grouped by area.

- ``arithmetic``: rate-mismatch, exec-score-mismatch, total-mismatch, weight-sum,
  group-weights, score-out-of-range, grade-mismatch.
- ``indicators``: rule-score-differs, deduction-without-reason, unmet-target-full-score,
  target-too-low, actual-not-measured, tier-inconsistent.
- ``funds``: low-execution, budget-adjusted.
- ``targets``: target-missing, target-vague, misplaced-indicator, duplicate-indicator.

``registry.FORM_CHECKS`` lists them explicitly; ``runner.check_form`` runs them under the rule
set ``rulesets.choice`` picks (an inferred one is said as ``ruleset-inferred``), skips a check
whose declared need (``needs.Need``) the form does not meet (said once as ``check-skipped``),
and turns a crashing check into an ``internal-error`` finding.
"""
