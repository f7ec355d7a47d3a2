"""Every stored form round-trips to the canonical JSON it came from (SQLite and PostgreSQL)."""

from dataclasses import replace

import pytest

from jixiao.core.formjson import encode_form
from jixiao.web.store.models import FormEvent, FormRecord
from jixiao.web.store.services import StaleEdit, create_form, diff, to_canonical, update_form
from tests.conftest import GOLD, gold_form


@pytest.mark.parametrize(("seed", "data"), GOLD, ids=[f"{s}-{i}" for i, (s, _) in enumerate(GOLD)])
def test_each_gold_form_round_trips_through_the_store(seed, data, cast):
    index = [d for s, d in GOLD if s == seed].index(data)
    record = create_form(gold_form(seed, index), unit=cast.unit, actor=cast.clerk)
    assert to_canonical(FormRecord.objects.get(pk=record.pk)) == data


def test_the_queue_figures_are_stored_with_the_form(evaluation):
    # Seed 001 form 0: printed total 98.09; two warnings (rate slip, low execution) and target-too-low,
    # and four qualitative actuals copied from their targets at full score (issue 11 §2).
    assert str(evaluation.declared_total) == "98.09"
    assert str(evaluation.recomputed_total) == "98.09"
    assert (evaluation.errors, evaluation.warnings) == (0, 7)


def test_a_project_keeps_its_identity_across_years(cast):
    form_2022 = gold_form("001", 0)
    first = create_form(form_2022, unit=cast.unit, actor=cast.clerk)
    later = create_form(replace(form_2022, year=2023), unit=cast.unit, actor=cast.clerk)
    assert first.project_id == later.project_id


def test_an_edit_records_what_changed_field_by_field(evaluation, cast):
    form = gold_form("001", 0)
    edited = replace(
        form,
        total_score=form.total_score + 1,
        indicators=(replace(form.indicators[0], actual="72 次"), *form.indicators[1:]),
    )
    update_form(evaluation, edited, actor=cast.clerk, expected_version=1)
    event = FormEvent.objects.filter(form=evaluation, action="edited").get()
    assert event.actor == cast.clerk
    assert {(c["path"], c["old"], c["new"]) for c in event.changes} == {
        ("total_score", "98.09", "99.09"),
        ("indicators[0].actual", "70 次", "72 次"),
    }


def test_a_stale_edit_is_refused_and_nothing_is_written(evaluation, cast):
    form = gold_form("001", 0)
    update_form(evaluation, replace(form, grade="优"), actor=cast.clerk, expected_version=1)
    with pytest.raises(StaleEdit):
        update_form(
            evaluation, replace(form, grade="差"), actor=cast.other_clerk, expected_version=1
        )
    assert to_canonical(FormRecord.objects.get(pk=evaluation.pk))["grade"] == "优"


def test_diff_lists_added_and_removed_rows():
    old = {"indicators": [{"name": "a"}]}
    new = {"indicators": [{"name": "a"}, {"name": "b"}]}
    assert diff(old, new) == [{"path": "indicators[1].name", "old": None, "new": "b"}]


def test_stored_and_encoded_forms_agree(evaluation):
    assert to_canonical(evaluation) == encode_form(gold_form("001", 0))
