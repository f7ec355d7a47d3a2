"""Forms unlike the seeds parse to their hand-written canonical JSON, field by field.

Other units print the same layouts differently: amounts in 万元, ``其中：本年财政拨款``,
``产出指标(50分)``, blank 二级指标 cells, an empty 满意度 block, a department-wide form
among project forms, other provinces' indicators, HTML tables whose merged cells are
missing, PDF tables whose merged labels are centred, ``无`` in the deviation column...
Each document ``fixtures/variants/NN_name.txt`` was written by hand in one of the seeds'
text styles (tab-separated table text or plain PDF text). Its expected result
``NN_name.txt.json`` was also written by hand, from the document and never from parser
output. It has the shape of the gold files, plus ``expect_findings``: codes that must be
reported, either by parsing or by the checks run on the parsed forms.

A document that the importers do not yet reproduce is marked ``xfail(strict=True)`` in
``KNOWN_GAPS``, with the importer behaviour at fault. Once that is fixed the test passes,
the strict mark fails it, and the entry must be removed.
"""

import json
from functools import cache
from pathlib import Path

import pytest

from jixiao.core.checks.runner import check_form
from jixiao.core.formjson import PARSE_SCHEMA, decode_form
from jixiao.core.rulesets import load_config
from jixiao.io.parse import ParseResult, parse_path
from tests.io.gold_test import differences

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"
DOCUMENTS = sorted(VARIANTS.glob("*.txt"))

# (document number, test) → what the importer does wrong. Tests: "fields", "findings", "unplaced".
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def expected_of(document: Path) -> dict:
    """The hand-written expected result beside a document."""
    return json.loads(Path(f"{document}.json").read_text(encoding="utf-8"))


@cache
def parsed(document: Path) -> ParseResult:
    """The document parsed once per test session."""
    return parse_path(document)


def params(test: str, documents: list[Path] = DOCUMENTS):
    """One parameter per document, marked xfail where the importer is known to fall short."""
    out = []
    for document in documents:
        number = document.name[:2]
        reason = KNOWN_GAPS.get((number, test))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(document, id=document.stem, marks=marks))
    return out


def reported_codes(document: Path) -> set[str]:
    """Codes of the import findings and of the checks run on each parsed form."""
    result = parsed(document)
    codes = {f.code for f in result.findings}
    config = load_config()
    for index, form in enumerate(result.forms):
        codes.update(f.code for f in check_form(form, config, document.name, index).findings)
    return codes


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.stem for d in DOCUMENTS])
def test_expected_file_is_a_valid_parse_result(document):
    expected = expected_of(document)
    assert expected["schema"] == PARSE_SCHEMA
    assert expected["file"] == document.name
    assert expected["forms"], "a variant holds at least one project form"
    for index, form in enumerate(expected["forms"]):
        decode_form(form, document.name, index)  # raises on any key or value out of shape
    for place in expected["uncertain"]:
        assert {"form", "path", "why", "candidates"} <= place.keys()
    assert all(isinstance(code, str) for code in expected["expect_findings"])


@pytest.mark.parametrize("document", params("fields"))
def test_every_expected_field_is_reproduced(document):
    misses = differences(expected_of(document), parsed(document).to_dict())
    assert not misses, "\n".join(misses[:60])


@pytest.mark.parametrize(
    "document", params("findings", [d for d in DOCUMENTS if expected_of(d)["uncertain"]])
)
def test_every_uncertain_place_is_reported(document):
    findings = parsed(document).findings
    reported = {(f.location.form, f.location.path) for f in findings if f.code == "uncertain-value"}
    wanted = {(u["form"], u["path"]) for u in expected_of(document)["uncertain"]}
    assert wanted <= reported


@pytest.mark.parametrize("document", params("findings"))
def test_expected_findings_are_reported(document):
    if not expected_of(document)["expect_findings"]:
        pytest.skip("no findings expected of this document")
    missing = set(expected_of(document)["expect_findings"]) - reported_codes(document)
    assert not missing, f"not reported: {sorted(missing)}"


@pytest.mark.parametrize("document", params("unplaced"))
def test_no_text_is_left_unplaced(document):
    if "unplaced-text" in expected_of(document)["expect_findings"]:
        pytest.skip("this document expects unplaced text")
    unplaced = [f.found for f in parsed(document).findings if f.code == "unplaced-text"]
    assert not unplaced, "\n".join(str(u) for u in unplaced[:30])
