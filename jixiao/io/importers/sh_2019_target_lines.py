"""Printed lines of a plain-text form: paragraphs, labels wrapped over lines, joined text.

PDF text keeps one printed line per block and separates table cells and paragraphs by
blank lines, so the blank lines are the only trace of the cell boundaries: every line
here remembers its paragraph. Text wrapped inside a narrow cell is joined without a
space (Chinese has none between lines), except between two Latin letters.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jixiao.io.document import Block
from jixiao.io.text import is_page_footer, join_lines, squeeze

# A numbered item (``2、…``) starts a new paragraph inside a wrapped cell.
ENUMERATED = re.compile(r"^\(?（?\d{1,2}\s*[、.．)）]")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


@dataclass(frozen=True)
class Line:
    """One printed line: its block, its stripped text and its paragraph number."""

    block: Block
    text: str
    para: int

    @property
    def key(self) -> str:
        """The text without whitespace, for matching labels."""
        return squeeze(self.text)


def lines_of(blocks: Iterable[Block]) -> list[Line]:
    """The non-blank lines of ``blocks``; a run of blank lines starts a new paragraph."""
    lines: list[Line] = []
    para = 0
    for block in blocks:
        text = block.text.strip()
        if not text:
            para += 1
        elif not is_page_footer(text):  # interrupts a paragraph without ending it
            lines.append(Line(block, text, para))
    return lines


def join_wrapped(parts: Iterable[str]) -> str:
    """Pieces of one wrapped cell joined: no space, except between two Latin letters."""
    text = ""
    for part in parts:
        piece = join_lines(part)
        if not piece:
            continue
        if text and _LATIN_END.search(text) and _LATIN_START.match(piece):
            text += " "
        text += piece
    return text


def prose(lines: Sequence[Line]) -> str | None:
    """A paragraph's text; numbered items (``1、`` ``2、``) keep a line break before them."""
    items: list[list[str]] = []
    for line in lines:
        if not items or ENUMERATED.match(line.text):
            items.append([])
        items[-1].append(line.text)
    text = "\n".join(joined for item in items if (joined := join_wrapped(item)))
    return text or None


def wrapped_label(lines: Sequence[Line], start: int, labels: Iterable[str]) -> int:
    """How many lines from ``start`` (1 or more) print one of ``labels``, wrapped; 0 if none.

    A label cell narrower than its text prints it over two or three lines of one
    paragraph (``项目设立的必`` / ``要性``).
    """
    wanted = set(labels)
    text = ""
    for count, line in enumerate(lines[start : start + 3], start=1):
        if count > 1 and line.para != lines[start].para:
            break
        text += line.key
        if text in wanted:
            return count
    return 0
