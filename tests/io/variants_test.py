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
from jixiao.io.importers.detect import IMPORTERS
from jixiao.io.parse import ParseResult, parse_path
from tests.io.gold_test import differences

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"
DOCUMENTS = sorted(VARIANTS.glob("*.txt"))

_EMPTY_GROUP = (
    "mof_2020_self_eval._indicator_table skips a row for which split_row returns None (no "
    "weight/score pair), so the printed empty group 满意度指标(10分) | 服务对象满意度指标 of "
    "form 0 is neither put in groups (parsed 2 groups, expected 3 with 满意度指标 weight 10) "
    "nor taken (reported as unplaced-text)"
)
_PLAIN_TEXT = (
    "Mof2020SelfEval reads table cells only: cells.find() needs a cell equal to a label "
    "(项目名称, 年初预算数, 预期目标, 一级指标), but a plain PDF line is one cell "
    "('项目名称 城乡义务…'), so only title and year are read: project, funds, goals are null, "
    "no indicators (no-indicator-table) and every line is reported as unplaced-text"
)
# (document number, test) → what the importer does wrong. Tests: "fields", "findings", "unplaced".
KNOWN_GAPS: dict[tuple[str, str], str] = {
    ("04", "fields"): _EMPTY_GROUP,
    ("04", "unplaced"): _EMPTY_GROUP,
    ("07", "fields"): _PLAIN_TEXT,
    ("07", "unplaced"): _PLAIN_TEXT,
    ("09", "fields"): (
        "merged labels printed on the middle row of their block. mof_2020_self_eval._funds "
        "takes the unit from the header row only (currency_unit 元, expected 万元) and "
        "reads the label 项目资金（万元） on the 其中 row as a source name, with values "
        "shifted by one; indicator_rows.split_row takes the first of two printed level "
        "cells as level1, so the label 绩效指标 becomes level1 of indicators[3] and [4] and "
        "a group, and a row printed above its centred level1 gets None (indicators[0]) or "
        "the previous group; the level2 vocabulary (生态效益指标 ∈ 效益指标) is not used"
    ),
    ("10", "fields"): (
        "mof_2020_self_eval._funds looks header cells up in FUNDS_COLUMNS by exact text: "
        "全年预算数（A）, 全年执行数（B）, 执行率（B/A） are unknown and dropped, so the "
        "values shift (execution_weight=2412.80, execution_score=2398.35; budget, executed, "
        "execution_rate and the sources' budget and executed are None) and 10, 99.40%, 9.94 "
        "are dropped"
    ),
    ("11", "fields"): (
        "indicator_rows._weight_position accepts any is_amount() pair, and to_decimal reads "
        "the deviation '无' as an empty number, so (score, 无) is taken as weight and score: "
        "each row with 无 shifts (name=target, target=actual, actual=weight, score=None, "
        "deviation=None; level cells become name and level2). _indicator_table's 总分 row "
        "takes numbers[-1], the grade cell 优, so total_score is None, grade is never read, "
        "and the 优 cell is taken but dropped"
    ),
}


def expected_of(document: Path) -> dict:
    """The hand-written expected result beside a document."""
    return json.loads(Path(f"{document}.json").read_text(encoding="utf-8"))


@cache
def parsed(document: Path) -> ParseResult:
    """The document parsed once per test session."""
    return parse_path(document)


def _pending_reason(document: Path) -> str | None:
    templates = {form["template"] for form in expected_of(document)["forms"]}
    stubs = sorted(i.template for i in IMPORTERS if i.pending and i.template in templates)
    return f"importer pending: {', '.join(stubs)}" if stubs else None


def params(test: str, documents: list[Path] = DOCUMENTS):
    """One parameter per document, marked xfail where the importer is known to fall short."""
    out = []
    for document in documents:
        number = document.name[:2]
        reason = KNOWN_GAPS.get((number, test)) or _pending_reason(document)
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
