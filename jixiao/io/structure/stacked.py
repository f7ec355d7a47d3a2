"""Labels of merged cells printed down their cell, one piece a line (``年度`` / ``总体`` / ``目标``)."""

from collections.abc import Callable
from functools import cache

from jixiao.io.document import Block, Cell, Ledger
from jixiao.io.vocabulary import Vocabulary, labels, normalise

PIECE_MAX = 12  # characters: a longer line is text, not a piece of a label


@cache
def _prefixes() -> frozenset[str]:
    """Every beginning of every printed label, as looked up."""
    keys = {normalise(label) for label in labels()}
    return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))


def _is_piece(filled: list[tuple[int, str]]) -> bool:
    """One short cell: a line that may be a piece of a stacked label."""
    return len(filled) == 1 and len(filled[0][1]) <= PIECE_MAX


def _spelt(blocks: list[Block], at: int, is_label: Callable[[str], bool]) -> int:
    """How many lines from ``blocks[at]`` (blank ones between) spell a label; 0: under two."""
    joined, size, pieces = "", 0, 0
    for n in range(at, len(blocks)):
        filled = blocks[n].filled
        if not filled and pieces:  # a PDF copy may leave a blank line before a unit
            continue
        if not _is_piece(filled):
            break
        piece = normalise(filled[0][1])
        unit = piece.startswith("(") and piece.endswith(")")  # （万元） after a label
        if joined + piece not in _prefixes() and not (unit and is_label(joined)):
            break
        joined, pieces = joined + piece, pieces + 1
        if pieces >= 2 and is_label(joined):
            size = n + 1 - at
    return size


def join_stacked(
    blocks: list[Block], vocab: Vocabulary, is_label: Callable[[str], bool] | None = None
) -> tuple[list[Block], dict[int, list]]:
    """The blocks with each stacked label (of ``vocab``, or ``is_label``) as one; the pieces behind."""
    out: list[Block] = []
    pieces: dict[int, list[Block]] = {}
    is_label, at = is_label or vocab.is_label, 0
    while at < len(blocks):
        filled = blocks[at].filled  # most lines: no piece, checked before the walk is set up
        if not _is_piece(filled) or not (size := _spelt(blocks, at, is_label)):
            out.append(blocks[at])
            at += 1
            continue
        run = blocks[at : at + size]
        text = "".join(b.filled[0][1] for b in run if not b.blank)
        out.append(Block(run[0].index, (Cell(text, run[0].cells[filled[0][0]].source),)))
        pieces[run[0].index] = run
        at += size
    return out, pieces


def take_pieces(pieces: dict[int, list[Block]], ledger: Ledger) -> None:
    """Every piece of a stacked label that was placed."""
    for index, run in pieces.items():
        if (index, 0) in ledger.taken:
            for block in run:
                ledger.take(block)
