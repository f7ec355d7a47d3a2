"""Printed values as the canonical form keeps them: group points, weights, split targets."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from jixiao.core.dates import FormDate, Month
from jixiao.io.text import amount, clean, join_lines

NUMBER = r"\d+(?:\.\d+)?"  # a printed number (points, a weight): 50, 7.5
YEAR = r"(?:19|20)\d{2}"  # a year printed in a title or a label
# A label's points (产出指标(50分)) or band (产出指标(30-50)分): its name, first and last number.
_POINTS = re.compile(
    rf"^(.*?)\s*[(（]\s*({NUMBER})\s*(?:[-－—~～至]\s*({NUMBER})\s*)?分?\s*[)）]\s*分?$"
)
_ENDS_IN_DIGIT = re.compile(r"\d\s*$")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月?)$")
_NUMBERED_ITEM = re.compile(r"^\s*(?:\d+|[一二三四五六七八九十]+)[、.．)）]")
_SENTENCE_BREAK = re.compile(r"(?<=[。；！？])\s+(?=\S)")
_DEFINED = re.compile(r"^(?P<name>.+?)\s*[（(](?P<definition>[^（）()]{2,})[)）]$", re.S)
_FORMULA = re.compile(r"[/÷×*＊／]")


@dataclass(frozen=True, slots=True)
class GroupLabel:
    """A level-1 label read apart: ``产出指标(50分)`` → name 产出指标, points 50."""

    name: str
    points: Decimal | None = None
    band: tuple[Decimal, Decimal] | None = None  # ``(30-50)分``: a range of points, not a weight


@lru_cache(maxsize=4096)  # asked of every level cell and label line, often the same text
def group_label(text: str) -> GroupLabel:
    """The name with the points (a weight) or band of a printed level-1 label."""
    text = clean(text) or ""
    match = _POINTS.match(text)
    if match and match[3]:
        return GroupLabel(match[1].strip(), band=(Decimal(match[2]), Decimal(match[3])))
    if match and match[1].strip():
        return GroupLabel(match[1].strip(), Decimal(match[2]))
    return GroupLabel(text)


@lru_cache(maxsize=4096)  # most cells are no number: a failed reading raises, twice
def weight(text: str | None) -> Decimal | None:
    """A printed weight or score: ``20`` or ``20%`` → 20; anything else → None."""
    if not text:
        return None
    return amount(text.strip().removesuffix("%").removesuffix("％"))


def split_definition(name: str | None) -> tuple[str | None, str | None]:
    """``(name, definition)``: a bracket's formula (SPEC §2.1), not ``（小时）``; else None."""
    match = _DEFINED.match(name or "")
    if match is None or not _FORMULA.search(match["definition"]):
        return name, None
    return join_lines(match["name"]), join_lines(match["definition"])


def joined(parts: list[str]) -> str | None:
    """Cells of one value printed apart, in printed order with no spaces: ``≧|120|人次``."""
    return "".join(filter(None, map(clean, parts))) or None


def with_unit(value: str | None, unit: str | None) -> str | None:
    """A unit column's text after a value ending in its number (``0`` + ``次``), not ``40%``."""
    unit = clean(unit)
    if not value or not unit or not _ENDS_IN_DIGIT.search(value):
        return value
    return value + unit


def paragraphs(text: str | None, typed: bool) -> tuple[str | None, str | None]:
    """A cell's paragraphs (typed breaks, or after a full stop), and an unsettled break's other."""
    if not text:
        return None, None
    if typed:
        return "\n".join(filter(None, map(clean, text.split("\n")))) or None, None
    if not _SENTENCE_BREAK.search(text):
        return clean(text), None
    parts = _SENTENCE_BREAK.split(text)
    chosen = "\n".join(filter(None, map(clean, parts)))
    if all(_NUMBERED_ITEM.match(p) for p in parts[1:]):
        return chosen, None  # each part a numbered item (2、…): paragraphs, settled
    return chosen, clean(_SENTENCE_BREAK.sub("", text))


def form_date(text: str | None) -> FormDate | None:
    """A printed day (``2019/1/1``, ``2020年3月31日``) or month (``2024年1月``, ``2024-01``)."""
    match = _DATE.match((text or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if match[3] is None:
        return Month(year, month) if 1 <= month <= 12 else None
    try:
        return date(year, month, int(match[3]))
    except ValueError:
        return None


_TICKED, _UNTICKED = "√✓✔☑■▣⊠☒", "□☐"
_BOX_AFTER = re.compile(rf"([^{_TICKED}{_UNTICKED}\s]+)\s*([{_TICKED}{_UNTICKED}])")
_BOX_BEFORE = re.compile(rf"([{_TICKED}{_UNTICKED}])\s*([^{_TICKED}{_UNTICKED}\s]+)")


def ticked(text: str | None) -> tuple[str, ...] | None:
    """The ticked boxes of a printed choice (``新增项目□ 延续项目√`` → 延续项目), else the text."""
    text = clean(text)
    if not text:
        return None
    if not any(mark in text for mark in _TICKED + _UNTICKED):
        return (text,)
    if text[0] in _TICKED + _UNTICKED:
        return tuple(name for mark, name in _BOX_BEFORE.findall(text) if mark in _TICKED)
    return tuple(name for name, mark in _BOX_AFTER.findall(text) if mark in _TICKED)
