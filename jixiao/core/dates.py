"""Dates as forms print them: a day (``2023-07-15``) or only a month (``2023-07``).

Many forms print a project's period or the evaluation date to the month (``2023年7月``);
the canonical form keeps that precision instead of inventing a day. ``Month`` is the
month-only date; ``FormDate`` is either kind, and both write back as they were read
(``isoformat``).
"""

import re
from dataclasses import dataclass
from datetime import date

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
FIRST_MONTH, LAST_MONTH = 1, 12


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A date known only to the month: ``Month(2023, 7)`` is ``2023-07``."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not FIRST_MONTH <= self.month <= LAST_MONTH:
            raise ValueError(f"month must be 1..12, got {self.month}")

    def isoformat(self) -> str:
        """``YYYY-MM``, as the canonical form writes it."""
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()


FormDate = date | Month


def parse_form_date(text: str) -> FormDate:
    """An ISO day (``2023-07-15``) as ``date``, an ISO month (``2023-07``) as ``Month``.

    Raises:
        ValueError: for anything else (``2023/7/15``, ``2023-7``, ``2023-02-30``).
    """
    if _DAY.fullmatch(text):
        return date.fromisoformat(text)
    match = _MONTH.fullmatch(text)
    if match is None:
        raise ValueError(f"not an ISO day or month: {text!r}")
    return Month(int(match[1]), int(match[2]))


def is_month_only(value: FormDate | None) -> bool:
    """Whether a date was printed to the month only."""
    return isinstance(value, Month)
