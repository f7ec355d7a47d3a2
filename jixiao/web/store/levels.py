"""Level names outside the layout's tree, as findings: the one level check of the web.

The live panel and the stored form's page both show these findings; saving never refuses a
form for them. A form read from a province's file prints the level names it prints, and the
unit must be able to open and save it: a level outside the tree is something for the unit and
its reviewers to look at (a warning), not an input error. A layout with no tree (unknown, or
no rule set lists it) has free level names and gets no such finding.
"""

from jixiao.core.findings import Finding, Location, Severity
from jixiao.core.model import Form
from jixiao.web.store.layouts import layout_of, tree

CODE = "level-outside-tree"
BASIS = "SPEC §4: the indicator tree of the rule set that governs the layout"


def _names(layout_id: str | None) -> tuple[str, str]:
    layout = layout_of(layout_id)
    if layout is None:
        return "该版式", "this layout"
    return layout.title_zh, layout.title_en


def _finding(where: Location, zh: str, en: str, found: str, expected: list[str]) -> Finding:
    return Finding(
        code=CODE,
        severity=Severity.WARNING,
        location=where,
        message_zh=zh,
        message_en=en,
        expected="、".join(expected),
        found=found,
        basis=BASIS,
    )


def level_findings(
    form: Form, document: str | None = None, index: int | None = None
) -> list[Finding]:
    """A warning for each row whose level 1, or level 2 under a known level 1, is not in the tree."""
    levels = tree(form.template)
    if not levels:
        return []
    zh_title, en_title = _names(form.template)
    findings = []
    for i, row in enumerate(form.indicators):
        where = f"第{i + 1}行“{row.name or ''}”", f"row {i + 1} ({row.name or ''})"
        if row.level1 not in levels:
            said = (
                (
                    f"一级指标“{row.level1}”不在“{zh_title}”的指标体系中",
                    f"level 1 “{row.level1}” is not in the tree of {en_title}",
                )
                if row.level1
                else ("没有一级指标", "no level 1")
            )
            findings.append(
                _finding(
                    Location(document, index, f"indicators[{i}].level1", row.name),
                    f"{where[0]}：{said[0]}",
                    f"{where[1]}: {said[1]}",
                    row.level1 or "",
                    list(levels),
                )
            )
        elif row.level2 and levels[row.level1] and row.level2 not in levels[row.level1]:
            findings.append(
                _finding(
                    Location(document, index, f"indicators[{i}].level2", row.name),
                    f"{where[0]}：二级指标“{row.level2}”不在“{row.level1}”之下",
                    f"{where[1]}: level 2 “{row.level2}” is not under “{row.level1}” in {en_title}",
                    row.level2,
                    levels[row.level1],
                )
            )
    return findings
