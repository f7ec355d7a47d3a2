"""What a check may need of a form beyond its figures, and what a given form lacks.

A check declares its needs (``Check.needs``); the runner skips a check whose need the form
cannot meet and says so once, as an ``info`` finding ``check-skipped``. Every other check
runs: a form with no template, an unknown one, a month-only date or no year is still checked.
"""

from dataclasses import dataclass
from enum import StrEnum

from jixiao.core.dates import is_month_only
from jixiao.core.model import Form


class Need(StrEnum):
    """Something a check relies on that a form may not give."""

    YEAR = "year"  # the budget year
    TEMPLATE = (
        "template"  # a template its rule set lists: the rules are the form's own, not inferred
    )
    FULL_DATES = "full-dates"  # dates to the day, not only the month


@dataclass(frozen=True, slots=True)
class Gap:
    """A need a form does not meet: where (JSON path) and what, in Chinese and English."""

    need: Need
    path: str
    zh: str
    en: str


def _month_only_dates(form: Form) -> list[str]:
    dates = {
        "project.start_date": form.project.start_date,
        "project.end_date": form.project.end_date,
        "evaluated_on": form.evaluated_on,
    }
    return [path for path, value in dates.items() if is_month_only(value)]


def form_gaps(form: Form, ruleset_inferred: bool) -> dict[Need, Gap]:
    """The needs ``form`` does not meet; ``ruleset_inferred``: no rule set lists its template."""
    gaps: dict[Need, Gap] = {}
    if form.year is None:
        gaps[Need.YEAR] = Gap(Need.YEAR, "year", "年度", "the year")
    if ruleset_inferred:
        gaps[Need.TEMPLATE] = Gap(
            Need.TEMPLATE,
            "template",
            "规则集所列的模板（规则集系推断）",
            "a template its rule set lists (the rule set was inferred)",
        )
    months = _month_only_dates(form)
    if months:
        gaps[Need.FULL_DATES] = Gap(
            Need.FULL_DATES,
            months[0],
            "精确到日的日期（" + "、".join(months) + " 只到月）",
            "dates to the day (" + ", ".join(months) + " give only the month)",
        )
    return gaps
