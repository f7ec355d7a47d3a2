"""Normalising extracted text: the steps every importer shares."""

import re
from decimal import Decimal

from jixiao.core.numbers import NotANumberError, to_decimal

CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’、，。；：！？（）《》"
_CJK_GAP = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}])")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_PARAGRAPH = re.compile(r"</p>\s*<p[^>]*>", re.I)
_TAGS = re.compile(r"</?(p|br|span|div)[^>]*>", re.I)
_DASH = "-－—–"
PAGE_FOOTER = re.compile(
    rf"^(?:[{_DASH}]\s*\d{{1,4}}\s*[{_DASH}]"  # - 3 -
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 3 页 (共 9 页)
    r"|\d{1,4}\s*/\s*\d{1,4})$"  # 3/9
)


def is_page_footer(text: str) -> bool:
    """Whether a line is a page number printed as a footer (``- 3 -``, ``第 3 页``)."""
    return bool(PAGE_FOOTER.match(text.strip()))


def join_lines(text: str) -> str:
    """Join wrapped lines: no space between CJK characters (Chinese has none), one elsewhere."""
    text = text.strip()
    if len(text.split(maxsplit=1)) < 2:  # no whitespace inside: nothing to join
        return text
    text = _CJK_GAP.sub("", text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def clean(text: str | None) -> str | None:
    """A cell's text as the canonical form keeps it (``<p>`` paragraphs one a line); empty → None."""
    if text is None:
        return None
    if "<" not in text:  # no markup: one paragraph
        return join_lines(text) or None
    paragraphs = _PARAGRAPH.split(text)
    joined = "\n".join(p for p in (join_lines(_TAGS.sub("", part)) for part in paragraphs) if p)
    return joined or None


def squeeze(text: str) -> str:
    """All whitespace removed: for matching labels such as ``年度 指标值`` or ``可持续影 响指标``."""
    return "".join(text.split())  # str.split and re's \s know the same 29 whitespace characters


def amount(text: str | None) -> Decimal | None:
    """A printed amount (``506,745.04``, ``-``) or None; text that is not a number gives None."""
    try:
        return to_decimal(text)
    except NotANumberError:
        return None


def is_amount(text: str) -> bool:
    """Whether a cell is a number (with separators, ``%`` or a dash for empty)."""
    try:
        to_decimal(text)
    except NotANumberError:
        return False
    return True
