"""The grammar of targets and actuals (SPEC §3).

``parse_value(text, indicator_name)`` reads a printed value such as ``≥60 次``,
``90%以上功能得到应用`` or ``长效机制健全`` into a ``Value``: quantitative (comparator, number,
unit), qualitative (graded text) or invalid (with the reason). It never raises: any text
has a reading. ``direction(value, name)`` tells whether more is better (positive) or less
is better (reverse: ≤ targets, and a zero target on a count of bad events).

Beyond SPEC §3 (issues 9 and 11): a two-sided target (``±5%以内``, ``正负3%``) bounds a deviation
on either side (``Comparator.WITHIN``, reverse); full-width and box-drawing comparators
(``≧ ≦ ⩾ ⩽ ═``) read like their plain forms; a printed minus sign stays with its number
(``-3%``); a mark that says nothing (``/ - — 无 不适用``) is missing like an empty cell; a bare
direction is recognised by its shape (adverbs, then a verb of change, nothing else: ``逐步改善``,
``进一步提高``), while a direction after its object (``满意度提升``) is a value.
"""

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache

from jixiao.core.names import same_name


class ValueKind(StrEnum):
    """The three readings of a value."""

    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"
    INVALID = "invalid"


class Comparator(StrEnum):
    """How a quantitative value relates its number to what is measured."""

    GE = "≥"
    GT = ">"
    LE = "≤"
    LT = "<"
    EQ = "="
    WITHIN = "±"  # two-sided: the measured deviation stays within ± the number


class InvalidReason(StrEnum):
    """Why a value cannot be measured against."""

    EMPTY = "empty"  # nothing printed, or a mark that says nothing (/ - — 无 不适用)
    NAME = "name"  # the indicator's own name repeated
    DEFINITION = "definition"  # a definition of the indicator instead of a value
    QUESTION = "question"  # a yes/no question (是否…)
    DIRECTION = "direction"  # a bare direction: 降低, 提升, 及时


class Direction(StrEnum):
    """Whether more is better (positive) or less is better (reverse)."""

    POSITIVE = "positive"
    REVERSE = "reverse"


@dataclass(frozen=True, slots=True)
class Value:
    """One reading of a printed target or actual."""

    text: str
    kind: ValueKind
    comparator: Comparator | None = None
    implied: bool = False  # no comparator printed: ``=`` was assumed
    number: Decimal | None = None
    unit: str | None = None
    reason: InvalidReason | None = None

    @property
    def is_inequality(self) -> bool:
        """Whether a comparator other than ``=`` was printed (not a measurement)."""
        return self.kind is ValueKind.QUANTITATIVE and self.comparator is not Comparator.EQ

    @property
    def is_missing(self) -> bool:
        """Whether nothing was printed, or only a mark that says nothing (``/``, ``无``)."""
        return self.reason is InvalidReason.EMPTY


# Full-width forms (＞ ＝) are folded by NFKC; ≧ ≦ ⩾ ⩽ and the box-drawing ═ are not.
_SYMBOLS = {
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    "≧": Comparator.GE,
    "⩾": Comparator.GE,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
    "≦": Comparator.LE,
    "⩽": Comparator.LE,
    "═": Comparator.EQ,
    "±": Comparator.WITHIN,
    "正负": Comparator.WITHIN,
    ">": Comparator.GT,
    "<": Comparator.LT,
    "=": Comparator.EQ,
}
_WORDS_BEFORE = {
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "大于等于": Comparator.GE,
    "大于或等于": Comparator.GE,
    "至少": Comparator.GE,
    "达到": Comparator.GE,
    "不高于": Comparator.LE,
    "不超过": Comparator.LE,
    "不多于": Comparator.LE,
    "小于等于": Comparator.LE,
    "小于或等于": Comparator.LE,
    "控制在": Comparator.LE,
    "大于": Comparator.GT,
    "高于": Comparator.GT,
    "超过": Comparator.GT,
    "小于": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
}
_WORDS_AFTER = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "之内": Comparator.LE,
    "内": Comparator.LE,
}
# Units recognised by name; any other short CJK word after a number is taken as a unit too.
KNOWN_UNITS = (
    "个工作日",
    "百分比",
    "平方米",
    "人次",
    "万元",
    "亿元",
    "千元",
    "小时",
    "分钟",
    "个月",
    "工作日",
    "元",
    "次",
    "批",
    "个",
    "天",
    "日",
    "期",
    "条",
    "秒",
    "人",
    "家",
    "项",
    "场",
    "篇",
    "份",
    "户",
    "件",
    "台",
    "套",
    "所",
    "年",
    "月",
    "周",
    "本",
    "册",
    "米",
    "吨",
    "辆",
    "座",
    "处",
    "名",
    "组",
    "类",
    "门",
    "节",
    "课",
    "GB",
    "M",
    "Mbps",
    "km",
    "‰",
    "%",
)
BARE_DIRECTIONS = frozenset(
    {
        "降低",
        "提升",
        "提高",
        "及时",
        "增加",
        "减少",
        "下降",
        "上升",
        "增长",
        "改善",
        "加强",
        "优化",
        "有所提升",
        "有所提高",
        "有所降低",
        "逐步提高",
        "逐步提升",
        "明显提升",
        "明显提高",
        "稳步提升",
        "持续提升",
        "不断提高",
        "进一步提升",
        "进一步提高",
        "较上年提高",
        "较上年降低",
    }
)
# A bare direction: adverbs of degree or time, then a verb of change, and nothing else
# (``降低``, ``逐步改善``, ``进一步提高``). A direction after its object is a value
# (``满意度提升``, ``支撑作用明显``: SPEC §3), so the pattern is anchored at the start.
_DIRECTION_ADVERBS = (
    "进一步|逐步|逐年|不断|持续|稳步|明显|显著|大幅度|大幅|有所|较上年|比上年|同比|全面|切实"
    "|有效|积极|努力|力争|继续|大力|一定程度|得到|得以|均有|较大|较|更加|更|再"
)
_DIRECTION_VERBS = (
    "提高|提升|降低|下降|改善|增加|减少|增长|上升|加强|优化|改进|增强|减小|缩短|扩大"
    "|好转|加快|压缩|压减|缩小|增多|变好"
)
_BARE_DIRECTION = re.compile(rf"^(?:{_DIRECTION_ADVERBS})*(?:{_DIRECTION_VERBS})(?:了|中)?$")
# Marks printed in a cell to say "nothing here": read as missing, like an empty cell.
MISSING_MARKS = frozenset({"/", "\\", "-", "--", "—", "——", "―", "无", "不适用", "空"})
_DEFINITION_STARTS = ("考核", "反映", "用以", "用于反映", "考察", "衡量", "用来", "指")
_DEFINITION_MARKS = ("用以反映", "用以考核", "用于考核", "的程度", "合适程度", "的情况。")
# Counts of bad events: a zero target on one of these is a reverse indicator.
BAD_EVENT_WORDS = (
    "差错",
    "事故",
    "投诉",
    "故障",
    "丢包",
    "失误",
    "违规",
    "违纪",
    "事件",
    "伤亡",
    "缺陷",
    "返工",
    "退件",
    "超支",
    "漏报",
    "误报",
    "安全隐患",
    "整改",
)

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PRODUCT = rf"(?:{_NUMBER})(?:\s*[*×xX]\s*(?:{_NUMBER}))*"
_CMP_BEFORE = "|".join(
    sorted([re.escape(s) for s in _SYMBOLS] + list(_WORDS_BEFORE), key=len, reverse=True)
)
# Comparators printed before a number, longest first: where a value starts in a sentence.
COMPARATORS_BEFORE = tuple(sorted((*_SYMBOLS, *_WORDS_BEFORE), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(u) for u in KNOWN_UNITS), key=len, reverse=True))
_AFTER = "|".join(sorted(_WORDS_AFTER, key=len, reverse=True))
_QUANT = re.compile(
    rf"^(?P<prefix>.*?)(?P<cmp>{_CMP_BEFORE})?\s*(?P<sign>[-−])?(?P<num>{_PRODUCT})\s*"
    rf"(?P<unit>(?:{_UNIT}|[\u4e00-\u9fff]{{1,3}})(?=$|{_AFTER}|[^\u4e00-\u9fff])|{_UNIT})?\s*"
    rf"(?P<after>{_AFTER})?(?P<rest>.*)$"
)
# Text around the number longer than this is a sentence that happens to hold a number.
MAX_SURROUNDING = 12
_SENTENCE_MARKS = re.compile(r"[，。；、,;：:]")
_YEAR = re.compile(r"^(19|20)\d\d$")


_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Fold full-width forms (``＞`` ``％`` ``１``) and collapse whitespace."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def _number(text: str) -> Decimal | None:
    factors = re.split(r"\s*[*×xX]\s*", text.replace(",", ""))
    try:
        result = Decimal(1)
        for factor in factors:
            result *= Decimal(factor)
    except InvalidOperation:
        return None
    return result


def _invalid_reason(text: str, name: str | None) -> InvalidReason | None:
    if not text or text in MISSING_MARKS:
        return InvalidReason.EMPTY
    if name and same_name(text, name):
        return InvalidReason.NAME
    if text.startswith("是否") or "是否" in text[:12]:
        return InvalidReason.QUESTION
    if text.startswith(_DEFINITION_STARTS) or any(mark in text for mark in _DEFINITION_MARKS):
        return InvalidReason.DEFINITION
    bare = text.rstrip("。.")
    if bare in BARE_DIRECTIONS or _BARE_DIRECTION.match(bare):
        return InvalidReason.DIRECTION
    return None


def _quantitative(text: str) -> Value | None:
    match = _QUANT.match(text)
    if not match:
        return None
    prefix, rest = match["prefix"].strip(), match["rest"].strip()
    unit = match["unit"]
    if len(prefix) + len(rest) > MAX_SURROUNDING or _SENTENCE_MARKS.search(prefix + rest):
        return None
    if unit == "年" and _YEAR.match(match["num"]):
        return None
    if prefix and not match["cmp"] and re.search(r"\d", prefix):
        return None
    number = _number(match["num"])
    if number is None:
        return None
    if match["sign"]:  # a printed minus sign is part of the number (a fall of 3 %: -3%)
        number = -number
    comparator = _comparator(match["cmp"], match["after"])
    return Value(
        text=text,
        kind=ValueKind.QUANTITATIVE,
        comparator=comparator or Comparator.EQ,
        implied=comparator is None,
        number=number,
        unit="%" if unit == "百分比" else unit,
    )


def _comparator(before: str | None, after: str | None) -> Comparator | None:
    if before and before != "达到":
        return _SYMBOLS.get(before) or _WORDS_BEFORE[before]
    if after:
        return _WORDS_AFTER[after]
    return _WORDS_BEFORE["达到"] if before else None


# Forms repeat the same values (100%, ≥95%, 长效机制健全) thousands of times: read each once.
@lru_cache(maxsize=8192)
def parse_value(text: str | None, indicator_name: str | None = None) -> Value:
    """Read a printed target or actual; never raises."""
    printed = _SPACES.sub(" ", text or "").strip()
    folded = normalize(printed)
    reason = _invalid_reason(folded, indicator_name)
    if reason is not None:
        return Value(text=printed, kind=ValueKind.INVALID, reason=reason)
    value = _quantitative(folded)
    if value is None:
        return Value(text=printed, kind=ValueKind.QUALITATIVE)
    return replace(value, text=printed)


def is_bad_event(name: str | None, words: tuple[str, ...] = BAD_EVENT_WORDS) -> bool:
    """Whether an indicator counts bad events (差错率, 事故次数, 投诉次数, 故障率, 丢包率…)."""
    return bool(name) and any(word in name for word in words)


def direction(
    target: Value, name: str | None, bad_event_words: tuple[str, ...] = BAD_EVENT_WORDS
) -> Direction:
    """Reverse for ≤ / < / ± targets and for a zero target on a count of bad events.

    A two-sided target (``±5%以内``) bounds a deviation: the smaller its size, the better.
    """
    if target.comparator in (Comparator.LE, Comparator.LT, Comparator.WITHIN):
        return Direction.REVERSE
    if target.number == 0 and is_bad_event(name, bad_event_words):
        return Direction.REVERSE
    return Direction.POSITIVE
