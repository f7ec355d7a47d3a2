"""Parsing many files in the bounded worker, each written atomically; a failure never stops it."""

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

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
    message: str | None = None  # why it failed
    message_zh: str | None = None


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


def outcome_of(path: Path, result: ParseResult) -> Outcome:
    """Summarise a parse result."""
    if result.failed or not result.forms:
        first = result.findings[0] if result.findings else None
        message, zh = (first.message_en, first.message_zh) if first else ("no forms", "没有表")
        return Outcome(path, Status.FAILED, 0, message, zh)
    status = Status.WITH_FINDINGS if result.findings else Status.PARSED
    return Outcome(path, status, len(result.forms))


def parse_many(
    files: list[Path], out: Path, roots: list[Path], parser: BoundedParser | None = None
) -> Iterator[Outcome]:
    """Parse each file and write its JSON under ``out`` as it stands under the folder named."""
    with BoundedParser() if parser is None else nullcontext(parser) as bounded:
        for path in files:
            root = next((r for r in roots if r.is_dir() and path.is_relative_to(r)), None)
            relative = path.relative_to(root) if root else Path(path.name)
            target = out / relative.parent / f"{relative.name}.json"
            try:
                result = bounded.parse_path(path)
                text = json.dumps(result.to_dict(), ensure_ascii=False, indent=1)
                write_atomically(target, text)
            except Exception as exc:  # one broken file must not stop thousands of others
                message = f"internal error: {type(exc).__name__}: {exc}"
                yield Outcome(path, Status.FAILED, 0, message)
                continue
            yield outcome_of(path, result)
