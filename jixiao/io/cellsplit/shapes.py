"""The shapes of printed values: ``classify`` names a whole word's, ``VALUE`` finds values in text."""

import re
from enum import StrEnum

from jixiao.core.values import KNOWN_UNITS, MISSING_MARKS
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
UNITS = (
    *KNOWN_UNITS,
    *("个百分点", "平方公里", "万人次", "百分点", "立方米", "元/人", "万亩", "万吨", "户次"),
    *("公里", "千米", "年度", "亩", "位", "分", "张", "部", "间"),
)
MARKS = MISSING_MARKS | {"／", "－", "×"}

# A number with thousands separators is money: two decimals at most (506,745.04, then 10).
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d+)?)"
_COMPARATOR = "|".join(re.escape(c) for c in sorted(COMPARATORS, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))  # 人次 before 人
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
# A whole word that is a value: the shapes above, a space between number and unit allowed.
_WHOLE_VALUE = re.compile(rf"(?:%?(?:{_COMPARATOR})\s?)?{_NUMBER}\s?(?:{_UNIT})?{_BOUND}|{_DATE}")
_WHOLE_NUMBER = re.compile(rf"[-+]?{_NUMBER}")
_POINTS = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*(?:[-~～—至]\s*\d+(?:\.\d+)?\s*)?分?\s*[)）]分?")
_UNIT_WORD = re.compile(rf"(?:{_UNIT}){_BOUND}")
_COMPARATOR_WORD = re.compile(rf"%?(?:{_COMPARATOR})")
_PLACEHOLDER = re.compile(r"(?:指标|目标)\d+[:：]?")
# A date printed with spaces (``2021 年 1 月 28 日``): what may follow a part ending in 年 or 月.
_DATE_PARTS = {"年": re.compile(r"\d{1,2}\s?月"), "月": re.compile(r"\d{1,2}\s?日")}
_FIGURES = (Shape.NUMBER, Shape.VALUE)
# The ``VALUE`` groups that are values even when text runs into them; a bare number is one only
# between labels (``甘财科[2022]78号``).
STRONG = frozenset({"comparator", "date", "percent", "unit"})


def classify(word: str) -> Shape:
    """A whole word's shape: ``880`` NUMBER, ``≥60 次`` VALUE, ``-`` MARK, ``(50分)`` POINTS."""
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


def joins(before: str, left: Shape, after: str, right: Shape) -> bool:
    """Whether a space between two values is inside one cell (``≥60 次``, ``2021 年 1 月``)."""
    if (left in _FIGURES and is_unit(after)) or (is_comparator(before) and right in _FIGURES):
        return True
    if _PLACEHOLDER.fullmatch(before):  # 指标1: 完成中型灌区节水改造项目数量
        return True
    date_part = _DATE_PARTS.get(before[-1:])
    return date_part is not None and date_part.fullmatch(after) is not None
