"""Production settings refuse DEBUG, the default secret key and missing hosts; demo data loads once."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from jixiao.web.store.models import FormRecord, Status

GOOD = {
    "JIXIAO_PRODUCTION": "True",
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "jixiao.example.org",
    "DEBUG": "False",
}


def settings_load(env):
    code = "import jixiao.web.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"
    clean = {k: v for k, v in os.environ.items() if k not in GOOD}
    return subprocess.run(
        [sys.executable, "-c", code], env=clean | env, capture_output=True, text=True, check=False
    )


def test_good_production_settings_load():
    done = settings_load(GOOD)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False ['jixiao.example.org']"


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"DEBUG": "True"}, "DEBUG must be False"),
        ({"SECRET_KEY": "jixiao-development-only-not-secret"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"DEBUG": "maybe"}, "DEBUG must be True or False"),
    ],
)
def test_unsafe_production_settings_are_refused(change, complaint):
    done = settings_load(GOOD | change)
    assert done.returncode != 0 and complaint in done.stderr


def test_demo_data_loads_once_with_an_account_per_role(db):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert FormRecord.objects.count() == 14
    roles = {u.username: u.membership.role for u in User.objects.exclude(username="admin")}
    assert roles == {
        "finance": "finance",
        "department": "department",
        "kunming": "unit",
        "xining": "unit",
        "hezuoban": "unit",
    }
    assert FormRecord.objects.filter(year=2022, status=Status.SUBMITTED).count() == 1


def test_no_demo_accounts_without_the_demo_command(db):
    assert not User.objects.exists()


def test_production_requires_https_behind_its_proxy():
    code = (
        "import jixiao.web.settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, "
        "s.SESSION_COOKIE_SECURE)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in GOOD}
    done = subprocess.run(
        [sys.executable, "-c", code], env=clean | GOOD, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') True"


def test_a_malformed_number_setting_is_refused():
    done = settings_load(GOOD | {"JIXIAO_MAX_REQUEST_MB": "lots"})
    assert done.returncode != 0 and "JIXIAO_MAX_REQUEST_MB must be a whole number" in done.stderr
