"""Parsing within the limits: each file vetted, then read and imported in a bounded worker.

One ``BoundedParser`` (one worker process, ``jixiao.io.isolation``) serves a whole batch, the
CLI's and the web's. A file over a limit is a failed ``ParseResult`` saying which
(``file-too-large``: refused unread; ``file-too-costly``: stopped), never an exception.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

from jixiao.core.findings import Finding, Severity
from jixiao.io.intake import read_bounded, too_large, vet
from jixiao.io.isolation import Overrun, Reason, Worker
from jixiao.io.limits import PARSE_MEMORY_MB, PARSE_SECONDS, Limits, limits_from
from jixiao.io.parse import ParseResult, parse_bytes
from jixiao.io.problems import ReadError, problem

T = TypeVar("T")


def parse_file(path: Path, max_bytes: int | None) -> ParseResult:
    """Read a regular file (at most ``max_bytes``) and import it: what the worker runs."""
    try:
        data = read_bounded(path, max_bytes)
    except ReadError as exc:
        return ParseResult(str(path), findings=[exc.finding], failed=True)
    return parse_bytes(str(path), data)


def too_costly(document: str, reason: Reason | Literal["depth"], limits: Limits) -> Finding:
    """The finding for a file whose reading passed a bound and was stopped."""
    zh, en = {
        "time": (
            f"解析超过 {limits.seconds:g} 秒仍未完成，已停止（上限 {PARSE_SECONDS}）",
            f"parsing took over {limits.seconds:g} s and was stopped (limit {PARSE_SECONDS})",
        ),
        "memory": (
            f"解析所需内存超过 {limits.memory_mb} MB，已停止（上限 {PARSE_MEMORY_MB}）",
            f"parsing needed over {limits.memory_mb} MB of memory and was stopped"
            f" (limit {PARSE_MEMORY_MB})",
        ),
        "crash": (
            "解析进程意外终止（可能内存不足），已停止",
            "the parsing process died (out of memory?) and was stopped",
        ),
        "depth": ("文件嵌套层次过深，无法读取", "the file is nested too deeply to read"),
    }[reason]
    return problem("file-too-costly", Severity.ERROR, document, zh, en)


def defect(document: str, exc: Exception) -> Finding:
    """The finding for an exception that escaped reading a file (a defect of jixiao)."""
    what = f"{type(exc).__name__}: {exc}"
    what = what if len(what) <= 200 else f"{what[:199]}…"
    return problem(
        "unreadable-file",
        Severity.ERROR,
        document,
        f"读取时出错（jixiao 的缺陷，请报告）：{what}",
        f"reading failed (a defect of jixiao, please report it): {what}",
    )


class BoundedParser:
    """Runs parses (or any module-level function) in one worker within ``limits`` (the settings')."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits if limits is not None else limits_from()
        self.worker = Worker(self.limits.seconds, self.limits.memory_bytes)

    def __enter__(self) -> "BoundedParser":
        self.worker.start()  # now, while the caller may still have a single thread
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.worker.close()

    def call(self, document: str, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in the worker; its exceptions are raised here.

        Raises:
            ReadError: ``file-too-costly`` naming ``document``: a bound was passed, the worker
                died, or the input was nested too deeply for the reader.
        """
        try:
            return self.worker.call(function, *args)
        except Overrun as exc:
            raise ReadError(too_costly(document, exc.reason, self.limits)) from None
        except RecursionError:
            raise ReadError(too_costly(document, "depth", self.limits)) from None

    def vet(self, path: Path) -> None:
        """Refuse, unopened, what is not a regular file or is over the size bound (``ReadError``)."""
        vet(path, self.limits.file_bytes)

    def result_of(
        self, document: str, function: Callable[..., ParseResult], *args: Any
    ) -> ParseResult:
        """``function(*args)`` in the worker; any failure is a failed result naming ``document``."""
        try:
            return self.call(document, function, *args)
        except ReadError as exc:
            return ParseResult(document, findings=[exc.finding], failed=True)
        except Exception as exc:
            return ParseResult(document, findings=[defect(document, exc)], failed=True)

    def parse_path(self, path: Path) -> ParseResult:
        """As ``jixiao.io.parse.parse_path``, within the limits."""
        try:
            self.vet(path)
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
