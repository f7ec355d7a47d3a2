"""Fill a database with N forms for the web benchmark: copies of the 14 gold forms, bulk-inserted.

Run with DJANGO_SETTINGS_MODULE=jixiao.web.settings and the benchmark's DATABASE_URL.
Usage: python bench/web_populate.py N CLERKS REVIEWERS  → prints JSON: users and their form ids
"""

import json
import sys

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.db import transaction  # noqa: E402

from jixiao.core.formjson import INDICATOR_KEYS, decode_form, encode_form  # noqa: E402
from jixiao.web.accounts.models import Membership, Organisation, OrgKind, Role  # noqa: E402
from jixiao.web.store.models import FormRecord, IndicatorRow, Project, Status  # noqa: E402
from jixiao.web.store.services import refresh_summary  # noqa: E402
from tests.conftest import GOLD  # noqa: E402

PASSWORD = "bench-password-2026"
STATUSES = (Status.PUBLISHED, Status.SUBMITTED, Status.PASSED, Status.DRAFT, Status.APPROVED)


def organisations(units: int) -> list[Organisation]:
    bureau = Organisation.objects.create(name="基准测试财政局", kind=OrgKind.BUREAU)
    departments = Organisation.objects.bulk_create(
        Organisation(
            name=f"部门{i:03d}", name_key=f"部门{i:03d}", kind=OrgKind.DEPARTMENT, parent=bureau
        )
        for i in range(units // 20 + 1)
    )
    made = Organisation.objects.bulk_create(
        Organisation(
            name=f"单位{i:04d}",
            name_key=f"单位{i:04d}",
            kind=OrgKind.UNIT,
            parent=departments[i // 20],
        )
        for i in range(units)
    )
    return [bureau, *departments, *made]


def templates() -> list[tuple[dict, FormRecord]]:
    out = []
    for _, data in GOLD:
        form = decode_form(data)
        record = FormRecord(year=form.year, kind=str(form.kind), template=form.template)
        refresh_summary(record, form)
        out.append((encode_form(form), record))
    return out


def forms(count: int, units: list[Organisation]) -> None:
    shapes = templates()
    projects = Project.objects.bulk_create(
        Project(unit=units[i % len(units)], name=f"基准项目{i:05d}", name_key=f"基准项目{i:05d}")
        for i in range(count)
    )
    records = []
    for i, project in enumerate(projects):
        data, summary = shapes[i % len(shapes)]
        header = {k: v for k, v in data.items() if k != "indicators"}
        header["project"] = {**header["project"], "name": project.name, "unit": project.unit.name}
        records.append(
            FormRecord(
                project=project,
                year=data["year"],
                kind=data["kind"],
                template=data["template"],
                status=STATUSES[i % len(STATUSES)],
                header=header,
                declared_total=summary.declared_total,
                recomputed_total=summary.recomputed_total,
                errors=summary.errors,
                warnings=summary.warnings,
            )
        )
    records = FormRecord.objects.bulk_create(records, batch_size=2000)
    rows = [
        IndicatorRow(form=record, position=p, **{k: (row.get(k) or "") for k in INDICATOR_KEYS})
        for i, record in enumerate(records)
        for p, row in enumerate(shapes[i % len(shapes)][0]["indicators"])
    ]
    IndicatorRow.objects.bulk_create(rows, batch_size=5000)


def users(clerks: int, reviewers: int, units: list[Organisation]) -> dict:
    unit_orgs = [u for u in units if u.kind == OrgKind.UNIT]
    made = {"clerks": [], "reviewers": []}
    hashed = User(username="x")
    hashed.set_password(PASSWORD)
    for i in range(clerks):
        unit = unit_orgs[i]
        user = User.objects.create(username=f"clerk{i}", password=hashed.password)
        Membership.objects.create(user=user, organisation=unit, role=Role.UNIT_STAFF)
        draft = FormRecord.objects.filter(
            project__unit=unit, kind="self_evaluation", template="mof-2020-self-eval"
        )
        record = draft.first()
        FormRecord.objects.filter(pk=record.pk).update(status=Status.DRAFT)
        made["clerks"].append({"username": user.username, "form": record.pk})
    for i in range(reviewers):
        user = User.objects.create(username=f"reviewer{i}", password=hashed.password)
        Membership.objects.create(user=user, organisation=units[0], role=Role.FINANCE_REVIEWER)
        made["reviewers"].append({"username": user.username})
    made["password"] = PASSWORD
    return made


def main() -> None:
    count, clerks, reviewers = (int(a) for a in sys.argv[1:4])
    with transaction.atomic():
        units = organisations(max(400, clerks))
        forms(count, [u for u in units if u.kind == OrgKind.UNIT])
        made = users(clerks, reviewers, units)
    made["forms"] = FormRecord.objects.count()
    print(json.dumps(made))


if __name__ == "__main__":
    main()
