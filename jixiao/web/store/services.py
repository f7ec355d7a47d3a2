"""Storing forms: canonical JSON in and out, optimistic locking, the audit trail.

Every write goes through here, inside a transaction, and leaves a ``FormEvent`` saying who
changed what, field by field.
"""

import json
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.db import transaction
from django.db.models import F

from jixiao.core.checks.runner import FormReport
from jixiao.core.findings import Severity
from jixiao.core.formjson import INDICATOR_KEYS, decode_form, encode_form
from jixiao.core.model import Form
from jixiao.core.names import name_key
from jixiao.core.numbers import half_up
from jixiao.web.accounts.models import Organisation, OrgKind
from jixiao.web.store.checking import check_in_web
from jixiao.web.store.models import (
    EDITABLE,
    FormEvent,
    FormRecord,
    IndicatorRow,
    Project,
    Status,
)


class StaleEdit(Exception):
    """Someone else saved the form since this edit began; nothing was written."""


def to_canonical(record: FormRecord) -> dict[str, Any]:
    """The stored form as ``jixiao/form@1`` JSON, indicators from their rows."""
    data = dict(record.header)
    data["indicators"] = [
        {key: (getattr(row, key) or None) for key in INDICATOR_KEYS} for row in record.rows.all()
    ]
    return data


def to_form(record: FormRecord) -> Form:
    """The stored form as a core ``Form``."""
    return decode_form(to_canonical(record), document=f"form {record.pk}")


def check(record: FormRecord, canonical: dict[str, Any] | None = None) -> FormReport:
    """Recomputed figures and findings of a stored form, cached by the form's content.

    ``canonical``: the form's JSON when the caller has it already.
    """
    data = canonical if canonical is not None else to_canonical(record)
    return _check_version(record.pk, record.version, json.dumps(data, sort_keys=True))


@lru_cache(maxsize=2048)
def _check_version(pk: int, version: int, canonical: str) -> FormReport:
    form = decode_form(json.loads(canonical), document=f"form {pk}")
    return check_in_web(form, f"form {pk}")


def _rows(record: FormRecord, indicators: list[dict[str, Any]]) -> None:
    record.rows.all().delete()
    IndicatorRow.objects.bulk_create(
        IndicatorRow(form=record, position=i, **{k: (row.get(k) or "") for k in INDICATOR_KEYS})
        for i, row in enumerate(indicators)
    )


def refresh_summary(record: FormRecord, form: Form) -> None:
    """Store the figures the queue shows: declared and recomputed totals, error and warning counts."""
    report = check_in_web(form)
    declared = form.total_score
    if declared is None and report.score is not None:
        declared = report.score.declared_sum
    record.declared_total = _clip(declared)
    record.recomputed_total = _clip(report.score.rule_total if report.score else None)
    record.errors = sum(1 for f in report.findings if f.severity is Severity.ERROR)
    record.warnings = sum(1 for f in report.findings if f.severity is Severity.WARNING)


def _clip(value: Decimal | None) -> Decimal | None:
    # The queue's columns hold two decimals; forms print totals half-up. A total no form can
    # have (jixiao.core.limits bounds every score) is left out rather than overflow the column.
    if value is None or abs(value) >= Decimal(10) ** 17:
        return None
    return half_up(value)


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """``{"funds.budget": "100", "indicators[0].name": …}``: JSON paths of the leaves."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else key))
        return out
    if isinstance(value, list) and value and isinstance(value[0], dict):
        out = {}
        for i, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{i}]"))
        return out
    return {prefix: value}


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Field-by-field changes between two canonical forms."""
    before, after = flatten(old), flatten(new)
    return [
        {"path": path, "old": before.get(path), "new": after.get(path)}
        for path in sorted(before.keys() | after.keys())
        if before.get(path) != after.get(path)
    ]


def unit_named(form: Form) -> Organisation:
    """The budget unit a form names, created (under its department) if it is new."""
    return unit_of_names(form.project.unit, form.project.department)


def unit_of_names(unit_name: str | None, department: str | None) -> Organisation:
    """The budget unit of that name, created (under that department) if it is new."""
    unit_name = unit_name or "未知单位"
    unit = Organisation.objects.filter(kind=OrgKind.UNIT, name_key=name_key(unit_name)).first()
    if unit:
        return unit
    parent = None
    if department:
        parent = Organisation.objects.filter(
            kind=OrgKind.DEPARTMENT, name_key=name_key(department)
        ).first()
        if parent is None:
            bureau = Organisation.objects.filter(kind=OrgKind.BUREAU).first()
            parent = Organisation.objects.create(
                name=department, kind=OrgKind.DEPARTMENT, parent=bureau
            )
    return Organisation.objects.create(name=unit_name, kind=OrgKind.UNIT, parent=parent)


def project_for(unit: Organisation, name: str) -> Project:
    """The unit's project of that name (the same project across years)."""
    project, _ = Project.objects.get_or_create(
        unit=unit, name_key=name_key(name), defaults={"name": name}
    )
    return project


@transaction.atomic
def create_form(
    form: Form,
    *,
    unit: Organisation,
    actor,
    origin: str = "typed",
    source_file: str = "",
    status: str = Status.DRAFT,
    changes: list[dict[str, Any]] | None = None,
) -> FormRecord:
    """Store a new form; a form already stored for that project, year and kind is refused.

    ``changes``: values the user supplied on import (a year, a project name), for the history.
    """
    data = encode_form(form)
    record = FormRecord(
        project=project_for(unit, form.project.name or "未命名项目"),
        year=form.year,
        kind=str(form.kind),
        template=form.template,
        status=status,
        header={k: v for k, v in data.items() if k != "indicators"},
        origin=origin,
        source_file=source_file,
    )
    refresh_summary(record, form)
    record.save()
    _rows(record, data["indicators"])
    FormEvent.objects.create(
        form=record,
        actor=actor,
        action=origin if origin == "imported" else "created",
        to_status=status,
        note=source_file,
        changes=changes or [],
    )
    return record


def _renamed(project: Project, name: str, keep: FormRecord) -> Project:
    """The project a form belongs to once its printed name changed to ``name``.

    A project whose only form this is takes the new name; otherwise the form moves to the
    unit's project of that name (made if new). An emptied project is removed.
    """
    key = name_key(name)
    if key == project.name_key:
        return project
    others = project.forms.exclude(pk=keep.pk).exists()
    existing = Project.objects.filter(unit_id=project.unit_id, name_key=key).first()
    if existing is None and not others:
        project.name, project.name_key = name, key
        project.save(update_fields=["name", "name_key"])
        return project
    return existing or Project.objects.create(unit_id=project.unit_id, name=name, name_key=key)


@transaction.atomic
def update_form(record: FormRecord, form: Form, *, actor, expected_version: int) -> FormRecord:
    """Save an edit if nobody saved or moved the form in between (else ``StaleEdit``).

    The version check and the editable status are tested in the same UPDATE, so an edit
    racing a submit (which bumps the version too) is refused. Records what changed.
    """
    old = to_canonical(record)
    new = encode_form(form)
    bumped = FormRecord.objects.filter(
        pk=record.pk, version=expected_version, status__in=EDITABLE
    ).update(version=F("version") + 1)
    if not bumped:
        raise StaleEdit
    record.refresh_from_db()
    previous = record.project
    record.project = _renamed(previous, form.project.name or previous.name, record)
    record.header = {k: v for k, v in new.items() if k != "indicators"}
    record.year, record.template = form.year, form.template
    refresh_summary(record, form)
    record.save()
    _rows(record, new["indicators"])
    if previous.pk != record.project_id and not previous.forms.exists():
        previous.delete()
    changes = diff(old, new)
    if changes:
        FormEvent.objects.create(form=record, actor=actor, action="edited", changes=changes)
    return record
