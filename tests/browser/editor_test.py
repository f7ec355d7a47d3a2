"""The editor for every layout in a real browser: a new national 2021 target, in both languages."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from jixiao.core.model import Form, FormKind, Funds, Indicator, Project
from jixiao.web.store.models import FormRecord
from jixiao.web.store.services import create_form
from tests.browser.journey_test import log_in, world  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.django_db(transaction=True)]
WIDE = {"width": 1366, "height": 900}


def new_target(browser, live_server, english):
    page = log_in(browser, live_server, "clerk")
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/forms/new/target/")
    if english:
        page.click("#lang-toggle")
        page.wait_for_load_state()
    return page


def fill_row(page, i, level1, level2, name, target, weight):
    for field, value in (
        ("level1", level1),
        ("level2", level2),
        ("name", name),
        ("target", target),
        ("weight", weight),
    ):
        page.fill(f"#id_ind-{i}-{field}", value)


@pytest.mark.parametrize("english", [False, True], ids=["zh", "en"])
def test_a_new_national_2021_target(browser, live_server, world, shots, english):  # noqa: F811
    page = new_target(browser, live_server, english)
    layout = page.locator("#id_template")
    expect(layout).to_have_value("mof-2021-target")
    expect(page.locator("#tree-hint")).to_contain_text("成本指标")
    page.fill("#id_year", "2025")
    page.fill("#id_name", "农村供水管网改造")
    page.fill("#id_budget", "1,200,000")
    page.fill("#id_overall", "改造老旧供水管网，保障农村供水安全")
    for i, row in enumerate(
        (
            ("产出指标", "数量指标", "改造管网长度", "≥12公里", "40"),
            ("成本指标", "经济成本指标", "每公里改造成本", "≤10万元", "20"),
            ("效益指标", "社会效益指标", "受益人口", "≥12000人", "30"),
        )
    ):
        page.click("#add-row")
        fill_row(page, i, *row)
    # A level outside the tree is reported by the live panel as soon as it is typed.
    page.click("#add-row")
    fill_row(page, 3, "满意度", "", "受益群众满意度", "≥90%", "10")
    expect(page.locator("#live [data-code='level-outside-tree']")).to_have_count(1)
    shots(page, "national-2021-target-level-outside")
    page.fill("#id_ind-3-level1", "满意度指标")
    expect(page.locator("#live [data-code='level-outside-tree']")).to_have_count(0)
    shots(page, "national-2021-target")
    # Switching to a Shanghai layout changes the tree and hides 分值, without a reload.
    layout.select_option("sh-2020-target")
    expect(page.locator("#tree-hint")).to_contain_text("产出目标")
    expect(page.locator("th.weight-col")).to_be_hidden()
    expect(page.locator("#live [data-code='level-outside-tree']")).to_have_count(4)
    shots(page, "switched-to-shanghai")
    layout.select_option("mof-2021-target")
    expect(page.locator("th.weight-col")).to_be_visible()
    page.click("#save")
    page.wait_for_load_state()
    record = FormRecord.objects.get(project__name="农村供水管网改造")
    assert record.template == "mof-2021-target" and record.rows.count() == 4
    expect(page.locator("#layout")).to_contain_text("cost indicators" if english else "101号")
    shots(page, "saved")


def test_an_imported_form_of_an_unrecognised_layout_opens_and_saves(
    browser,
    live_server,
    world,  # noqa: F811
    shots,
):
    unit = world.project.unit
    record = create_form(
        Form(
            kind=FormKind.SELF_EVALUATION,
            template=None,
            year=2023,
            project=Project(name="乡村道路养护", unit=unit.name),
            funds=Funds(currency_unit="万元", budget=Decimal("300"), executed=Decimal("270")),
            indicators=(
                Indicator("预算执行", None, "预算执行率", target="100%", weight=Decimal("10")),
                Indicator(
                    "绩效指标", "产出指标", "养护里程", target="≥30公里", weight=Decimal("90")
                ),
            ),
        ),
        unit=unit,
        actor=world.events.first().actor,
        origin="imported",
    )
    page = log_in(browser, live_server, "clerk")
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/forms/{record.pk}/edit/")
    expect(page.locator("#id_template option:checked")).to_have_text("未识别的版式")
    expect(page.locator("#id_ind-1-weight")).to_have_value("90")
    expect(page.locator("#live-figures")).to_contain_text("90.00")  # 270 ÷ 300
    page.fill("#id_ind-1-actual", "32公里")
    shots(page, "imported-unrecognised-layout")
    page.click("#save")
    page.wait_for_load_state()
    expect(page.locator("#layout")).to_have_text("未识别的版式")
    record.refresh_from_db()
    assert record.version == 2 and record.template is None
    shots(page, "imported-saved")
