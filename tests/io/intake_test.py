"""Taking a file in: only regular files, none over the size bound, nothing opened before the look."""

import os
from pathlib import Path

import pytest

from jixiao.io.bounded import read_bounded, vet
from jixiao.io.problems import ReadError


def refusal(call, *args):
    with pytest.raises(ReadError) as refused:
        call(*args)
    finding = refused.value.finding
    return finding.code, finding.message_zh, finding.message_en


def test_a_device_is_refused_by_kind_without_reading():
    assert refusal(vet, Path("/dev/zero"), None) == (
        "unreadable-file",
        "不是普通文件（是设备），未读取",
        "not a regular file (a device): not read",
    )


def test_a_pipe_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening it to read would wait for a writer forever
    assert refusal(read_bounded, fifo, None)[2] == "not a regular file (a pipe): not read"


def test_a_folder_and_a_missing_file_are_refused(tmp_path):
    assert refusal(vet, tmp_path, None)[2] == "not a regular file (a folder): not read"
    code, _, en = refusal(vet, tmp_path / "nothing.txt", None)
    assert code == "unreadable-file" and en == "cannot read the file: No such file or directory"


def test_a_file_over_the_bound_is_refused_and_one_at_the_bound_is_read(tmp_path):
    path = tmp_path / "form.txt"
    path.write_bytes(b"x" * 3 * 1024 * 1024)  # 3 MiB
    assert refusal(vet, path, 2 * 1024 * 1024) == (
        "file-too-large",
        "文件过大（3.0 MB，上限 2 MB），未读取",
        "the file is too large (3.0 MB, the limit is 2 MB): not read",
    )
    assert len(read_bounded(path, 3 * 1024 * 1024)) == 3 * 1024 * 1024
    assert len(read_bounded(path, None)) == 3 * 1024 * 1024


def test_a_file_that_grows_after_the_look_is_still_refused(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 10)
    monkeypatch.setattr("jixiao.io.bounded.vet", lambda *_: None)  # as if it grew after vetting
    assert refusal(read_bounded, path, 5)[0] == "file-too-large"
