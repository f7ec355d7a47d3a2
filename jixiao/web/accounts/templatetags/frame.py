"""Figures as users write them: amounts, rates, points.

Amounts have thousands separators and two decimals in the form's unit (元 / 万元, switched
with ``?unit=``); rates end in %; points have two decimals.

Declared and recomputed figures go through the same filter, so they line up alike.
"""

import re
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from jixiao.core.numbers import to_decimal

register = template.Library()
# How many 元 one unit is.
UNITS = {"元": Decimal(1), "万元": Decimal(10000)}
MOST_PLACES = 6
# The grade words of the national and Shanghai rule sets.
GRADES = {
    "优": gettext_lazy("优"),
    "优秀": gettext_lazy("优秀"),
    "良": gettext_lazy("良"),
    "良好": gettext_lazy("良好"),
    "中": gettext_lazy("中"),
    "合格": gettext_lazy("合格"),
    "差": gettext_lazy("差"),
    "不合格": gettext_lazy("不合格"),
}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _number(value) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return to_decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def grouped(number: Decimal, places: int = 2) -> str:
    """``1234567.5`` → ``1,234,567.50``: at least ``places`` decimals, more only if needed."""
    exponent = number.normalize().as_tuple().exponent
    needed = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    shown = min(max(places, needed), MOST_PLACES)
    return f"{number:,.{shown}f}"


def unit_word(unit: str) -> str:
    """元 / 万元 in the page's language."""
    return {"元": _("元"), "万元": _("万元")}.get(unit, unit)


@register.filter
def money(value, places: int = 2) -> str:
    """An amount with thousands separators, or the value as typed when it is no number."""
    number = _number(value)
    if number is None:
        return "" if value in (None, "") else str(value)
    return grouped(number, places)


@register.simple_tag(takes_context=True)
def amount(context, value, unit) -> str:
    """An amount in the unit the page shows (``?unit=元|万元``; the form's own by default)."""
    number = _number(value)
    if number is None:
        return "—" if value in (None, "") else str(value)
    unit = unit if unit in UNITS else "元"
    shown = display_unit(context, unit)
    if shown != unit:
        number = number * UNITS[unit] / UNITS[shown]
    return f"{grouped(number)} {unit_word(shown)}"


@register.simple_tag(takes_context=True)
def display_unit(context, unit) -> str:
    """The unit the page shows amounts in: the one asked for, else the form's."""
    request = context.get("request")
    asked = request.GET.get("unit") if request is not None else None
    if asked in UNITS:
        return asked
    return unit if unit in UNITS else "元"


@register.filter
def rate(value) -> str:
    """A rate with two decimals and %."""
    number = _number(value)
    if number is None:
        return "—" if value in (None, "") else str(value)
    return f"{grouped(number)} %"


@register.filter
def points(value) -> str:
    """Points (scores, weights) with two decimals; words (a grade) as they are."""
    number = _number(value)
    if number is None:
        return "—" if value in (None, "") else str(value)
    return grouped(number)


@register.filter
def figure(value, kind: str) -> str:
    """A figure of the declared / recomputed table by its kind: rate, points or words."""
    if kind == "rate":
        return rate(value)
    if kind == "points":
        return points(value)
    if kind == "grade":
        return grade_word(value)
    return "—" if value in (None, "") else str(value)


@register.filter
def grade_word(word) -> str:
    """A rule set's grade word in the page's language (a deployment's own words as they are)."""
    if word in (None, ""):
        return "—"
    return str(GRADES.get(word, word))


@register.filter
def split_units(text: str) -> list[str]:
    """``"元,万元"`` → the units a switch offers."""
    return text.split(",")


@register.filter
def unit_label(unit: str) -> str:
    """元 / 万元 in the page's language."""
    return unit_word(unit)


@register.filter
def one_language(text) -> str:
    """A value the core writes in both languages (``实测值 / a measured value``) in the page's.

    The Chinese comes first; what precedes its first Chinese character (``≥ 90% ``) belongs
    to both. Text in one language only, or typed by a unit, is returned as it is.
    """
    if not isinstance(text, str) or " / " not in text:
        return text
    chinese, english = text.rsplit(" / ", 1)
    if not CJK.search(chinese) or CJK.search(english):
        return text
    if get_language() != "en":
        return chinese
    shared = chinese[: CJK.search(chinese).start()]
    return english if english.startswith(shared) else shared + english
