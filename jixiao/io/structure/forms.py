"""A draft → canonical forms: one per project of a table of several (a 项目名称 column)."""

import re
from dataclasses import dataclass, field, replace

from jixiao.core.dates import FormDate
from jixiao.core.formkeys import GOALS_KEYS, NARRATIVE_KEYS, PROJECT_PROSE
from jixiao.core.model import Form, FormKind, Goals, Group, Indicator, Narrative, Project
from jixiao.io.structure.funds import FundsReading
from jixiao.io.structure.reader import Draft
from jixiao.io.structure.values import form_date, ticked, weight
from jixiao.io.text import clean

_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_PERIOD = re.compile(r"\s*(?:至|到|~|～|—|－|--)\s*")
YES_NO = {"是": True, "√": True, "✓": True, "有": True, "否": False, "无": False}


@dataclass
class Built:
    """The forms of a draft and what building them found unreadable."""

    forms: list[Form] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, printed text)


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


def build(draft: Draft, template: str | None, layout_kind: str | None, file_name: str) -> Built:
    """Every form of a draft (one per project of a table of several)."""
    built = Built()
    values = draft.fields.values
    project = _project(draft, built)
    evaluated = _printed(values.get("totals.evaluated_on"), "evaluated_on", built)
    year = year_of(draft, [project.start_date, project.end_date, evaluated], file_name)
    common = {
        "kind": kind_of(draft, layout_kind),
        "template": template,
        "year": year,
        "funds": (draft.funds or FundsReading()).funds(draft.currency),
        "goals": Goals(*(values.get(f"goals.{k}") for k in GOALS_KEYS)),
        "total_score": draft.table.total_score
        or _printed(values.get("totals.total_score"), "total_score", built, weight),
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
    for name, indicators in projects:
        named = project if name is None else replace(project, name=name)
        groups = _groups(draft, indicators if len(names) > 1 else ())
        own = _own_cells(draft, name, common)
        built.forms.append(Form(project=named, groups=groups, indicators=indicators, **own))  # type: ignore[arg-type]
    return built


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


def _project(draft: Draft, built: Built) -> Project:
    values = {
        k.removeprefix("project."): v
        for k, v in draft.fields.values.items()
        if k.startswith("project.")
    }
    start = _printed(values.get("start_date"), "project.start_date", built)
    end = _printed(values.get("end_date"), "project.end_date", built)
    if values.get("period") and not (start or end):
        start, end = _period(values["period"], built)
    unit, department = values.get("unit"), values.get("department")
    if draft.department_wide and not unit:
        unit, department = department, None  # the department is the unit of its own form
    return Project(
        name=None if draft.department_wide else values.get("name"),
        department=department,
        unit=unit,
        offices=values.get("offices"),
        recurring=YES_NO.get(values.get("recurring")),
        category=ticked(values.get("category")),
        funds_use=ticked(values.get("funds_use")),
        performance_type=values.get("performance_type"),
        purchases_services=YES_NO.get(values.get("purchases_services")),
        start_date=start,
        end_date=end,
        **{f: values.get(f) for f in PROJECT_PROSE},
    )


def _printed(text: str | None, path: str, built: Built, read=form_date):
    """A date (or with ``read``, a score) printed after its label; printed text not read reported."""
    found = read(text) if text else None
    if text and found is None:
        built.unreadable.append((path, text))
    return found


def _period(text: str, built: Built) -> tuple[FormDate | None, FormDate | None]:
    parts = _PERIOD.split(text.strip())
    if len(parts) == 2 and all(form_date(p) for p in parts):
        return form_date(parts[0]), form_date(parts[1])
    built.unreadable.append(("project.start_date", text))
    return None, None
