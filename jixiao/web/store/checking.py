"""How the web checks a form: every check of the core, and the level names against the tree."""

from dataclasses import replace

from jixiao.core.checks.runner import FormReport, check_form
from jixiao.core.findings import sort_findings
from jixiao.core.model import Form
from jixiao.web.store.levels import level_findings
from jixiao.web.store.rules import rules


def check_in_web(form: Form, document: str | None = None, index: int | None = None) -> FormReport:
    """The core's report on the form, with the level findings of the web added."""
    report = check_form(form, rules(), document, index)
    extra = level_findings(form, document, index)
    return replace(report, findings=sort_findings([*report.findings, *extra])) if extra else report
