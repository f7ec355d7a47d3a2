"""The known column order of a table: which token of a row goes in which column.

A header row's cells name the columns (``一级指标 | 二级指标 | 三级指标 | 年度指标值 | …``);
each canonical column holds values of one kind (a level name, a name, a target, a weight, an
amount …), and ``FITS`` says, as data, how well each shape of token fits each kind (0: never).
``align`` places a row's tokens in the columns in printed order so that the fit is best, and
returns every best placement (up to a few): more than one means the text does not settle it.
Two text tokens may share a cell where the row fits no other way (a space inside a cell).
"""

from functools import cache, lru_cache

from jixiao.io.cellsplit.labels import BLOCK, COLUMN, FIELD, LEVEL1, LEVEL2, ROW, TITLE, TOTAL
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
# label roles level1, level2 (both: "level"), total (总分), row (a funds row label) and label
# (any other);
# a number above 100 is "large": an amount or a count, never a weight or a score. A label of
# both levels is a level 2 when alone before its name ("level": 成本指标 on the 2020 tree),
# but either level when text runs into it ("glued-level": the level 2 may be in that text).
FITS: dict[str, dict[str, int]] = {
    PREFIX: {"row": 3, "total": 3, "text": 1},
    "level1": {
        **{"level1": 4, "level": 3, "glued-level": 4, "points": 2, "total": 2},
        **{"level2": 1, "text": 1},
    },
    "level2": {"level2": 4, "level": 4, "glued-level": 4, "level1": 1, "text": 1},
    "name": {
        **{"text": 3, "level": 2, "glued-level": 2, "level1": 2, "level2": 2},
        **{"label": 1, "total": 1, "value": 1, "mark": 1},
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
JOIN_COST = 1  # two text tokens in one cell: the space between them was inside it
JOINABLE = {"text", "name", "value"}  # kinds of column whose cells may hold spaces
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
        for role in (LEVEL1, LEVEL2, TOTAL, ROW):
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
    return bool(roles & {FIELD, BLOCK}) and not roles & {ROW, TOTAL, LEVEL1, LEVEL2, COLUMN}


def align(classes: tuple[str, ...], kinds: tuple[str, ...]) -> list[tuple[int, ...]]:
    """Every best placement of tokens in columns, in printed order (up to ``MAX_READINGS``).

    Two text tokens in a row may share a text column (the space between them was inside the
    cell), at a cost of ``JOIN_COST``: only where the row fits no better otherwise.

    Args:
        classes: the class of each token of the row.
        kinds: the kind of each column of the table.

    Returns:
        Placements (the column index of each token; equal indexes share a cell), the leftmost
        one first; empty when the tokens cannot all be placed.
    """
    return list(_align(classes, kinds))


@lru_cache(maxsize=4096)
def _align(classes: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    moves = _Moves(classes, kinds)
    if moves.best(0, 0) is None:
        return ()
    out: list[tuple[int, ...]] = []

    def walk(i: int, j: int, placed: tuple[int, ...]) -> None:
        if i == len(classes):
            out.append(placed)
            return
        for column, score, following in moves.of(i, j):
            rest = moves.best(i + 1, following)
            if len(out) < MAX_READINGS and rest is not None and score + rest == moves.best(i, j):
                walk(i + 1, following, (*placed, column))

    walk(0, 0, ())
    return tuple(out)


@lru_cache(maxsize=4096)
def best_fit(classes: tuple[str, ...], kinds: tuple[str, ...]) -> int | None:
    """How well the best placement of a row fits (None when the row cannot be placed)."""
    return _Moves(classes, kinds).best(0, 0)


class _Moves:
    """Where each token may go, and the best fit of the rest of a row (memoised)."""

    def __init__(self, classes: tuple[str, ...], kinds: tuple[str, ...]) -> None:
        self.classes = classes
        self.kinds = kinds
        self.fit = [[FITS[k].get(c, 0) for k in kinds] for c in classes]
        self.best = cache(self._best)

    def of(self, i: int, j: int) -> list[tuple[int, int, int]]:
        """``(column, score, next free column)`` for token ``i``, columns ``j…`` being free."""
        out = [(k, self.fit[i][k], k + 1) for k in range(j, len(self.kinds)) if self.fit[i][k]]
        joins = i > 0 and j > 0 and self.classes[i] == self.classes[i - 1] == "text"
        if joins and self.kinds[j - 1] in JOINABLE:
            out.append((j - 1, -JOIN_COST, j))
        return out

    def _best(self, i: int, j: int) -> int | None:
        """The best fit of tokens ``i…`` in columns ``j…``; None when they cannot be placed."""
        if i == len(self.classes):
            return 0
        scores = [
            score + rest
            for _, score, following in self.of(i, j)
            if (rest := self.best(i + 1, following)) is not None
        ]
        return max(scores, default=None)
