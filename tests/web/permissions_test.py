"""Every role against every view and action: allowed or forbidden (the four-role cast + strangers)."""

import pytest
from django.urls import reverse

from jixiao.web.store.models import IndicatorComment, Status

ROLES = ("anonymous", "clerk", "other_clerk", "reviewer", "other_reviewer", "finance")
LOGIN = 302  # anonymous visitors are sent to the login page

# view name → expected status per role, for a DRAFT form of the clerk's unit
DRAFT_PAGES = {
    "jx-form": (404, 200, 404, 200, 404, 200),
    "jx-form-json": (404, 200, 404, 200, 404, 200),
    "jx-edit": (LOGIN, 200, 404, 403, 404, 403),
}
# the same form once PUBLISHED: everyone may read it, nobody may edit it
PUBLISHED_PAGES = {
    "jx-form": (200, 200, 200, 200, 200, 200),
    "jx-form-json": (200, 200, 200, 200, 200, 200),
    "jx-edit": (
        LOGIN,
        302,
        403,
        403,
        403,
        403,
    ),  # the owner is sent back: approved forms are locked
}
PLAIN_PAGES = {
    "jx-public": ((), (200, 200, 200, 200, 200, 200)),
    "jx-home": ((), (LOGIN, 200, 200, 302, 302, 302)),
    "jx-queue": ((), (LOGIN, 403, 403, 200, 200, 200)),
    "jx-new": (("target",), (LOGIN, 200, 200, 403, 403, 403)),
    "jx-import": ((), (LOGIN, 200, 200, 200, 200, 200)),
    "jx-recheck": ((), (LOGIN, 403, 403, 403, 403, 200)),
}


def client_for(cast, role):
    return cast.client(None if role == "anonymous" else getattr(cast, role))


@pytest.mark.parametrize("view", list(DRAFT_PAGES))
def test_pages_of_a_draft(view, cast, evaluation):
    for role, expected in zip(ROLES, DRAFT_PAGES[view], strict=True):
        response = client_for(cast, role).get(reverse(view, args=[evaluation.pk]))
        assert response.status_code == expected, (role, view)


@pytest.mark.parametrize("view", list(PUBLISHED_PAGES))
def test_pages_of_a_published_form(view, cast, evaluation):
    evaluation.status = Status.PUBLISHED
    evaluation.save()
    for role, expected in zip(ROLES, PUBLISHED_PAGES[view], strict=True):
        response = client_for(cast, role).get(reverse(view, args=[evaluation.pk]))
        assert response.status_code == expected, (role, view)


@pytest.mark.parametrize("view", list(PLAIN_PAGES))
def test_pages_without_a_form(view, cast):
    args, statuses = PLAIN_PAGES[view]
    for role, expected in zip(ROLES, statuses, strict=True):
        response = client_for(cast, role).get(reverse(view, args=args))
        assert response.status_code == expected, (role, view)


@pytest.mark.parametrize(
    ("status", "action", "allowed_role"),
    [
        (Status.DRAFT, "submit", "clerk"),
        (Status.SUBMITTED, "pass", "reviewer"),
        (Status.SUBMITTED, "return_department", "reviewer"),
        (Status.PASSED, "approve", "finance"),
        (Status.PASSED, "return_finance", "finance"),
        (Status.APPROVED, "publish", "finance"),
    ],
)
def test_each_action_only_by_its_role(status, action, allowed_role, cast, evaluation):
    for role in ROLES:
        evaluation.status = status
        evaluation.save()
        client_for(cast, role).post(
            reverse("jx-transition", args=[evaluation.pk]), {"action": action, "reason": "理由"}
        )
        evaluation.refresh_from_db()
        moved = evaluation.status != status
        assert moved == (role == allowed_role), (role, action)


def test_only_reviewers_of_the_form_comment(cast, evaluation):
    url = reverse("jx-comment", args=[evaluation.pk])
    expected = {
        "anonymous": 404,
        "clerk": 403,
        "other_clerk": 404,
        "reviewer": 302,
        "other_reviewer": 404,
        "finance": 302,
    }
    for role, status in expected.items():
        response = client_for(cast, role).post(url, {"position": "0", "text": f"{role} 的意见"})
        assert response.status_code == (LOGIN if role == "anonymous" else status), role
    assert sorted(IndicatorComment.objects.values_list("author__username", flat=True)) == [
        "finance",
        "reviewer",
    ]


def test_a_user_without_membership_sees_only_published_forms(cast, evaluation, django_user_model):
    stranger = django_user_model.objects.create_user("stranger")
    client = cast.client(stranger)
    assert client.get(reverse("jx-form", args=[evaluation.pk])).status_code == 404
    assert client.get(reverse("jx-queue")).status_code == 403
    assert client.get(reverse("jx-import")).status_code == 403


def test_the_admin_is_for_administrators_only(cast, django_user_model):
    assert cast.client(cast.finance).get("/admin/").status_code == 302
    admin = django_user_model.objects.create_superuser("root", password=None)
    assert cast.client(admin).get("/admin/").status_code == 200


def test_malformed_queue_filters_select_nothing_instead_of_failing(cast, evaluation):
    client = cast.client(cast.finance)
    for query in (
        "year=abc",
        "unit=1%27",
        "year=2022&unit=x",
        "sort=nonsense",
        "page=-3",
        "status=bogus",
    ):
        assert client.get(f"{reverse('jx-queue')}?{query}").status_code == 200, query


def test_malformed_public_filters_select_nothing(cast):
    assert cast.client(None).get(f"{reverse('jx-public')}?year=二〇二二&page=x").status_code == 200
