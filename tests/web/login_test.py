"""Logging in: throttled after repeated wrong passwords, passwords of 12+ characters, a CSP."""

import re

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from jixiao.web.accounts.limits import client_ip

DEMO_PASSWORD = "jixiao-demo-2026"


@pytest.fixture
def account(db, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return User.objects.create_user("kunming", password=DEMO_PASSWORD)


def attempt(client, password):
    return client.post(reverse("login"), {"username": "kunming", "password": password})


def test_wrong_passwords_lock_the_account_for_that_address(client, account, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(4):
        assert attempt(client, "wrong-password-1").status_code == 200  # the form again
    assert attempt(client, "wrong-password-1").status_code == 429  # the fifth locks
    refused = attempt(client, DEMO_PASSWORD)  # even the right password, now
    assert refused.status_code == 429
    assert "登录已暂停" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_logs_in(client, account):
    for _ in range(3):
        attempt(client, "wrong-password-1")
    assert attempt(client, DEMO_PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(account.pk)


def test_another_address_is_not_locked_out(client, account, settings):
    settings.AXES_FAILURE_LIMIT = 2
    attempt(client, "wrong-password-1")
    attempt(client, "wrong-password-1")
    elsewhere = client.post(
        reverse("login"),
        {"username": "kunming", "password": DEMO_PASSWORD},
        REMOTE_ADDR="10.0.0.9",
    )
    assert elsewhere.status_code == 302


def test_client_address_behind_a_proxy_is_the_forwarded_one(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5", REMOTE_ADDR="10.0.0.1")
    settings.JIXIAO_PROXIES = 1
    assert client_ip(request) == "203.0.113.5"  # the address our one proxy saw
    settings.JIXIAO_PROXIES = 0
    assert client_ip(request) == "10.0.0.1"


def test_the_demo_password_is_valid_and_short_ones_are_not(db):
    user = User(username="kunming", first_name="昆明")
    validate_password(DEMO_PASSWORD, user)  # 16 characters: stays valid
    with pytest.raises(ValidationError):
        validate_password("kunming-2026", user)  # 12, but too like the user name
    with pytest.raises(ValidationError) as short:
        validate_password("x7#kq9!mzp2", user)  # 11 characters
    assert any("12" in m for m in short.value.messages)


def test_pages_carry_a_content_security_policy_without_inline_scripts(cast, evaluation):
    page = cast.client(cast.clerk).get(reverse("jx-edit", args=[evaluation.pk]))
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    scripts = re.findall(r"<script([^>]*)>", page.content.decode())
    assert scripts  # the editor's script and its data
    for attributes in scripts:  # each is a static file or data, never inline code
        assert "src=" in attributes or 'type="application/json"' in attributes, attributes


def test_the_lockout_page_speaks_english_after_the_toggle(client, account, settings):
    settings.AXES_FAILURE_LIMIT = 1
    client.cookies["django_language"] = "en"
    page = attempt(client, "wrong-password-1").content.decode()
    assert "Sign-in paused" in page and "Too many wrong passwords" in page
