"""Cut a stretch of a line into tokens: labels, values and the text between them.

``cut`` works on text that has no separators left (a whole run-together line, or one word of
a line spaced by single spaces): labels are found first (the long ones anywhere, the short ones
only where they touch other labels or the ends of the stretch), then values in the gaps
between labels, where their shape settles them (a value right after a label or the stretch's
start, or a strong value — comparator, date, percentage, number with unit — at either end of a
gap). What remains is text. Every character of the stretch is in exactly one token.
"""

import re
from dataclasses import dataclass

from jixiao.io.cellsplit.labels import FURNITURE, Hit, LabelInfo, Matcher
from jixiao.io.cellsplit.shapes import VALUE, Shape, classify, is_strong

_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Token:
    """A stretch ``line[start:end]`` that becomes one cell."""

    start: int
    end: int
    shape: Shape
    label: LabelInfo | None = None  # set for a label
    glued: bool = False  # cut out of text with no separator: the boundary was inferred

    def has(self, role: str) -> bool:
        """Whether the token is a label with this role."""
        return self.label is not None and role in self.label.roles


def _accepted(hits: list[Hit], start: int, stop: int) -> list[Hit]:
    """Long labels, and short ones whose both ends touch a label or an end of the stretch."""
    ends = {start, *(h.end for h in hits)}
    starts = {stop, *(h.start for h in hits)}
    return [h for h in hits if not h.weak or (h.start in ends and h.end in starts)]


def _values(text: str, start: int, stop: int, table: bool) -> list[tuple[int, int, Shape]]:
    """The values a gap between labels holds: at its ends, where their shape settles them.

    From the gap's start, values follow each other as long as each stands alone; at its end,
    a run of values (``100%100%1010``) is taken when the first of them stands alone. In a
    table row every value at either end of a gap stands alone (a row ends in its numbers).
    """
    matches = list(VALUE.finditer(text, start, stop))
    head: list[re.Match[str]] = []
    for match in matches:
        if match.start() != (head[-1].end() if head else start):
            break
        if not table and not _ends_value(text, match, stop):
            break
        head.append(match)
    tail: list[re.Match[str]] = []
    for match in reversed(matches[len(head) :]):
        if match.end() != (tail[-1].start() if tail else stop):
            break
        tail.append(match)
    while tail and not table and not _starts_value(text, tail[-1], start):
        tail.pop()  # the run's first value is glued to a word: it is part of the text
    return [
        (m.start(), m.end(), Shape.NUMBER if m.lastgroup == "number" else Shape.VALUE)
        for m in (*head, *reversed(tail))
    ]


def _ends_value(text: str, match: re.Match[str], stop: int) -> bool:
    """A value at a gap's start stands alone if strong, or if no word runs on from it."""
    if is_strong(match.lastgroup):
        return True
    return match.end() == stop or not _WORDLIKE.match(text, match.end())


def _starts_value(text: str, match: re.Match[str], start: int) -> bool:
    """A value at a gap's end stands alone if strong, or if no word runs into it."""
    if is_strong(match.lastgroup):
        return True
    return match.start() > start and not _WORDLIKE.match(text, match.start() - 1)


def _gap(text: str, start: int, stop: int, table: bool) -> list[Token]:
    """Tokens of the text between two labels: its values and the text around them."""
    tokens = []
    cursor = start
    for lo, hi, shape in _values(text, start, stop, table):
        if lo > cursor:
            tokens.append(Token(cursor, lo, classify(text[cursor:lo]), glued=True))
        tokens.append(Token(lo, hi, shape, glued=True))
        cursor = hi
    if cursor < stop:
        tokens.append(Token(cursor, stop, classify(text[cursor:stop]), glued=True))
    return tokens


def _short_labels_among_values(tokens: list[Token], hits: list[Hit]) -> list[Token]:
    """A short label left as text is a label after all when values stand on both its sides.

    ``总分10098.00``: 总分 touched no label, so it was text, but the value split off after it.
    """
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


def cut(
    text: str,
    start: int,
    stop: int,
    matcher: Matcher,
    table: bool = False,
    hits: list[Hit] | None = None,
) -> list[Token]:
    """Tokens of ``text[start:stop]``, a stretch with no separator left in it.

    Args:
        text: the whole line (offsets stay those of the line).
        start: where the stretch begins.
        stop: where it ends.
        matcher: the compiled labels.
        table: whether the stretch is a row of a table (its numbers are cells).
        hits: ``matcher.find(text, start, stop)`` when the caller has it already.

    Returns:
        The tokens in order, covering every character of the stretch; every token but the
        first is ``glued`` (its start was inferred, not printed).
    """
    tokens: list[Token] = []
    cursor = start
    if hits is None:
        hits = matcher.find(text, start, stop)
    for hit in _accepted(hits, start, stop):
        if hit.start > cursor:
            tokens.extend(_gap(text, cursor, hit.start, table))
        tokens.append(Token(hit.start, hit.end, Shape.LABEL, hit.info, glued=True))
        cursor = hit.end
    if cursor < stop:
        tokens.extend(_gap(text, cursor, stop, table))
    tokens = _glue_furniture(_short_labels_among_values(tokens, hits))
    if tokens:
        first = tokens[0]
        tokens[0] = Token(first.start, first.end, first.shape, first.label, glued=False)
    return tokens
