"""The CLI under hostile input (issue 10 §2): a clear error naming the file, exit 2, bounded.

Each case printed a traceback and exited 1 before (or ran for minutes and gigabytes). The
command runs in a subprocess as a user runs it, with a timeout and its address space capped
at 1 GiB (the issue's bound), so a regression fails the test instead of eating the machine.
Hostile files are small on disk: the 200 MB text is sparse, the zip expands in the worker.
"""

import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import GOLD_FILES, SAMPLES

JIXIAO = Path(sys.executable).parent / "jixiao"
GIB = 1024**3
FIXTURE_XLSX = Path(__file__).parents[1] / "io" / "fixtures" / "files" / "self_eval_2023.xlsx"
SEED = SAMPLES / "seeds" / "001_655e35476e9ed446.txt"


def _cap_memory():
    resource.setrlimit(resource.RLIMIT_AS, (GIB, GIB))


def jixiao(*argv, timeout=60, env=None, cwd=None):
    """Run the command; (exit status, stdout, stderr, seconds taken)."""
    started = time.monotonic()
    done = subprocess.run(
        [str(JIXIAO), *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_cap_memory,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        check=False,
        cwd=cwd,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr, time.monotonic() - started


def problems_of(stdout):
    """(code, path, English message) of each problem of the one document checked (--json)."""
    [document] = json.loads(stdout)["documents"]
    return [(p["code"], p["location"]["path"], p["message_en"]) for p in document["problems"]]


def gold_text_with(**raw):
    """Seed 000's gold form as JSON text, with raw JSON put in for some keys (``funds.budget``)."""
    form = json.loads(GOLD_FILES[0].read_text(encoding="utf-8"))["forms"][0]
    for key in raw:
        *parents, last = key.split(".")
        target = form
        for parent in parents:
            target = target[parent]
        target[last] = f"@{key}@"
    text = json.dumps(form, ensure_ascii=False)
    for key, value in raw.items():
        text = text.replace(f'"@{key}@"', value)
    return text


def test_json_nested_200000_deep_is_bad_json(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    status, out, _, _ = jixiao("check", "--json", deep)
    assert status == 2 and json.loads(out)["documents"][0]["file"] == str(deep)
    [(code, path, message)] = problems_of(out)
    assert (code, path) == ("bad-form-json", "$")
    assert message == "JSON nested too deeply to read (a canonical form is a few levels deep)"


def test_a_5000_digit_integer_is_refused_at_its_path(tmp_path):
    big = tmp_path / "big.json"
    big.write_text(gold_text_with(year="9" * 5000, **{"funds.budget": "8" * 5000}), "utf-8")
    status, out, _, _ = jixiao("check", "--json", big)
    assert status == 2
    found = {path: message for _, path, message in problems_of(out)}
    assert sorted(found) == ["funds.budget", "year"]
    assert (
        found["funds.budget"].startswith("'8888") and "must be below 10^15" in found["funds.budget"]
    )
    assert found["year"].startswith("year '9999") and len(found["year"]) < 120  # echo cut short


def test_a_deep_toml_config_is_a_settings_error(tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    status, out, err, _ = jixiao("--config", deep, "rules")
    assert status == 2 and out == ""
    assert f"{deep}: TOML 嵌套层次过深" in err and "TOML nested too deeply" in err


def test_dev_zero_as_config_is_refused_unread():
    status, _, err, _ = jixiao("--config", "/dev/zero", "rules")
    assert status == 2 and "/dev/zero" in err and "not a regular file (a device)" in err


@pytest.mark.parametrize("command", ["parse", "check"])
def test_dev_zero_is_refused_by_kind(command):
    status, out, _, seconds = jixiao(command, "/dev/zero", timeout=30)
    assert status == 2 and seconds < 30
    assert "/dev/zero" in out and "不是普通文件（是设备）" in out
    assert "not a regular file (a device)" in out


def test_a_200_mb_text_is_refused_unread(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 200 MB long, a few kilobytes on disk
        handle.write(SEED.read_bytes())
        handle.truncate(200 * 1024 * 1024)
    status, out, _, seconds = jixiao("parse", "--json", huge, timeout=30)
    assert status == 2 and seconds < 30
    [finding] = json.loads(out)["findings"]
    assert finding["code"] == "file-too-large" and finding["location"]["document"] == str(huge)
    assert (
        finding["message_en"] == "the file is too large (200.0 MB, the limit is 100 MB): not read"
    )


def write_text_bomb(path: Path, rows: int = 2000) -> None:
    """An XLSX of 20,000 cells of 1,200 characters: 240 KB that took 41 s to import (2-3 s now)."""
    cell = "预算" * 600
    with zipfile.ZipFile(FIXTURE_XLSX) as source, zipfile.ZipFile(path, "w") as bomb:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(info, source.read(info), zipfile.ZIP_DEFLATED)
                continue
            entry = zipfile.ZipInfo(info.filename)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with bomb.open(entry, "w") as part:
                part.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/')
                part.write(b'spreadsheetml/2006/main"><sheetData>')
                for r in range(1, rows + 1):
                    cells = "".join(
                        f'<c r="{c}{r}" t="inlineStr"><is><t>{cell}</t></is></c>'
                        for c in "ABCDEFGHIJ"
                    )
                    part.write(f'<row r="{r}">{cells}</row>'.encode())
                part.write(b"</sheetData></worksheet>")


def test_a_zip_that_takes_too_long_is_stopped_at_the_time_limit(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    write_text_bomb(bomb)
    assert bomb.stat().st_size < 400_000
    status, out, _, seconds = jixiao("parse", "--json", "--parse-seconds", "0.5", bomb)
    assert status == 2 and seconds < 20  # stopped after 0.5 s, not after the whole import
    [finding] = json.loads(out)["findings"]
    assert finding["code"] == "file-too-costly" and finding["location"]["document"] == str(bomb)
    assert finding["message_zh"] == "解析超过 0.5 秒仍未完成，已停止（上限 JIXIAO_PARSE_SECONDS）"


def test_json_that_needs_too_much_memory_is_stopped_at_the_memory_limit(tmp_path):
    numbers = tmp_path / "numbers.json"
    numbers.write_text("[" + "0.1," * 2_000_000 + "0.1]", encoding="utf-8")  # 8 MB
    # Two million Decimals of 104 bytes each: over 200 MB in memory.
    status, out, _, _ = jixiao("check", "--json", "--parse-memory-mb", "200", numbers)
    assert status == 2
    assert problems_of(out) == [
        (
            "file-too-costly",
            None,
            "parsing needed over 200 MB of memory and was stopped (limit JIXIAO_PARSE_MEMORY_MB)",
        )
    ]


def test_the_batch_goes_on_after_a_file_is_stopped(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    write_text_bomb(source / "a_bomb.xlsx")
    (source / "b_seed.txt").write_bytes(SEED.read_bytes())
    status, printed, _, _ = jixiao(
        "parse", "in", "--out", out, env={"JIXIAO_PARSE_SECONDS": "0.5"}, cwd=tmp_path
    )
    assert status == 2  # one file failed
    assert "in/a_bomb.xlsx" in printed and "parsing took over 0.5 s and was stopped" in printed
    assert "解析超过 0.5 秒仍未完成" in printed
    seed = json.loads((out / "b_seed.txt.json").read_text(encoding="utf-8"))
    assert len(seed["forms"]) == 4  # parsed by a fresh worker after the first was killed
    bomb = json.loads((out / "a_bomb.xlsx.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in bomb["findings"]] == ["file-too-costly"]


@pytest.mark.parametrize(
    ("option", "value"), [("--parse-seconds", "soon"), ("--max-file-mb", "1.5")]
)
def test_a_bad_limit_is_a_settings_error(option, value):
    status, _, err, _ = jixiao("parse", option, value, SEED)
    assert status == 2 and "bad limit" in err and value in err


def write_unknown_compression(path: Path) -> None:
    """The fixture XLSX with every part marked as packed by method 99, which nothing undoes."""
    data = bytearray(FIXTURE_XLSX.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = data.find(signature)
        while start != -1:
            data[start + offset : start + offset + 2] = (99).to_bytes(2, "little")
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("command", ["parse", "check"])
def test_a_zip_packed_with_an_unknown_method_is_refused(command, tmp_path):
    odd = tmp_path / "odd.xlsx"
    write_unknown_compression(odd)
    status, out, _, _ = jixiao(command, odd)
    assert status == 2 and "odd.xlsx" in out
    assert "truncated-file" in out and "damaged or truncated" in out
