"""The application frame: 待办 and its counts, the notice of a returned form, password change,
and figures as users write them."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from jixiao.web.accounts.templatetags.frame import grouped, money, one_language, points, rate
from jixiao.web.review import transitions
from jixiao.web.store.models import Status
from jixiao.web.store.services import create_form
from tests.conftest import gold_form


@pytest.fixture
def forms(cast, evaluation):
    """A returned form (with a reason), a draft, a submitted form, one of another department."""
    transitions.apply(evaluation, "submit", cast.clerk, "")
    transitions.apply(evaluation, "return_department", cast.reviewer, "请补充偏差原因")
    draft = create_form(gold_form("001", 1), unit=cast.unit, actor=cast.clerk)
    submitted = create_form(gold_form("001", 2), unit=cast.other_unit, actor=cast.other_clerk)
    transitions.apply(submitted, "submit", cast.other_clerk, "")
    foreign = create_form(gold_form("001", 3), unit=cast.foreign_unit, actor=cast.other_clerk)
    foreign.status = Status.SUBMITTED
    foreign.save(update_fields=["status"])
    passed = create_form(gold_form("000", 0), unit=cast.unit, actor=cast.clerk, status="passed")
    return {"returned": evaluation, "draft": draft, "submitted": submitted, "passed": passed}


def test_a_clerk_sees_what_came_back_first_with_the_reason(cast, forms):
    page = cast.client(cast.clerk).get(reverse("jx-todo")).content.decode()
    returned = page.split('id="todo-returned"')[1].split('id="todo-drafts"')[0]
    drafts = page.split('id="todo-drafts"')[1]
    assert forms["returned"].project.name in returned and "请补充偏差原因" in returned
    assert forms["draft"].project.name in drafts and forms["draft"].project.name not in returned
    assert re.search(r'class="count"[^>]*>2<', page.split('id="nav-todo"')[1].split("</a>")[0])


def test_every_page_of_a_clerk_with_a_returned_form_says_so(cast, forms):
    for url in (reverse("jx-home"), reverse("jx-public"), reverse("jx-import")):
        page = cast.client(cast.clerk).get(url).content.decode()
        assert 'id="returned-notice"' in page, url
    transitions.apply(forms["returned"], "submit", cast.clerk, "")
    page = cast.client(cast.clerk).get(reverse("jx-home")).content.decode()
    assert 'id="returned-notice"' not in page


def test_a_reviewer_waits_for_the_forms_at_their_stage_of_their_units(cast, forms):
    page = cast.client(cast.reviewer).get(reverse("jx-todo")).content.decode()
    waiting = page.split('id="todo-waiting"')[1]
    assert forms["submitted"].project.name in waiting
    assert gold_form("001", 3).project.name not in waiting  # the other department's
    assert 'id="returned-notice"' not in page
    page = cast.client(cast.finance).get(reverse("jx-todo")).content.decode()
    waiting = page.split('id="todo-waiting"')[1]
    assert forms["passed"].project.name in waiting
    assert forms["submitted"].project.name not in waiting


def test_the_navigation_follows_the_role(cast, forms):
    clerk = cast.client(cast.clerk).get(reverse("jx-home")).content.decode()
    reviewer = cast.client(cast.reviewer).get(reverse("jx-queue")).content.decode()
    public = cast.client(None).get(reverse("jx-public")).content.decode()
    assert 'id="nav-home"' in clerk and 'id="nav-review"' not in clerk
    assert 'id="nav-review"' in reviewer and 'id="nav-home"' not in reviewer
    assert 'id="nav-recheck"' not in reviewer
    assert 'id="nav-todo"' not in public and 'id="login-link"' in public
    assert 'id="nav-home" aria-current="page"' in clerk


def test_todo_needs_a_sign_in(cast):
    response = cast.client(None).get(reverse("jx-todo"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_user_changes_their_password_in_the_applications_pages(cast, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cast.clerk.set_password("old-password-2026")
    cast.clerk.save()
    client = cast.client(cast.clerk)
    page = client.get(reverse("password_change")).content.decode()
    assert 'id="password-form"' in page and 'class="top"' in page
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "old-password-2026",
            "new_password1": "a-much-longer-pass-2026",
            "new_password2": "a-much-longer-pass-2026",
        },
    )
    assert response.status_code == 302
    assert 'id="password-changed"' in client.get(response["Location"]).content.decode()
    assert User.objects.get(pk=cast.clerk.pk).check_password("a-much-longer-pass-2026")


def test_amounts_rates_and_points_as_users_write_them():
    assert grouped(Decimal("1234567.5")) == "1,234,567.50"
    assert money("626500") == "626,500.00" and money("约60万") == "约60万"
    assert rate("80.885") == "80.885 %" and rate(None) == "—"
    assert points("8.5") == "8.50" and points("优") == "优"


def test_the_unit_switch_converts_amounts():
    template = Template("{% load frame %}{% amount value unit %}")
    factory = RequestFactory()

    def shown(value, unit, query=""):
        return template.render(
            Context({"value": value, "unit": unit, "request": factory.get(query)})
        )

    assert shown("626500", "元") == "626,500.00 元"
    assert shown("626500", "元", "/?unit=万元") == "62.65 万元"
    assert shown("12.3456", "万元", "/?unit=元") == "123,456.00 元"
    assert shown("12.3456", "万元") == "12.3456 万元"  # as many decimals as typed
    assert shown("626500", "元", "/?unit=美元") == "626,500.00 元"


def test_the_form_page_shows_amounts_in_the_chosen_unit(cast, evaluation):
    client = cast.client(cast.clerk)
    url = reverse("jx-form", args=[evaluation.pk])
    assert '<dd class="num" id="budget">626,500.00 元</dd>' in client.get(url).content.decode()
    page = client.get(url + "?unit=万元").content.decode()
    assert '<dd class="num" id="budget">62.65 万元</dd>' in page


def test_a_value_in_both_languages_is_shown_in_the_pages():
    with translation.override("zh-hans"):
        assert one_language("实测值 / a measured value") == "实测值"
    with translation.override("en"):
        assert one_language("实测值 / a measured value") == "a measured value"
        assert one_language("≥ 90% 或说明原因 / or a reason") == "≥ 90% or a reason"
        assert one_language("产出指标 / 数量指标") == "产出指标 / 数量指标"  # typed, both Chinese
        assert one_language("1 / 2") == "1 / 2"
