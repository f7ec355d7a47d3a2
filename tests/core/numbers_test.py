from decimal import Decimal

import pytest

from jixiao.core.numbers import NotANumberError, half_up, to_decimal, to_text


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("506,745.04", Decimal("506745.04")),
        ("80.88%", Decimal("80.88")),
        ("2,300,000.00", Decimal("2300000.00")),
        (" 10 ", Decimal("10")),
        ("-", None),
        ("", None),
        (None, None),
        (7, Decimal(7)),
    ],
)
def test_to_decimal_reads_printed_numbers(printed, expected):
    assert to_decimal(printed) == expected


@pytest.mark.parametrize("bad", ["abc", "1.2.3", "NaN", "Infinity", 1.5, True])
def test_to_decimal_refuses_what_is_not_a_printed_number(bad):
    with pytest.raises(NotANumberError):
        to_decimal(bad)


def test_to_decimal_keeps_printed_digits():
    assert to_text(to_decimal("98.00")) == "98.00"
    assert to_text(to_decimal("2523747.00")) == "2523747.00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("8.0885", "8.09"),
        ("80.8851", "80.89"),
        ("2.345", "2.35"),
        ("2.344", "2.34"),
        ("9.865", "9.87"),
    ],
)
def test_half_up_rounds_halves_up(value, expected):
    assert half_up(Decimal(value)) == Decimal(expected)
