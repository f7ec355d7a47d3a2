"""Batch import: every file gets an outcome, a failure never stops the batch, outputs are whole."""

import json

import pytest

from jixiao.cli import main
from jixiao.io.batch import Status, expand, parse_many, write_atomically
from tests.conftest import SAMPLES

SEED_001 = SAMPLES / "seeds" / "001_655e35476e9ed446.txt"


@pytest.fixture
def folder(tmp_path):
    source = tmp_path / "in"
    (source / "2022").mkdir(parents=True)
    (source / "2022" / "kunming.txt").write_bytes(SEED_001.read_bytes())
    (source / "empty.txt").write_bytes(b"")
    (source / "notes.txt").write_text("会议纪要：无绩效表。", encoding="utf-8")
    (source / ".hidden.txt").write_text("skip me", encoding="utf-8")
    return source


def test_each_file_gets_an_outcome_and_the_batch_goes_on(folder, tmp_path):
    out = tmp_path / "out"
    outcomes = {o.path.name: o for o in parse_many(expand([folder]), out, [folder])}
    assert sorted(outcomes) == ["empty.txt", "kunming.txt", "notes.txt"]  # hidden files skipped
    assert (
        outcomes["kunming.txt"].status is Status.WITH_FINDINGS
        and outcomes["kunming.txt"].forms == 4
    )
    assert (
        outcomes["empty.txt"].status is Status.FAILED and "empty" in outcomes["empty.txt"].message
    )
    assert outcomes["notes.txt"].status is Status.FAILED
    written = json.loads((out / "2022" / "kunming.txt.json").read_text(encoding="utf-8"))
    assert written["schema"] == "jixiao/parse@1" and len(written["forms"]) == 4
    assert not list(out.rglob("*.tmp"))


def test_an_atomic_write_leaves_the_old_file_when_it_fails(tmp_path):
    target = tmp_path / "x.json"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):
        write_atomically(target, 42)  # not text: the write fails before the rename
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_the_batch_command_prints_progress_and_a_summary(folder, tmp_path, capsys):
    status = main(["parse", str(folder), "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert status == 2  # some files failed
    assert "3/3" in out and "parsed with findings" in out and "empty.txt" in out
