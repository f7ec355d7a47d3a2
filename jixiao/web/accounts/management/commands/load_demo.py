"""``manage.py load_demo``: the sample data (the 14 seed forms) and one demo account per role.

Only for a demo or a test machine: it creates users with a known password. Run twice, it
changes nothing the second time.
"""

import json
from importlib import resources

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction

from jixiao.core.formjson import decode_form
from jixiao.core.names import name_key
from jixiao.web.accounts.models import Membership, Organisation, OrgKind, Role
from jixiao.web.store.models import FormRecord, Status
from jixiao.web.store.services import create_form, unit_named

PASSWORD = "jixiao-demo-2026"
BUREAU = "上海市财政局"
DEPARTMENT = "上海市人民政府合作交流办公室"
# username, full name, organisation (kind, name), role
ACCOUNTS = (
    ("finance", "财政局审核人", (OrgKind.BUREAU, BUREAU), Role.FINANCE_REVIEWER),
    (
        "department",
        "主管部门审核人",
        (OrgKind.DEPARTMENT, DEPARTMENT),
        Role.DEPARTMENT_REVIEWER,
    ),
    (
        "kunming",
        "驻昆明办填报人",
        (OrgKind.UNIT, "上海市人民政府驻昆明办事处"),
        Role.UNIT_STAFF,
    ),
    (
        "xining",
        "驻西宁办填报人",
        (OrgKind.UNIT, "上海市人民政府驻西宁办事处"),
        Role.UNIT_STAFF,
    ),
    ("hezuoban", "合作交流办填报人", (OrgKind.UNIT, DEPARTMENT), Role.UNIT_STAFF),
)
# The 2022 self-evaluations of seed 001 are put at different steps so that every queue has work.
STATUS_2022 = (Status.SUBMITTED, Status.PASSED, Status.DRAFT, Status.PUBLISHED)


def _organisations() -> None:
    bureau, _ = Organisation.objects.get_or_create(kind=OrgKind.BUREAU, name=BUREAU)
    department, _ = Organisation.objects.get_or_create(
        kind=OrgKind.DEPARTMENT, name=DEPARTMENT, defaults={"parent": bureau}
    )
    for _, _, (kind, name), _ in ACCOUNTS:
        if kind == OrgKind.UNIT:
            Organisation.objects.get_or_create(
                kind=kind, name=name, defaults={"parent": department}
            )


def _accounts() -> list[tuple[str, str, str]]:
    created = []
    for username, full_name, (kind, org_name), role in ACCOUNTS:
        user, new = User.objects.get_or_create(
            username=username, defaults={"first_name": full_name}
        )
        if new:
            user.set_password(PASSWORD)
            user.save()
        organisation = Organisation.objects.get(kind=kind, name=org_name)
        Membership.objects.update_or_create(
            user=user, defaults={"organisation": organisation, "role": role}
        )
        created.append((username, full_name, str(organisation)))
    admin, new = User.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if new:
        admin.set_password(PASSWORD)
        admin.save()
    created.append(("admin", "系统管理员 Administrator (Django admin)", "—"))
    return created


def _forms(actor: User) -> int:
    stored = 0
    folder = resources.files("jixiao").joinpath("samples/forms")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        for index, data in enumerate(json.loads(path.read_text(encoding="utf-8"))["forms"]):
            form = decode_form(data, path.name, index)
            unit = unit_named(form)
            key = name_key(form.project.name)
            if FormRecord.objects.filter(
                project__unit=unit, project__name_key=key, year=form.year, kind=str(form.kind)
            ).exists():
                continue
            status = STATUS_2022[index] if form.year == 2022 else Status.PUBLISHED
            create_form(
                form,
                unit=unit,
                actor=actor,
                origin="imported",
                source_file=path.name,
                status=status,
            )
            stored += 1
    return stored


class Command(BaseCommand):
    """Load the demo organisations, accounts and the seed forms."""

    help = "Load the sample forms (the seeds) and demo accounts for each role."

    def handle(self, *args, **options) -> None:
        """Create what is missing, then print the accounts."""
        with transaction.atomic():
            _organisations()
            accounts = _accounts()
            stored = _forms(User.objects.get(username="admin"))
        self.stdout.write(f"sample forms stored: {stored} (already there are kept)")
        self.stdout.write(f"demo accounts (password {PASSWORD}):")
        for username, name, organisation in accounts:
            self.stdout.write(f"  {username:<11} {name} · {organisation}")
