"""Run every registered check on a form; a crash becomes a finding, never a traceback."""

from dataclasses import dataclass

from jixiao.core.checks.base import Context
from jixiao.core.checks.registry import FORM_CHECKS
from jixiao.core.findings import Finding, Location, Severity, sort_findings
from jixiao.core.model import Form
from jixiao.core.rulesets import Config
from jixiao.core.scoring import FormScore, score_form

INTERNAL_ERROR = "internal-error"
UNKNOWN_TEMPLATE = "unknown-template"


@dataclass(frozen=True)
class FormReport:
    """A form with its recomputed figures and findings."""

    form: Form
    index: int | None
    score: FormScore | None
    findings: list[Finding]


def _unknown_template(form: Form, document: str | None, index: int | None) -> Finding:
    return Finding(
        code=UNKNOWN_TEMPLATE,
        severity=Severity.ERROR,
        location=Location(document, index, "template"),
        message_zh=f"没有适用于模板“{form.template}”的规则集，未能计算和检查",
        message_en=f"no rule set governs template {form.template!r}: nothing was scored or checked",
        found=form.template,
        basis="SPEC §4 rule sets are chosen by template",
    )


def _crash(code: str, exc: Exception, document: str | None, index: int | None) -> Finding:
    return Finding(
        code=INTERNAL_ERROR,
        severity=Severity.ERROR,
        location=Location(document, index, None),
        message_zh=f"检查“{code}”内部出错，未能完成：{type(exc).__name__}: {exc}",
        message_en=f"check {code!r} failed internally and did not finish: {type(exc).__name__}: {exc}",
        found=code,
        basis="jixiao internal",
    )


def check_form(
    form: Form, config: Config, document: str | None = None, index: int | None = None
) -> FormReport:
    """Score a form and run every check that applies to its kind."""
    ruleset = config.ruleset_for(form.template)
    if ruleset is None:
        return FormReport(form, index, None, [_unknown_template(form, document, index)])
    bad_events = tuple(config.values["bad_event_words"])
    score = score_form(form, ruleset, bad_events)
    findings: list[Finding] = []
    for check in FORM_CHECKS:
        if form.kind not in check.kinds:
            continue
        ctx = Context(
            check, form, score, ruleset, config, document, index, config.severity.get(check.code)
        )
        try:
            findings.extend(check.run(ctx))
        except Exception as exc:
            findings.append(_crash(check.code, exc, document, index))
    return FormReport(form, index, score, sort_findings(findings))
