"""Ranges per kind of number (jixiao.core.limits), as the canonical reader applies them on import."""

import copy
from decimal import Decimal

import pytest

from jixiao.core.formjson import FormDecodeError, decode_form
from jixiao.core.limits import limit_for, problem
from tests.conftest import GOLD

FORM = [f for _, f in GOLD][2]


def with_value(path, value):
    data = copy.deepcopy(FORM)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("indicators", 0, "score"), "10000000", "indicators[0].score"),
        (("indicators", 0, "weight"), "1e-30", "indicators[0].weight"),
        (("total_score",), "1000.00001", "total_score"),
        (("funds", "execution_rate"), "1500", "funds.execution_rate"),
        (("funds", "budget"), "1.000000001", "funds.budget"),
    ],
)
def test_a_number_beyond_its_fields_range_is_refused_where_it_is(path, value, where):
    with pytest.raises(FormDecodeError) as refused:
        decode_form(with_value(path, value), "x.json")
    assert [f.location.path for f in refused.value.findings] == [where]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("indicators", 0, "score"), "-2"),  # a negative score is a finding, not a misread
        (("indicators", 0, "weight"), "0.0001"),
        (("total_score",), "1000"),
        (("funds", "budget"), "999999999999999"),
        (("funds", "executed"), "0.00000001"),
    ],
)
def test_numbers_at_the_edge_of_their_range_are_read(path, value):
    assert decode_form(with_value(path, value), "x.json") is not None


def test_each_path_has_its_kind():
    assert limit_for("groups[1].band[0]").high == Decimal(1000)
    assert limit_for("funds.sources[0].executed").places == 8
    assert limit_for("execution_rate").high == Decimal(1000)
    assert problem("score", Decimal("99.5")) is None
