"""The real-file fixtures (tests/io/fixtures/files): each form as XLSX, PDF, HTML and DOCX,
beside its expected JSON written by hand."""

import json
from pathlib import Path

import pytest

from jixiao.io.parse import ParseResult, parse_path
from tests.io.gold_test import differences

FILES = Path(__file__).parent / "fixtures" / "files"
FORMATS = ("xlsx", "pdf", "html", "docx")


def cases(forms: tuple[str, ...]) -> list:
    """One test parameter per form and format."""
    return [pytest.param(form, kind, id=f"{form}.{kind}") for form in forms for kind in FORMATS]


def expected(form: str) -> dict:
    """The hand-written expected parse result of a form."""
    return json.loads((FILES / f"{form}.expected.json").read_text(encoding="utf-8"))


def parsed_against_expected(form: str, kind: str) -> tuple[ParseResult, list[str]]:
    """Parse one fixture file; the result and every field where it differs from the expected JSON."""
    result = parse_path(FILES / f"{form}.{kind}")
    assert not result.failed, result.findings
    return result, differences(expected(form), result.to_dict())
