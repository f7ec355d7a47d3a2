"""The tables of a text: tokens grouped into headers, rows and blocks; rows placed in columns."""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice, pairwise, product

from jixiao.io.cellsplit.labels import BLOCK, COLUMN, FIELD, FUNDS, LEVELS, ROW, TITLE, TOTAL
from jixiao.io.cellsplit.shapes import Shape
from jixiao.io.cellsplit.tokens import Token

# The kind of value each canonical column holds; a column not listed holds text.
COLUMN_KINDS = {
    **{column: column for column in ("level1", "level2", "name", "comparator", "unit")},
    **dict.fromkeys(("target", "actual"), "value"),
    **dict.fromkeys(("weight", "score", "execution_weight", "execution_score"), "number"),
    **dict.fromkeys(("initial_budget", "budget", "total_budget", "executed"), "amount"),
    **dict.fromkeys(("previous_budget", "previous_executed"), "amount"),
    "execution_rate": "rate",
}
TEXT_KIND = "text"  # the kind of a column no canonical column names
PREFIX = "prefix"  # a header cell that is no column heading (年度绩效指标完成情况, 项目资金(万元))

# How well a token of each class fits a column of each kind. Classes: the shapes, plus the
# label roles level1, level2 (both: "level"), total (总分), row (a funds row label) and label
# (any other); a number above 100 is "large": an amount or a count, never a weight or a score.
# A label of both levels is a level 2 when alone before its name ("level": 成本指标 on the 2020
# tree), but either level when text runs into it ("glued-level": the level 2 may be in it).
FITS: dict[str, dict[str, int]] = {
    PREFIX: {ROW: 3, TOTAL: 3, "text": 1},
    "level1": {
        **{"level1": 4, "level": 3, "glued-level": 4, "points": 2, TOTAL: 2},
        **{"level2": 1, "text": 1},
    },
    "level2": {"level2": 4, "level": 4, "glued-level": 4, "level1": 1, "text": 1},
    "name": {
        **{"text": 3, "level": 2, "glued-level": 2, "level1": 2, "level2": 2},
        **{"label": 1, TOTAL: 1, "value": 1, "mark": 1},
    },
    "value": {"value": 3, "number": 2, "large": 2, "mark": 2, "text": 2},
    "number": {"number": 3, "mark": 2, "value": 1},
    "amount": {"number": 3, "large": 3, "value": 2, "mark": 2},
    "rate": {"value": 3, "mark": 2, "number": 1},
    "text": {"text": 2, "value": 1, "number": 1, "large": 1, "mark": 1, "label": 1},
    "comparator": {},  # a comparator and a unit are printed with their number (``≥ 120 人次``)
    "unit": {},
}
HEADER_RUN = 3  # column headings in a row that make a header
_YEAR = re.compile(r"[(（]?\d{4}\s?年度?[)）]?")
MAX_READINGS = 4
JOIN_COST = 1  # two text tokens in one cell: the space between them was inside it
JOINABLE = {"text", "name", "value"}  # kinds of column whose cells may hold spaces
LARGEST_SCORE = 100  # no weight or score is above it
_SCORE = re.compile(r"(?:100|[1-9]\d|\d)(?:\.\d{1,2})?")  # no leading zero, two decimals
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_DASHES = re.compile(r"-{2,}")
_PARAGRAPHS = re.compile(r"</p><p>")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")
_RATE = re.compile(r"(?:100|[1-9]\d|\d)(?:\.\d{1,2})?%")  # a rate as printed: 0% to 100%
MIN_DOUBLED = 2  # characters of an end printed twice that make a target and its copy
MAX_VARIANTS = 64  # readings of one row tried at most
MIN_PAIR_WEIGHT = 2  # the least weight read out of a score's digits (55: 5 and 5)


@dataclass
class Segment:
    """Tokens that become one block; ``placements`` set for a table row that was aligned."""

    tokens: list[Token]
    kinds: tuple[str, ...] = ()  # the table's column kinds, for a row
    placements: list[tuple[int, ...]] = field(default_factory=list)
    others: list["Segment"] = field(default_factory=list)  # the readings a split was chosen over

    def cells(self, text: str, placement: int = 0) -> tuple[str, ...]:
        """The texts of the cells: placed in columns when aligned, else in order."""
        if not self.placements:
            return tuple(text[t.start : t.end] for t in self.tokens)
        placed = self.placements[placement]
        spans: dict[int, tuple[int, int]] = {}
        for token, column in zip(self.tokens, placed, strict=True):
            start = spans[column][0] if column in spans else token.start
            spans[column] = (start, token.end)  # tokens sharing a column share one cell
        return tuple(text[slice(*spans[c])] if c in spans else "" for c in range(placed[-1] + 1))


def place(tokens: list[Token], kinds: tuple[str, ...], text: str) -> Segment:
    """A table row placed in the columns, cells that ran together split if that fits better."""
    chosen, others = best_reading(_headings_as_words(tokens), kinds, text)
    classes = row_classes(chosen, text)

    def level1s(placed: tuple[int, ...]) -> int:  # a level text ran into: a (commoner) level 2
        pairs = zip(classes, placed, strict=True)
        return sum(c == "glued-level" and kinds[k] != "level2" for c, k in pairs)

    placed_others = [Segment(o, kinds, align(row_classes(o, text), kinds)[:1]) for o in others]
    return Segment(chosen, kinds, sorted(align(classes, kinds), key=level1s), placed_others)


def _headings_as_words(row: list[Token]) -> list[Token]:
    """A column heading inside a row, text run into it, is words of its cell (``偏差原因：工作…``)."""
    out: list[Token] = []
    for token in row:
        heading = out[-1] if out and out[-1].label and out[-1].label.roles == {COLUMN} else None
        if heading and token.glued and token.shape is Shape.TEXT:
            out[-1] = Token(heading.start, token.end, Shape.TEXT, glued=heading.glued)
        else:
            out.append(token)
    return out


def column_kind(token: Token) -> str:
    """The kind of column a header cell opens: its canonical column's kind, else a prefix."""
    if token.label is None or COLUMN not in token.label.roles:
        return PREFIX
    return min(COLUMN_KINDS.get(c, TEXT_KIND) for c in token.label.columns)


def token_class(token: Token, text: str) -> str:
    """The class a token is fitted by (see ``FITS``)."""
    if token.label is not None:
        roles = token.label.roles
        if roles.issuperset(LEVELS):
            return "level"
        return next((r for r in (*LEVELS, TOTAL, ROW) if r in roles), "label")
    word = text[token.start : token.end]
    if token.shape is Shape.NUMBER and float(word.replace(",", "")) > LARGEST_SCORE:
        return "large"
    return str(token.shape)


def row_classes(row: list[Token], text: str) -> tuple[str, ...]:
    """The class of each token of a row, a level name's by whether text runs into it."""
    classes = [token_class(t, text) for t in row]
    for i, following in enumerate(row[1:]):
        if classes[i] == "level" and following.glued and following.shape is Shape.TEXT:
            classes[i] = "glued-level"
    return tuple(classes)


def ends_table(token: Token) -> bool:
    """Whether a token is outside the table: a field or block label (not 总分, not a level)."""
    roles = token.label.roles if token.label is not None else frozenset()
    return bool(roles & {FIELD, BLOCK}) and not roles & {ROW, TOTAL, COLUMN, *LEVELS}


def align(classes: tuple[str, ...], kinds: tuple[str, ...]) -> list[tuple[int, ...]]:
    """Every best placement (each token's column), leftmost first (several: the text does not say)."""
    return list(_fit(classes, kinds, 0, 0)[1])


@lru_cache(maxsize=65536)
def _fit(
    classes: tuple[str, ...], kinds: tuple[str, ...], i: int, j: int
) -> tuple[int | None, tuple[tuple[int, ...], ...]]:
    """The best fit of tokens ``i…`` in columns ``j…`` (None if none) and its placements."""
    if i == len(classes):
        return 0, ((),)
    moves = [(k, FITS[kinds[k]].get(classes[i], 0), k + 1) for k in range(j, len(kinds))]
    moves = [move for move in moves if move[1]]
    if i > 0 and j > 0 and classes[i] == classes[i - 1] == "text" and kinds[j - 1] in JOINABLE:
        moves.append((j - 1, -JOIN_COST, j))
    best, placements = None, []
    for column, score, following in moves:
        rest, placed = _fit(classes, kinds, i + 1, following)
        if rest is not None and (best is None or score + rest > best):
            best, placements = score + rest, []
        if rest is not None and score + rest == best:
            placements.extend((column, *p) for p in placed)
    return best, tuple(placements[:MAX_READINGS])


def score_splits(word: str) -> list[int]:
    """Where a run of digits splits into two scores (``1010`` → ``[2]``: 10 and 10)."""
    if not _DIGITS.fullmatch(word):
        return []
    return [
        i for i in range(1, len(word)) if _SCORE.fullmatch(word, 0, i) and _SCORE.fullmatch(word, i)
    ]


def doubled_tail(word: str) -> int:
    """The length of the longest end printed twice after some text (``ab明显明显``: 2; else 0)."""
    for size in range((len(word) - 1) // 2, MIN_DOUBLED - 1, -1):
        if word[-size:] == word[-2 * size : -size]:
            return size
    return 0


def _splits(token: Token, word: str) -> list[tuple[Shape, tuple[int, ...]]]:
    """The ways to split a glued token: ``(shape of the parts, cuts)``."""
    if token.shape is Shape.NUMBER:
        cuts = score_splits(word)
        if _SCORE.fullmatch(word):  # a weight and a score not above it
            cuts = [i for i in cuts if 1 <= float(word[i:]) <= float(word[:i]) >= MIN_PAIR_WEIGHT]
        return [(Shape.NUMBER, (i,)) for i in cuts]
    percent = _PERCENT.fullmatch(word)
    if percent and not _RATE.fullmatch(word):
        cuts = [i for i in range(1, percent.end(1)) if _SCORE.fullmatch(word, 0, i)]
        return [(Shape.VALUE, (i,)) for i in cuts if _RATE.fullmatch(word, i)]
    if _DASHES.fullmatch(word):
        return [(Shape.MARK, tuple(range(1, len(word))))]
    if token.shape is Shape.TEXT and _PARAGRAPHS.search(word):
        return [(Shape.TEXT, (m.start() + len("</p>"),)) for m in _PARAGRAPHS.finditer(word)]
    size = doubled_tail(word) if token.shape is Shape.TEXT else 0
    return [(Shape.TEXT, (len(word) - 2 * size, len(word) - size))] if size else []


def _variants(row: list[Token], text: str) -> list[list[Token]]:
    """The row with its run-together tokens (glued, before a glued one, or alone) split every way."""
    options: list[list[list[Token]]] = []
    for index, token in enumerate(row):
        ways = [[token]]
        if len(row) == 1 or token.glued or (index + 1 < len(row) and row[index + 1].glued):
            for shape, cuts in _splits(token, text[token.start : token.end]):
                bounds = (token.start, *(token.start + cut for cut in cuts), token.end)
                ways.append([Token(a, b, shape, glued=True) for a, b in pairwise(bounds)])
        options.append(ways)
    combinations = islice(product(*options), MAX_VARIANTS + 1)
    return [[t for part in parts for t in part] for parts in combinations][1:]


def best_reading(
    row: list[Token], kinds: tuple[str, ...], text: str
) -> tuple[list[Token], list[list[Token]]]:
    """The reading that fits the columns best (never a split on a tie), and the others as good."""
    variants = _variants(row, text)
    if not variants:
        return row, []
    scored = [(_fit(row_classes(v, text), kinds, 0, 0)[0], v) for v in (row, *variants)]
    top = max((score for score, _ in scored if score is not None), default=None)
    if top is None or (scored[0][0] is not None and scored[0][0] >= top):  # the row as cut
        return row, []
    best = [v for score, v in scored if score == top]
    return best[0], [row, *best[1:]]


def _header_run(tokens: list[Token], start: int) -> tuple[int, bool]:
    """How many headings from ``start`` make a header (0 if none), and whether they are fields."""
    for roles, fields in (({COLUMN}, False), ({FIELD, BLOCK}, True)):
        stop = start
        while stop < len(tokens) and tokens[stop].label and tokens[stop].label.roles & roles:
            stop += 1
        if stop - start < HEADER_RUN:
            continue
        heads = stop == len(tokens) or (not tokens[stop].label and tokens[start].has(BLOCK))
        if heads or not fields:  # text follows fields only under a block's label (项目绩效目标 …)
            return stop - start, fields
    return 0, False


def _is_level(token: Token) -> bool:
    return token.label is not None and not token.label.roles.isdisjoint(LEVELS)


def _changes_block(current: list[Token], token: Token) -> bool:
    """Whether a label after a value goes from the funds block (项目总投资 20万元 …) or back to it."""
    if token.label is None or not current or current[-1].label is not None:
        return False
    last = next((t for t in reversed(current) if t.label is not None), None)
    return last is not None and token.has(FUNDS) != last.has(FUNDS)


@dataclass
class Table:
    """The table the lines are in (the kinds of its columns; None outside one), line by line."""

    kinds: tuple[str, ...] | None = None
    closing: bool = False  # the row being read is the table's total row: its last
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    current: list[Token] = field(default_factory=list)

    def group(self, text: str, tokens: list[Token]) -> list[Segment]:
        """The blocks of one line's tokens, in order."""
        self.text = text
        self.segments = []
        index = 0
        while index < len(tokens):
            run, fields = _header_run(tokens, index)
            if run:
                self._header(tokens[index : index + run], fields)
            else:
                self._add(tokens[index])
            index += run or 1
        self._flush()
        return self.segments

    def _flush(self) -> None:
        if not self.current:
            return
        side = self.kinds is not None and self.kinds[0] != PREFIX  # the header names no side column
        if side and len(self.current) > 1 and self.current[0].has(BLOCK):
            # the table's side label (绩效指标), centred onto a row: no cell of the row
            self.segments.append(Segment(self.current[:1]))
            self.current = self.current[1:]
        if self.kinds is None:
            self.segments.append(Segment(self.current))
        else:
            self.segments.append(place(self.current, self.kinds, self.text))
            if self.closing:
                self.kinds, self.closing = None, False
        self.current = []

    def _header(self, run: list[Token], fields: bool) -> None:
        if fields:
            # A block's label first names the block: the values stand under the others.
            kinds = (PREFIX if run[0].has(BLOCK) else TEXT_KIND,) + (TEXT_KIND,) * (len(run) - 1)
        else:
            # The one token before a header is a column of it (年度绩效指标完成情况); in a table
            # only a label is: text there is the last row of the table before.
            if len(self.current) == 1 and (self.kinds is None or self.current[0].label is not None):
                run = self.current + run
                self.current = []
            kinds = tuple(column_kind(t) for t in run)
        self._flush()
        self.segments.append(Segment(run))
        self.kinds = kinds

    def _add(self, token: Token) -> None:
        in_table = self.kinds is not None
        if token.label is None:
            pass  # a value: it opens and closes nothing
        elif token.has(TITLE) or (in_table and ends_table(token)):
            self._flush()
            self.kinds = None
        elif in_table and token.has(TOTAL):
            self._flush()
            self.closing = True
        elif in_table and self.current and _is_level(token) and not _is_level(self.current[-1]):
            self._flush()  # a level name after something that is not one opens a row
        elif not in_table and _changes_block(self.current, token):
            self._flush()
        last = self.segments[-1].tokens if self.segments and not self.current else []
        after_title = len(last) == 1 and last[0].has(TITLE)
        if token.has(TITLE):
            self.segments.append(Segment([token]))
        elif after_title and _YEAR.fullmatch(self.text, token.start, token.end):
            last.append(token)  # the year printed right after a title (``2023年度``)
        else:
            self.current.append(token)
