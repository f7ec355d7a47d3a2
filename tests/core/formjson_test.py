import json
from decimal import Decimal

import pytest

from jixiao.core.formjson import FormDecodeError, decode_form, encode_form, load_document
from tests.conftest import GOLD, GOLD_FILES


@pytest.mark.parametrize(("seed", "form"), GOLD, ids=[f"{s}-{i}" for i, (s, _) in enumerate(GOLD)])
def test_gold_forms_round_trip(seed, form):
    assert encode_form(decode_form(form, seed)) == form


def test_all_fourteen_gold_forms_load():
    forms = [
        f for path in GOLD_FILES for f in load_document(path.read_text(encoding="utf-8"), path.name)
    ]
    assert len(forms) == 14


def minimal(**extra):
    return {
        "schema": "jixiao/form@1",
        "kind": "target",
        "template": "sh-2020-target",
        "year": 2020,
        **extra,
    }


def problems(data, document="f.json"):
    with pytest.raises(FormDecodeError) as caught:
        decode_form(data, document, 0)
    return {(p.location.path, p.location.document): p for p in caught.value.findings}


def test_a_form_with_only_the_header_is_valid():
    form = decode_form(minimal())
    assert form.year == 2020 and form.indicators == ()


def test_bad_json_names_line_and_column():
    with pytest.raises(FormDecodeError) as caught:
        load_document('{"schema": "jixiao/form@1",\n  "year": }', "bad.json")
    (problem,) = caught.value.findings
    assert problem.location.document == "bad.json"
    assert "第 2 行" in problem.message_zh and "line 2" in problem.message_en


def test_unknown_schema():
    with pytest.raises(FormDecodeError) as caught:
        load_document(json.dumps({"schema": "other@9"}), "x.json")
    (problem,) = caught.value.findings
    assert problem.location.path == "schema"
    assert "other@9" in problem.message_zh and "other@9" in problem.message_en


def test_missing_required_key_names_its_path():
    found = problems({"schema": "jixiao/form@1", "kind": "target", "year": 2020})
    problem = found[("template", "f.json")]
    assert "template" in problem.message_zh and "missing" in problem.message_en


def test_a_word_where_an_amount_belongs():
    found = problems(minimal(funds={"budget": "abc"}))
    problem = found[("funds.budget", "f.json")]
    assert "“abc”不是数字" in problem.message_zh and "'abc' is not a number" in problem.message_en


def test_every_problem_is_reported_not_only_the_first():
    found = problems(
        minimal(
            year="2020",
            funds={"sources": [{"budget": "1"}]},
            indicators=[{"level1": "产出", "name": "a", "scroe": "1", "weight": "x"}],
        )
    )
    assert set(p for p, _ in found) == {
        "year",
        "funds.sources[0].name",
        "indicators[0].scroe",
        "indicators[0].weight",
    }


def test_wrong_types():
    found = problems(
        minimal(
            project={"recurring": "是", "start_date": "2020/1/1", "category": "经常性"}, kind="plan"
        )
    )
    assert set(p for p, _ in found) == {
        "project.recurring",
        "project.start_date",
        "project.category",
        "kind",
    }


def test_a_json_number_is_read_exactly():
    form = load_document(
        '{"schema": "jixiao/form@1", "kind": "target", "template": "t", "year": 2020,'
        ' "total_score": 98.09}',
        "n.json",
    )[0]
    assert str(form.total_score) == "98.09"


def test_a_parse_document_and_a_list_are_accepted():
    text = json.dumps(
        [{"schema": "jixiao/parse@1", "forms": [minimal(), minimal(year=2021)]}, minimal()]
    )
    assert [f.year for f in load_document(text, "list.json")] == [2020, 2021, 2020]


def test_problems_carry_the_form_index():
    text = json.dumps({"schema": "jixiao/parse@1", "forms": [minimal(), minimal(year="x")]})
    with pytest.raises(FormDecodeError) as caught:
        load_document(text, "two.json")
    assert [(p.location.form, p.location.path) for p in caught.value.findings] == [(1, "year")]


def round_trip(data):
    return encode_form(decode_form(data))


def test_template_and_year_may_be_null_and_are_written_back_as_null():
    form = decode_form(minimal(template=None, year=None))
    assert (form.template, form.year) == (None, None)
    written = encode_form(form)
    assert (written["template"], written["year"]) == (None, None)


def test_template_and_year_keys_stay_required():
    found = problems({"schema": "jixiao/form@1", "kind": "target"})
    assert {"template", "year"} <= {path for path, _ in found}


@pytest.mark.parametrize("bad", ["", 7])
def test_a_template_is_text_or_null(bad):
    assert ("template", "f.json") in problems(minimal(template=bad))


def test_month_only_dates_stay_months():
    data = minimal(project={"start_date": "2023-07", "end_date": "2023-12-31"})
    data["evaluated_on"] = "2024-03"
    form = decode_form(data)
    assert (form.project.start_date.year, form.project.start_date.month) == (2023, 7)
    written = round_trip(data)
    assert written["project"]["start_date"] == "2023-07"
    assert written["project"]["end_date"] == "2023-12-31"
    assert written["evaluated_on"] == "2024-03"


@pytest.mark.parametrize("bad", ["2023-13", "2023-7", "2023/07", "2023-02-30", "20230715", "2023"])
def test_dates_that_are_neither_an_iso_day_nor_an_iso_month(bad):
    found = problems(minimal(project={"start_date": bad}))
    problem = found[("project.start_date", "f.json")]
    assert bad in problem.message_zh and "month" in problem.message_en


def test_a_printed_band_round_trips_and_groups_without_one_carry_no_band_key():
    data = minimal(
        groups=[
            {"name": "产出指标", "weight": None, "band": ["30", "50"]},
            {"name": "满意度指标", "weight": "10"},
        ]
    )
    form = decode_form(data)
    assert form.groups[0].band == (Decimal("30"), Decimal("50"))
    assert form.groups[1].band is None
    assert round_trip(data)["groups"] == data["groups"]


@pytest.mark.parametrize(
    ("band", "path"),
    [
        (["50", "30"], "groups[0].band"),  # upside down
        (["30"], "groups[0].band"),
        ("30-50", "groups[0].band"),
        (["30", "五十"], "groups[0].band[1]"),
    ],
)
def test_bad_bands_are_refused_with_their_path(band, path):
    assert (path, "f.json") in problems(minimal(groups=[{"name": "产出指标", "band": band}]))


def test_a_group_has_a_weight_or_a_band_not_both():
    found = problems(minimal(groups=[{"name": "产出指标", "weight": "40", "band": ["30", "50"]}]))
    assert ("groups[0].weight", "f.json") in found
