"""Tokens of text whose cells are separated by single spaces (``年度资金总额: 880 880 880 10 10``).

A single space is a cell boundary unless the shapes say otherwise: a space inside brackets
(``（ 2022 年度）``), between a number and its unit (``≥60 次``) or after a comparator alone
(``≥ 60``) is part of the cell. A word made only of labels and values (``填报日期:2021``) is
cut at them; a word with other text in it is one cell (``指标1:年度资金支付完成率100%``: the
value is part of the name as printed), unless it holds a whole run-together table.
"""

import re

from jixiao.io.cellsplit.labels import Matcher
from jixiao.io.cellsplit.shapes import Shape, classify, is_comparator, is_unit
from jixiao.io.cellsplit.tokens import Token, cut

_WORD = re.compile(r"\S+")
RUN_TOGETHER_LABELS = 3  # labels in a word (or a line) that make it a run-together table
_OPEN = "(（[【《〔"
_CLOSE = ")）]】》〕"


def _depth(word: str) -> int:
    """How many brackets a word leaves open (negative when it closes more than it opens)."""
    return sum(word.count(c) for c in _OPEN) - sum(word.count(c) for c in _CLOSE)


def words(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:stop]`` between spaces, a bracketed stretch kept whole."""
    spans: list[tuple[int, int]] = []
    depth = 0
    for match in _WORD.finditer(text, start, stop):
        if spans and depth > 0:
            spans[-1] = (spans[-1][0], match.end())
        else:
            spans.append(match.span())
        depth = max(0, depth + _depth(match.group()))
    return spans


def _word_tokens(text: str, start: int, stop: int, matcher: Matcher) -> list[Token]:
    """One word: cut at its labels and values when nothing else is in it.

    A word that holds a run-together table (three labels or more, and no full stop: not a
    sentence) is cut too; any other word is one token.
    """
    pieces = cut(text, start, stop, matcher)
    if len(pieces) > 1 and all(p.shape is not Shape.TEXT for p in pieces):
        return pieces
    if _run_together(pieces) and "。" not in text[start:stop]:
        return pieces
    if len(pieces) == 1 and pieces[0].shape is Shape.LABEL:
        return pieces
    return [Token(start, stop, classify(text[start:stop]))]


def _run_together(pieces: list[Token]) -> bool:
    return sum(p.shape is Shape.LABEL for p in pieces) >= RUN_TOGETHER_LABELS


def _joins(text: str, left: Token, right: Token) -> bool:
    """Whether a space between two tokens is inside one cell (``≥60 次``, ``≥ 60``)."""
    if left.label is not None or right.label is not None:
        return False
    numeric = left.shape in (Shape.NUMBER, Shape.VALUE)
    if numeric and is_unit(text[right.start : right.end]):
        return True
    return is_comparator(text[left.start : left.end]) and right.shape in (
        Shape.NUMBER,
        Shape.VALUE,
    )


def spaced_tokens(text: str, start: int, stop: int, matcher: Matcher) -> list[Token]:
    """Tokens of ``text[start:stop]``, a stretch whose cells single spaces separate.

    Args:
        text: the whole line (offsets stay those of the line).
        start: where the stretch begins.
        stop: where it ends.
        matcher: the compiled labels.

    Returns:
        The tokens in order; a token may hold spaces (``≥60 次``) but never starts or ends
        with one.
    """
    tokens: list[Token] = []
    for lo, hi in words(text, start, stop):
        for token in _word_tokens(text, lo, hi, matcher):
            if tokens and _joins(text, tokens[-1], token):
                left = tokens.pop()
                merged = text[left.start : token.end]
                tokens.append(Token(left.start, token.end, classify(merged), glued=left.glued))
            else:
                tokens.append(token)
    return tokens
