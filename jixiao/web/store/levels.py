"""Level names outside the layout's tree, as findings: the one level check of the web.

The live panel and the stored form's page both show these findings; saving never refuses a
form for them. A form read from a province's file prints the level names it prints, and the
unit must be able to open and save it: a level outside the tree is something for the unit and
its reviewers to look at (a warning), not an input error. A layout with no tree (unknown, or
no rule set lists it) has free level names and gets no such finding.
"""

from dataclasses import replace

from jixiao.core.findings import Finding, Location, Severity
from jixiao.core.model import Form, Indicator
from jixiao.web.store.layouts import groups, layout_of

CODE = "level-outside-tree"
BASIS = "SPEC §4: the indicator tree of the rule set that governs the layout"


def _names(layout_id: str | None) -> tuple[str, str]:
    layout = layout_of(layout_id)
    if layout is None:
        return "该版式", "this layout"
    return layout.title_zh, layout.title_en


def _row(i: int, row: Indicator) -> tuple[str, str]:
    if not row.name:
        return f"第{i + 1}行", f"row {i + 1}"
    return f"第{i + 1}行“{row.name}”", f"row {i + 1} ({row.name})"


def _outside_tree(
    i: int, row: Indicator, where: Location, titles: tuple[str, str], names
) -> Finding:
    zh, en = _row(i, row)
    if row.level1:
        zh += f"：一级指标“{row.level1}”不在“{titles[0]}”的指标体系中"
        en += f": level 1 “{row.level1}” is not in the tree of {titles[1]}"
    else:
        zh, en = f"{zh}：没有一级指标", f"{en}: no level 1"
    return _finding(where, zh, en, row.level1 or "", names)


def _outside_group(i: int, row: Indicator, where: Location, title_en: str, group) -> Finding:
    zh, en = _row(i, row)
    zh += f"：二级指标“{row.level2}”不在“{row.level1}”之下"
    en += f": level 2 “{row.level2}” is not under “{row.level1}” in {title_en}"
    return _finding(where, zh, en, row.level2 or "", list(group.level2))


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
    tree = groups(form.template)
    if not tree:
        return []
    titles = _names(form.template)
    findings = []
    for i, row in enumerate(form.indicators):
        group = next((g for g in tree if g.matches(row.level1)), None)
        where = Location(document, index, f"indicators[{i}].level1", row.name)
        if group is None:
            findings.append(_outside_tree(i, row, where, titles, [g.name for g in tree]))
        elif row.level2 and group.level2 and row.level2 not in group.level2:
            where = replace(where, path=f"indicators[{i}].level2")
            findings.append(_outside_group(i, row, where, titles[1], group))
    return findings
