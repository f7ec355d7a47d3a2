"""Parsing within the limits: each file vetted, then read and imported in a bounded worker process.

Each limit is a setting (environment, the CLI's options over it; ``0``: off, trusted files only).
Only regular files are read (a device never ends, opening a pipe blocks). A threaded parent (the
web) forks from a ``forkserver``: a fork of a threaded process may inherit another thread's lock.
"""

import gc
import multiprocessing
import os
import resource
import signal
import stat
import threading
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, TypeVar

from jixiao.core.findings import Finding
from jixiao.io.parse import ParseResult, parse_bytes
from jixiao.io.problems import ReadError, problem, unreadable

T = TypeVar("T")
MIB = 1024 * 1024

FILE_MAX_MB = "JIXIAO_FILE_MAX_MB"
PARSE_SECONDS = "JIXIAO_PARSE_SECONDS"
PARSE_MEMORY_MB = "JIXIAO_PARSE_MEMORY_MB"
# Loaded once in the fork server, so each worker starts with them.
PRELOAD = [
    "jixiao.io.bounded",
    "jixiao.io.readers.xlsx",
    "jixiao.io.readers.docx",
    "jixiao.io.readers.html",
    "jixiao.io.readers.pdf",
    "jixiao.core.checks.runner",
]
_KINDS = {
    stat.S_IFDIR: ("文件夹", "a folder"),
    stat.S_IFCHR: ("设备", "a device"),
    stat.S_IFBLK: ("设备", "a device"),
    stat.S_IFIFO: ("管道", "a pipe"),
    stat.S_IFSOCK: ("套接字", "a socket"),
}


class LimitsError(ValueError):
    """A limit set to something that is not a number of the right kind."""


@dataclass(frozen=True)
class Limits:
    """The bounds on one file; ``None`` where a bound is off."""

    file_bytes: int | None = 100 * MIB  # the largest file read at all
    seconds: float | None = 60.0  # wall time of one file's parse
    memory_bytes: int | None = 1024 * MIB  # address space a parse may add to its process


def in_mb(value: int | None) -> str:
    """A bound in MiB, as the settings spell it (``—``: off)."""
    return "—" if value is None else f"{value / MIB:g}"


def limits_from(
    environ: Mapping[str, str] | None = None, **given: str | int | float | None
) -> Limits:
    """The limits: ``given`` (by setting name; None: not given) over ``environ`` over defaults."""
    env = os.environ if environ is None else environ
    defaults = Limits()

    def setting(name: str, default: float | None, unit: int) -> int | float | None:
        text = env.get(name) if given.get(name) is None else str(given[name])
        if text is None:
            return default
        try:  # a non-negative number below 10^9, whole for MiB
            value = int(text) if unit == MIB else float(text)
        except ValueError:
            kind = "整数 a whole number" if unit == MIB else "数字 a number"
            raise LimitsError(f"{name}={text!r}: 应为 must be {kind}") from None
        if not 0 <= value < 10**9:
            raise LimitsError(f"{name}={text!r}: 应在 0 与 10^9 之间 must be from 0 below 10^9")
        return value * unit if value else None

    return Limits(
        file_bytes=setting(FILE_MAX_MB, defaults.file_bytes, MIB),
        seconds=setting(PARSE_SECONDS, defaults.seconds, 1),
        memory_bytes=setting(PARSE_MEMORY_MB, defaults.memory_bytes, MIB),
    )


def too_large(document: str, size: int, max_bytes: int) -> ReadError:
    """The error for a file over the size bound."""
    shown, bound = f"{size / MIB:.1f}", in_mb(max_bytes)
    zh = f"文件过大（{shown} MB，上限 {bound} MB），未读取"
    en = f"the file is too large ({shown} MB, the limit is {bound} MB): not read"
    return unreadable(document, "file-too-large", zh, en)


def _cannot_read(document: str, exc: OSError) -> ReadError:
    zh, en = f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}"
    return unreadable(document, "unreadable-file", zh, en)


def vet(path: Path, max_bytes: int | None) -> None:
    """Refuse (``ReadError``), unopened, what is not a regular file or is over ``max_bytes``."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _cannot_read(str(path), exc) from None
    if not stat.S_ISREG(info.st_mode):
        zh, en = _KINDS.get(stat.S_IFMT(info.st_mode), ("特殊文件", "a special file"))
        zh, en = f"不是普通文件（是{zh}），未读取", f"not a regular file ({en}): not read"
        raise unreadable(str(path), "unreadable-file", zh, en)
    if max_bytes is not None and info.st_size > max_bytes:
        raise too_large(str(path), info.st_size, max_bytes)


def read_bounded(path: Path, max_bytes: int | None) -> bytes:
    """A regular file's bytes; a ``ReadError`` as ``vet``, or if it grew over the bound since."""
    vet(path, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as exc:
        raise _cannot_read(str(path), exc) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise too_large(str(path), len(data), max_bytes)
    return data


def parse_file(path: Path, max_bytes: int | None) -> ParseResult:
    """Read a regular file (at most ``max_bytes``) and import it: what the worker runs."""
    try:
        data = read_bounded(path, max_bytes)
    except ReadError as exc:
        return ParseResult(str(path), findings=[exc.finding], failed=True)
    return parse_bytes(str(path), data)


def too_costly(document: str, reason: str, limits: Limits) -> Finding:
    """The finding for a file whose reading passed a bound (time, memory, crash, depth)."""
    zh, en = {
        "time": (
            f"解析超过 {limits.seconds:g} 秒仍未完成，已停止（上限 {PARSE_SECONDS}）",
            f"parsing took over {limits.seconds:g} s and was stopped (limit {PARSE_SECONDS})",
        ),
        "memory": (
            f"解析所需内存超过 {in_mb(limits.memory_bytes)} MB，已停止（上限 {PARSE_MEMORY_MB}）",
            f"parsing needed over {in_mb(limits.memory_bytes)} MB of memory and was stopped"
            f" (limit {PARSE_MEMORY_MB})",
        ),
        "crash": (
            "解析进程意外终止（可能内存不足），已停止",
            "the parsing process died (out of memory?) and was stopped",
        ),
        "depth": ("文件嵌套层次过深，无法读取", "the file is nested too deeply to read"),
    }[reason]
    return problem("file-too-costly", document, zh, en)


def defect(document: str, exc: Exception) -> Finding:
    """The finding for an exception that escaped reading a file (a defect of jixiao)."""
    what = f"{type(exc).__name__}: {exc}"
    what = what if len(what) <= 200 else f"{what[:199]}…"
    zh = f"读取时出错（jixiao 的缺陷，请报告）：{what}"
    en = f"reading failed (a defect of jixiao, please report it): {what}"
    return problem("unreadable-file", document, zh, en)


def _serve(conn: Connection, memory_bytes: int | None) -> None:
    """The child's loop: run each ``(function, args)`` received and send back its outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory_bytes is not None:
        _cap_memory(memory_bytes)
    # A parse makes no reference cycles (50 rounds of the seeds: 1,064 collections freed
    # nothing): what is loaded is frozen and young objects are collected rarely (~6 % faster).
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)
    parent = multiprocessing.parent_process()
    while conn in wait([conn, parent.sentinel]):  # else the parent is gone (killed, say)
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        function, args = request
        try:
            reply: tuple[str, Any] = ("ok", function(*args))
        except MemoryError:
            reply = ("memory", None)
        except Exception as exc:  # the caller's to handle, as if the call had run here
            reply = ("error", exc)
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("memory", None))
        except Exception as exc:  # an exception or result that does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


def _cap_memory(memory_bytes: int) -> None:
    """Cap the address space at the child's size now (it may start large) plus ``memory_bytes``."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:  # the size in pages first
            cap = int(statm.read().split()[0]) * resource.getpagesize() + memory_bytes
    except (OSError, ValueError):  # no /proc: counted from zero
        cap = memory_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:  # a cap already set cannot rise
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


class BoundedParser:
    """One reusable worker process running one call at a time; a thread uses a parser of its own."""

    def __init__(self, limits: Limits | None = None, method: str | None = None) -> None:
        self.limits = limits if limits is not None else limits_from()
        self.method = method
        self.starts = 0  # how many children were started (a test reads it)
        self._busy = False  # a call was sent and its answer not received (interrupted)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def __enter__(self) -> "BoundedParser":
        self.start()  # now, while the caller may still have a single thread
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def start(self) -> Connection:
        """The connection to the child, started now unless it runs."""
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self.close()
        method = self.method or ("fork" if threading.active_count() == 1 else "forkserver")
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(PRELOAD)
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve, args=(child, self.limits.memory_bytes), daemon=True, name="jixiao-worker"
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        self.starts += 1
        return parent

    def call(self, document: str, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` (they must pickle) run in the child; its exceptions are raised here."""
        conn = self.start()
        self._busy = True
        try:
            conn.send((function, args))
            ready = conn.poll(self.limits.seconds)
            status, value = conn.recv() if ready else ("time", None)
        except (EOFError, OSError):
            status, value = "crash", None
        self._busy = False
        if status == "ok":
            return value
        if status == "error" and isinstance(value, RecursionError):
            status = "depth"
        elif status == "error":
            raise value
        else:
            self.kill()
        raise ReadError(too_costly(document, status, self.limits))

    def kill(self) -> None:
        """Stop the child at once (a later call starts a new one)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._process.close()
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn, self._busy = None, None, False

    def close(self) -> None:
        """Ask the child to finish, and make sure it does (at once if a call was interrupted)."""
        if self._process is not None and self._conn is not None and not self._busy:
            with suppress(OSError):
                self._conn.send(None)
            self._process.join(timeout=5)
        self.kill()

    def result_of(
        self, document: str, function: Callable[..., ParseResult], *args: Any
    ) -> ParseResult:
        """``function(*args)`` in the worker; any failure is a failed result naming ``document``."""
        try:
            return self.call(document, function, *args)
        except ReadError as exc:
            return ParseResult(document, findings=[exc.finding], failed=True)
        except Exception as exc:  # a defect, but it must not end the command or the batch
            return ParseResult(document, findings=[defect(document, exc)], failed=True)

    def parse_path(self, path: Path) -> ParseResult:
        """As ``jixiao.io.parse.parse_path``, within the limits."""
        try:
            vet(path, self.limits.file_bytes)
        except ReadError as exc:
            return ParseResult(str(path), findings=[exc.finding], failed=True)
        return self.result_of(str(path), parse_file, path, self.limits.file_bytes)

    def parse_bytes(self, name: str, data: bytes) -> ParseResult:
        """As ``jixiao.io.parse.parse_bytes``, within the limits (uploads)."""
        bound = self.limits.file_bytes
        if bound is not None and len(data) > bound:
            finding = too_large(name, len(data), bound).finding
            return ParseResult(name, findings=[finding], failed=True)
        return self.result_of(name, parse_bytes, name, data)
