"""A line's tokens grouped into blocks: header rows, table rows and the plain text around them.

A header is three or more column headings, or field labels the values of which are printed
below. Rows follow until a field label or a title; a total row (``总分 100 98``) is the last.
A level name after a value or text opens a row (a line may hold a whole table).
"""

import re
from collections.abc import Callable

from jixiao.io.cellsplit.columns import PREFIX, TEXT_KIND, Segment, column_kind, ends_table, place
from jixiao.io.cellsplit.labels import BLOCK, COLUMN, FIELD, FUNDS, LEVEL1, LEVEL2, TITLE, TOTAL
from jixiao.io.cellsplit.tokens import Token

HEADER_RUN = 3  # column headings in a row that make a header
_YEAR = re.compile(r"[(（]?\d{4}\s?年度?[)）]?")
_LEVELS = {LEVEL1, LEVEL2}


def _run(tokens: list[Token], start: int, fits: Callable[[Token], bool]) -> int:
    stop = start
    while stop < len(tokens) and fits(tokens[stop]):
        stop += 1
    return stop - start if stop - start >= HEADER_RUN else 0


def _header_run(tokens: list[Token], start: int) -> tuple[int, bool]:
    """How many headings from ``start`` make a header (0 if none), and whether they are fields.

    Text follows a header of fields only when a block's label opens it (``项目绩效目标 长期目标
    年度目标 …``); else the labels before the text are fields left empty, and the last one's
    value.
    """
    if tokens[start].label is None:
        return 0, False
    columns = _run(tokens, start, lambda t: t.has(COLUMN))
    if columns:
        return columns, False
    fields = _run(tokens, start, lambda t: t.has(FIELD) or t.has(BLOCK))
    followed = start + fields
    if fields and followed == len(tokens):
        return fields, True
    if fields and tokens[followed].label is None and tokens[start].has(BLOCK):
        return fields, True
    return 0, False


def _is_level(token: Token) -> bool:
    return token.label is not None and bool(token.label.roles & _LEVELS)


def _changes_block(current: list[Token], token: Token) -> bool:
    """Whether a label after a value goes from the funds block (项目总投资 20万元 …) or back to it."""
    if token.label is None or not current or current[-1].label is not None:
        return False
    last = next((t for t in reversed(current) if t.label is not None), None)
    return last is not None and token.has(FUNDS) != last.has(FUNDS)


class Table:
    """The table the lines are in (the kinds of its columns; None outside one), line by line."""

    def __init__(self) -> None:
        self.kinds: tuple[str, ...] | None = None
        self.closing = False  # the row being read is the table's total row: its last
        self.text = ""
        self.segments: list[Segment] = []
        self.current: list[Token] = []

    def group(self, text: str, tokens: list[Token]) -> list[Segment]:
        """The blocks of one line's tokens, in order."""
        self.text = text
        self.segments = []
        index = 0
        while index < len(tokens):
            run, fields = _header_run(tokens, index)
            if run:
                self._header(tokens[index : index + run], fields)
                index += run
                continue
            self._add(tokens[index])
            index += 1
        self._flush()
        return self.segments

    def _flush(self) -> None:
        if not self.current:
            return
        kinds = self.kinds
        side = kinds is not None and kinds[0] != PREFIX  # the header names no side column
        if side and len(self.current) > 1 and self.current[0].has(BLOCK):
            # the table's side label (绩效指标), centred onto a row: no cell of the row
            self.segments.append(Segment(self.current[:1]))
            self.current = self.current[1:]
        if kinds is None:
            self.segments.append(Segment(self.current))
        else:
            self.segments.append(place(self.current, kinds, self.text))
            if self.closing:
                self.kinds, self.closing = None, False
        self.current = []

    def _header(self, run: list[Token], fields: bool) -> None:
        if fields:
            # A block's label first names the block: the values stand under the others.
            first = PREFIX if run[0].has(BLOCK) else TEXT_KIND
            kinds = (first, *(TEXT_KIND for _ in run[1:]))
        else:
            if self._is_header_prefix():
                run = self.current + run
                self.current = []
            kinds = tuple(column_kind(t) for t in run)
        self._flush()
        self.segments.append(Segment(run))
        self.kinds = kinds

    def _add(self, token: Token) -> None:
        if token.has(TITLE):
            self._flush()
            self.kinds = None
            self.segments.append(Segment([token]))
            return
        if self._is_title_year(token):
            self.segments[-1].tokens.append(token)
            return
        in_table = self.kinds is not None
        if in_table and token.has(TOTAL):
            self._flush()
            self.closing = True
        elif in_table and ends_table(token):
            self._flush()
            self.kinds = None
        elif in_table and self.current and _is_level(token) and not _is_level(self.current[-1]):
            self._flush()  # a level name after something that is not one opens a row
        elif not in_table and _changes_block(self.current, token):
            self._flush()
        self.current.append(token)

    def _is_header_prefix(self) -> bool:
        """Whether the one token before a header is a column of it (年度绩效指标完成情况).

        Inside a table only a label is: text there is the last row of the table before.
        """
        if len(self.current) != 1:
            return False
        return self.kinds is None or self.current[0].label is not None

    def _is_title_year(self, token: Token) -> bool:
        """Whether a token is the year printed right after a title (``2023年度``)."""
        if self.current or not self.segments or len(self.segments[-1].tokens) != 1:
            return False
        year = _YEAR.fullmatch(self.text, token.start, token.end)
        return year is not None and self.segments[-1].tokens[0].has(TITLE)
