"""The bounded worker: a call over its time or memory is stopped, and the next call still runs.

The functions the worker runs are defined here at module level, so the child can import them.
Every allocation happens in the child, whose address space is capped; the test process never
holds more than a few kilobytes of them.
"""

import mmap
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jixiao.io.bounded import BoundedParser, Limits
from jixiao.io.problems import ReadError

MIB = 1024 * 1024


def child_pid() -> int:
    return os.getpid()


def allocate(mib: int) -> int:
    """Hold ``mib`` MiB at once and give back their size."""
    block = bytearray(mib * MIB)
    return len(block) // MIB


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def fail() -> None:
    raise KeyError("missing")


def die() -> None:
    os._exit(3)


def unpicklable():
    return lambda: None


def bounded(seconds, memory_mib, method=None):
    memory = memory_mib * MIB if memory_mib else None
    return BoundedParser(Limits(seconds=seconds, memory_bytes=memory), method=method)


def stopped(worker, function, *args) -> str:
    """Why the worker stopped a call: ``time``, ``memory`` or ``crash`` (its finding says)."""
    with pytest.raises(ReadError) as refused:
        worker.call("x.txt", function, *args)
    finding = refused.value.finding
    assert (finding.code, finding.location.document) == ("file-too-costly", "x.txt")
    words = {"time": "parsing took over", "memory": "MB of memory", "crash": "process died"}
    [reason] = [reason for reason, said in words.items() if said in finding.message_en]
    return reason


@pytest.fixture
def worker():
    with bounded(3, 400) as w:
        yield w


def test_calls_run_in_one_child_reused_across_calls(worker):
    first = worker.call("x.txt", child_pid)
    assert first != os.getpid()
    assert worker.call("x.txt", child_pid) == first and worker.starts == 1


def test_a_call_over_the_memory_bound_is_stopped_and_the_next_runs_in_a_new_child(worker):
    # The bound counts from the child's size at its start, however large this process is.
    before = worker.call("x.txt", child_pid)
    assert worker.call("x.txt", allocate, 100) == 100  # well inside 400 MiB
    assert stopped(worker, allocate, 600) == "memory"  # 600 MiB cannot fit in 400
    after = worker.call("x.txt", child_pid)
    assert after != before and worker.starts == 2


def test_a_call_over_the_time_bound_is_stopped_at_the_bound(worker):
    started = time.monotonic()
    assert stopped(worker, sleep, 30) == "time"
    waited = time.monotonic() - started
    assert 3 <= waited < 10  # stopped at the 3 s bound, not after 30 s
    assert worker.call("x.txt", sleep, 0) == "woke"


def test_a_child_that_dies_is_a_crash(worker):
    assert stopped(worker, die) == "crash"
    assert worker.call("x.txt", sleep, 0) == "woke"


def test_the_functions_exceptions_are_raised_in_the_caller_and_the_child_kept(worker):
    pid = worker.call("x.txt", child_pid)
    with pytest.raises(KeyError, match="missing"):
        worker.call("x.txt", fail)
    with pytest.raises(RuntimeError, match=r"PicklingError|AttributeError"):
        worker.call("x.txt", unpicklable)
    assert worker.call("x.txt", child_pid) == pid and worker.starts == 1


def test_closing_stops_the_child():
    worker = bounded(None, None)
    pid = worker.call("x.txt", child_pid)
    worker.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_closing_during_an_interrupted_call_kills_the_child_at_once(worker, monkeypatch):
    pid = worker.call("x.txt", child_pid)

    def interrupted(*_):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(type(worker._conn), "poll", interrupted)
        with pytest.raises(KeyboardInterrupt):
            worker.call("x.txt", sleep, 30)  # Ctrl-C while the child sleeps
    started = time.monotonic()
    worker.close()
    assert time.monotonic() - started < 2  # not the 5 s a polite stop may wait
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_each_start_method_bounds_time_and_memory(method):
    with bounded(2, 400, method) as worker:
        assert stopped(worker, allocate, 600) == "memory"
        assert stopped(worker, sleep, 30) == "time"
        assert worker.call("x.txt", allocate, 100) == 100 and worker.starts == 3


ORPHANING = """
import sys, time
from tests.io.isolation_test import bounded, child_pid
if __name__ == "__main__":
    worker = bounded(None, None, sys.argv[1])
    print(worker.call("x.txt", child_pid), flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_a_worker_whose_parent_was_killed_ends(method, tmp_path):
    script = tmp_path / "orphaning.py"
    script.write_text(ORPHANING, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen(
        [sys.executable, str(script), method],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    worker_pid = int(parent.stdout.readline())
    parent.kill()  # SIGKILL: no goodbye reaches the worker
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(worker_pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(worker_pid, 9)
    pytest.fail("the orphaned worker kept running")


def test_the_memory_bound_counts_from_the_childs_start_not_from_zero():
    reserved = mmap.mmap(-1, 1024 * MIB)  # 1 GiB of address space, never touched: no memory
    try:
        with bounded(10, 300, "fork") as worker:
            assert worker.call("x.txt", allocate, 100) == 100  # a cap of 300 MiB from zero: refused
            assert stopped(worker, allocate, 400) == "memory"
    finally:
        reserved.close()
