"""What each role's page of a published form contains (issue 10 §3), not only its status code.

The public gets the published form, its recomputed figures and findings; the form's unit and
its reviewers also get the review: history with superseded text, comments, return reasons,
staff names.
"""

import pytest
from django.urls import reverse

from jixiao.web.review.transitions import apply
from jixiao.web.store.services import to_canonical
from tests.web.entry_test import _edit_data

REASON = "执行率偏低请说明原因"
COMMENT = "一百三十九次远超目标"
SUPERSEDED = "合格"  # the grade typed first, then replaced
REVIEWER_NAME = "审核员王某"
CLERK_NAME = "填报员李某"

# What the review is made of, and what of the published form everyone sees.
REVIEW = (REASON, COMMENT, REVIEWER_NAME, CLERK_NAME, 'id="history"')
PUBLISHED = ("合作交流工作业务费", "开展服务企业工作的次数", 'id="figures"', "规则总分")
INSIDERS = ("clerk", "reviewer", "finance")
OUTSIDERS = ("anonymous", "other_clerk", "other_reviewer")


@pytest.fixture
def published(cast, evaluation):
    """Seed 001's form, returned once with a reason, edited, commented on, then published."""
    cast.reviewer.first_name, cast.clerk.first_name = REVIEWER_NAME, CLERK_NAME
    cast.reviewer.save()
    cast.clerk.save()
    clerk = cast.client(cast.clerk)
    assert (
        clerk.post(
            reverse("jx-edit", args=[evaluation.pk]), _edit_data(evaluation) | {"grade": SUPERSEDED}
        ).status_code
        == 302
    )
    evaluation.refresh_from_db()
    form = apply(evaluation, "submit", cast.clerk)
    form = apply(form, "return_department", cast.reviewer, REASON)
    cast.client(cast.reviewer).post(
        reverse("jx-comment", args=[form.pk]), {"position": "1", "text": COMMENT}
    )
    form.refresh_from_db()
    assert (
        clerk.post(
            reverse("jx-edit", args=[form.pk]), _edit_data(form) | {"grade": "良"}
        ).status_code
        == 302
    )
    form.refresh_from_db()
    for action, user in (
        ("submit", cast.clerk),
        ("pass", cast.reviewer),
        ("approve", cast.finance),
        ("publish", cast.finance),
    ):
        form = apply(form, action, user)
    assert to_canonical(form)["grade"] == "良"
    return form


def page_for(cast, role, form):
    user = None if role == "anonymous" else getattr(cast, role)
    response = cast.client(user).get(reverse("jx-form", args=[form.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", OUTSIDERS)
def test_the_public_sees_the_published_form_and_nothing_of_the_review(cast, published, role):
    page = page_for(cast, role, published)
    for shown in PUBLISHED:
        assert shown in page, shown
    assert "良" in page  # the published grade
    for hidden in REVIEW:
        assert hidden not in page, hidden
    assert f">{SUPERSEDED}<" not in page  # the superseded grade of the history's changes


@pytest.mark.parametrize("role", INSIDERS)
def test_the_unit_and_its_reviewers_see_the_review(cast, published, role):
    page = page_for(cast, role, published)
    for shown in PUBLISHED + REVIEW:
        assert shown in page, shown
    assert f">{SUPERSEDED}<" in page  # the history shows what the grade was


def test_the_published_json_holds_the_form_only(cast, published):
    body = cast.client(None).get(reverse("jx-form-json", args=[published.pk])).content.decode()
    assert "合作交流工作业务费" in body
    for hidden in REVIEW:
        assert hidden not in body, hidden
