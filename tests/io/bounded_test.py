"""Parsing within the limits: the same result as in-process, refusals as failed results."""

import json
import sys

import pytest

from jixiao.io.bounded import MIB, BoundedParser, Limits
from jixiao.io.parse import parse_path
from jixiao.io.problems import ReadError
from tests.conftest import SAMPLES

SEED = SAMPLES / "seeds" / "001_655e35476e9ed446.txt"


def deep_recursion(depth: int) -> int:
    return 0 if depth == 0 else 1 + deep_recursion(depth - 1)


@pytest.fixture(scope="module")
def parser():
    with BoundedParser(Limits(file_bytes=MIB, seconds=30, memory_bytes=600 * MIB)) as bounded:
        yield bounded


def codes(result):
    return [(f.code, f.location.document) for f in result.findings]


def test_a_file_parsed_in_the_worker_reads_as_in_process(parser):
    bounded = parser.parse_path(SEED)
    assert not bounded.failed and len(bounded.forms) == 4
    assert json.dumps(bounded.to_dict()) == json.dumps(parse_path(SEED).to_dict())


def test_an_upload_over_the_size_bound_is_refused_before_the_worker(parser):
    result = parser.parse_bytes("upload.txt", b"x" * (MIB + 1))
    assert result.failed and codes(result) == [("file-too-large", "upload.txt")]
    assert parser.parse_bytes("seed.txt", SEED.read_bytes()).forms


def test_a_path_that_is_no_regular_file_never_reaches_the_worker(parser, tmp_path):
    starts = parser.starts
    result = parser.parse_path(tmp_path)
    assert result.failed and codes(result) == [("unreadable-file", str(tmp_path))]
    assert parser.starts == starts


def test_input_too_deep_for_the_reader_is_too_costly_not_a_crash(parser):
    with pytest.raises(ReadError) as refused:
        parser.call("deep.html", deep_recursion, sys.getrecursionlimit() * 2)
    finding = refused.value.finding
    assert (finding.code, finding.location.document) == ("file-too-costly", "deep.html")
    assert finding.message_en == "the file is nested too deeply to read"


def test_a_parse_over_the_time_bound_is_a_failed_result_naming_the_limit(tmp_path):
    slow = tmp_path / "slow.txt"
    slow.write_bytes(SEED.read_bytes() * 1000)  # 4,000 forms: ~9 s to import here
    with BoundedParser(Limits(seconds=2)) as bounded:
        result = bounded.parse_path(slow)
        assert result.failed and codes(result) == [("file-too-costly", str(slow))]
        assert result.findings[0].message_zh == (
            "解析超过 2 秒仍未完成，已停止（上限 JIXIAO_PARSE_SECONDS）"
        )
        assert bounded.parse_bytes("seed.txt", SEED.read_bytes()).forms  # a fresh worker
        assert bounded.starts == 2


def broken_reader(name: str) -> None:
    raise KeyError(name)


def test_an_exception_escaping_a_reader_is_a_failed_result_naming_the_file(parser):
    result = parser.result_of("odd.xlsx", broken_reader, "sheet9")
    assert result.failed and codes(result) == [("unreadable-file", "odd.xlsx")]
    assert result.findings[0].message_en == (
        "reading failed (a defect of jixiao, please report it): KeyError: 'sheet9'"
    )


def test_a_long_exception_message_is_cut_short(parser):
    result = parser.result_of("odd.xlsx", broken_reader, "x" * 10_000)
    message = result.findings[0].message_en
    assert len(message) == len("reading failed (a defect of jixiao, please report it): ") + 200
    assert message.endswith("xx…")
