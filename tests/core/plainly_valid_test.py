"""``formreader.plainly_valid`` agrees with the round trip ``decode_form(encode_form(form))``."""

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.core.dates import Month
from jixiao.core.formjson import (
    FormDecodeError,
    decode_form,
    encode_form,
    form_objects,
    parse_json_text,
)
from jixiao.core.formreader import plainly_valid
from jixiao.core.model import FormKind, FundSource, Group
from jixiao.io import parse
from jixiao.io.parse import _incomplete, parse_path

ROOT = Path(__file__).resolve().parents[2]
JSONS = sorted(
    [
        *(ROOT / "jixiao" / "samples" / "forms").glob("*.json"),
        *(ROOT / "tests" / "io" / "fixtures").rglob("*.json"),
    ]
)
IMPORTED = sorted(
    p
    for p in [
        *(ROOT / "jixiao" / "samples" / "seeds").glob("*.txt"),
        *(ROOT / "tests" / "io" / "fixtures" / "files").iterdir(),
    ]
    if p.is_file() and not p.name.endswith(".json")
)


def _round_trip_passes(form) -> bool:
    try:
        decode_form(encode_form(form))
    except FormDecodeError:
        return False
    return True


def _forms_of(path: Path) -> list:
    try:
        objects = form_objects(parse_json_text(path.read_text(encoding="utf-8")))
    except (FormDecodeError, UnicodeDecodeError, ValueError):
        return []
    out = []
    for obj in objects:
        try:
            out.append(decode_form(obj))
        except FormDecodeError:
            pass
    return out


FORMS = [form for path in JSONS for form in _forms_of(path)]


def test_gold_and_expected_forms_agree():
    assert len(FORMS) >= 14
    for form in FORMS:
        assert plainly_valid(form) == _round_trip_passes(form)


@pytest.mark.parametrize("path", IMPORTED, ids=lambda p: p.name)
def test_imported_forms_agree(path):
    for form in parse_path(path).forms:
        assert plainly_valid(form) == _round_trip_passes(form)


def _old_incomplete(document, forms):
    """``parse._incomplete`` as it was: the round trip for every form."""
    saved = parse.plainly_valid
    parse.plainly_valid = lambda form: False
    try:
        return _incomplete(document, forms)
    finally:
        parse.plainly_valid = saved


def _defects(form):
    f = form.funds
    yield dataclasses.replace(form, year=1800)
    yield dataclasses.replace(form, year=True)
    yield dataclasses.replace(form, template="")
    yield dataclasses.replace(form, total_score=Decimal("1000.5"))
    yield dataclasses.replace(form, total_score=Decimal("1.00001"))
    yield dataclasses.replace(form, total_score=Decimal("1E-40"))
    yield dataclasses.replace(form, total_score=Decimal("NaN"))
    yield dataclasses.replace(form, evaluated_on=Month(10000, 1))
    yield dataclasses.replace(form, evaluated_on=date(2020, 1, 2))
    yield dataclasses.replace(form, funds=dataclasses.replace(f, currency_unit="美元"))
    yield dataclasses.replace(form, funds=dataclasses.replace(f, budget=Decimal(10) ** 15))
    yield dataclasses.replace(form, funds=dataclasses.replace(f, execution_rate=Decimal(2000)))
    yield dataclasses.replace(
        form,
        funds=dataclasses.replace(f, sources=(FundSource("x", budget=Decimal("1.123456789")),)),
    )
    yield dataclasses.replace(form, groups=(Group("g", Decimal(5), (Decimal(1), Decimal(2))),))
    yield dataclasses.replace(form, groups=(Group("g", None, (Decimal(3), Decimal("2.0"))),))
    yield dataclasses.replace(form, groups=(Group("g", None, (Decimal(3), Decimal(2000))),))
    yield dataclasses.replace(form, groups=(Group("g", None, (Decimal(1), Decimal(50))),))
    yield dataclasses.replace(form, kind=FormKind.SELF_EVALUATION, grade=3)
    if form.indicators:
        first = form.indicators[0]
        yield dataclasses.replace(
            form,
            indicators=(dataclasses.replace(first, weight=Decimal("1E+4"), score=Decimal(-1001)),),
        )
        yield dataclasses.replace(form, indicators=(dataclasses.replace(first, weight=5),))


def test_defects_give_the_round_trip_findings():
    checked = 0
    for form in FORMS:
        for bad in _defects(form):
            # True only where the round trip passes; False may defer to it (``grade=3``)
            assert not plainly_valid(bad) or _round_trip_passes(bad)
            new = [f.to_dict() for f in _incomplete("doc", [form, bad])]
            old = [f.to_dict() for f in _old_incomplete("doc", [form, bad])]
            assert new == old
            checked += 1
    assert checked > 200
