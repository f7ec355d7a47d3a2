"""Rows of text that lost their merged cells, put back under their columns.

In text copied out of a table, a merged level cell leaves an empty cell, or none at all, so
a row can stand shifted left or right of its header (SPEC §1). Where a row's cells do not
stand under their headings, it is re-anchored: on its weight and score (the two numbers that
end a self-evaluation row) when the header has them side by side, else on its name (the first
cell that is not a level name). Cells before the anchor that are level names go to the level
columns by the vocabulary; one that is not is the indicator's name.
"""

from jixiao.io.document import Block
from jixiao.io.structure.columns import Header
from jixiao.io.structure.values import group_label, weight
from jixiao.io.vocabulary import Vocabulary


def _is_level(text: str, vocab: Vocabulary, level: str) -> bool:
    name = "".join(group_label(text).name.split())
    return bool(name) and name in vocab.words("indicators.levels", level)


def _number_pair(texts: list[str]) -> int | None:
    """The position of the last two neighbouring numbers of a row (its weight and score)."""
    for i in range(len(texts) - 2, -1, -1):
        if weight(texts[i]) is not None and weight(texts[i + 1]) is not None:
            return i
    return None


def _anchor(texts: list[str], header: Header, vocab: Vocabulary) -> int:
    """How far the row stands from its columns (cells to add on the left; may be negative)."""
    points, score = header.first("weight"), header.first("score")
    if points is not None and score is not None and score.index == points.index + 1:
        pair = _number_pair(texts)
        if pair is not None:
            return points.index - pair
    name = header.first("name")
    first = next(
        (
            i
            for i, t in enumerate(texts)
            if t and not (_is_level(t, vocab, "level1") or _is_level(t, vocab, "level2"))
        ),
        None,
    )
    return 0 if name is None or first is None else name.index - first


def positions(block: Block, header: Header, vocab: Vocabulary) -> dict[int, int] | None:
    """Column index → cell index of a shifted row; None when the row stands under its columns.

    Only rows with no merged-cell copies are looked at (a file that keeps its merges keeps
    its columns).
    """
    if any(c.copy_of is not None for c in block.cells):
        return None
    texts = block.texts
    shift = _anchor(texts, header, vocab)
    if shift == 0:
        return None
    placed = {
        i + shift: i for i, t in enumerate(texts) if t and 0 <= i + shift < len(header.columns)
    }
    return _levels_by_name(placed, texts, header, vocab)


def _levels_by_name(
    placed: dict[int, int], texts: list[str], header: Header, vocab: Vocabulary
) -> dict[int, int]:
    """Cells left of the name that stand in the wrong level column, moved by their names."""
    name = header.first("name")
    if name is None:
        return placed
    levels = {
        column.index: level
        for level in ("level1", "level2")
        if (column := header.first(level)) is not None
    }
    before = [(c, placed.pop(c)) for c in sorted(placed) if c < name.index]
    for column, cell in before:
        placed[_level_column(column, texts[cell], levels, placed, vocab, name.index)] = cell
    return placed


def _level_column(
    column: int,
    text: str,
    levels: dict[int, str],
    placed: dict[int, int],
    vocab: Vocabulary,
    name: int,
) -> int:
    """Where a cell left of the name goes.

    Its own column if its name fits that level, else the first free level column its name
    fits, else the name column.
    """
    if column in levels and _is_level(text, vocab, levels[column]):
        return column
    for index, level in levels.items():
        if index not in placed and _is_level(text, vocab, level):
            return index
    return name if name not in placed else column
