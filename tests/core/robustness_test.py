"""Any JSON in the place of a value: decoding reports it, and a form that decodes checks cleanly."""

import copy
from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.checks.runner import check_form
from jixiao.core.formjson import FormDecodeError, decode_form
from jixiao.core.rulesets import load_config
from tests.conftest import GOLD

CONFIG = load_config()
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str)
    | st.sampled_from(
        ["≥60 次", "0", "-", "100%", "1e9", "-5", "降低", "", "99999999999999999999"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, (*prefix, i))
    yield prefix


def replaced(form, path, value):
    form = copy.deepcopy(form)
    if not path:
        return value
    node = form
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return form


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([f for _, f in GOLD]), st.data(), JSON)
def test_a_value_replaced_by_any_json_is_reported_or_checked_cleanly(form, data, value):
    path = data.draw(st.sampled_from(list(paths(form))))
    mutated = replaced(form, path, value)
    try:
        decoded = decode_form(mutated, "fuzz.json", 0)
    except FormDecodeError as exc:
        assert exc.findings and all(f.code == "bad-form-json" for f in exc.findings)
        return
    report = check_form(decoded, CONFIG, "fuzz.json", 0)
    assert not [f for f in report.findings if f.code == "internal-error"]


def test_a_tiny_budget_does_not_break_the_checks():
    form = decode_form(replaced([f for _, f in GOLD][2], ("funds", "budget"), "0.0000001"))
    assert not [f for f in check_form(form, CONFIG).findings if f.code == "internal-error"]


def test_an_absurd_amount_is_refused_when_read_and_survived_when_scored():
    data = replaced([f for _, f in GOLD][2], ("funds", "executed"), "1" + "0" * 40)
    try:
        decode_form(data, "x.json")
    except FormDecodeError as exc:
        assert [f.location.path for f in exc.findings] == ["funds.executed"]
        assert "10^15" in exc.findings[0].message_en
    else:
        raise AssertionError("a 41-digit amount was accepted")
    # An importer builds forms without decoding them: scoring must still not fail on it.
    form = decode_form([f for _, f in GOLD][2])
    huge = replace(form, funds=replace(form.funds, executed=Decimal(10) ** 40))
    report = check_form(huge, CONFIG)
    assert report.score.execution_rate_display > Decimal(10) ** 36
    assert not [f for f in report.findings if f.code == "internal-error"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([f for _, f in GOLD]), JSON | st.lists(JSON, min_size=2, max_size=2))
def test_any_json_as_a_band_is_reported_or_checked_cleanly(form, band):
    mutated = copy.deepcopy(form)
    mutated["groups"][0].update(weight=None, band=band)
    try:
        decoded = decode_form(mutated, "fuzz.json", 0)
    except FormDecodeError as exc:
        assert all(f.code == "bad-form-json" and f.location.path for f in exc.findings)
        assert all(f.location.path.startswith("groups[0].band") for f in exc.findings)
        return
    report = check_form(decoded, CONFIG, "fuzz.json", 0)
    assert not [f for f in report.findings if f.code == "internal-error"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([f for _, f in GOLD]),
    st.sampled_from([("project", "start_date"), ("project", "end_date"), ("evaluated_on",)]),
    st.from_regex(r"\d{4}-\d{1,2}(-\d{1,2})?", fullmatch=True) | st.text(max_size=12),
)
def test_any_text_as_a_date_is_reported_or_checked_cleanly(form, path, text):
    try:
        decoded = decode_form(replaced(form, path, text), "fuzz.json", 0)
    except FormDecodeError as exc:
        assert [f.location.path for f in exc.findings] == [".".join(path)]
        return
    assert decoded.project.start_date or decoded.project.end_date or decoded.evaluated_on
    report = check_form(decoded, CONFIG, "fuzz.json", 0)
    assert not [f for f in report.findings if f.code == "internal-error"]
