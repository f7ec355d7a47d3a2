"""Printed pieces of flattened PDF text, wrapped cells, and indicator rows wrapped over lines.

Every reader of flattened text works on ``Piece``s (text, its lines, its paragraph); a wrapped
cell ends where ``ends_cell`` says (much narrower than its widest line, or a sentence's end
short of it), widths counted by ``printed_width``.

A PDF copy of a table with narrow columns prints a row's cells one after another: the name
wrapped over a few short lines, the explanation over a few longer ones, and the number
columns (``6 6``: weight and score) on a line of their own or at the end of the last line.
A row ends at those trailing numbers. The name and the explanation are told apart by the
blank line the copy leaves between them; with none, the name is the first line (on a row
printed on one line, the first word), or, in a copy with no blank lines at all, the lines up
to the one that ends the name's cell.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from unicodedata import east_asian_width

from jixiao.io.cellsplit.wraps import SENTENCE_END

NARROW = 0.75  # a line this much narrower than its cell's widest ends the cell
FULL = 0.95  # a sentence ending on a line narrower than this ends its cell
WRAP_SLACK = 2  # a wrapped line is as wide as its column, give or take a narrow character
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
# A level-1 group and its points, printed as one cell wrapped over one or two lines.
GROUP_POINTS = re.compile(r"^(?P<name>\S+?)\s*[（(]\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]$")


@dataclass
class Piece:
    """Some printed text, the lines (block indexes) it was read from and its paragraph."""

    text: str
    lines: list[int] = field(default_factory=list)
    para: int = 0  # runs of lines between blank lines, counted


@dataclass
class WrappedRow:
    """One indicator row rebuilt from its lines."""

    name: Piece
    explanation: Piece
    numbers: list[Piece]
    note: Piece | None = None
    group: str = ""
    unsettled: bool = False  # more than two paragraphs: where the name ends is a guess


@lru_cache(maxsize=4096)  # every line is asked several times, as a row, a label, a total
def trailing_numbers(text: str, count: int) -> tuple[str, tuple[str, ...], str] | None:
    """``(text before, numbers, note)`` when ``text`` ends in ``count`` numbers, else None.

    One word after the numbers is the row's last column (备注: ``20 20 超额完成``).
    """
    words = text.split()
    for note in (0, 1):
        end = len(words) - note
        numbers = words[end - count : end]
        if end >= count and all(NUMBER.match(w) for w in numbers):
            if note and NUMBER.match(words[-1]):
                return None
            return " ".join(words[: end - count]), tuple(numbers), " ".join(words[end:])
    return None


def join_lines(texts: list[str]) -> str:
    """Wrapped lines of one cell joined: no space, but between two ASCII words."""
    out = ""
    for text in (t.strip() for t in texts):
        if out and text and out[-1].isascii() and out[-1].isalnum() and text[0].isascii():
            out += " "
        out += text
    return out


def cell_of(pieces: list[Piece]) -> Piece:
    """One cell of wrapped pieces: their text joined, their lines."""
    lines = dict.fromkeys(i for p in pieces for i in p.lines)
    return Piece(join_lines([p.text for p in pieces]), list(lines))


def build_row(lines: list[Piece], count: int, spaced: bool = True) -> WrappedRow | None:
    """The row whose last line ends in ``count`` numbers; None when it does not.

    ``spaced``: the text leaves a blank line after a wrapped name, so a row of one paragraph
    has a one-line name; otherwise the name's lines are told by their width.
    """
    last = lines[-1]
    split = trailing_numbers(last.text, count)
    if split is None:
        return None
    before, numbers, note = split
    printed = [p for p in [*lines[:-1], Piece(before, last.lines, last.para)] if p.text.strip()]
    paragraphs = [list(p) for _, p in groupby(printed, key=lambda p: p.para)]
    if not paragraphs:
        return None
    if len(paragraphs) > 1:
        name, explanation = paragraphs[0], [line for p in paragraphs[1:] for line in p]
    elif " " in paragraphs[0][0].text.strip():  # a row printed on one line: name, explanation
        first = paragraphs[0][0]
        head, _, rest = first.text.strip().partition(" ")
        name, explanation = (
            [Piece(head, first.lines)],
            [Piece(rest, first.lines), *paragraphs[0][1:]],
        )
    else:
        cut = 1 if spaced else _name_lines([p.text for p in paragraphs[0]])
        name, explanation = paragraphs[0][:cut], paragraphs[0][cut:]
    numbers_cells = [Piece(n, last.lines) for n in numbers]
    note_cell = Piece(note, last.lines) if note else None
    row = WrappedRow(cell_of(name), cell_of(explanation), numbers_cells, note_cell)
    # more than name and explanation, or a name wrapped with no blank line after it
    row.unsettled = len(paragraphs) > 2 or (len(paragraphs) == 1 and len(name) > 1)
    return row


def ends_cell(text: str, widest: int) -> bool:
    """Whether a wrapped line ends its cell: much narrower than the widest, or a sentence's end."""
    own = printed_width(text)
    return own < widest * NARROW or (text.endswith(tuple(SENTENCE_END)) and own < widest * FULL)


def printed_width(text: str) -> int:
    """Printed width: a CJK (wide or full-width) character is as wide as two ASCII ones."""
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text.strip())


def _name_lines(texts: list[str]) -> int:
    """How many lines of a row printed with no blank line are the name's.

    The name column is narrower than the explanation's: the name's lines are as wide as its
    first (a wrapped cell fills its column) down to the one that ends the cell (``ends_cell``),
    its last; a wider line is the explanation's.
    """
    first = printed_width(texts[0])
    for n, text in enumerate(texts[1:], 1):
        if printed_width(text) > first + WRAP_SLACK:
            return n
        if ends_cell(text, first):
            return n + 1
    return 1
