"""Canonical JSON beyond what the reader can follow: findings at a path, never an exception.

Python's ``json`` raises ``RecursionError`` on deep nesting, ``ValueError`` for an integer of
over 4,300 digits and (with exact decimals) ``InvalidOperation`` for an exponent out of range.
"""

import pytest

from jixiao.core.formjson import FormDecodeError, load_document


def problems(text):
    with pytest.raises(FormDecodeError) as caught:
        load_document(text, "f.json")
    return [(p.code, p.location.path, p.message_en) for p in caught.value.findings]


def form(**raw):
    """A header-only form with raw JSON values for some keys."""
    header = {"schema": '"jixiao/form@1"', "kind": '"target"', "template": "null", "year": "2020"}
    header.update(raw)
    return "{" + ", ".join(f'"{k}": {v}' for k, v in header.items()) + "}"


def test_the_header_only_form_loads():
    assert load_document(form())[0].year == 2020


def test_nesting_200000_deep_is_bad_json_at_the_root():
    assert problems("[" * 200_000 + "]" * 200_000) == [
        (
            "bad-form-json",
            "$",
            "JSON nested too deeply to read (a canonical form is a few levels deep)",
        )
    ]


def test_lists_nested_as_deep_as_json_goes_are_bad_json_at_the_root():
    # 900 levels are within what json.loads follows, but not what reading the forms can.
    depth = 900
    assert problems("[" * depth + form() + "]" * depth)[0][:2] == ("bad-form-json", "$")


def test_a_5000_digit_year_is_refused_at_its_path_with_the_value_cut_short():
    [(code, path, message)] = problems(form(year="9" * 5000))
    assert (code, path) == ("bad-form-json", "year")
    assert message == f"year '{'9' * 38}… is not a whole year such as 2022, nor null"


def test_a_5000_digit_amount_is_out_of_range_at_its_path():
    [(_, path, message)] = problems(form(funds='{"budget": ' + "1" * 5000 + "}"))
    assert path == "funds.budget"
    assert message.startswith("'1111") and message.endswith(
        "is out of any plausible range (must be below 10^15, with at most 30 decimals)"
    )


def test_an_exponent_out_of_decimal_range_is_bad_json():
    [(_, path, message)] = problems(form(total_score="1e9999999999999999999"))
    assert path == "$" and "exponent out of range" in message


@pytest.mark.parametrize(
    ("value", "refused"),
    [('"1e-31"', True), ("1e-999999", True), ('"1e-30"', False), ('"0.' + "0" * 29 + '1"', False)],
)
def test_a_number_may_have_at_most_30_decimals(value, refused):
    try:
        load_document(form(total_score=value), "f.json")
        messages = []
    except FormDecodeError as exc:
        messages = [p.message_en for p in exc.findings if p.location.path == "total_score"]
    # Narrower ranges per kind of number (jixiao.core.limits) may refuse it too, but not this bound.
    assert any("at most 30 decimals" in m for m in messages) is refused
