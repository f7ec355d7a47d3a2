"""Parsing many files: each written atomically, a failure never stops the batch.

``parse_many`` yields one ``Outcome`` per input as it goes, so callers can show progress and
memory stays flat however many files there are. Each file is parsed within the limits
(``jixiao.io.limits``) by one reused worker process (``jixiao.io.bounded``): a file over them
is a failed outcome (``file-too-large``, ``file-too-costly``) and the batch goes on.
"""

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from jixiao.core.findings import Severity
from jixiao.io.bounded import BoundedParser
from jixiao.io.parse import ParseResult


class Status(StrEnum):
    """What became of one file."""

    PARSED = "parsed"
    WITH_FINDINGS = "parsed with findings"
    FAILED = "failed"


@dataclass(frozen=True)
class Outcome:
    """One file's result, without the forms themselves (they are on disk)."""

    path: Path
    status: Status
    forms: int
    findings: int
    errors: int
    message: str | None = None  # why it failed
    output: Path | None = None
    message_zh: str | None = None  # why it failed, in Chinese


def expand(inputs: Iterable[Path]) -> list[Path]:
    """Files named, and every file below folders named, in a stable order; hidden files skipped."""
    files = []
    for path in inputs:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.parts)
            )
        else:
            files.append(path)
    return files


def write_atomically(target: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename: never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def outcome_of(path: Path, result: ParseResult, output: Path | None) -> Outcome:
    """Summarise a parse result."""
    errors = sum(1 for f in result.findings if f.severity is Severity.ERROR)
    if result.failed or not result.forms:
        first = result.findings[0] if result.findings else None
        message, zh = (first.message_en, first.message_zh) if first else ("no forms", "没有表")
        return Outcome(path, Status.FAILED, 0, len(result.findings), errors, message, output, zh)
    status = Status.WITH_FINDINGS if result.findings else Status.PARSED
    return Outcome(path, status, len(result.forms), len(result.findings), errors, None, output)


def output_path(path: Path, root: Path | None, out: Path) -> Path:
    """``out/<path relative to its input folder>.json``."""
    relative = path.relative_to(root) if root and path.is_relative_to(root) else Path(path.name)
    return out / relative.parent / f"{relative.name}.json"


def parse_many(
    files: list[Path], out: Path, roots: list[Path], parser: BoundedParser | None = None
) -> Iterator[Outcome]:
    """Parse each file and write its ``jixiao/parse@1`` JSON under ``out``.

    Args:
        files: the files, parsed in this order.
        out: the folder the JSON goes under.
        roots: the folders named, whose layout is kept under ``out``.
        parser: the bounded parser to use; one with the settings' limits when not given.
    """
    if parser is None:
        with BoundedParser() as own:
            yield from parse_many(files, out, roots, own)
        return
    for path in files:
        root = next((r for r in roots if r.is_dir() and path.is_relative_to(r)), None)
        target = output_path(path, root, out)
        try:
            result = parser.parse_path(path)
            write_atomically(target, json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        except Exception as exc:  # one broken file must not stop thousands of others
            yield Outcome(
                path, Status.FAILED, 0, 0, 1, f"internal error: {type(exc).__name__}: {exc}", None
            )
            continue
        yield outcome_of(path, result, target)
