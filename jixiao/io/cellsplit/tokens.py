"""A line cut into tokens (cells): at separators, at spaces the shapes do not join, at labels."""

import re
from bisect import bisect_left

from jixiao.io.cellsplit.labels import FIELD, FURNITURE, TITLE, Matcher, Token
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


def has_separators(line: str) -> bool:
    """Whether a line holds any explicit separator between two stretches of text."""
    return _ANY_SEPARATOR.search(line.strip()) is not None


def pieces(line: str) -> list[tuple[int, int]]:
    """Spans of the cells explicit separators delimit; empty before a leading bar or between two."""
    first = _TEXT.search(line)
    if first is None:
        return []
    spans: list[tuple[int, int]] = []
    cursor, last = first.span()
    for separator in _SEPARATOR.finditer(line, cursor, last):
        spans.append((cursor, separator.start()))  # empty only next to a bar
        cursor = separator.end()
    return [*spans, (cursor, last)]


def line_tokens(text: str, found: Matcher, in_table: bool = False) -> tuple[list[Token], bool]:
    """A line's tokens, and whether they may be read as table rows (not explicit cells)."""
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
        if sum(t.shape is Shape.LABEL for t in tokens) >= RUN_TOGETHER_LABELS:
            return tokens, True
    return [_whole(text, start, stop, hits)], True


def _label_then_value(text: str, hits: list[Token], start: int) -> bool:
    """Whether a line is a field label and its value (no sentence: ``项目单位有人员分工机制，…``)."""
    if not hits or hits[0].start != start or hits[0].label.weak or not hits[0].has(FIELD):
        return False
    return _SENTENCE.search(text, hits[0].end) is None


def _whole(text: str, start: int, stop: int, hits: list[Token]) -> Token:
    """One cell's token: a label when the whole stretch is one, else by its shape."""
    if len(hits) == 1 and hits[0].start == start and hits[0].end == stop:
        return hits[0]
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
        if depth > 0:
            spans[-1] = (spans[-1][0], match.end())
        else:
            spans.append(match.span())
        word = match.group()
        depth = max(0, depth + sum(map(word.count, _OPEN)) - sum(map(word.count, _CLOSE)))
    return spans


def spaced_tokens(text: str, start: int, stop: int, matcher: Matcher) -> list[Token]:
    """Tokens of a stretch whose cells single spaces separate (a token may hold a space)."""
    tokens: list[Token] = []
    hits = matcher.find(text, start, stop)  # no label holds a space: each lies in one word
    starts = [hit.start for hit in hits]
    for lo, hi in words(text, start, stop):
        inside = hits[bisect_left(starts, lo) : bisect_left(starts, hi)]
        for token in _word_tokens(text, lo, hi, inside):
            _merge(text, tokens, token, matcher)
    return tokens


def _word_tokens(text: str, start: int, stop: int, hits: list[Token]) -> list[Token]:
    """A word, cut at its labels if it is only labels and values, a table or after a title."""
    whole = _whole(text, start, stop, hits)
    if not hits or whole.label is not None:
        return [whole]
    pieces = cut(text, start, stop, hits)
    if all(p.shape is not Shape.TEXT for p in pieces) or pieces[0].has(TITLE):
        return pieces
    run = sum(p.shape is Shape.LABEL for p in pieces) >= RUN_TOGETHER_LABELS
    return pieces if run and "。" not in text[start:stop] else [whole]


def _merge(text: str, tokens: list[Token], token: Token, matcher: Matcher) -> None:
    """Append a word's token, joined to the one before when the space is inside a cell."""
    while tokens:
        left = tokens[-1]
        span = text[left.start : token.end]
        before, after = text[left.start : left.end], text[token.start : token.end]
        label = left.label if token.shape is Shape.POINTS else None
        if all(t.shape is Shape.TEXT or t.label is not None for t in (left, token)):  # words
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


def _gap(text: str, start: int, stop: int, table: bool) -> list[Token]:
    """A gap between labels: the values at its ends that stand alone (in a table row all), and text."""
    matches = list(VALUE.finditer(text, start, stop))
    head: list[re.Match[str]] = []
    cursor = start
    for match in matches:
        if match.start() != cursor:
            break
        strong = table or match.lastgroup in STRONG or match.end() == stop
        if not strong and _WORDLIKE.match(text, match.end()):
            break  # a word runs on from a bare number: it is part of the text
        head.append(match)
        cursor = match.end()
    tail: list[re.Match[str]] = []
    end = stop
    for match in reversed(matches[len(head) :]):
        if match.end() != end:
            break
        tail.append(match)
        end = match.start()
    while tail and not table and tail[-1].lastgroup not in STRONG:
        if end > start and not _WORDLIKE.match(text, end - 1):
            break
        end = tail.pop().end()  # the run's first value is glued to a word: it is part of the text
    shapes = {"number": Shape.NUMBER}
    tokens = [
        Token(m.start(), m.end(), shapes.get(m.lastgroup, Shape.VALUE), glued=True)
        for m in (*head, *reversed(tail))
    ]
    if cursor < end:
        tokens.insert(len(head), Token(cursor, end, classify(text[cursor:end]), glued=True))
    return tokens


def cut(text: str, start: int, stop: int, hits: list[Token], table: bool = False) -> list[Token]:
    """Labels, values and text of ``text[start:stop]`` (no separator left); all but one ``glued``."""
    tokens: list[Token] = []
    cursor = start
    ends = {start, *(h.end for h in hits)}
    starts = {stop, *(h.start for h in hits)}
    for hit in (h for h in hits if not h.label.weak or (h.start in ends and h.end in starts)):
        if hit.start > cursor:
            tokens.extend(_gap(text, cursor, hit.start, table))
        tokens.append(hit)
        cursor = hit.end
    if cursor < stop:
        tokens.extend(_gap(text, cursor, stop, table))
    weak = {(h.start, h.end): h.label for h in hits if h.label.weak}
    out: list[Token] = []
    for i, token in enumerate(tokens):
        start, shape, label = token.start, token.shape, token.label
        info = weak.get((start, token.end)) if shape is Shape.TEXT else None
        before = out[-1].shape if out else None
        after = tokens[i + 1].shape if i + 1 < len(tokens) else None
        if info is not None and Shape.TEXT not in (before, after):
            shape, label = Shape.LABEL, info
        if label is not None and out and out[-1].has(FURNITURE) and out[-1].end == start:
            start = out.pop().start
        out.append(Token(start, token.end, shape, label, glued=bool(out)))
    return out
