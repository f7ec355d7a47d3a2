"""The workflow: who may move a form where, the reasons, the audit trail, the lock."""

import pytest
from django.urls import reverse

from jixiao.web.accounts.models import Organisation, OrgKind
from jixiao.web.review.transitions import TransitionRefused, apply, available
from jixiao.web.store.models import FormEvent, Status
from jixiao.web.store.services import create_form
from tests.conftest import gold_form


def moves(form, user):
    return [t.action for t in available(form, user)]


def test_the_whole_road_from_draft_to_published(evaluation, cast):
    form = apply(evaluation, "submit", cast.clerk)
    form = apply(form, "return_department", cast.reviewer, "执行率偏低，请说明原因")
    assert form.status == Status.RETURNED_BY_DEPARTMENT and form.editable
    form = apply(form, "submit", cast.clerk)
    form = apply(form, "pass", cast.reviewer)
    form = apply(form, "return_finance", cast.finance, "目标值偏低")
    form = apply(form, "submit", cast.clerk)
    form = apply(form, "pass", cast.reviewer)
    form = apply(form, "approve", cast.finance)
    assert not form.editable
    form = apply(form, "publish", cast.finance)
    assert form.status == Status.PUBLISHED
    trail = [
        (e.from_status, e.to_status, e.actor.username, e.note)
        for e in FormEvent.objects.filter(form=form, action="transition")
    ]
    assert trail == [
        ("draft", "submitted", "clerk", ""),
        ("submitted", "returned_department", "reviewer", "执行率偏低，请说明原因"),
        ("returned_department", "submitted", "clerk", ""),
        ("submitted", "passed", "reviewer", ""),
        ("passed", "returned_finance", "finance", "目标值偏低"),
        ("returned_finance", "submitted", "clerk", ""),
        ("submitted", "passed", "reviewer", ""),
        ("passed", "approved", "finance", ""),
        ("approved", "published", "finance", ""),
    ]


def test_a_return_needs_a_reason(evaluation, cast):
    form = apply(evaluation, "submit", cast.clerk)
    with pytest.raises(TransitionRefused):
        apply(form, "return_department", cast.reviewer, "   ")
    form.refresh_from_db()
    assert form.status == Status.SUBMITTED


@pytest.mark.parametrize(
    ("status", "role", "allowed"),
    [
        (Status.DRAFT, "clerk", ["submit"]),
        (Status.DRAFT, "other_clerk", []),
        (Status.DRAFT, "reviewer", []),
        (Status.DRAFT, "finance", []),
        (Status.SUBMITTED, "clerk", ["withdraw"]),
        (Status.SUBMITTED, "reviewer", ["pass", "return_department"]),
        (Status.SUBMITTED, "other_reviewer", []),
        (Status.SUBMITTED, "finance", []),
        (Status.PASSED, "reviewer", []),
        (Status.PASSED, "finance", ["approve", "return_finance"]),
        (Status.APPROVED, "clerk", []),
        (Status.APPROVED, "finance", ["publish"]),
        (Status.PUBLISHED, "finance", []),
        (Status.RETURNED_BY_FINANCE, "clerk", ["submit"]),
    ],
)
def test_who_may_make_which_move(evaluation, cast, status, role, allowed):
    evaluation.status = status
    evaluation.save()
    assert moves(evaluation, getattr(cast, role)) == allowed


def test_moves_are_checked_on_the_server_whatever_the_page_offered(evaluation, cast):
    with pytest.raises(TransitionRefused):
        apply(evaluation, "approve", cast.finance)  # a draft cannot be approved
    with pytest.raises(TransitionRefused):
        apply(evaluation, "submit", cast.other_clerk)  # another unit's form
    with pytest.raises(TransitionRefused):
        apply(evaluation, "delete", cast.finance)
    assert not FormEvent.objects.filter(action="transition").exists()


def test_a_unit_without_department_is_reviewed_by_the_bureau(cast):
    orphan = Organisation.objects.create(name="某独立预算单位", kind=OrgKind.UNIT, parent=None)
    form = create_form(
        gold_form("001", 1), unit=orphan, actor=cast.finance, status=Status.SUBMITTED
    )
    assert moves(form, cast.finance) == ["pass", "return_department"]


def test_the_unit_sees_a_reviewers_comment_where_the_indicator_is(cast, evaluation):
    reviewer = cast.client(cast.reviewer)
    reviewer.post(
        reverse("jx-comment", args=[evaluation.pk]),
        {"position": "1", "text": "139次远超目标，请说明"},
    )
    page = cast.client(cast.clerk).get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    row = page[page.index('id="row-1"') : page.index('id="row-2"')]
    assert "开展服务企业工作的次数" in row and "139次远超目标，请说明" in row
