"""Tokens of text whose cells are separated by single spaces (``年度资金总额: 880 880 880 10 10``).

A single space is a cell boundary unless the shapes say otherwise: a space inside brackets
(``（ 2022 年度）``), between a number and its unit (``≥60 次``), after a comparator alone
(``≥ 60``), between the parts of a date (``2021 年 1 月 28 日``), after a placeholder
(``指标1: 工程质量合格``), inside a label (``一级 指标``, ``部门(单位) 名称``) or before a
label's points (``产出指标 (50分)``) is part of the cell. A word made only of labels and values
(``填报日期:2021``) is cut at them; a word with other text in it is one cell
(``指标1:年度资金支付完成率100%``: the value is part of the name as printed), unless it holds
a whole run-together table or starts with a form's title.
"""

import re

from jixiao.io.cellsplit.labels import TITLE, LabelInfo, Matcher
from jixiao.io.cellsplit.shapes import Shape, classify, is_comparator, is_placeholder, is_unit
from jixiao.io.cellsplit.tokens import Token, cut
from jixiao.io.vocabulary import normalise

_WORD = re.compile(r"\S+")
RUN_TOGETHER_LABELS = 3  # labels in a word (or a line) that make it a run-together table
_OPEN = "(（[【《〔"
# A date printed with spaces (``2021 年 1 月 28 日``): what may follow a part ending in 年 or 月.
_DATE_PARTS = {"年": re.compile(r"\d{1,2}\s?月"), "月": re.compile(r"\d{1,2}\s?日")}
_CLOSE = ")）]】》〕"
_BRACKET = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")


def _depth(word: str) -> int:
    """How many brackets a word leaves open (negative when it closes more than it opens)."""
    if not _BRACKET.search(word):
        return 0
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
    sentence) or that starts with a form's title is cut too; any other word is one token.
    """
    shape = classify(text[start:stop])
    pieces = cut(text, start, stop, matcher)
    if len(pieces) > 1 and all(p.shape is not Shape.TEXT for p in pieces):
        return pieces
    if _run_together(pieces) and "。" not in text[start:stop]:
        return pieces
    if len(pieces) > 1 and pieces[0].has(TITLE):
        return pieces
    if len(pieces) == 1 and pieces[0].shape is Shape.LABEL:
        return pieces
    return [Token(start, stop, shape)]


def _run_together(pieces: list[Token]) -> bool:
    return sum(p.shape is Shape.LABEL for p in pieces) >= RUN_TOGETHER_LABELS


def _joins(text: str, left: Token, right: Token) -> bool:
    """Whether a space between two values is inside one cell (``≥60 次``, ``2021 年 1 月``)."""
    if left.label is not None or right.label is not None:
        return False
    before, after = text[left.start : left.end], text[right.start : right.end]
    if left.shape in (Shape.NUMBER, Shape.VALUE) and is_unit(after):
        return True
    if is_comparator(before) and right.shape in (Shape.NUMBER, Shape.VALUE):
        return True
    if is_placeholder(before):  # 指标1: 完成中型灌区节水改造项目数量
        return True
    return _DATE_PARTS.get(before[-1:]) is not None and bool(
        _DATE_PARTS[before[-1:]].fullmatch(after)
    )


def _broken_label(text: str, left: Token, right: Token, matcher: Matcher) -> LabelInfo | None:
    """The label two words make once the space between them is taken out (``一级 指标``)."""
    if left.shape is not Shape.TEXT and left.label is None:
        return None
    if right.shape is not Shape.TEXT and right.label is None:
        return None
    return matcher.index.get(normalise(text[left.start : right.end]))


def _merge(text: str, tokens: list[Token], token: Token, matcher: Matcher) -> None:
    """Append a word's token, joined with the one before when the space is inside a cell."""
    while tokens:
        left = tokens[-1]
        label = _broken_label(text, left, token, matcher)
        if left.label is not None and token.shape is Shape.POINTS:  # 产出指标 (50分)
            label = left.label
        if label is not None:
            token = Token(left.start, token.end, Shape.LABEL, label, left.glued)
        elif _joins(text, left, token):
            merged = text[left.start : token.end]
            token = Token(left.start, token.end, classify(merged), glued=left.glued)
        else:
            break
        tokens.pop()
    tokens.append(token)


def spaced_tokens(text: str, start: int, stop: int, matcher: Matcher) -> list[Token]:
    """Tokens of ``text[start:stop]``, a stretch whose cells single spaces separate.

    Args:
        text: the whole line (offsets stay those of the line).
        start: where the stretch begins.
        stop: where it ends.
        matcher: the compiled labels.

    Returns:
        The tokens in order; a token may hold spaces (``≥60 次``, ``一级 指标``) but never
        starts or ends with one.
    """
    tokens: list[Token] = []
    label_starts = [hit.start for hit in matcher.find(text, start, stop)]
    next_label = 0
    for lo, hi in words(text, start, stop):
        while next_label < len(label_starts) and label_starts[next_label] < lo:
            next_label += 1
        if next_label < len(label_starts) and label_starts[next_label] < hi:
            word = _word_tokens(text, lo, hi, matcher)
        else:  # no label in the word: it is one cell, whatever values it holds
            word = [Token(lo, hi, classify(text[lo:hi]))]
        for token in word:
            _merge(text, tokens, token, matcher)
    return tokens
