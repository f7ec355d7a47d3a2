"""The range and the decimals each kind of number on a form may have: one table for entry and import.

Points (weights, scores, totals, execution points, a group's band) and rates (in percent) stay
within a thousand; amounts below 10^15 (the reader's plausibility bound). A real form never
comes near these; a number beyond them is a typing slip or a misread, refused with a message
at the field (``problem``), so no stored value can overflow a summary column or a page.
Negative points stay readable: a negative score is a finding (``score-out-of-range``), not a
reading error.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache


@dataclass(frozen=True)
class Limit:
    """Numbers of one kind: ``low`` ≤ x ≤ ``high`` with at most ``places`` decimals."""

    low: Decimal
    high: Decimal
    places: int
    zh: str
    en: str


POINTS = Limit(Decimal(-1000), Decimal(1000), 4, "分值和得分", "points")
RATE = Limit(Decimal(-1000), Decimal(1000), 4, "比率（%）", "a rate (%)")
AMOUNT = Limit(Decimal(-(10**15)) + 1, Decimal(10**15) - 1, 8, "金额", "an amount")

# The last key of a number's JSON path → its kind. Every other number is an amount.
BY_KEY = {
    "weight": POINTS,
    "score": POINTS,
    "total_score": POINTS,
    "execution_weight": POINTS,
    "execution_score": POINTS,
    "band": POINTS,
    "execution_rate": RATE,
}
_LAST_KEY = re.compile(r"([A-Za-z_]+)(?:\[\d+\])*$")


@lru_cache(maxsize=4096)  # the same few hundred paths on every form
def limit_for(path: str) -> Limit:
    """The limit of the number at a JSON path (``indicators[3].weight``) or a field name."""
    match = _LAST_KEY.search(path)
    return BY_KEY.get(match[1] if match else "", AMOUNT)


def _shown(value: Decimal) -> str:
    return f"{value:,f}"


def problem(path: str, number: Decimal) -> tuple[str, str] | None:
    """Why ``number`` cannot stand at ``path`` (Chinese, English), or None when it can."""
    limit = limit_for(path)
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if limit.low <= number <= limit.high and places <= limit.places:
        return None
    low, high = _shown(limit.low), _shown(limit.high)
    return (
        f"{limit.zh}应在 {low} 至 {high} 之间，最多 {limit.places} 位小数",
        f"{limit.en} must lie between {low} and {high}, with at most {limit.places} decimals",
    )
