"""Limits on numbers and text (issue 10 §2): field errors at entry, and no stored value breaks a page."""

from decimal import Decimal

import pytest
from django.urls import reverse

from jixiao.web.review.forms import NOTE_CHARACTERS
from jixiao.web.store.models import FormRecord, IndicatorComment, IndicatorRow, Status
from jixiao.web.store.services import to_canonical
from tests.web.entry_test import HEADER, ROWS, _edit_data, rows_data


def test_a_score_of_ten_million_is_a_field_error_and_keeps_the_input(cast, evaluation):
    data = _edit_data(evaluation) | {"ind-0-score": "10,000,000", "total_score": "10000090"}
    response = cast.client(cast.clerk).post(reverse("jx-edit", args=[evaluation.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count("分值和得分应在 -1,000 至 1,000 之间，最多 4 位小数") == 2  # score, total
    assert 'value="10,000,000"' in page
    assert to_canonical(FormRecord.objects.get(pk=evaluation.pk)) == to_canonical(evaluation)


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("ind-0-weight", "1e-30"),  # overflowed the 20-character weight column
        ("ind-0-weight", "12.34567"),  # five decimals
        ("execution_rate", "1001"),
        ("budget", "1000000000000000"),  # 10^15
    ],
)
def test_numbers_out_of_their_fields_range_are_refused(cast, evaluation, field, typed):
    response = cast.client(cast.clerk).post(
        reverse("jx-edit", args=[evaluation.pk]), _edit_data(evaluation) | {field: typed}
    )
    assert response.status_code == 400
    assert "之间，最多" in response.content.decode()


def test_numbers_a_real_form_prints_are_accepted(cast):
    rows = [ROWS[0] | {"weight": "12.5"}, ROWS[1] | {"weight": "-0.25"}]
    data = HEADER | rows_data(rows) | {"budget": "999,999,999,999.99"}
    response = cast.client(cast.clerk).post(reverse("jx-new", args=["target"]), data)
    assert response.status_code == 302


def test_a_goal_over_twenty_thousand_characters_is_refused_and_the_limit_is_shown(cast, evaluation):
    client = cast.client(cast.clerk)
    page = client.get(reverse("jx-edit", args=[evaluation.pk])).content.decode()
    assert 'maxlength="20000"' in page and "最多 20,000 字" in page
    long = "目" * 20_001
    response = client.post(
        reverse("jx-edit", args=[evaluation.pk]), _edit_data(evaluation) | {"overall": long}
    )
    assert response.status_code == 400
    fine = client.post(
        reverse("jx-edit", args=[evaluation.pk]), _edit_data(evaluation) | {"overall": long[1:]}
    )
    assert fine.status_code == 302


def test_a_comment_or_a_return_reason_over_the_limit_is_refused(cast, evaluation):
    evaluation.status = Status.SUBMITTED
    evaluation.save()
    reviewer = cast.client(cast.reviewer)
    page = reviewer.get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert page.count(f'maxlength="{NOTE_CHARACTERS}"') == 1 + len(evaluation.rows.all())
    too_long = "意" * (NOTE_CHARACTERS + 1)
    reviewer.post(reverse("jx-comment", args=[evaluation.pk]), {"position": "0", "text": too_long})
    assert not IndicatorComment.objects.exists()
    reviewer.post(
        reverse("jx-transition", args=[evaluation.pk]),
        {"action": "return_department", "reason": too_long},
    )
    assert FormRecord.objects.get(pk=evaluation.pk).status == Status.SUBMITTED
    reviewer.post(
        reverse("jx-transition", args=[evaluation.pk]),
        {"action": "return_department", "reason": too_long[1:]},
    )
    assert FormRecord.objects.get(pk=evaluation.pk).status == Status.RETURNED_BY_DEPARTMENT


def test_no_stored_value_breaks_a_page(cast, evaluation):
    """Totals of 13 digits (9 fitted) and a weight stored before the limits existed."""
    FormRecord.objects.filter(pk=evaluation.pk).update(
        declared_total=Decimal("12345678901.23"), recomputed_total=Decimal("-98765432109.87")
    )
    IndicatorRow.objects.filter(form=evaluation, position=0).update(
        weight="0.000000000000000000000000000001"  # 1e-30 written out: 32 characters
    )
    clerk, finance = cast.client(cast.clerk), cast.client(cast.finance)
    assert clerk.get(reverse("jx-form", args=[evaluation.pk])).status_code == 200
    assert clerk.get(reverse("jx-edit", args=[evaluation.pk])).status_code == 200
    assert "合作交流工作业务费" in clerk.get(reverse("jx-home")).content.decode()
    assert finance.get(reverse("jx-queue"), {"status": "all"}).status_code == 200
    FormRecord.objects.filter(pk=evaluation.pk).update(status=Status.PUBLISHED)
    public = cast.client(None).get(reverse("jx-public")).content.decode()
    assert "12345678901.23" in public
    page = cast.client(None).get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert "分值和得分应在" in page  # why this stored form cannot be scored, in words


def test_the_limits_are_said_in_english_too(cast, evaluation):
    client = cast.client(cast.clerk)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("jx-edit", args=[evaluation.pk])).content.decode()
    assert "at most 20,000 characters" in page
    data = _edit_data(evaluation) | {"ind-0-weight": "1e-30"}
    refused = client.post(reverse("jx-edit", args=[evaluation.pk]), data).content.decode()
    assert "points must lie between -1,000 and 1,000, with at most 4 decimals" in refused
