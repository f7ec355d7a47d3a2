"""Who may import into which unit (issue 10 §4): own units only, no organisation by surprise."""

import pytest
from django.urls import reverse

from jixiao.web.accounts.access import NOT_YOURS, UNKNOWN_UNIT, import_refusal
from jixiao.web.accounts.models import Organisation
from jixiao.web.imports.models import JobStatus
from jixiao.web.store.models import FormRecord
from tests.web.imports_test import SEED_001, run_worker, upload

KUNMING = "上海市人民政府驻昆明办事处"  # the clerk's unit, under the reviewer's department
SCHOOL = "上海市某中学"  # under the other department
NEW = "上海市某新设单位"


@pytest.mark.parametrize(
    ("role", "unit", "refusal"),
    [
        ("clerk", KUNMING, None),
        ("clerk", NEW, None),  # a clerk's forms go to the clerk's own unit whatever they name
        ("reviewer", KUNMING, None),
        ("reviewer", "上海市人民政府驻昆明办事处 ", None),  # the same name, spaced
        ("reviewer", SCHOOL, NOT_YOURS),
        ("reviewer", NEW, UNKNOWN_UNIT),
        ("other_reviewer", KUNMING, NOT_YOURS),
        ("finance", SCHOOL, None),
        ("finance", NEW, UNKNOWN_UNIT),  # unless asked for
    ],
)
def test_who_may_import_into_which_unit(cast, role, unit, refusal):
    refused = import_refusal(getattr(cast, role), unit)
    assert (refused.msgid if refused else None) == refusal


def test_the_finance_bureau_makes_a_new_unit_only_when_it_asks(cast):
    assert import_refusal(cast.finance, NEW, create=True) is None
    assert import_refusal(cast.reviewer, NEW, create=True).msgid == UNKNOWN_UNIT


@pytest.mark.django_db(transaction=True)
def test_a_reviewer_cannot_import_into_another_departments_unit(
    cast, django_capture_on_commit_callbacks
):
    client = cast.client(cast.other_reviewer)
    batch = upload(client, django_capture_on_commit_callbacks, SEED_001)
    run_worker()
    organisations = Organisation.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jx-import-confirm", args=[batch.pk]))
    run_worker()
    batch.refresh_from_db()
    assert batch.store_job.status == JobStatus.FAILED
    assert batch.store_job.message == (
        f"未保存任何表：{SEED_001.name} 第 1 张表的单位“{KUNMING}”不属于您的部门，不能导入到该单位。"
    )
    assert batch.store_job.message_en == (
        f"Nothing stored: form 1 of {SEED_001.name} names the unit “{KUNMING}”, which is not "
        "under your department, so it cannot be imported there."
    )
    assert not FormRecord.objects.exists()
    assert Organisation.objects.count() == organisations
