"""Labels wrapped over lines of a narrow column, in text copied from a PDF.

A PDF prints a long label in a narrow left column over two or three lines (``项目设立的必`` /
``要性``, ``同名项目上年预算执行数`` / ``（元）``). In its text each piece is a line of its own,
and no piece is the label. Pieces whose joined text is a label of the vocabulary (and whose
first piece is none, or whose last is only a bracketed unit) are one label: the first line
holds it, the later lines are placed with it. Such a copy also leaves a blank line between
a label and its paragraph (``next_text``).
"""

import re
from collections.abc import Callable

from jixiao.io.document import Block, Cell, Ledger
from jixiao.io.vocabulary import Vocabulary

MAX_PIECES = 3
MAX_PIECE = 12  # characters: a longer line is text, not a piece of a label
_UNIT = re.compile(r"^[(（][^()（）]{1,4}[)）]$")


def join_wrapped_labels(blocks: list[Block], vocab: Vocabulary, ledger: Ledger) -> list[Block]:
    """The blocks with each wrapped label joined into its first line; the others taken."""
    out = list(blocks)
    at = 0
    while at < len(out):
        lines = _short_lines(out, at)
        count = label_pieces([out[i].filled[0][1] for i in lines], vocab.is_label)
        if count < 2:
            at += 1
            continue
        first = out[lines[0]]
        cell = first.cells[first.filled[0][0]]
        joined = "".join(out[i].filled[0][1] for i in lines[:count])
        out[lines[0]] = Block(first.index, (Cell(joined, cell.source, cell.copy_of),))
        for i in lines[1:count]:
            ledger.take(out[i])
            out[i] = Block(out[i].index, ())
        at = lines[count - 1] + 1
    return out


def _short_lines(blocks: list[Block], at: int) -> list[int]:
    """Up to ``MAX_PIECES`` lines of one short cell from ``at`` on, blank lines skipped."""
    lines: list[int] = []
    i = at
    while i < len(blocks) and len(lines) < MAX_PIECES:
        block = blocks[i]
        if block.blank and lines:
            i += 1
            continue
        if len(block.filled) != 1 or len(block.filled[0][1]) > MAX_PIECE:
            break
        lines.append(i)
        i += 1
    return lines


def label_pieces(texts: list[str], is_label: Callable[[str], bool]) -> int:
    """How many of the first texts join into a label (0 when none do)."""
    for count in range(len(texts), 1, -1):
        pieces = texts[:count]
        if not is_label("".join(pieces)):
            continue
        if not is_label(pieces[0]) or _UNIT.match(pieces[-1]):
            return count
    return 0


def next_text(blocks: list[Block], at: int) -> int | None:
    """The index of the first block after ``at`` that holds text."""
    return next((i for i in range(at + 1, len(blocks)) if not blocks[i].blank), None)
