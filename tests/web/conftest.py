"""The cast of every web test: a bureau, two departments, three units, one user per role."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from jixiao.web.accounts.models import Membership, Organisation, OrgKind, Role
from jixiao.web.store.services import create_form
from tests.conftest import gold_form


@dataclass
class Cast:
    bureau: Organisation
    department: Organisation
    other_department: Organisation
    unit: Organisation
    other_unit: Organisation
    foreign_unit: Organisation  # under the other department
    clerk: User
    other_clerk: User
    reviewer: User
    other_reviewer: User
    finance: User

    def client(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client


def _user(name: str, organisation: Organisation, role: Role) -> User:
    user = User.objects.create_user(name)  # no password: tests log in with force_login
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def cast(db, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    bureau = Organisation.objects.create(name="上海市财政局", kind=OrgKind.BUREAU)
    department = Organisation.objects.create(
        name="上海市人民政府合作交流办公室", kind=OrgKind.DEPARTMENT, parent=bureau
    )
    other_department = Organisation.objects.create(
        name="上海市教育委员会", kind=OrgKind.DEPARTMENT, parent=bureau
    )
    unit = Organisation.objects.create(
        name="上海市人民政府驻昆明办事处", kind=OrgKind.UNIT, parent=department
    )
    other_unit = Organisation.objects.create(
        name="上海市人民政府驻西宁办事处", kind=OrgKind.UNIT, parent=department
    )
    foreign_unit = Organisation.objects.create(
        name="上海市某中学", kind=OrgKind.UNIT, parent=other_department
    )
    return Cast(
        bureau,
        department,
        other_department,
        unit,
        other_unit,
        foreign_unit,
        clerk=_user("clerk", unit, Role.UNIT_STAFF),
        other_clerk=_user("other_clerk", other_unit, Role.UNIT_STAFF),
        reviewer=_user("reviewer", department, Role.DEPARTMENT_REVIEWER),
        other_reviewer=_user("other_reviewer", other_department, Role.DEPARTMENT_REVIEWER),
        finance=_user("finance", bureau, Role.FINANCE_REVIEWER),
    )


@pytest.fixture
def evaluation(cast):
    """Seed 001's first form (合作交流工作业务费 2022), a draft of the clerk's unit."""
    return create_form(gold_form("001", 0), unit=cast.unit, actor=cast.clerk)
