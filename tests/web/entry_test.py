"""Typing forms: saving, keeping every input on errors, refusing stale saves, live figures."""

import re

import pytest
from django.urls import reverse

from jixiao.core.formjson import encode_form
from jixiao.web.entry.prefill import self_evaluation_from
from jixiao.web.store.models import FormRecord, Kind, Status
from jixiao.web.store.services import create_form, to_canonical
from tests.conftest import gold_form

HEADER = {
    "kind": "target",
    "template": "sh-2020-target",
    "year": "2024",
    "name": "农村饮水安全巩固提升工程",
    "department": "",
    "offices": "",
    "performance_type": "",
    "currency_unit": "万元",
    "initial_budget": "",
    "budget": "1,250.5",
    "total_budget": "",
    "executed": "",
    "previous_budget": "",
    "previous_executed": "",
    "execution_rate": "",
    "execution_weight": "",
    "execution_score": "",
    "overall": "保障农村饮水安全",
    "annual": "",
    "achieved": "",
    "total_score": "",
    "grade": "",
    "achievements": "",
    "problems": "",
    "improvements": "",
    "version": "",
}


def rows_data(rows):
    data = {
        "ind-TOTAL_FORMS": str(len(rows)),
        "ind-INITIAL_FORMS": "0",
        "ind-MIN_NUM_FORMS": "0",
        "ind-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"ind-{i}-{k}": v for k, v in row.items()})
        data.setdefault(f"ind-{i}-ORDER", str(i + 1))
    return data


ROWS = [
    {"level1": "产出目标", "level2": "数量", "name": "受益人口数量", "target": "≥12000 人"},
    {"level1": "效果目标", "level2": "满意度", "name": "受益群众满意度", "target": "≥90%"},
]


def test_a_clerk_types_a_target_form_and_it_is_stored(cast):
    client = cast.client(cast.clerk)
    response = client.post(reverse("jx-new", args=["target"]), HEADER | rows_data(ROWS))
    assert response.status_code == 302
    record = FormRecord.objects.get(project__name="农村饮水安全巩固提升工程")
    data = to_canonical(record)
    assert (record.kind, record.status, record.year) == (Kind.TARGET, Status.DRAFT, 2024)
    assert data["funds"]["budget"] == "1250.5" and data["funds"]["currency_unit"] == "万元"
    assert data["project"]["unit"] == "上海市人民政府驻昆明办事处"
    assert [(r["name"], r["target"]) for r in data["indicators"]] == [
        ("受益人口数量", "≥12000 人"),
        ("受益群众满意度", "≥90%"),
    ]
    assert data["groups"] == [
        {"name": "产出目标", "weight": None},
        {"name": "效果目标", "weight": None},
    ]


def test_rows_can_be_reordered_and_removed(cast):
    rows = [
        dict(ROWS[0], ORDER="2"),
        dict(ROWS[1], ORDER="1"),
        {
            "level1": "产出目标",
            "level2": "质量",
            "name": "水质达标率",
            "target": "100%",
            "DELETE": "on",
        },
    ]
    cast.client(cast.clerk).post(reverse("jx-new", args=["target"]), HEADER | rows_data(rows))
    data = to_canonical(FormRecord.objects.get())
    assert [r["name"] for r in data["indicators"]] == ["受益群众满意度", "受益人口数量"]


def test_a_bad_number_keeps_every_input_and_says_why(cast):
    header = HEADER | {"budget": "一千万"}
    response = cast.client(cast.clerk).post(
        reverse("jx-new", args=["target"]), header | rows_data(ROWS)
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "“一千万”不是数字" in page
    assert (
        'value="一千万"' in page
        and 'value="农村饮水安全巩固提升工程"' in page
        and 'value="≥12000 人"' in page
    )
    assert not FormRecord.objects.exists()


def test_a_level_outside_the_tree_saves_and_is_shown_as_a_finding(cast):
    rows = [dict(ROWS[0], level1="产出指标")]  # a national name on a Shanghai target table
    client = cast.client(cast.clerk)
    response = client.post(reverse("jx-new", args=["target"]), HEADER | rows_data(rows))
    assert response.status_code == 302
    record = FormRecord.objects.get()
    assert to_canonical(record)["indicators"][0]["level1"] == "产出指标"
    assert record.warnings >= 1  # the queue counts it
    page = client.get(reverse("jx-form", args=[record.pk])).content.decode()
    assert 'data-code="level-outside-tree"' in page
    assert "一级指标“产出指标”不在" in page


def _edit_data(record):
    data = to_canonical(record)
    header = HEADER | {
        "kind": "self_evaluation",
        "template": data["template"],
        "year": str(data["year"]),
        "name": data["project"]["name"],
        "budget": data["funds"]["budget"],
        "executed": data["funds"]["executed"],
        "execution_rate": data["funds"]["execution_rate"],
        "currency_unit": "元",
        "version": str(record.version),
    }
    rows = [
        {k: (v or "") for k, v in row.items() if k != "explanation"} for row in data["indicators"]
    ]
    return header | rows_data(rows)


def test_two_people_editing_the_later_save_is_refused_and_input_kept(cast, evaluation):
    first = cast.client(cast.clerk)
    second = cast.client(cast.clerk)
    stale = _edit_data(evaluation)
    assert (
        first.post(reverse("jx-edit", args=[evaluation.pk]), stale | {"grade": "优"}).status_code
        == 302
    )
    response = second.post(reverse("jx-edit", args=[evaluation.pk]), stale | {"grade": "差"})
    assert response.status_code == 409
    assert "已被他人修改" in response.content.decode() and 'value="差"' in response.content.decode()
    assert to_canonical(FormRecord.objects.get(pk=evaluation.pk))["grade"] == "优"


def test_live_preview_recomputes_the_figures(cast, evaluation):
    response = cast.client(cast.clerk).post(
        reverse("jx-preview", args=[evaluation.pk]), _edit_data(evaluation)
    )
    page = response.content.decode()
    # Seed 001 form 0: 506,745.04 ÷ 626,500 = 80.885…% → 80.89 beside the printed 80.88.
    assert response.status_code == 200
    assert re.search(r"80\.88 %</td><td class=\"num\">80\.89 %", page)
    assert "rate-mismatch" in page and "target-too-low" in page


def test_live_preview_follows_what_is_typed(cast, evaluation):
    data = _edit_data(evaluation) | {"executed": "626,500"}
    page = (
        cast.client(cast.clerk)
        .post(reverse("jx-preview", args=[evaluation.pk]), data)
        .content.decode()
    )
    assert "100.00" in page and "rate-mismatch" in page  # printed 80.88 now far from 100.00


def test_a_self_evaluation_is_prefilled_from_the_approved_targets(cast):
    target = create_form(
        gold_form("003", 0), unit=cast.unit, actor=cast.clerk, status=Status.APPROVED
    )
    response = cast.client(cast.clerk).get(reverse("jx-self-evaluate", args=[target.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="预算资金到位率"' in page and 'value="&gt;=90%"' in page
    assert 'value="500000"' in page  # the declared budget becomes the initial budget


def test_no_self_evaluation_from_targets_not_yet_approved(cast):
    target = create_form(gold_form("003", 0), unit=cast.unit, actor=cast.clerk)
    response = cast.client(cast.clerk).get(reverse("jx-self-evaluate", args=[target.pk]))
    assert response.status_code == 302


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED])
def test_forms_out_of_the_units_hands_cannot_be_edited(status, cast, evaluation):
    evaluation.status = status
    evaluation.save()
    response = cast.client(cast.clerk).post(
        reverse("jx-edit", args=[evaluation.pk]), _edit_data(evaluation)
    )
    assert response.status_code == 302
    assert to_canonical(FormRecord.objects.get(pk=evaluation.pk)) == to_canonical(evaluation)


def test_a_national_2021_target_prefills_the_2021_self_evaluation_with_its_tree():
    target = {
        "template": "mof-2021-target",
        "year": 2025,
        "project": {"name": "农村供水管网改造"},
        "funds": {"budget": "1200000"},
        "indicators": [
            {
                "level1": "成本指标",
                "level2": "经济成本指标",
                "name": "每公里改造成本",
                "target": "≤10万元",
                "weight": "20",
            },
        ],
    }
    draft = self_evaluation_from(target)
    assert draft["template"] == "mof-2021-self-eval"
    assert [(r["level1"], r["level2"], r["weight"]) for r in draft["indicators"]] == [
        ("成本指标", "经济成本指标", "20")
    ]


def test_prefill_places_declared_indicators_in_the_mof_table():
    target = gold_form("003", 0)
    draft = self_evaluation_from(encode_form(target))
    placed = [(r["level1"], r["level2"], r["name"]) for r in draft["indicators"]]
    # seed 003 form 0, by hand: 投入与管理 rows have no place; 产出目标/数量 → 产出指标/数量指标 …
    assert placed[:5] == [
        (None, None, "预算资金到位率"),
        (None, None, "预算编制合理性"),
        (None, None, "实施流程规范性"),
        ("产出指标", "数量指标", "预算执行率"),
        ("产出指标", "质量指标", "完成项目预期规模及要点要求"),
    ]
    assert placed[8] == ("满意度指标", "服务对象满意度指标", "服务对象满意度")
    assert placed[9] == ("效益指标", "可持续影响指标", "长效机制建立情况")
    assert (
        draft["funds"]["initial_budget"] == "500000" and draft["template"] == "mof-2020-self-eval"
    )


@pytest.mark.parametrize(
    "garbage",
    [
        {},
        {"ind-TOTAL_FORMS": "abc", "ind-INITIAL_FORMS": "x"},
        {"ind-TOTAL_FORMS": "100000", "ind-INITIAL_FORMS": "0"},
        {
            "year": "二〇二四",
            "template": "no-such-template",
            "budget": "1e400",
            "ind-TOTAL_FORMS": "1",
            "ind-INITIAL_FORMS": "0",
            "ind-0-weight": "NaN",
            "ind-0-ORDER": "x",
        },
    ],
)
def test_garbage_posts_get_an_answer_not_a_crash(cast, evaluation, garbage):
    client = cast.client(cast.clerk)
    assert client.post(reverse("jx-preview", args=[evaluation.pk]), garbage).status_code == 200
    assert client.post(reverse("jx-edit", args=[evaluation.pk]), garbage).status_code == 400
    assert client.post(reverse("jx-new", args=["target"]), garbage).status_code == 400
    assert to_canonical(FormRecord.objects.get(pk=evaluation.pk)) == to_canonical(evaluation)
