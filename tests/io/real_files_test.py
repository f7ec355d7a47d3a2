"""The same forms as published files: XLSX, and the PDF, HTML and DOCX LibreOffice made of it.

``tests/io/fixtures/files/<form>.expected.json`` was written by hand from what was typed
into the sheets (scripts/fixtures_forms.py); every version of the file must parse to it,
field by field with the gold rules of SPEC §2.1 (as tests/io/gold_test.py compares).
scripts/make_fixtures rebuilds the files.
"""

import pytest

from jixiao.io.parse import parse_path
from jixiao.io.readers import read_file
from tests.io.realfiles import FILES, cases, parsed_against_expected

FORMS = ("self_eval_2023", "two_sheets_2023")
# LibreOffice's HTML export of a workbook of several sheets prints an index of the sheets
# and a heading over each: printed text that belongs to no form, so it is reported.
SHEET_HEADINGS = {"Overview", "档案数字化", "库房巡检", "Sheet 1: 档案数字化", "Sheet 2: 库房巡检"}


CASES = cases(FORMS)


@pytest.mark.parametrize(("form", "kind"), CASES)
def test_every_expected_field_is_reproduced(form, kind):
    _, misses = parsed_against_expected(form, kind)
    assert not misses, "\n".join(misses[:60])


@pytest.mark.parametrize(("form", "kind"), CASES)
def test_the_reader_is_chosen_by_content(form, kind):
    assert read_file(FILES / f"{form}.{kind}").kind == kind


@pytest.mark.parametrize(("form", "kind"), CASES)
def test_only_text_outside_the_forms_is_left_unplaced(form, kind):
    findings = parse_path(FILES / f"{form}.{kind}").findings
    unplaced = {
        line.strip()
        for f in findings
        if f.code == "unplaced-text"
        for line in (f.found or "").split("\n")
    }
    assert unplaced <= SHEET_HEADINGS
    assert not any(f.severity == "error" for f in findings)


def test_typed_line_breaks_are_paragraphs_and_wrapped_pdf_lines_are_reported():
    xlsx = parse_path(FILES / "self_eval_2023.xlsx")
    assert not [f for f in xlsx.findings if f.code == "uncertain-value"]
    pdf = parse_path(FILES / "self_eval_2023.pdf")
    reported = {(f.location.form, f.location.path) for f in pdf.findings}
    # The PDF wraps the deviation cell: whether its break after 。 is a paragraph is not settled.
    assert (0, "indicators[1].deviation") in reported
    assert pdf.forms[0].indicators[1].deviation == (
        "偏差原因：部分课程改为线上，线下参训人次未达预期。\n改进措施：提前做好报名组织。"
    )
