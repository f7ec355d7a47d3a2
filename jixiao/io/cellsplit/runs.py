"""Cells that ran together in a table row: ``1010`` under 分值 and 得分 is 10 and 10.

When cells lose their boundaries, a weight and a score print as one run of digits, empty
cells' dashes as one run of dashes, an actual copied from its target doubles the end of the
text (``支撑作用明显支撑作用明显``), and cells of marked-up text meet at ``</p><p>``. A token
cut out of run-together text is tried split:

- digits in two wherever both parts read as scores (0 to 100, no leading zero, two decimals
  at most; a run that is a score itself only into a weight and a score not above it);
- a percentage above 100% into a score and a rate;
- dashes into single marks;
- a text ending in the same words twice into the text before them and the two copies;
- marked-up text at a ``</p><p>``.

The reading of the row that fits the header's columns best wins, and a split is always
reported (the characters do not settle it alone).
"""

import re
from collections.abc import Callable
from itertools import islice, product

from jixiao.io.cellsplit.columns import best_fit
from jixiao.io.cellsplit.shapes import Shape
from jixiao.io.cellsplit.tokens import Token

_SCORE = re.compile(r"(?:100|[1-9]\d|\d)(?:\.\d{1,2})?")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_DASHES = re.compile(r"-{2,}")
_PARAGRAPHS = re.compile(r"</p><p>")  # two cells of marked-up text, run together
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")
_RATE = re.compile(r"(?:100|[1-9]\d|\d)(?:\.\d{1,2})?%")  # a rate as printed: 0% to 100%
MIN_DOUBLED = 2  # characters of an end printed twice that make a target and its copy
MAX_VARIANTS = 64  # readings of one row tried at most
MIN_PAIR_WEIGHT = 2  # the least weight read out of a score's digits (55: 5 and 5)


def score_splits(word: str) -> list[int]:
    """Where a run of digits splits into two scores (``1010`` → ``[2]``: 10 and 10)."""
    if not _DIGITS.fullmatch(word):
        return []
    return [
        i for i in range(1, len(word)) if _SCORE.fullmatch(word, 0, i) and _SCORE.fullmatch(word, i)
    ]


def doubled_tail(word: str) -> int:
    """The length of the longest end printed twice after some text (0 if none).

    ``对口支援工作的支撑作用支撑作用明显支撑作用明显`` ends in 支撑作用明显 twice: 6.
    """
    for size in range((len(word) - 1) // 2, MIN_DOUBLED - 1, -1):
        if word[-size:] == word[-2 * size : -size]:
            return size
    return 0


def _pair_splits(word: str) -> list[int]:
    """Where a number that is a score itself splits into a weight and a score not above it.

    ``55`` is 5 and 5 (every row of a self-evaluation prints both); ``10`` is no 1 and 0, nor
    ``12`` 1 and 2: a score of 0, or above its weight, is too unlikely to be read into digits.
    """
    return [
        i
        for i in score_splits(word)
        if 1 <= float(word[i:]) <= float(word[:i]) and float(word[:i]) >= MIN_PAIR_WEIGHT
    ]


def _spans(token: Token, word: str) -> list[tuple[Shape, list[tuple[int, int]]]]:
    """The ways to split one glued token: ``(shape of the parts, their spans in the word)``."""
    if token.shape is Shape.NUMBER:
        cuts = score_splits(word) if not _SCORE.fullmatch(word) else _pair_splits(word)
        return [(Shape.NUMBER, [(0, i), (i, len(word))]) for i in cuts]
    percent = _PERCENT.fullmatch(word)
    if percent and not _RATE.fullmatch(word):  # 1080.88%: a weight of 10 and a rate of 80.88%
        cuts = [i for i in range(1, percent.end(1)) if _SCORE.fullmatch(word, 0, i)]
        return [(Shape.VALUE, [(0, i), (i, len(word))]) for i in cuts if _RATE.fullmatch(word, i)]
    if _DASHES.fullmatch(word):
        return [(Shape.MARK, [(i, i + 1) for i in range(len(word))])]
    if token.shape is Shape.TEXT and _PARAGRAPHS.search(word):
        ends = [m.start() + len("</p>") for m in _PARAGRAPHS.finditer(word)]
        return [(Shape.TEXT, [(0, end), (end, len(word))]) for end in ends]
    size = doubled_tail(word) if token.shape is Shape.TEXT else 0
    if size:
        cut_at, copy_at = len(word) - 2 * size, len(word) - size
        return [(Shape.TEXT, [(0, cut_at), (cut_at, copy_at), (copy_at, len(word))])]
    return []


def _variants(row: list[Token], text: str) -> list[list[Token]]:
    """The row with its run-together tokens split in every combination of their splits.

    A token ran together with the one before it (``glued``) or with the one after it.
    """
    options: list[list[list[Token]]] = []
    for index, token in enumerate(row):
        ways = [[token]]
        alone = len(row) == 1  # a whole run-together line: no boundary left in it
        if alone or token.glued or (index + 1 < len(row) and row[index + 1].glued):
            for shape, spans in _spans(token, text[token.start : token.end]):
                ways.append(
                    [Token(token.start + a, token.start + b, shape, glued=True) for a, b in spans]
                )
        options.append(ways)
    combinations = islice(product(*options), MAX_VARIANTS + 1)
    return [[t for part in parts for t in part] for parts in combinations][1:]


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
