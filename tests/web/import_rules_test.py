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


def _forget_kunming(cast):
    """Seed 001 names 驻昆明办事处: make it a unit nobody registered."""
    Organisation.objects.filter(pk=cast.unit.pk).update(name="旧名", name_key="旧名")


@pytest.mark.django_db(transaction=True)
def test_the_finance_bureau_makes_new_units_only_when_it_ticks_them(
    cast, django_capture_on_commit_callbacks
):
    _forget_kunming(cast)
    client = cast.client(cast.finance)
    units = Organisation.objects.count()
    first = upload(client, django_capture_on_commit_callbacks, SEED_001)
    run_worker()
    page = client.get(reverse("jx-import-batch", args=[first.pk])).content.decode()
    shown = page[page.index('id="new-units"') :]
    assert KUNMING in shown[: shown.index("</fieldset>")]  # named before anything is made
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jx-import-confirm", args=[first.pk]))  # not ticked
    run_worker()
    first.refresh_from_db()
    assert first.store_job.status == JobStatus.FAILED
    assert f"单位“{KUNMING}”尚未登记" in first.store_job.message
    assert Organisation.objects.count() == units and not FormRecord.objects.exists()

    second = upload(client, django_capture_on_commit_callbacks, SEED_001)
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jx-import-confirm", args=[second.pk]), {"create_units": "on"})
    run_worker()
    second.refresh_from_db()
    assert second.store_job.status == JobStatus.DONE
    made = Organisation.objects.get(name=KUNMING)
    assert made.parent == cast.department  # under the department the form names
    assert FormRecord.objects.filter(project__unit=made).count() == 4


def test_only_the_finance_bureau_may_ask_for_new_units(cast, django_capture_on_commit_callbacks):
    client = cast.client(cast.reviewer)
    batch = upload(client, django_capture_on_commit_callbacks, SEED_001)
    batch.parse_job.status = JobStatus.DONE
    batch.parse_job.save()
    response = client.post(reverse("jx-import-confirm", args=[batch.pk]), {"create_units": "on"})
    assert response.status_code == 403
