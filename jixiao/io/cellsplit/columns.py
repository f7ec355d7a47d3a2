"""The known column order of a table: which token of a row goes in which column.

A header row's cells name the columns (``一级指标 | 二级指标 | 三级指标 | 年度指标值 | …``);
each canonical column holds values of one kind (a level name, a name, a target, a weight, an
amount …), and ``FITS`` says, as data, how well each shape of token fits each kind (0: never).
``align`` places a row's tokens in the columns in printed order so that the fit is best, and
returns every best placement (up to a few): more than one means the text does not settle it.
"""

from collections.abc import Callable
from functools import cache, lru_cache

from jixiao.io.cellsplit.labels import BLOCK, COLUMN, FIELD, LEVEL1, LEVEL2, ROW, TITLE
from jixiao.io.cellsplit.shapes import Shape, is_comparator, is_unit
from jixiao.io.cellsplit.tokens import Token

# The kind of value each canonical column holds; a column not listed holds text.
COLUMN_KINDS = {
    "level1": "level1",
    "level2": "level2",
    "name": "name",
    "target": "value",
    "actual": "value",
    "weight": "number",
    "score": "number",
    "execution_weight": "number",
    "execution_score": "number",
    "initial_budget": "amount",
    "budget": "amount",
    "total_budget": "amount",
    "executed": "amount",
    "previous_budget": "amount",
    "previous_executed": "amount",
    "execution_rate": "rate",
    "comparator": "comparator",
    "unit": "unit",
}
TEXT_KIND = "text"  # the kind of a column no canonical column names
PREFIX = "prefix"  # a header cell that is no column heading (年度绩效指标完成情况, 项目资金(万元))

# How well a token of each class fits a column of each kind. Classes: the shapes, plus the
# label roles level1, level2 (both: "level"), row (a funds row label) and label (any other);
# a number above 100 is "large": an amount or a count, never a weight or a score. A label of
# both levels is a level 2 when alone before its name ("level": 成本指标 on the 2020 tree),
# but either level when text runs into it ("glued-level": the level 2 may be in that text).
FITS: dict[str, dict[str, int]] = {
    PREFIX: {"row": 3, "text": 1},
    "level1": {"level1": 4, "level": 3, "glued-level": 4, "points": 2, "level2": 1, "text": 1},
    "level2": {"level2": 4, "level": 4, "glued-level": 4, "level1": 1, "text": 1},
    "name": {
        **{"text": 3, "level": 2, "glued-level": 2, "level1": 2, "level2": 2},
        **{"label": 1, "value": 1, "mark": 1},
    },
    "value": {"value": 3, "number": 2, "large": 2, "mark": 2, "text": 2},
    "number": {"number": 3, "mark": 2, "value": 1},
    "amount": {"number": 3, "large": 3, "value": 2, "mark": 2},
    "rate": {"value": 3, "mark": 2, "number": 1},
    "text": {"text": 2, "value": 1, "number": 1, "large": 1, "mark": 1, "label": 1},
    "comparator": {"comparator": 3},
    "unit": {"unit": 3},
}
MAX_READINGS = 4
LARGEST_SCORE = 100  # no weight or score is above it


def column_kind(token: Token) -> str:
    """The kind of column a header cell opens: its canonical column's kind, else a prefix."""
    if token.label is None or COLUMN not in token.label.roles:
        return PREFIX
    return sorted(COLUMN_KINDS.get(c, "text") for c in token.label.columns)[0]


def token_class(token: Token, text: str) -> str:
    """The class a token is fitted by (see ``FITS``)."""
    if token.label is not None:
        roles = token.label.roles
        if LEVEL1 in roles and LEVEL2 in roles:
            return "level"
        for role in (LEVEL1, LEVEL2, ROW):
            if role in roles:
                return role
        return "label"
    return _value_class(token, text)


def _value_class(token: Token, text: str) -> str:
    word = text[token.start : token.end]
    if token.shape is Shape.TEXT and is_comparator(word):
        return "comparator"
    if token.shape is Shape.TEXT and is_unit(word):
        return "unit"
    if token.shape is Shape.NUMBER and float(word.replace(",", "")) > LARGEST_SCORE:
        return "large"
    return str(token.shape)


def ends_table(token: Token) -> bool:
    """Whether a token is outside the table: a field or block label (总分) or a form's title."""
    if token.label is None:
        return False
    roles = token.label.roles
    if TITLE in roles:
        return True
    return bool(roles & {FIELD, BLOCK}) and not roles & {ROW, LEVEL1, LEVEL2, COLUMN}


def align(classes: tuple[str, ...], kinds: tuple[str, ...]) -> list[tuple[int, ...]]:
    """Every best placement of tokens in columns, in printed order (up to ``MAX_READINGS``).

    Args:
        classes: the class of each token of the row.
        kinds: the kind of each column of the table.

    Returns:
        Placements (the column index of each token), the leftmost one first; empty when the
        tokens cannot all be placed.
    """
    return list(_align(classes, kinds))


@lru_cache(maxsize=4096)
def _align(classes: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    fit = [[FITS[k].get(c, 0) for k in kinds] for c in classes]
    best = _best_scores(fit, len(kinds))
    if best(0, 0) < 0:
        return ()
    out: list[tuple[int, ...]] = []

    def walk(i: int, j: int, placed: tuple[int, ...]) -> None:
        if i == len(classes):
            out.append(placed)
            return
        for k in range(j, len(kinds)):
            if len(out) >= MAX_READINGS:
                return
            if fit[i][k] and best(i + 1, k + 1) >= 0:
                if fit[i][k] + best(i + 1, k + 1) == best(i, j):
                    walk(i + 1, k + 1, (*placed, k))

    walk(0, 0, ())
    return tuple(out)


def _best_scores(fit: list[list[int]], width: int) -> Callable[[int, int], int]:
    """``best(i, j)``: the best fit of tokens ``i…`` in columns ``j…`` (-1: impossible)."""
    rows = len(fit)

    @cache
    def best(i: int, j: int) -> int:
        if i == rows:
            return 0
        top = -1
        for k in range(j, width - (rows - i) + 1):
            if fit[i][k]:
                rest = best(i + 1, k + 1)
                if rest >= 0:
                    top = max(top, fit[i][k] + rest)
        return top

    return best
