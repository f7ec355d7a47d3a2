import json

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
