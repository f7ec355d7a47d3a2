"""Edits against the workflow (issue 10 §4): the edit/submit race, duplicate forms, renames."""

from dataclasses import replace

import pytest
from django.urls import reverse

from jixiao.web.entry import views as entry_views
from jixiao.web.review.transitions import apply
from jixiao.web.store.models import FormEvent, FormRecord, Project, Status
from jixiao.web.store.services import StaleEdit, create_form, to_canonical, to_form, update_form
from tests.conftest import gold_form
from tests.web.entry_test import HEADER, ROWS, _edit_data, rows_data


def test_an_edit_racing_a_submit_is_refused(cast, evaluation, monkeypatch):
    """A slow edit POST: it passed the editable check, then the form was submitted."""
    validate = entry_views._valid
    before = to_canonical(evaluation)

    def slow(*args):
        apply(FormRecord.objects.get(pk=evaluation.pk), "submit", cast.clerk)  # meanwhile
        return validate(*args)

    monkeypatch.setattr(entry_views, "_valid", slow)
    response = cast.client(cast.clerk).post(
        reverse("jx-edit", args=[evaluation.pk]), _edit_data(evaluation) | {"grade": "差"}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "此表已提交，不能再修改" in page and 'value="差"' in page  # input kept
    stored = FormRecord.objects.get(pk=evaluation.pk)
    assert stored.status == Status.SUBMITTED
    assert to_canonical(stored) == before  # the submitted content is what was submitted
    assert not FormEvent.objects.filter(form=evaluation, action="edited").exists()


def test_every_transition_bumps_the_version(cast, evaluation):
    assert evaluation.version == 1
    form = apply(evaluation, "submit", cast.clerk)
    assert form.version == 2
    form = apply(form, "return_department", cast.reviewer, "请补充")
    assert FormRecord.objects.get(pk=form.pk).version == 3


def test_an_edit_needs_an_editable_status_in_the_same_update(cast, evaluation):
    # Even with the current version in hand, a form no longer editable is not written.
    FormRecord.objects.filter(pk=evaluation.pk).update(status=Status.SUBMITTED)
    with pytest.raises(StaleEdit):
        update_form(evaluation, to_form(evaluation), actor=cast.clerk, expected_version=1)
    assert FormRecord.objects.get(pk=evaluation.pk).version == 1


def test_a_new_form_of_a_stored_project_year_and_kind_is_a_field_error(cast):
    client = cast.client(cast.clerk)
    assert client.post(reverse("jx-new", args=["target"]), HEADER | rows_data(ROWS)).status_code
    again = HEADER | rows_data(ROWS) | {"overall": "第二次输入的目标"}
    response = client.post(reverse("jx-new", args=["target"]), again)
    assert response.status_code == 400
    page = response.content.decode()
    assert "已有 2024 年度的绩效目标表" in page
    assert "第二次输入的目标" in page and 'value="受益群众满意度"' in page  # nothing lost
    assert FormRecord.objects.count() == 1


def test_an_edit_onto_another_forms_year_is_a_field_error(cast, evaluation):
    create_form(replace(gold_form("001", 0), year=2023), unit=cast.unit, actor=cast.clerk)
    response = cast.client(cast.clerk).post(
        reverse("jx-edit", args=[evaluation.pk]), _edit_data(evaluation) | {"year": "2023"}
    )
    assert response.status_code == 400
    assert "已有 2023 年度的绩效自评表" in response.content.decode()
    assert FormRecord.objects.get(pk=evaluation.pk).year == 2022


def test_renaming_the_project_updates_heading_lists_and_search(cast, evaluation):
    old = evaluation.project.name
    data = _edit_data(evaluation) | {"name": "合作交流专项经费"}
    assert (
        cast.client(cast.clerk).post(reverse("jx-edit", args=[evaluation.pk]), data).status_code
        == 302
    )
    record = FormRecord.objects.get(pk=evaluation.pk)
    assert record.project.name == "合作交流专项经费"
    assert not Project.objects.filter(name=old).exists()  # its only form moved: renamed
    clerk, reviewer = cast.client(cast.clerk), cast.client(cast.reviewer)
    heading = clerk.get(reverse("jx-form", args=[record.pk])).content.decode()
    assert "<h1>合作交流专项经费" in heading
    home = clerk.get(reverse("jx-home")).content.decode()
    assert "合作交流专项经费" in home and old not in home
    apply(record, "submit", cast.clerk)
    found = reviewer.get(reverse("jx-queue"), {"q": "专项经费"}).content.decode()
    assert "合作交流专项经费" in found
    assert "合作交流专项经费" not in reviewer.get(reverse("jx-queue"), {"q": old}).content.decode()


def test_renaming_one_years_form_leaves_the_other_years_their_name(cast, evaluation):
    other = create_form(replace(gold_form("001", 0), year=2021), unit=cast.unit, actor=cast.clerk)
    data = _edit_data(evaluation) | {"name": "合作交流专项经费"}
    cast.client(cast.clerk).post(reverse("jx-edit", args=[evaluation.pk]), data)
    assert FormRecord.objects.get(pk=evaluation.pk).project.name == "合作交流专项经费"
    assert FormRecord.objects.get(pk=other.pk).project.name == "合作交流工作业务费"
