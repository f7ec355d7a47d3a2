"""Issue 12 §3: a target form's page shows what a target has; a self-evaluation from a target."""

import lxml.html
from django.urls import reverse

from jixiao.core.formjson import decode_form
from jixiao.web.store.models import Status
from jixiao.web.store.services import create_form
from tests.conftest import gold_form

NATIONAL_2020 = {
    "schema": "jixiao/form@1",
    "kind": "target",
    "template": "mof-2020-target",
    "year": 2024,
    "project": {"name": "农村供水管网改造", "unit": "上海市人民政府驻昆明办事处"},
    "funds": {"currency_unit": "元", "budget": "1200000", "total_budget": "3600000"},
    "goals": {"overall": "三年改造管网 90 公里", "annual": "改造管网 30 公里\n受益 5000 户"},
    "indicators": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "改造管网长度",
            "target": "≥30公里",
            "weight": "30",
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "受益群众满意度",
            "target": "≥90%",
            "weight": "20",
        },
    ],
}


def _headers(page: str) -> list[str]:
    tree = lxml.html.fromstring(page)
    return [th.text_content() for th in tree.xpath("//table[@id='indicators']/thead//th")]


def test_a_national_target_shows_its_goal_targets_and_weights(cast):
    record = create_form(decode_form(NATIONAL_2020, "t.json"), unit=cast.unit, actor=cast.clerk)
    page = cast.client(cast.clerk).get(reverse("jx-form", args=[record.pk])).content.decode()
    assert _headers(page) == ["#", "一级/二级", "指标", "指标值", "分值"]
    tree = lxml.html.fromstring(page)
    goal = tree.get_element_by_id("annual-goal")
    assert goal.text_content() == "改造管网 30 公里受益 5000 户" and len(goal.xpath("br")) == 1
    first = tree.xpath("//tr[@id='row-0']/td")
    assert [td.text_content().strip() for td in first][-1] == "30.00"
    assert 'id="executed"' not in page and 'id="execution-rate"' not in page


def test_a_shanghai_target_without_weights_shows_no_weight_column(cast):
    record = create_form(gold_form("003", 0), unit=cast.unit, actor=cast.clerk)
    page = cast.client(cast.clerk).get(reverse("jx-form", args=[record.pk])).content.decode()
    assert _headers(page) == ["#", "一级/二级", "指标", "指标值"]


def test_a_self_evaluation_keeps_its_columns(cast, evaluation):
    page = cast.client(cast.clerk).get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert _headers(page)[4:] == ["实际完成值", "分值", "得分", "规则分", "偏差原因"]
    assert 'id="executed"' in page


def test_a_national_2020_target_drafts_the_national_2020_self_evaluation(cast):
    target = create_form(
        decode_form(NATIONAL_2020, "t.json"),
        unit=cast.unit,
        actor=cast.clerk,
        status=Status.APPROVED,
    )
    response = cast.client(cast.clerk).get(reverse("jx-self-evaluate", args=[target.pk]))
    tree = lxml.html.fromstring(response.content.decode())

    def value(name):
        (element,) = tree.xpath(f"//*[@name='{name}']")
        if element.tag == "select":
            return element.xpath("option[@selected]")[0].get("value")
        if element.tag == "textarea":
            return (element.text or "").removeprefix("\n")
        return element.get("value")

    assert value("template") == "mof-2020-self-eval"
    assert value("initial_budget") == "1200000" and value("total_budget") == "3600000"
    assert value("annual") == "改造管网 30 公里\n受益 5000 户"
    assert value("overall") == "三年改造管网 90 公里"
    rows = [
        (value(f"ind-{i}-level1"), value(f"ind-{i}-name"), value(f"ind-{i}-weight")) for i in (0, 1)
    ]
    assert rows == [("产出指标", "改造管网长度", "30"), ("满意度指标", "受益群众满意度", "20")]
    todo = [li.text_content() for li in tree.xpath("//section[@id='still-to-fill']//li")]
    assert todo[0].startswith("全年预算数和全年执行数")
    assert len(todo) == 4  # every indicator found its place; the budget came with the targets


def test_what_is_still_to_fill_names_rows_without_a_place(cast):
    target = create_form(
        gold_form("003", 0), unit=cast.unit, actor=cast.clerk, status=Status.APPROVED
    )
    page = cast.client(cast.clerk).get(reverse("jx-self-evaluate", args=[target.pk]))
    tree = lxml.html.fromstring(page.content.decode())
    todo = [li.text_content() for li in tree.xpath("//section[@id='still-to-fill']//li")]
    # Seed 003 form 0 declares three rows under 投入与管理 (预算资金到位率, 预算编制合理性,
    # 实施流程规范性), which the MoF table has no place for.
    assert "3 项指标在自评表中没有对应的一级指标，请归入或删除" in todo
