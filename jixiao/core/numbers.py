"""The only way text becomes a number in jixiao: ``Decimal``, never float.

Published forms print amounts as ``506,745.04``, rates as ``80.88%``, empty money cells as
``-``; ``to_decimal`` accepts all of these and returns ``None`` for an empty cell.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

_EMPTY_MARKS = {"", "-", "—", "－", "/", "无"}


class NotANumberError(ValueError):
    """Raised when text that should be a number is not one."""


def to_decimal(text: str | int | Decimal | None) -> Decimal | None:
    """Read an amount, a score or a rate as printed.

    Thousands separators, a trailing ``%`` and surrounding spaces are dropped; an empty cell
    or a printed dash gives ``None``. Anything else that is not a decimal raises
    ``NotANumberError``. Floats are refused: they have already lost the printed digits.
    """
    if not isinstance(text, str):  # text first: nearly every call
        if text is None:
            return None
        if isinstance(text, Decimal):
            return text
        if isinstance(text, bool) or isinstance(text, float):
            raise NotANumberError(f"refusing {type(text).__name__} {text!r}: pass text or Decimal")
        if isinstance(text, int):
            return Decimal(text)
    cleaned = text.strip().replace(",", "").replace("，", "").replace("%", "").replace("％", "")
    if cleaned in _EMPTY_MARKS:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise NotANumberError(f"not a number: {text!r}") from None
    if not value.is_finite():
        raise NotANumberError(f"not a finite number: {text!r}")
    return value


# Digits kept when rounding: far beyond any amount a form can print, so rounding never fails.
ROUNDING_PRECISION = 60


def half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round half-up (四舍五入) to ``places`` decimals, as the forms are printed.

    A value too long to round at that precision (only absurd input has one) comes back as it is.
    """
    with localcontext() as context:
        context.prec = ROUNDING_PRECISION
        try:
            return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        except InvalidOperation:
            return value


def to_text(value: Decimal | None) -> str | None:
    """Write a decimal in plain notation, keeping its printed digits (``98.00`` stays)."""
    if value is None:
        return None
    return format(value, "f")


def same_number(a: Decimal | None, b: Decimal | None) -> bool:
    """Compare as numbers: ``98.00`` equals ``98``; ``None`` equals only ``None``."""
    if a is None or b is None:
        return a is None and b is None
    return a == b


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part / whole`` in percent, unrounded; ``None`` when ``whole`` is zero."""
    if whole == ZERO:
        return None
    return part * HUNDRED / whole
