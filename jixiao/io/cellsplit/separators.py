"""Explicit cell separators: ``|`` marks, tabs, runs of two or more spaces, ideographic spaces.

A ``|`` (or its full-width and box-drawing forms) always separates two cells, so ``| |``
leaves an empty cell between them and a leading ``|`` an empty first cell (a merged cell's
place, as 福建's copy prints it). Whitespace separates cells but never makes an empty one.
"""

import re

_BAR = re.compile(r"\s*[|｜│┃]\s*")
_BAR_ONLY = re.compile(r"[|｜│┃]")
_WIDE = re.compile(r"\t|\u3000|\s{2,}")
_ANY_SPACE = re.compile(r"\s")  # most lines have none: no need to look for runs
_TEXT = re.compile(r"\S")


def has_separators(line: str) -> bool:
    """Whether a line holds any explicit separator between two stretches of text."""
    stripped = line.strip()
    if _BAR_ONLY.search(stripped) is not None:
        return True
    return _ANY_SPACE.search(stripped) is not None and _WIDE.search(stripped) is not None


def _trimmed(line: str, start: int, stop: int) -> tuple[int, int]:
    """``start`` and ``stop`` moved inwards past whitespace (an empty span stays empty)."""
    while start < stop and line[start].isspace():
        start += 1
    while stop > start and line[stop - 1].isspace():
        stop -= 1
    return start, stop


def pieces(line: str) -> list[tuple[int, int]]:
    """Spans of the cells that explicit separators delimit, in order.

    Args:
        line: one line of text.

    Returns:
        ``(start, stop)`` of each cell, whitespace around it excluded. Between two bars with
        nothing but spaces, and before a leading bar, the span is empty (``start == stop``).
        A line with no text gives no span.
    """
    first = _TEXT.search(line)
    if first is None:
        return []
    last = len(line.rstrip())
    spans: list[tuple[int, int]] = []
    cursor = first.start()
    for bar in _BAR.finditer(line, cursor, last):
        spans.extend(_wide_pieces(line, cursor, bar.start(), keep_empty=True))
        cursor = bar.end()
    spans.extend(_wide_pieces(line, cursor, last, keep_empty=cursor < last or bool(spans)))
    return spans


def _wide_pieces(line: str, start: int, stop: int, *, keep_empty: bool) -> list[tuple[int, int]]:
    """Spans of ``line[start:stop]`` between whitespace separators (one empty span if blank)."""
    out = []
    cursor = start
    for gap in _WIDE.finditer(line, start, stop):
        if gap.start() > cursor:
            out.append(_trimmed(line, cursor, gap.start()))
        cursor = gap.end()
    if cursor < stop:
        out.append(_trimmed(line, cursor, stop))
    if not out and keep_empty:
        out.append((start, start))
    return out
