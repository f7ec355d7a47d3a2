"""Other provinces' layout families as published files: XLSX, and the PDF, HTML and DOCX LibreOffice made.

``tests/io/fixtures/provinces/<form>.expected.json`` was written by hand from what was typed
into the sheets (scripts/fixtures_provinces.py), one form per family of
../shared/corpus/README.md. Every version of a file must parse to it, field by field with the
gold rules of SPEC §2.1, give the import codes its ``findings`` lists, and drop nothing
silently. scripts/make_fixtures rebuilds the files.

Cases the importer does not read yet are marked ``xfail(strict=True)`` from the lists below:
when a case starts passing, its strict mark fails the suite, so remove the entry (a form's
name covers its four formats, ``form.kind`` one of them).

``.venv/bin/python -m tests.io.provinces_test [--show N]`` prints the field accuracy of every
fixture (and its first N misses); ``--pending`` prints the three lists as they should read for
the importer in the work tree.
"""

import json
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from jixiao.io.parse import ParseResult, parse_path
from jixiao.io.readers import read_file
from tests.goldcmp import flatten
from tests.io.accounting_test import assert_accounted
from tests.io.gold_test import differences

# Not reproduced yet: every expected field.
PENDING_FIELDS: list[str] = []
# Not given yet: the listed import codes, or given an error the form does not deserve.
PENDING_FINDINGS: list[str] = []
# Not accounted for yet: a cell taken but not in the output, or left without a finding.
PENDING_ACCOUNTING: list[str] = []

PROVINCES = Path(__file__).parent / "fixtures" / "provinces"
FORMATS = ("xlsx", "pdf", "html", "docx")
FORMS = tuple(sorted(p.name.removesuffix(".expected.json") for p in PROVINCES.glob("*.json")))


def expected(form: str) -> dict:
    """The hand-written expected parse result of a form."""
    return json.loads((PROVINCES / f"{form}.expected.json").read_text(encoding="utf-8"))


@cache
def parsed(form: str, kind: str) -> ParseResult:
    """One fixture file parsed once for the tests that only read the result."""
    return parse_path(PROVINCES / f"{form}.{kind}")


def cases(pending: list[str], reason: str, forms: tuple[str, ...] = FORMS) -> list:
    """One parameter per form and format, marked when listed as pending."""
    params = []
    for form in forms:
        for kind in FORMATS:
            marks = []
            if form in pending or f"{form}.{kind}" in pending:
                marks = [pytest.mark.xfail(strict=True, reason=reason)]
            params.append(pytest.param(form, kind, id=f"{form}.{kind}", marks=marks))
    return params


@pytest.mark.parametrize(("form", "kind"), cases([], ""))
def test_every_file_is_read_as_its_format(form, kind):
    document = read_file(PROVINCES / f"{form}.{kind}")
    assert document.kind == kind
    assert not parsed(form, kind).failed


@pytest.mark.parametrize(("form", "kind"), cases(PENDING_FIELDS, "layout not read yet"))
def test_every_expected_field_is_reproduced(form, kind):
    misses = differences(expected(form), parsed(form, kind).to_dict())
    assert not misses, "\n".join(misses[:60])


@pytest.mark.parametrize(("form", "kind"), cases(PENDING_FINDINGS, "codes not given yet"))
def test_the_listed_codes_and_no_unlisted_error_are_given(form, kind):
    findings = parsed(form, kind).findings
    listed = set(expected(form)["findings"])
    assert listed <= {f.code for f in findings}
    errors = {f.code for f in findings if f.severity == "error"}
    assert errors <= listed


@pytest.mark.parametrize(("form", "kind"), cases(PENDING_ACCOUNTING, "cells dropped"))
def test_every_cell_is_placed_or_reported(form, kind, monkeypatch):
    assert_accounted(read_file(PROVINCES / f"{form}.{kind}"), monkeypatch)


def test_every_form_has_its_four_files_and_every_file_its_expected_json():
    files = {p.name for p in PROVINCES.iterdir() if p.name != "README.md"}
    assert {f"{form}.{kind}" for form in FORMS for kind in FORMATS} <= files
    stems = {name.split(".")[0] for name in files}
    assert stems == set(FORMS)


def amount(value) -> Decimal:
    return Decimal(value or 0)


@pytest.mark.parametrize("form", FORMS)
def test_the_expected_figures_add_up(form):
    """The hand-written figures themselves: sources add up to their totals, weights to 100,
    scores to the printed total (a slip in the expected JSON fails here, not in the importer)."""
    for canonical in expected(form)["forms"]:
        funds = canonical["funds"]
        for key in ("initial_budget", "budget", "executed"):
            if funds[key] is not None and funds["sources"]:
                assert sum(amount(s[key]) for s in funds["sources"]) == amount(funds[key]), key
        rows = canonical["indicators"]
        if all(i["weight"] is not None for i in rows):
            weights = sum(amount(i["weight"]) for i in rows)
            assert weights + amount(funds["execution_weight"]) == 100
        if canonical["total_score"] is not None:
            scores = sum(amount(i["score"]) for i in rows)
            assert scores + amount(funds["execution_score"]) == amount(canonical["total_score"])


def accuracy(form: str, kind: str) -> tuple[int, int]:
    """Expected fields reproduced, and expected fields in all (uncertain places left out)."""
    gold = expected(form)
    skip = {(u["form"], u["path"]) for u in gold.get("uncertain", [])}
    wanted = [
        f"form {i} {path}"
        for i, form_json in enumerate(gold["forms"])
        for path, value in flatten(form_json).items()
        if value is not None and not any(i == f and path.startswith(p) for f, p in skip)
    ]
    misses = differences(gold, parsed(form, kind).to_dict())
    missed = {m.split(":")[0] for m in misses}
    return sum(1 for w in wanted if w not in missed), len(wanted)


def failing(test) -> list[str]:
    """The cases a test function fails today, a form's name where all four formats fail."""
    failed = {}
    for form in FORMS:
        for kind in FORMATS:
            try:
                with pytest.MonkeyPatch.context() as monkeypatch:
                    test(form, kind, monkeypatch)
            except AssertionError:
                failed.setdefault(form, []).append(kind)
    return [
        name
        for form, kinds in failed.items()
        for name in ([form] if len(kinds) == len(FORMATS) else [f"{form}.{k}" for k in kinds])
    ]


def print_pending() -> None:
    """The pending lists as they should read for the importer of the work tree."""
    tests = {
        "PENDING_FIELDS": lambda f, k, _: test_every_expected_field_is_reproduced(f, k),
        "PENDING_FINDINGS": lambda f, k, _: test_the_listed_codes_and_no_unlisted_error_are_given(
            f, k
        ),
        "PENDING_ACCOUNTING": test_every_cell_is_placed_or_reported,
    }
    for name, test in tests.items():
        print(f"{name} = [")
        for case in failing(test):
            print(f'    "{case}",')
        print("]")


def main(argv: list[str]) -> None:
    """Print field accuracy per fixture and in all; ``--show N``: each file's first N misses;
    ``--pending``: the pending lists that match the importer instead."""
    if "--pending" in argv:
        print_pending()
        return
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    right = total = 0
    for form in FORMS:
        for kind in FORMATS:
            got, want = accuracy(form, kind)
            right, total = right + got, total + want
            print(f"{form + '.' + kind:34} {got:4}/{want:<4} {100 * got / want:6.1f}%")
            for miss in differences(expected(form), parsed(form, kind).to_dict())[:show]:
                print(f"    {miss}")
    print(f"fields {right}/{total} ({100 * right / total:.1f}%)")


if __name__ == "__main__":
    main(sys.argv[1:])
