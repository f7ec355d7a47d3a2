"""A checked form as plain data (``jixiao/check@1``): what the CLI prints and the web shows."""

from decimal import Decimal
from typing import Any

from jixiao.core.checks.runner import FormReport
from jixiao.core.findings import Finding, Severity
from jixiao.core.numbers import to_text
from jixiao.core.scoring import FormScore, IndicatorScore

CHECK_SCHEMA = "jixiao/check@1"


def _num(value: Decimal | None) -> str | None:
    return to_text(value)


def _indicator(row: IndicatorScore) -> dict[str, Any]:
    return {
        "index": row.index,
        "target_kind": str(row.target.kind),
        "target_reason": str(row.target.reason) if row.target.reason else None,
        "actual_kind": str(row.actual.kind),
        "direction": str(row.direction) if row.direction else None,
        "met": row.met,
        "rule_score": _num(row.rule_score),
        "tier": row.tier.name_zh if row.tier else None,
        "not_applicable": row.not_applicable,
    }


def _recomputed(score: FormScore | None) -> dict[str, Any] | None:
    if score is None:
        return None
    return {
        "execution_rate": _num(score.execution_rate_display),
        "execution_score": _num(score.execution_score),
        "score_sum": _num(score.declared_sum),
        "weight_sum": _num(score.weight_sum),
        "rule_total": _num(score.rule_total),
        "grade_of_total": score.declared_grade,
        "rule_grade": score.rule_grade,
        "indicators": [_indicator(r) for r in score.indicators],
    }


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each severity."""
    return {str(s): sum(1 for f in findings if f.severity is s) for s in Severity}


def form_record(report: FormReport, ruleset_id: str | None) -> dict[str, Any]:
    """One form's declared figures, recomputed figures and findings."""
    form = report.form
    return {
        "index": report.index,
        "kind": str(form.kind),
        "template": form.template,
        "ruleset": ruleset_id,
        "year": form.year,
        "project": form.project.name,
        "unit": form.project.unit,
        "declared": {
            "execution_rate": _num(form.funds.execution_rate),
            "execution_score": _num(form.funds.execution_score),
            "total_score": _num(form.total_score),
            "grade": form.grade,
        },
        "recomputed": _recomputed(report.score),
        "counts": counts(report.findings),
        "findings": [f.to_dict() for f in report.findings],
    }
