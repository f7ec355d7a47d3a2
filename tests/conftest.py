"""Shared fixtures: the hand-checked gold forms of the five seeds."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from jixiao.core.formjson import decode_form
from jixiao.core.rulesets import load_config

SAMPLES = Path(__file__).resolve().parent.parent / "jixiao" / "samples"
GOLD_FILES = sorted((SAMPLES / "forms").glob("*.json"))


def load_gold():
    """(seed name, form dict) for every gold form, in file and printed order."""
    out = []
    for path in GOLD_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        out.extend((path.name.split("_")[0], form) for form in data["forms"])
    return out


GOLD = load_gold()


@pytest.fixture(scope="session")
def gold_forms():
    return GOLD


@pytest.fixture(scope="session")
def config():
    return load_config()


def gold_form(seed: str, index: int):
    """The ``index``-th form of seed ``seed`` ("000" … "004") as a model ``Form``."""
    forms = [f for s, f in GOLD if s == seed]
    return decode_form(forms[index], f"{seed}.json", index)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):
    """SQLite test databases in a file, not in memory: the browser tests' live server answers
    from other threads, and an in-memory database cannot be shared with them cleanly."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("db") / "test.sqlite3"
        )
