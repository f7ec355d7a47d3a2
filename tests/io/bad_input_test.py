"""What users upload by mistake: each gives a finding or a clear error naming the file.

Empty, binary, encrypted, image-only, damaged and truncated files fail with a coded
``ReadError`` finding (messages in Chinese and English); a GBK-encoded text parses, with an
``decoded-as-gbk`` note; a form without its indicator table and a document with no form
give findings. ``jixiao parse`` never prints a traceback for any of them.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.cli import main
from jixiao.io.parse import parse_path
from tests.conftest import SAMPLES
from tests.io.gold_test import differences

BAD = Path(__file__).parent / "fixtures" / "files" / "bad"
UNREADABLE = {
    "empty.xlsx": "empty-file",
    "binary.bin": "binary-file",
    "encrypted.pdf": "encrypted-pdf",
    "image_only.pdf": "image-only-pdf",
    "truncated.xlsx": "truncated-file",
    "corrupt.xlsx": "truncated-file",
    "truncated.pdf": "truncated-file",
}
READABLE = {
    "seed001_gbk.txt": "decoded-as-gbk",
    "no_indicator_table.xlsx": "no-indicator-table",
    "not_a_form.docx": "unknown-layout",
}


@pytest.mark.parametrize(("name", "code"), UNREADABLE.items())
def test_unreadable_files_fail_with_a_coded_finding_naming_the_file(name, code):
    path = BAD / name
    result = parse_path(path)
    assert result.failed and not result.forms
    [finding] = result.findings
    assert finding.code == code
    assert finding.severity == "error"
    assert finding.location.document == str(path)
    assert finding.message_zh and finding.message_en
    assert finding.message_zh != finding.message_en


def test_image_only_pdf_says_ocr_is_not_supported():
    [finding] = parse_path(BAD / "image_only.pdf").findings
    assert "OCR" in finding.message_zh and "OCR" in finding.message_en


@pytest.mark.parametrize(("name", "code"), READABLE.items())
def test_readable_bad_inputs_give_a_finding(name, code):
    result = parse_path(BAD / name)
    assert not result.failed
    assert code in {f.code for f in result.findings}


def test_gbk_text_of_a_seed_parses_like_the_seed():
    gold = json.loads(
        (SAMPLES / "forms" / "001_655e35476e9ed446.txt.json").read_text(encoding="utf-8")
    )
    result = parse_path(BAD / "seed001_gbk.txt")
    assert not differences(gold, result.to_dict())
    [note] = [f for f in result.findings if f.code == "decoded-as-gbk"]
    assert note.severity == "info"


def test_form_without_indicator_table_keeps_what_it_has():
    result = parse_path(BAD / "no_indicator_table.xlsx")
    [form] = result.forms
    assert form.project.name == "基层财政干部业务能力培训项目"
    assert str(form.funds.budget) == "92.36"
    assert form.indicators == ()


@pytest.mark.parametrize("name", [*UNREADABLE, *READABLE])
def test_cli_exit_status(name, capsys):
    status = main(["parse", str(BAD / name)])
    capsys.readouterr()
    assert status == (2 if name in UNREADABLE else 1 if name != "seed001_gbk.txt" else 0)


def test_cli_never_prints_a_traceback():
    files = [str(BAD / name) for name in [*UNREADABLE, *READABLE]]
    for extra in ([], ["--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "jixiao", "parse", *files, *extra],
            check=False,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2
        assert "Traceback" not in done.stdout + done.stderr
        for name in UNREADABLE:
            assert name in done.stdout
