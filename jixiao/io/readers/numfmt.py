"""Spreadsheet number formats: a stored number → the text the sheet prints.

Numbers are stored as binary floats (``82.35 + 4.8`` is ``87.14999999999999``): the text is
rebuilt as Excel prints it, at most 15 significant digits, the format's decimals, and ``%``
for percentage formats (0.9436 shown as ``94.36%``). Amounts become ``Decimal`` downstream.
A number whose format is a date format is a serial day count (from 1899-12-30, or from
1904-01-01 in the 1904 date system) and prints as an ISO date; a duration format
(``[h]:mm``) prints as a duration.
"""

import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

# What Excel shows of a float: 15 significant digits.
SIGNIFICANT_DIGITS = 15
# Ids below this are built in; a workbook's own formats are numbered from it up.
FIRST_CUSTOM_ID = 164
# The built-in formats (ECMA-376 §18.8.30) that print digits or dates in every locale.
BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
# Ids a Chinese Excel gives its dates and times without writing the format down
# (27–36, 50–58: ``yyyy"年"m"月"d"日"``, ``m"月"d"日"``, ``h"时"mm"分"`` …).
CJK_DATE_IDS = frozenset(range(27, 37)) | frozenset(range(50, 59))
CJK_DATE_FORMAT = 'yyyy"年"m"月"d"日"'

WINDOWS_EPOCH = datetime(1899, 12, 30)
MAC_EPOCH = datetime(1904, 1, 1)
SECONDS_PER_DAY = 86400

# Parts of a number format that print no digit: quoted text, [colour]/[locale] codes,
# escaped characters, padding (_x) and fill (*x) marks.
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_DECIMALS = re.compile(r"\.([0#?]+)")
# For telling dates: quoted text and [locale]/[colour] codes, but not [h] [m] [s].
_DATE_NOISE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_PART = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def format_code(number_format_id: int, custom: dict[int, str]) -> str:
    """The format code of an id: the workbook's own, else the built-in one, else General."""
    if number_format_id in custom:
        return custom[number_format_id]
    if number_format_id in CJK_DATE_IDS:
        return CJK_DATE_FORMAT
    return BUILTIN_FORMATS.get(number_format_id, "General")


def is_date_format(code: str) -> bool:
    """Whether a format prints numbers as dates or times (its first section names d m y h s)."""
    return _DATE_PART.search(_DATE_NOISE.sub("", code.split(";", maxsplit=1)[0])) is not None


def is_duration_format(code: str) -> bool:
    """Whether a format prints elapsed time (``[h]:mm``, ``[mm]:ss``)."""
    return _DURATION.search(code.split(";", maxsplit=1)[0]) is not None


def printed_number(value: int | float, number_format: str) -> str:
    """``87.14999999999999`` with ``0.00`` → ``87.15``; ``0.9436`` with ``0.00%`` → ``94.36%``."""
    number = _significant(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))
    section = _FORMAT_NOISE.sub("", number_format.split(";", maxsplit=1)[0])
    percent = "%" in section
    if percent:
        number *= 100
    if section.strip().lower() in ("general", "@", ""):
        text = _plain(number)
    else:
        match = _DECIMALS.search(section)
        places = len(match[1]) if match else 0
        # Enough digits for every one the format prints (1.5e308 with 0.00 has 311).
        with localcontext(Context(prec=max(28, number.adjusted() + places + 2))):
            text = f"{number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
    return text + ("%" if percent else "")


def _significant(number: Decimal) -> Decimal:
    if not number:
        return number
    exponent = number.adjusted() - SIGNIFICANT_DIGITS + 1
    if number.as_tuple().exponent >= exponent:
        return number
    return number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def _plain(number: Decimal) -> str:
    """Decimal notation without trailing zeros: ``100.0`` → ``100``, ``1E+2`` → ``100``."""
    text = f"{number.normalize():f}"
    return "0" if text in ("-0", "0") else text


def serial_to_datetime(
    serial: int | float, date1904: bool = False, duration: bool = False
) -> datetime | time | timedelta:
    """A serial day count as a date and time, a time of day (below 1), or a duration.

    Times are rounded to the millisecond. In the 1900 system Excel counts a 29 February
    1900 that never was: serials below 60 are one day later than their count.

    Raises:
        OverflowError, ValueError: the serial is outside the dates Python can hold.
    """
    if duration:
        span = timedelta(days=serial)
        if span.microseconds:
            span = timedelta(
                seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3)
            )
        return span
    day, fraction = divmod(serial, 1)
    clock = timedelta(milliseconds=round(fraction * SECONDS_PER_DAY * 1000))
    if 0 <= serial < 1 and clock.days == 0:
        minutes, seconds = divmod(clock.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return time(hours, minutes, seconds, clock.microseconds)
    if 0 < serial < 60 and not date1904:
        day += 1
    return (MAC_EPOCH if date1904 else WINDOWS_EPOCH) + timedelta(days=day) + clock


def printed_moment(value: date | time | timedelta) -> str:
    """A date ``2023-03-31``, a date and time ``2023-03-31 08:30:00``, a time, a duration.

    A duration prints in hours, as ``[h]:mm:ss`` does: 36 hours is ``36:00:00``.
    """
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    minutes, seconds = divmod(round(value.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"
