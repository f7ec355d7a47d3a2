"""The audit log is append-only (issue 10 §4): deleting a user or a form keeps every event."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from jixiao.web.review.transitions import apply
from jixiao.web.store.models import FormEvent, IndicatorComment


def test_deleting_a_user_keeps_their_name_on_their_events(cast, evaluation):
    cast.reviewer.first_name = "王审核"
    cast.reviewer.save()
    form = apply(evaluation, "submit", cast.clerk)
    apply(form, "return_department", cast.reviewer, "请补充说明")
    cast.client(cast.reviewer).post(
        reverse("jx-comment", args=[form.pk]), {"position": "0", "text": "目标值偏低"}
    )
    cast.reviewer.delete()
    cast.clerk.delete()
    trail = [(e.who, e.action, e.to_status) for e in FormEvent.objects.filter(form=form)]
    assert trail == [
        ("clerk", "created", "draft"),  # no full name: the user name
        ("clerk", "transition", "submitted"),
        ("王审核", "transition", "returned_department"),
    ]
    assert [c.who for c in IndicatorComment.objects.filter(form=form)] == ["王审核"]
    page = cast.client(cast.finance).get(reverse("jx-form", args=[form.pk])).content.decode()
    assert "王审核" in page and "请补充说明" in page


def test_deleting_a_form_keeps_its_events(cast, evaluation):
    apply(evaluation, "submit", cast.clerk)
    label = str(evaluation)
    evaluation.delete()
    kept = list(FormEvent.objects.all())
    assert [(e.form_id, e.form_label, e.action) for e in kept] == [
        (None, label, "created"),
        (None, label, "transition"),
    ]
    assert label.startswith("合作交流工作业务费 2022")


def test_events_cannot_be_deleted_or_rewritten(evaluation):
    event = FormEvent.objects.get(form=evaluation)
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        FormEvent.objects.filter(form=evaluation).delete()
    with pytest.raises(PermissionError):
        FormEvent.objects.filter(form=evaluation).update(note="rewritten")
    assert FormEvent.objects.get(pk=event.pk).note == ""


def test_an_administrator_can_delete_a_user_and_the_history_stays(cast, evaluation):
    admin = User.objects.create_superuser("admin", password="jixiao-demo-2026")
    client = cast.client(admin)
    url = reverse("admin:auth_user_delete", args=[cast.clerk.pk])
    assert client.get(url).status_code == 200  # the confirmation lists what goes
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not User.objects.filter(username="clerk").exists()
    assert [e.who for e in FormEvent.objects.filter(form=evaluation)] == ["clerk"]
