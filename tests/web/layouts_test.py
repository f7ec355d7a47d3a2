"""The editor for every province's forms: layouts by printed name, their trees, levels as findings."""

import json
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import translation

from jixiao.core.model import Form, FormKind, Funds, Group, Indicator, Project
from jixiao.web.review.templatetags.jixiao import field_label
from jixiao.web.store.layouts import title
from jixiao.web.store.models import FormRecord, Status
from jixiao.web.store.services import check, create_form, to_canonical
from tests.conftest import gold_form
from tests.web.entry_test import HEADER, ROWS, rows_data

OPTION = re.compile(r'<option value="([^"]*)"( selected)?>([^<]*)</option>')


def layout_options(page):
    select = re.search(r'<select[^>]*name="template"[^>]*>(.*?)</select>', page, re.S)[1]
    return [(value, label) for value, _selected, label in OPTION.findall(select)]


def page_layouts(page):
    found = re.search(r'<script id="layouts" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(found[1])


def test_targets_are_offered_the_national_trees_and_shanghais_by_printed_name(cast):
    page = cast.client(cast.clerk).get(reverse("jx-new", args=["target"])).content.decode()
    options = layout_options(page)
    # mof-2020-target is offered although its rule set (mof-2020) is a scored one.
    assert [value for value, _label in options] == [
        "mof-2021-target",
        "mof-2020-target",
        "sh-2020-target",
        "sh-2019-target",
    ]
    labels = [label for _value, label in options]
    assert "101号" in labels[0] and "88号" in labels[1] and "上海" in labels[2]
    assert not any(re.search(r"[a-z]+-\d{4}", label) for label in labels)  # never an id


def test_self_evaluations_are_offered_their_own_layouts(cast):
    page = cast.client(cast.clerk).get(reverse("jx-new", args=["self_evaluation"])).content
    options = layout_options(page.decode())
    assert [value for value, _label in options] == [
        "mof-2021-self-eval",
        "mof-2020-self-eval",
        "sh-2019-self-eval",
    ]
    assert "含成本指标" in options[0][1] and "10号" in options[1][1]


def test_the_level_choices_of_each_tree_and_where_weights_are_printed(cast):
    page = cast.client(cast.clerk).get(reverse("jx-new", args=["target"])).content.decode()
    layouts = page_layouts(page)
    national_2021 = layouts["trees"]["mof-2021-target"]
    # 财预〔2021〕101号: 成本指标 is a level 1 beside 产出, 效益 and 满意度.
    assert set(national_2021) == {"产出指标", "效益指标", "满意度指标", "成本指标"}
    assert national_2021["成本指标"] == ["经济成本指标", "社会成本指标", "生态环境成本指标"]
    assert set(layouts["trees"]["mof-2020-target"]) == {"产出指标", "效益指标", "满意度指标"}
    assert "产出目标" in layouts["trees"]["sh-2020-target"]
    assert layouts["weighted"] == {
        "mof-2021-target": True,
        "mof-2020-target": True,
        "sh-2020-target": False,
        "sh-2019-target": False,
    }


def test_the_live_panel_reports_a_level_outside_the_tree_as_soon_as_typed(cast):
    client = cast.client(cast.clerk)
    rows = [ROWS[0], dict(ROWS[1], level1="效益指标")]  # row 2: a national name, Shanghai tree
    page = client.post(reverse("jx-preview-new"), HEADER | rows_data(rows)).content.decode()
    assert page.count('data-code="level-outside-tree"') == 1
    assert "第2行“受益群众满意度”：一级指标“效益指标”不在" in page
    fine = client.post(reverse("jx-preview-new"), HEADER | rows_data(ROWS)).content.decode()
    assert "level-outside-tree" not in fine


def test_the_live_panel_reports_a_level_2_outside_its_group(cast):
    rows = [dict(ROWS[0], level2="数量指标")]  # 产出目标 offers 数量 / 质量 / 时效
    page = (
        cast.client(cast.clerk)
        .post(reverse("jx-preview-new"), HEADER | rows_data(rows))
        .content.decode()
    )
    assert "二级指标“数量指标”不在“产出目标”之下" in page


NATIONAL_2021 = [
    {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "新建供水管网长度",
        "target": "≥12公里",
        "weight": "40",
    },
    {
        "level1": "成本指标",
        "level2": "经济成本指标",
        "name": "每公里造价",
        "target": "≤80万元",
        "weight": "20",
    },
    {
        "level1": "效益指标",
        "level2": "社会效益指标",
        "name": "受益人口",
        "target": "≥12000人",
        "weight": "30",
    },
    {
        "level1": "满意度指标",
        "level2": "服务对象满意度指标",
        "name": "受益群众满意度",
        "target": "≥90%",
        "weight": "10",
    },
]


def test_a_national_2021_target_with_cost_indicators_saves_with_its_weights(cast):
    header = HEADER | {"template": "mof-2021-target"}
    response = cast.client(cast.clerk).post(
        reverse("jx-new", args=["target"]), header | rows_data(NATIONAL_2021)
    )
    assert response.status_code == 302
    record = FormRecord.objects.get()
    data = to_canonical(record)
    assert record.template == "mof-2021-target"
    assert [(r["level1"], r["weight"]) for r in data["indicators"]] == [
        ("产出指标", "40"),
        ("成本指标", "20"),
        ("效益指标", "30"),
        ("满意度指标", "10"),
    ]
    assert "level-outside-tree" not in {f.code for f in check(record).findings}


def imported(template, level1="预算执行"):
    """A form as an importer returns it from a layout the editor does not offer."""
    return Form(
        kind=FormKind.SELF_EVALUATION,
        template=template,
        year=2023,
        project=Project(name="乡村道路养护", unit="上海市人民政府驻昆明办事处"),
        funds=Funds(currency_unit="万元", budget=None),
        indicators=(
            Indicator(level1, None, "预算执行率", target="100%", weight=D("10"), score=D("9")),
            Indicator(
                "绩效指标", "产出指标", "养护里程", target="≥30公里", weight=D("90"), score=D("90")
            ),
        ),
    )


def _edit_post(record, **changes):
    data = to_canonical(record)
    header = HEADER | {
        "kind": data["kind"],
        "template": data["template"] or "",
        "year": str(data["year"]),
        "name": data["project"]["name"],
        "currency_unit": "万元",
        "budget": "",
        "overall": "",
        "version": str(record.version),
    }
    rows = [{k: (v or "") for k, v in row.items()} for row in data["indicators"]]
    return header | rows_data(rows) | changes


def test_an_imported_form_with_no_layout_opens_and_saves(cast):
    record = create_form(imported(None), unit=cast.unit, actor=cast.clerk)
    client = cast.client(cast.clerk)
    page = client.get(reverse("jx-edit", args=[record.pk])).content.decode()
    assert ("", "未识别的版式") in layout_options(page)
    assert '<option value="" selected>未识别的版式</option>' in page
    assert 'value="预算执行"' in page and 'value="90"' in page  # weights shown
    response = client.post(reverse("jx-edit", args=[record.pk]), _edit_post(record, grade="优"))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.template is None and to_canonical(record)["grade"] == "优"
    form_page = client.get(reverse("jx-form", args=[record.pk])).content.decode()
    assert "未识别的版式" in form_page


def test_an_imported_form_with_levels_outside_its_tree_saves(cast):
    # 预算执行 / 绩效指标 (a 四川-like tree) under the national 2020 layout: two findings, saved.
    record = create_form(imported("mof-2020-self-eval"), unit=cast.unit, actor=cast.clerk)
    client = cast.client(cast.clerk)
    assert client.get(reverse("jx-edit", args=[record.pk])).status_code == 200
    response = client.post(reverse("jx-edit", args=[record.pk]), _edit_post(record, grade="优"))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.version == 2 and to_canonical(record)["grade"] == "优"
    codes = [(f.code, f.location.path) for f in check(record).findings]
    assert ("level-outside-tree", "indicators[0].level1") in codes
    assert ("level-outside-tree", "indicators[1].level1") in codes


def test_an_imported_layout_the_editor_does_not_offer_keeps_its_printed_name(cast):
    record = create_form(imported("sichuan-2023-self-eval"), unit=cast.unit, actor=cast.clerk)
    page = cast.client(cast.clerk).get(reverse("jx-edit", args=[record.pk])).content.decode()
    assert (
        "sichuan-2023-self-eval",
        "四川 项目支出绩效自评表（表510000_0013zp）",
    ) in layout_options(page)


@pytest.mark.parametrize(
    ("language", "expected"), [("zh-hans", "未识别的版式"), ("en", "unrecognised layout")]
)
def test_an_unrecognised_layout_is_named_in_both_languages(language, expected):
    with translation.override(language):
        assert title(None) == expected
        assert title("no-such-layout") == expected


def test_a_new_form_must_name_its_layout(cast):
    # "No layout" is the state of a form the importer could not place, not a choice for new ones.
    response = cast.client(cast.clerk).post(
        reverse("jx-new", args=["target"]), HEADER | {"template": ""} | rows_data(ROWS)
    )
    assert response.status_code == 400 and "请选择版式" in response.content.decode()
    assert not FormRecord.objects.exists()


def test_other_spellings_of_a_level_1_are_in_the_tree(cast):
    # 投入与管理: another spelling of the Shanghai level 1 投入和管理目标.
    rows = [dict(ROWS[0], level1="投入与管理", level2="投入管理")]
    page = (
        cast.client(cast.clerk)
        .post(reverse("jx-preview-new"), HEADER | rows_data(rows))
        .content.decode()
    )
    assert "level-outside-tree" not in page


@pytest.mark.parametrize(
    ("language", "path", "label"),
    [
        ("zh-hans", "funds.budget", "全年预算数"),
        ("zh-hans", "indicators[3].actual", "第4行 · 实际完成值"),
        ("zh-hans", "", "整表"),
        ("en", "indicators[3].actual", "row 4 · Actual"),
        ("en", "groups[0].weight", "Weight"),
    ],
)
def test_pages_name_fields_not_json_paths(language, path, label):
    with translation.override(language):
        assert field_label(path) == label


def test_the_queue_and_the_public_list_name_layouts_never_by_id(cast):
    create_form(gold_form("003", 0), unit=cast.unit, actor=cast.clerk, status=Status.SUBMITTED)
    create_form(imported(None), unit=cast.unit, actor=cast.clerk, status=Status.SUBMITTED)
    queue = cast.client(cast.reviewer).get(reverse("jx-queue")).content.decode()
    assert "未识别的版式" in queue and "2020年度，上海" in queue
    assert "sh-2020-target" not in queue and "None" not in queue
    FormRecord.objects.update(status=Status.PUBLISHED)
    public = cast.client(None).get(reverse("jx-public")).content.decode()
    assert "未识别的版式" in public and "2020年度，上海" in public
    assert "sh-2020-target" not in public


def test_a_printed_point_band_survives_an_edit(cast):
    # 产出指标(30-50)分 on a 2021 national target: a band, not a weight (SPEC §4).
    form = Form(
        kind=FormKind.TARGET,
        template="mof-2021-target",
        year=2025,
        project=Project(name="农村供水管网改造", unit=cast.unit.name),
        groups=(Group("产出指标", None, (D("30"), D("50"))),),
        indicators=(
            Indicator("产出指标", "数量指标", "改造管网长度", target="≥12公里", weight=D("40")),
        ),
    )
    record = create_form(form, unit=cast.unit, actor=cast.clerk)
    response = cast.client(cast.clerk).post(
        reverse("jx-edit", args=[record.pk]), _edit_post(record, kind="target")
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert to_canonical(record)["groups"] == [
        {"name": "产出指标", "weight": None, "band": ["30", "50"]}
    ]


def test_rows_read_without_a_name_or_a_level_still_save_and_blank_rows_are_dropped(cast):
    # Flattened text can lose a row's level cell or its name: the row is kept as read.
    form = Form(
        kind=FormKind.TARGET,
        template="mof-2020-target",
        year=2024,
        project=Project(name="农村供水保障", unit=cast.unit.name),
        indicators=(
            Indicator(None, None, "改造管网长度", target="≥12公里"),
            Indicator("产出指标", "数量指标", None, target="≥3座"),
        ),
    )
    record = create_form(form, unit=cast.unit, actor=cast.clerk)
    blank = {"ind-2-ORDER": "3", "ind-TOTAL_FORMS": "3"}  # a row added and left empty
    response = cast.client(cast.clerk).post(
        reverse("jx-edit", args=[record.pk]), _edit_post(record, kind="target") | blank
    )
    assert response.status_code == 302
    record.refresh_from_db()
    rows = to_canonical(record)["indicators"]
    assert [(r["level1"], r["name"], r["target"]) for r in rows] == [
        (None, "改造管网长度", "≥12公里"),
        ("产出指标", None, "≥3座"),
    ]
    assert ("level-outside-tree", "indicators[0].level1") in {
        (f.code, f.location.path) for f in check(record).findings
    }
