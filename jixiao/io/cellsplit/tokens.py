"""A line cut into tokens, each to become a cell.

At explicit separators, else at the single spaces the shapes do not join, else (text run
together) at labels and values (``cut``).
"""

import re
from typing import NamedTuple

from jixiao.io.cellsplit.labels import FIELD, FURNITURE, TITLE, Hit, LabelInfo, Matcher
from jixiao.io.cellsplit.shapes import STRONG, VALUE, Shape, classify, joins
from jixiao.io.vocabulary import normalise

_TEXT = re.compile(r"\S(?:.*\S)?")  # a line's text, without the whitespace around it
# A bar always separates two cells (`| |` leaves an empty one); a tab, an ideographic space or
# a run of spaces separates cells but makes no empty one. Each takes the whitespace around it.
_SEPARATOR = re.compile(r"\s*[|｜│┃]\s*|\s*[\t\u3000]\s*|\s{2,}")
_ANY_SEPARATOR = re.compile(r"[|｜│┃\t\u3000]|\s{2,}")  # the same, three times faster to find
_SPACE = re.compile(r"\s")
_SENTENCE = re.compile(r"[，。；,;]")
_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]")
_WORD = re.compile(r"\S+")
_OPEN, _CLOSE = "(（[【《〔", ")）]】》〕"
_BRACKET = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
RUN_TOGETHER_LABELS = 3  # labels in a word (or a line) that make it a run-together table


class Token(NamedTuple):
    """A stretch ``line[start:end]`` that becomes one cell."""

    start: int
    end: int
    shape: Shape
    label: LabelInfo | None = None  # set for a label
    glued: bool = False  # cut out of text with no separator: the boundary was inferred

    def has(self, role: str) -> bool:
        """Whether the token is a label with this role."""
        return self.label is not None and role in self.label.roles


def has_separators(line: str) -> bool:
    """Whether a line holds any explicit separator between two stretches of text."""
    return _ANY_SEPARATOR.search(line.strip()) is not None


def pieces(line: str) -> list[tuple[int, int]]:
    """Spans of the cells explicit separators delimit; empty before a leading bar or between two."""
    first = _TEXT.search(line)
    if first is None:
        return []
    spans: list[tuple[int, int]] = []
    cursor, last = first.start(), len(line.rstrip())
    for separator in _SEPARATOR.finditer(line, cursor, last):
        spans.append((cursor, separator.start()))  # empty only next to a bar
        cursor = separator.end()
    spans.append((cursor, last))
    return spans


def line_tokens(text: str, found: Matcher, in_table: bool = False) -> tuple[list[Token], bool]:
    """A line's tokens, and whether they may be read as table rows (not explicit cells).

    A line with no space is cut in a table, when it holds three labels or more, or when it
    starts with a field label and its value.
    """
    if has_separators(text):
        return _explicit(text, found), False
    start, stop = _TEXT.search(text).span()
    if _SPACE.search(text, start, stop):
        return spaced_tokens(text, start, stop, found), True
    hits = found.find(text, start, stop)
    if in_table or _label_then_value(text, hits, start):
        return cut(text, start, stop, hits, table=in_table), True
    if len(hits) >= RUN_TOGETHER_LABELS:
        tokens = cut(text, start, stop, hits)
        if _labels(tokens) >= RUN_TOGETHER_LABELS:
            return tokens, True
    return [_whole(text, start, stop, hits)], True


def _labels(tokens: list[Token]) -> int:
    return sum(t.shape is Shape.LABEL for t in tokens)


def _label_then_value(text: str, hits: list[Hit], start: int) -> bool:
    """Whether a line starts with a field label and goes on with no sentence (its value).

    ``项目名称合作交流工作业务费`` is a label and its value; ``项目单位有人员分工机制，…`` is a
    sentence that starts with a label's words.
    """
    if not hits or hits[0].start != start or hits[0].weak or FIELD not in hits[0].info.roles:
        return False
    return _SENTENCE.search(text, hits[0].end) is None


def _whole(text: str, start: int, stop: int, hits: list[Hit]) -> Token:
    """One cell's token: a label when the whole stretch is one, else by its shape."""
    if len(hits) == 1 and hits[0].start == start and hits[0].end == stop:
        return Token(start, stop, Shape.LABEL, hits[0].info)
    return Token(start, stop, classify(text[start:stop]))


def _explicit(text: str, found: Matcher) -> list[Token]:
    """Tokens of a line with explicit separators: its cells, a cell spaced inside cut too."""
    tokens: list[Token] = []
    for start, stop in pieces(text):
        if " " in text[start:stop]:
            tokens.extend(spaced_tokens(text, start, stop, found))
        else:
            tokens.append(_whole(text, start, stop, found.find(text, start, stop)))
    return tokens


def words(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:stop]`` between spaces, a bracketed stretch kept whole."""
    if not _BRACKET.search(text, start, stop):
        return [match.span() for match in _WORD.finditer(text, start, stop)]
    spans: list[tuple[int, int]] = []
    depth = 0
    for match in _WORD.finditer(text, start, stop):
        if spans and depth > 0:
            spans[-1] = (spans[-1][0], match.end())
        else:
            spans.append(match.span())
        word = match.group()
        if _BRACKET.search(word):
            opened = sum(word.count(c) for c in _OPEN) - sum(word.count(c) for c in _CLOSE)
            depth = max(0, depth + opened)
    return spans


def spaced_tokens(text: str, start: int, stop: int, matcher: Matcher) -> list[Token]:
    """Tokens of a stretch whose cells single spaces separate (a token may hold a space)."""
    tokens: list[Token] = []
    hits = matcher.find(text, start, stop)  # no label holds a space: each lies in one word
    first = 0
    for lo, hi in words(text, start, stop):
        while first < len(hits) and hits[first].start < lo:
            first += 1
        after = first
        while after < len(hits) and hits[after].start < hi:
            after += 1
        for token in _word_tokens(text, lo, hi, hits[first:after]):
            _merge(text, tokens, token, matcher)
    return tokens


def _word_tokens(text: str, start: int, stop: int, hits: list[Hit]) -> list[Token]:
    """A word, cut at its labels if it is only labels and values, a table or after a title.

    A word with no label, or with other text in it, is one cell: ``指标1:年度资金支付完成率100%``
    (the value is part of the name as printed).
    """
    whole = _whole(text, start, stop, hits)
    if not hits or whole.label is not None:
        return [whole]
    pieces = cut(text, start, stop, hits)
    if len(pieces) == 1 and pieces[0].shape is Shape.LABEL:
        return pieces
    if len(pieces) > 1 and (
        all(p.shape is not Shape.TEXT for p in pieces)
        or pieces[0].has(TITLE)
        or (_labels(pieces) >= RUN_TOGETHER_LABELS and "。" not in text[start:stop])
    ):
        return pieces
    return [whole]


def _merge(text: str, tokens: list[Token], token: Token, matcher: Matcher) -> None:
    """Append a word's token, joined with the one before when the space is inside a cell.

    A space inside a label (``一级 指标``) or before a label's points (``产出指标 (50分)``) is
    inside the cell, and so are the spaces ``shapes.joins`` allows between values.
    """
    while tokens:
        left = tokens[-1]
        span = text[left.start : token.end]
        before, after = text[left.start : left.end], text[token.start : token.end]
        label = left.label if token.shape is Shape.POINTS else None
        if _wordlike(left) and _wordlike(token):
            label = matcher.index.get(normalise(span))
        values = left.label is None and token.label is None
        if label is not None:
            shape = Shape.LABEL
        elif values and joins(before, left.shape, after, token.shape):
            shape = classify(span)
        else:
            break
        tokens.pop()
        token = Token(left.start, token.end, shape, label, left.glued)
    tokens.append(token)


def _wordlike(token: Token) -> bool:
    return token.shape is Shape.TEXT or token.label is not None


def _values(text: str, start: int, stop: int, table: bool) -> list[re.Match[str]]:
    """The values at the ends of a gap between labels, where their shape settles them.

    From the gap's start, values follow each other as long as each stands alone (strong, or
    no word runs on from it); at its end, a run of values (``100%100%1010``) is taken when the
    first of them stands alone. In a table row every value there does (a row ends in numbers).
    """
    matches = list(VALUE.finditer(text, start, stop))
    head: list[re.Match[str]] = []
    for match in matches:
        if match.start() != (head[-1].end() if head else start):
            break
        end = match.end()
        if not (table or match.lastgroup in STRONG or end == stop) and _WORDLIKE.match(text, end):
            break  # a word runs on from a bare number: it is part of the text
        head.append(match)
    tail: list[re.Match[str]] = []
    for match in reversed(matches[len(head) :]):
        if match.end() != (tail[-1].start() if tail else stop):
            break
        tail.append(match)
    while tail and not table and tail[-1].lastgroup not in STRONG:
        begin = tail[-1].start()
        if begin > start and not _WORDLIKE.match(text, begin - 1):
            break
        tail.pop()  # the run's first value is glued to a word: it is part of the text
    return [*head, *reversed(tail)]


def _gap(text: str, start: int, stop: int, table: bool) -> list[Token]:
    tokens = []
    cursor = start
    for value in _values(text, start, stop, table):
        if value.start() > cursor:
            tokens.append(
                Token(cursor, value.start(), classify(text[cursor : value.start()]), glued=True)
            )
        shape = Shape.NUMBER if value.lastgroup == "number" else Shape.VALUE
        tokens.append(Token(value.start(), value.end(), shape, glued=True))
        cursor = value.end()
    if cursor < stop:
        tokens.append(Token(cursor, stop, classify(text[cursor:stop]), glued=True))
    return tokens


def _short_labels_among_values(tokens: list[Token], hits: list[Hit]) -> list[Token]:
    """A short label left as text is one after all between values (总分 in ``总分10098.00``)."""
    weak = {(h.start, h.end): h.info for h in hits if h.weak}
    out = list(tokens)
    for i, token in enumerate(out):
        info = weak.get((token.start, token.end))
        if info is None or token.shape is not Shape.TEXT:
            continue
        before = out[i - 1].shape if i else None
        after = out[i + 1].shape if i + 1 < len(out) else None
        if before is not Shape.TEXT and after is not Shape.TEXT:
            out[i] = Token(token.start, token.end, Shape.LABEL, info, token.glued)
    return out


def _glue_furniture(tokens: list[Token]) -> list[Token]:
    """``其中:`` right before another label is part of it (``其中:本年财政拨款``)."""
    out: list[Token] = []
    for token in tokens:
        glues = out and out[-1].has(FURNITURE) and token.label is not None
        if glues and out[-1].end == token.start:
            furniture = out.pop()
            out.append(Token(furniture.start, token.end, token.shape, token.label, furniture.glued))
        else:
            out.append(token)
    return out


def cut(text: str, start: int, stop: int, hits: list[Hit], table: bool = False) -> list[Token]:
    """Tokens of ``text[start:stop]``, a stretch with no separator left; all but one ``glued``.

    Labels (``hits``; short ones only where they touch labels or the ends), the values in the
    gaps between them (``table``: a table row's numbers are cells), and text.
    """
    tokens: list[Token] = []
    cursor = start
    ends = {start, *(h.end for h in hits)}
    starts = {stop, *(h.start for h in hits)}
    for hit in (h for h in hits if not h.weak or (h.start in ends and h.end in starts)):
        if hit.start > cursor:
            tokens.extend(_gap(text, cursor, hit.start, table))
        tokens.append(Token(hit.start, hit.end, Shape.LABEL, hit.info, glued=True))
        cursor = hit.end
    if cursor < stop:
        tokens.extend(_gap(text, cursor, stop, table))
    tokens = _glue_furniture(_short_labels_among_values(tokens, hits))
    if tokens:
        first = tokens[0]
        tokens[0] = Token(first.start, first.end, first.shape, first.label)
    return tokens
