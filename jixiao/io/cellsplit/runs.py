"""Values that ran together in a table row: ``1010`` under 分值 and 得分 is 10 and 10.

When cells lose their boundaries, a weight and a score print as one run of digits, and empty
cells' dashes as one run of dashes. A run cut out of run-together text is tried split: digits
in two wherever both parts read as scores (0 to 100, no leading zero, two decimals at most),
dashes into single marks. The reading of the row that fits the header's columns best wins,
and a split is always reported (the characters do not settle it alone).
"""

import re
from collections.abc import Callable

from jixiao.io.cellsplit.columns import best_fit
from jixiao.io.cellsplit.shapes import Shape
from jixiao.io.cellsplit.tokens import Token

_SCORE = re.compile(r"(?:100|[1-9]\d|\d)(?:\.\d{1,2})?")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_DASHES = re.compile(r"-{2,}")


def score_splits(word: str) -> list[int]:
    """Where a run of digits splits into two scores (``1010`` → ``[2]``: 10 and 10)."""
    if not _DIGITS.fullmatch(word):
        return []
    return [
        i for i in range(1, len(word)) if _SCORE.fullmatch(word, 0, i) and _SCORE.fullmatch(word, i)
    ]


def _variants(row: list[Token], text: str) -> list[list[Token]]:
    """The row with each glued run of digits split in two, or of dashes into single marks."""
    out = []
    for index, token in enumerate(row):
        if not token.glued:
            continue
        word = text[token.start : token.end]
        if token.shape is Shape.NUMBER:
            pieces = [[(0, i), (i, len(word))] for i in score_splits(word)]
        elif _DASHES.fullmatch(word):
            pieces = [[(i, i + 1) for i in range(len(word))]]
        else:
            continue
        for spans in pieces:
            shape = Shape.MARK if word[0] == "-" else Shape.NUMBER
            split = [Token(token.start + a, token.start + b, shape, glued=True) for a, b in spans]
            out.append([*row[:index], *split, *row[index + 1 :]])
    return out


def best_reading(
    row: list[Token],
    kinds: tuple[str, ...],
    text: str,
    classes: Callable[[list[Token]], tuple[str, ...]],
) -> tuple[list[Token], list[list[Token]]]:
    """The reading of a row that fits the columns best, and the others to report beside it.

    Args:
        row: the row's tokens as cut.
        kinds: the kinds of the table's columns.
        text: the line.
        classes: the classes of a reading's tokens (``columns.FITS``).

    Returns:
        The tokens to place, and the other readings: none when the row as cut fits best (a
        split is never taken on a tie), else the row as cut and every split as good.
    """
    variants = _variants(row, text)
    if not variants:
        return row, []
    scored = [(best_fit(classes(v), kinds), v) for v in (row, *variants)]
    top = max((score for score, _ in scored if score is not None), default=None)
    kept = scored[0][0]
    if top is None or (kept is not None and kept >= top):
        return row, []
    best = [v for score, v in scored if score == top]
    return best[0], [row, *best[1:]]
