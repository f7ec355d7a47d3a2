"""A checked form as the pages show it: figures side by side, findings by the field they concern."""

import re
from dataclasses import dataclass, field
from typing import Any

from jixiao.core.checks.runner import FormReport
from jixiao.core.findings import Finding
from jixiao.core.numbers import to_text
from jixiao.web.language import in_language

_ROW = re.compile(r"^indicators\[(\d+)\]")
# How a target reads, in each language of the interface: (Chinese, English).
KINDS = {
    "quantitative": ("定量", "quantitative"),
    "qualitative": ("定性", "qualitative"),
    "invalid": ("无法衡量", "not measurable"),
}
REASONS = {
    "empty": ("空", "empty"),
    "name": ("只写了指标名称", "the indicator's name repeated"),
    "definition": ("是指标定义而非指标值", "a definition, not a value"),
    "question": ("是问句", "a yes/no question"),
    "direction": ("只有方向词", "a bare direction"),
}
REVERSE = ("反向", "reverse")


def _said(pair: tuple[str, str]) -> str:
    return in_language(*pair)


@dataclass
class Presented:
    """What a page needs of a checked form."""

    figures: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    findings: list[Finding]
    by_row: dict[int, list[Finding]] = field(default_factory=dict)
    by_field: dict[str, list[Finding]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def message(finding: Finding) -> str:
    """The finding's message in the page's language."""
    return in_language(finding.message_zh, finding.message_en)


def _figures(report: FormReport) -> list[dict[str, Any]]:
    form, score = report.form, report.score
    if score is None:
        return []
    pairs = [
        (
            ("执行率", "Execution rate"),
            form.funds.execution_rate,
            score.execution_rate_display,
            "rate",
        ),
        (
            ("执行率得分", "Execution points"),
            form.funds.execution_score,
            score.execution_score,
            "points",
        ),
        (("权重合计", "Weights"), None, score.weight_sum, "points"),
        (("总分", "Total"), form.total_score, score.declared_sum, "points"),
        (("规则总分", "Rule total"), None, score.rule_total, "points"),
        (("等级", "Grade"), form.grade, score.rule_grade or score.declared_grade, "grade"),
    ]
    out = []
    for label, declared, computed, kind in pairs:
        if declared is None and computed is None:
            continue
        shown = [
            to_text(v) if not isinstance(v, str) and v is not None else v
            for v in (declared, computed)
        ]
        differs = declared is not None and computed is not None and str(shown[0]) != str(shown[1])
        if declared is not None and computed is not None and not isinstance(declared, str):
            differs = declared != computed
        out.append(
            {
                "label": _said(label),
                "declared": shown[0],
                "computed": shown[1],
                "differs": differs,
                "kind": kind,
            }
        )
    return out


def _rows(report: FormReport) -> list[dict[str, Any]]:
    if report.score is None:
        return []
    rows = []
    for row in report.score.indicators:
        target = row.target
        reading = _said(KINDS[str(target.kind)])
        if target.reason:
            reading += f" ({_said(REASONS[str(target.reason)])})"
        elif target.comparator:
            reading += f" {target.comparator}{to_text(target.number)}{target.unit or ''}"
            reading += f" {_said(REVERSE)}" if str(row.direction) == "reverse" else ""
        rows.append(
            {
                "index": row.index,
                "reading": reading,
                "met": row.met,
                "rule_score": to_text(row.rule_score) if row.rule_score is not None else None,
                "tier": _said((row.tier.name_zh, row.tier.name_en)) if row.tier else None,
            }
        )
    return rows


def present(report: FormReport) -> Presented:
    """Arrange a report for a page."""
    result = Presented(_figures(report), _rows(report), report.findings)
    for finding in report.findings:
        path = finding.location.path or ""
        match = _ROW.match(path)
        if match:
            result.by_row.setdefault(int(match[1]), []).append(finding)
        else:
            result.by_field.setdefault(path, []).append(finding)
        result.counts[str(finding.severity)] = result.counts.get(str(finding.severity), 0) + 1
    return result
