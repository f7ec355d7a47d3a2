"""A draft → canonical forms (one per project of a table of several) and their import findings."""

import re
from dataclasses import replace
from decimal import Decimal

from jixiao.core.dates import FormDate
from jixiao.core.findings import Finding
from jixiao.core.formkeys import GOALS_KEYS, NARRATIVE_KEYS, PROJECT_PROSE
from jixiao.core.model import Form, FormKind, Goals, Group, Indicator, Narrative, Project
from jixiao.io.problems import problem, uncertain
from jixiao.io.structure.funds import FundsReading
from jixiao.io.structure.reader import Draft
from jixiao.io.structure.rows import BREAK, GroupEntry
from jixiao.io.structure.values import form_date, ticked, weight
from jixiao.io.text import clean
from jixiao.io.vocabulary import Layout

_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_PERIOD = re.compile(r"\s*(?:至|到|~|～|—|－|--)\s*")
YES_NO = {"是": True, "√": True, "✓": True, "有": True, "否": False, "无": False}
GROUP_LOST = (
    "一级指标的单元格未印出，按二级指标所属的指标体系推定",
    "the level-1 cell is lost: the group is inferred from its level-2 names",
)


def kind_of(draft: Draft, layout_kind: str | None) -> FormKind:
    """The printed layout title's kind (吉林's 评价表: target), the title's, the layout's, or scored."""
    if layout_kind and draft.kind != layout_kind and draft.title_of_layout:
        return FormKind(layout_kind)
    if draft.kind or layout_kind:
        return FormKind(draft.kind or layout_kind)
    scored = any(i.actual or i.score is not None for i in draft.table.indicators)
    return FormKind.SELF_EVALUATION if scored else FormKind.TARGET


def year_of(draft: Draft, dates: list[FormDate | None], file_name: str) -> int | None:
    """The budget year: printed, else settled by the dates, else by the file name."""
    if draft.year:
        return draft.year
    years = {d.year for d in dates if d is not None}
    if len(years) == 1:
        return years.pop()
    found = set(_FILE_YEAR.findall(file_name))
    return int(found.pop()) if len(found) == 1 else None


def build(
    draft: Draft, layout: Layout | None, document: str, first: int
) -> tuple[list[Form], list[Finding]]:
    """A draft's forms (one per project of a table of several), from ``first``, and their findings."""
    unreadable: list[tuple[str, str]] = []  # (path, printed text)
    values = draft.fields.values
    project = _project(draft, unreadable)
    evaluated = _printed(values.get("totals.evaluated_on"), "evaluated_on", unreadable)
    year = year_of(draft, [project.start_date, project.end_date, evaluated], document)
    common = {
        "kind": kind_of(draft, layout and layout.kind),
        "template": layout and layout.id,
        "year": year,
        "funds": (draft.funds or FundsReading()).funds(draft.currency),
        "goals": Goals(*(values.get(f"goals.{k}") for k in GOALS_KEYS)),
        "total_score": draft.table.total_score
        or _printed(values.get("totals.total_score"), "total_score", unreadable, weight),
        "grade": values.get("totals.grade") or draft.table.grade,
        "evaluated_on": evaluated,
        "narrative": Narrative(*(values.get(f"narrative.{k}") for k in NARRATIVE_KEYS)),
    }
    table = draft.table
    names = list(dict.fromkeys(p for p in table.projects if p))
    if len(names) < 2:  # one project: the table names it only where no label does
        name = names[0] if names and not values.get("project.name") else None
        projects = [(name, tuple(table.indicators))]
    else:
        pairs = list(zip(table.indicators, table.projects, strict=True))
        projects = [(name, tuple(i for i, p in pairs if p == name)) for name in names]
    forms, findings = [], []
    for name, indicators in projects:
        named = project if name is None else replace(project, name=name)
        groups = _groups(draft, indicators if len(names) > 1 else ())
        own = _own_cells(draft, name, common)
        form = Form(project=named, groups=groups, indicators=indicators, **own)  # type: ignore[arg-type]
        findings += form_findings(document, first + len(forms), form, draft, unreadable, not layout)
        forms.append(form)
    return forms, findings


def _own_cells(draft: Draft, name: str | None, common: dict) -> dict:
    """The common values, with a project's own budget and goal cells of a table of several."""
    cells = draft.table.project_cells.get(name or "", {})
    funds, goals = common["funds"], common["goals"]
    if "project_budget" in cells:
        budget = weight(cells["project_budget"])
        funds = replace(funds, budget=budget, currency_unit=funds.currency_unit or draft.currency)
    if "project_goal" in cells:
        goals = replace(goals, annual=clean(cells["project_goal"]))
    return {**common, "funds": funds, "goals": goals}


def _groups(draft: Draft, indicators: tuple[Indicator, ...]) -> tuple[Group, ...]:
    """The printed groups; of a table of several projects, those of ``indicators``."""
    used = {i.level1 for i in indicators}
    return tuple(
        Group(entry.name, None if entry.band else entry.weight, entry.band)
        for entry in draft.table.groups.values()
        if not indicators or entry.name in used
    )


def _project(draft: Draft, unreadable: list) -> Project:
    printed = draft.fields.values.items()
    values = {k.removeprefix("project."): v for k, v in printed if k.startswith("project.")}
    start = _printed(values.get("start_date"), "project.start_date", unreadable)
    end = _printed(values.get("end_date"), "project.end_date", unreadable)
    if values.get("period") and not (start or end):
        start, end = _period(values["period"], unreadable)
    unit, department = values.get("unit"), values.get("department")
    if draft.department_wide and not unit:
        unit, department = department, None  # the department is the unit of its own form
    return Project(
        name=None if draft.department_wide else values.get("name"),
        department=department,
        unit=unit,
        recurring=YES_NO.get(values.get("recurring")),
        category=ticked(values.get("category")),
        funds_use=ticked(values.get("funds_use")),
        purchases_services=YES_NO.get(values.get("purchases_services")),
        start_date=start,
        end_date=end,
        **{f: values.get(f) for f in ("offices", "performance_type", *PROJECT_PROSE)},
    )


def _printed(text: str | None, path: str, unreadable: list, read=form_date):
    """A date (or with ``read``, a score) printed after its label; printed text not read reported."""
    found = read(text) if text else None
    if text and found is None:
        unreadable.append((path, text))
    return found


def _period(text: str, unreadable: list) -> tuple[FormDate | None, FormDate | None]:
    parts = _PERIOD.split(text.strip())
    if len(parts) == 2 and all(form_date(p) for p in parts):
        return form_date(parts[0]), form_date(parts[1])
    unreadable.append(("project.start_date", text))
    return None, None


def form_findings(
    document: str, form: int, read: Form, draft: Draft, unreadable: list, unmatched: bool
) -> list[Finding]:
    """Every import finding of one form: its table's, its funds', its own."""
    table = draft.table
    out = []
    for heading, values in table.reported.items():
        printed = " | ".join(values)
        zh = f"没有对应字段的列“{heading}”：{printed[:80]}"
        en = f"column {heading!r} has no canonical field: {printed[:80]}"
        found = f"{heading}: {printed}"
        out.append(problem("unknown-column", document, zh, en, form=form, found=found))
    if table.long_term:
        zh = f"长期（中期）指标未作为年度指标读入：{len(table.long_term)} 项"
        en = f"{len(table.long_term)} long-term indicator value(s) reported, not read as annual"
        found = " | ".join(table.long_term)
        out.append(problem("long-term-indicators", document, zh, en, form=form, found=found))
    out.extend(uncertain(document, form, *doubt) for doubt in table.uncertain)
    out.extend(
        uncertain(document, form, key, chosen, [chosen, other], *BREAK)
        for key, chosen, other in draft.fields.uncertain
    )
    out.extend(
        uncertain(document, form, f"groups[{k}].name", group.name, [group.name], *GROUP_LOST)
        for k, group in enumerate(read.groups)
        if not table.groups.get(group.name, GroupEntry(group.name)).printed
    )
    printed = table.weight_total
    computed = sum((i.weight or Decimal(0) for i in read.indicators), Decimal(0))
    computed += read.funds.execution_weight or Decimal(0)
    if printed is not None and read.indicators and computed != printed:
        zh = f"合计行的分值 {printed} 与各行合计 {computed} 不符"
        en = f"the printed weight total {printed} differs from the rows' {computed}"
        where = {"form": form, "path": "indicators", "expected": str(computed)}
        out.append(problem("weight-total-differs", document, zh, en, found=str(printed), **where))
    return out + _state(document, form, read, draft, unreadable, unmatched)


def _state(
    document: str, form: int, read: Form, draft: Draft, unreadable: list, unmatched: bool
) -> list[Finding]:
    """Funds columns with no field or no unit, no layout matched, no year, cut short, no table."""
    out = []
    for heading in draft.funds.unknown if draft.funds else ():
        zh = f"资金表中没有对应字段的列“{heading}”"
        en = f"funds column {heading!r} has no canonical field"
        where = {"form": form, "path": "funds", "found": heading}
        out.append(problem("unknown-column", document, zh, en, **where))
    if draft.funds and draft.funds.tabled and read.funds.currency_unit is None:
        zh, en = "资金表未印金额单位", "the funds table prints no unit"
        out.append(uncertain(document, form, "funds.currency_unit", None, ["元", "万元"], zh, en))
    if unmatched:
        zh = "按表的结构读入；未匹配到已知版式，表的版式留空"
        en = "read by its structure; no known layout matched, so the form's layout is left empty"
        out.append(problem("layout-unmatched", document, zh, en, form=form))
    if read.year is None:
        zh = "未印年度，标题、日期和文件名也不能确定"
        en = "no year printed, and none settled by the title, dates or file name"
        out.append(problem("year-missing", document, zh, en, form=form, path="year"))
    if draft.ended_in_table and not draft.table.total_score and draft.kind == "self_evaluation":
        out.append(truncated(document, form))
    if not draft.tables:
        zh = "没有找到绩效指标表：已读入的内容照常返回"
        en = "no indicator table found: what was read is returned"
        out.append(problem("no-indicator-table", document, zh, en, form=form))
    for path, text in unreadable:
        zh, en = f"无法读取的日期：“{text}”", f"a date that cannot be read: {text!r}"
        out.append(problem("unreadable-value", document, zh, en, form=form, path=path, found=text))
    return out


def truncated(document: str, form: int) -> Finding:
    """The ``truncated-form`` finding of a form cut short."""
    zh = "表不完整（在指标表结束之前中断）：已读入的内容照常返回"
    en = "the form is cut short: what was read is returned"
    return problem("truncated-form", document, zh, en, form=form)
