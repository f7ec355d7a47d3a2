"""The check registry: codes are unique, documented and backed by settings."""

import re

import pytest

from jixiao.core.checks.registry import FORM_CHECKS
from jixiao.core.findings import Severity

SPEC_SINGLE_FORM_CODES = {
    "rate-mismatch",
    "exec-score-mismatch",
    "total-mismatch",
    "weight-sum",
    "group-weights",
    "score-out-of-range",
    "grade-mismatch",
    "rule-score-differs",
    "deduction-without-reason",
    "unmet-target-full-score",
    "target-too-low",
    "actual-not-measured",
    "low-execution",
    "budget-adjusted",
    "target-missing",
    "target-vague",
    "misplaced-indicator",
    "duplicate-indicator",
}
# SPEC §4 (mof-2020): the self-assigned score's tier must be consistent with the texts.
SPEC_RULE_SET_CODES = {"tier-inconsistent"}
# Issue 11: the checks a careful reviewer makes (target forms, self-evaluations).
ISSUE_11_CODES = {
    "target-unmeasurable",
    "name-holds-value",
    "required-groups",
    "cost-indicator-missing",
    "near-duplicate-indicator",
    "weight-concentrated",
    "period-outside-year",
    "goal-copied",
    "form-unfilled",
    "score-missing",
    "template-debris",
    "achieved-copies-goal",
    "actual-contradicts-target",
    "impossible-value",
    "over-budget",
    "money-as-output",
    "cost-contradicts-execution",
    "achieved-vague",
    "actual-missing",
    "goal-vague",
    "unit-mismatch",
}


def test_every_single_form_check_of_the_spec_is_registered():
    assert {c.code for c in FORM_CHECKS} == (
        SPEC_SINGLE_FORM_CODES | SPEC_RULE_SET_CODES | ISSUE_11_CODES
    )


@pytest.mark.parametrize(
    "check", [c for c in FORM_CHECKS if c.code in ISSUE_11_CODES], ids=lambda c: c.code
)
def test_issue_11_findings_are_warnings_or_errors(check):
    assert check.severity in (Severity.WARNING, Severity.ERROR)


@pytest.mark.parametrize("check", FORM_CHECKS, ids=lambda c: c.code)
def test_each_check_documents_an_example_that_fires_and_one_that_passes(check):
    doc = check.doc
    assert doc.startswith(f"{check.code}:"), "the docstring opens with the code"
    fires, passes = doc.find("\nFires:"), doc.find("\nPasses:")
    assert 0 < fires < passes, "Fires: comes before Passes:"
    assert re.search(r"\S", doc[fires + 7 : passes]) and re.search(r"\S", doc[passes + 8 :])


@pytest.mark.parametrize("check", FORM_CHECKS, ids=lambda c: c.code)
def test_each_check_has_bilingual_titles_and_a_basis(check):
    assert check.title_zh and check.title_en and check.basis


@pytest.mark.parametrize("check", FORM_CHECKS, ids=lambda c: c.code)
def test_each_declared_setting_has_a_default(check, config):
    for key in check.settings:
        assert key in config.checks[check.code]


def test_every_default_belongs_to_a_declared_setting(config):
    declared = {(c.code, k) for c in FORM_CHECKS for k in c.settings}
    defaults = {(code, k) for code, values in config.checks.items() for k in values}
    assert defaults == declared
