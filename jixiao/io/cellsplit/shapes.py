"""The shapes of printed values: what a cell holding an amount, a target or a score looks like.

Two uses: ``classify`` names the shape of a whole word (text that spaces already cut out), and
``VALUE`` finds value-shaped stretches inside text that lost every separator. The comparators
are the vocabulary's (full-width and box-drawing comparators, the comparator words); the
units are those of SPEC §3 and the corpus, as printed. Patterns are compiled once, at import.
"""

import re
from enum import StrEnum

from jixiao.io.vocabulary import vocabulary


class Shape(StrEnum):
    """What a token of a line is."""

    LABEL = "label"  # a printed label of the vocabulary
    VALUE = "value"  # a comparator value, a percentage, an amount with its unit, a date
    NUMBER = "number"  # a bare number: an amount, a weight, a score, a count
    MARK = "mark"  # a printed blank: `-`, `/`, `—`
    POINTS = "points"  # a group's points alone: `(50分)`
    TEXT = "text"  # anything else: a name, a sentence, a qualitative value


COMPARATORS = vocabulary().words("indicators", "comparators")  # the national root's
# Units as printed after a number, longest first so that 人次 wins over 人.
UNITS = (
    *("个百分点", "平方公里", "平方米", "立方米", "万人次", "百分比", "百分点", "公里", "千米"),
    *("万元", "亿元", "万亩", "万吨", "人次", "户次", "小时", "分钟", "工作日", "元/人", "年度"),
    *("次", "批", "个", "天", "期", "条", "元", "秒", "人", "家", "项", "件", "户", "座"),
    *("亩", "米", "吨", "台", "套", "场", "篇", "份", "所", "本", "册", "部", "张", "辆"),
    *("间", "处", "名", "位", "年", "月", "日", "周", "分", "%", "‰"),
)
MARKS = frozenset({"-", "--", "—", "——", "/", "／", "－", "\\", "无", "×"})

# A number with thousands separators is money: two decimals at most (506,745.04, then 10).
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d+)?)"
_COMPARATOR = "|".join(re.escape(c) for c in sorted(COMPARATORS, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_BOUND = r"(?:以上|以内|以下)?"
_DATE = r"\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月(?:\d{1,2}日)?)"

# Value-shaped stretches, strongest first. The OCR of a box-drawing `═` as `二` is taken as a
# comparator only right before a digit. A unit column glued before the comparator (`%=99`)
# stays with the value.
VALUE = re.compile(
    rf"(?P<comparator>%?(?:{_COMPARATOR}|二(?=\d))\s?{_NUMBER}\s?(?:{_UNIT})?{_BOUND})"
    rf"|(?P<date>{_DATE})"
    rf"|(?P<percent>{_NUMBER}\s?[%‰]{_BOUND})"
    rf"|(?P<unit>{_NUMBER}(?:{_UNIT}){_BOUND})"
    rf"|(?P<number>{_NUMBER})"
)
# A whole word that is a value (spaces already cut it out): the shapes above, or a value with
# a space between number and unit, or a number with a bound word.
_WHOLE_VALUE = re.compile(
    rf"(?:%?(?:{_COMPARATOR})\s?)?{_NUMBER}\s?(?:{_UNIT})?{_BOUND}|{_DATE}",
)
_WHOLE_NUMBER = re.compile(rf"[-+]?{_NUMBER}")
_POINTS = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*(?:[-~～—至]\s*\d+(?:\.\d+)?\s*)?分?\s*[)）]分?")
_UNIT_WORD = re.compile(rf"(?:{_UNIT}){_BOUND}")
_COMPARATOR_WORD = re.compile(rf"%?(?:{_COMPARATOR})")
_PLACEHOLDER = re.compile(r"(?:指标|目标)\d+[:：]?")


def classify(word: str) -> Shape:
    """The shape of a whole word (a stretch that separators already cut out).

    Args:
        word: the text of the word, as printed.

    Returns:
        ``NUMBER`` for ``880`` or ``506,745.04``; ``VALUE`` for ``≥60 次``, ``90%``,
        ``20万元`` or ``2023-01-01``; ``MARK`` for ``-`` or ``/``; ``POINTS`` for ``(50分)``;
        ``TEXT`` otherwise. Labels are recognised elsewhere.
    """
    if word in MARKS:
        return Shape.MARK
    if _WHOLE_NUMBER.fullmatch(word):
        return Shape.NUMBER
    if _WHOLE_VALUE.fullmatch(word):
        return Shape.VALUE
    if _POINTS.fullmatch(word):
        return Shape.POINTS
    return Shape.TEXT


def is_unit(word: str) -> bool:
    """Whether a word is only a unit (``次``, ``万元``, ``%``), as printed after a number."""
    return _UNIT_WORD.fullmatch(word) is not None


def is_comparator(word: str) -> bool:
    """Whether a word is only a comparator (``≥``, ``大于等于``)."""
    return _COMPARATOR_WORD.fullmatch(word) is not None


def is_placeholder(word: str) -> bool:
    """Whether a word is only a placeholder printed before a name (``指标1:``)."""
    return _PLACEHOLDER.fullmatch(word) is not None


def is_strong(kind: str | None) -> bool:
    """Whether a match of ``VALUE`` (by its group name) is a value wherever it stands.

    A comparator value, a date, a percentage or a number with its unit is a value even when
    text runs into it; a bare number is one only between labels (``甘财科[2022]78号``).
    """
    return kind in {"comparator", "date", "percent", "unit"}
