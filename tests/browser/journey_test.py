"""The main journey in a real browser: fill in a self-evaluation and watch the score update;
submit; return with a reason; fix; approve; find it published."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from jixiao.core.model import Form, FormKind, Funds, Goals, Indicator, Project
from jixiao.web.accounts.models import Membership, Organisation, OrgKind, Role
from jixiao.web.store.models import FormRecord, Status
from jixiao.web.store.services import create_form

pytestmark = [pytest.mark.django_db(transaction=True)]
PASSWORD = "browser-test-pw"


def person(name, organisation, role):
    user = User.objects.create_user(name, password=PASSWORD)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def world(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    bureau = Organisation.objects.create(name="某市财政局", kind=OrgKind.BUREAU)
    department = Organisation.objects.create(
        name="某市水务局", kind=OrgKind.DEPARTMENT, parent=bureau
    )
    unit = Organisation.objects.create(name="某市供水管理所", kind=OrgKind.UNIT, parent=department)
    clerk = person("clerk", unit, Role.UNIT_STAFF)
    person("reviewer", department, Role.DEPARTMENT_REVIEWER)
    person("finance", bureau, Role.FINANCE_REVIEWER)
    target = Form(
        kind=FormKind.TARGET,
        template="sh-2020-target",
        year=2024,
        project=Project(name="农村供水保障工程", unit=unit.name),
        funds=Funds(currency_unit="元", budget=None),
        goals=Goals(overall="保障农村供水"),
        indicators=(
            Indicator("产出目标", "数量", "新增受益人口", target="≥1000 人"),
            Indicator("效果目标", "满意度", "受益群众满意度", target="≥90%"),
        ),
    )
    return create_form(target, unit=unit, actor=clerk, status=Status.APPROVED)


def log_in(browser, live_server, username):
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    return page


REVIEW = ("pass", "return_department", "approve", "return_finance")


def act(page, action, reason=None):
    """Open the move's dialog (pass and return share one), write the 审核意见, confirm."""
    page.click("#open-review" if action in REVIEW else f"#open-{action}")
    if reason:
        page.fill("#reason-review", reason)
    page.click(f"#do-{action}")
    page.wait_for_load_state()


def test_self_evaluation_from_typing_to_publication(browser, live_server, world, shots):
    clerk = log_in(browser, live_server, "clerk")
    clerk.goto(f"{live_server.url}/forms/{world.pk}/")
    shots(clerk, "approved-target")
    clerk.click("#self-evaluate")
    expect(clerk.locator("#id_ind-0-name")).to_have_value("新增受益人口")
    expect(clerk.locator("#id_ind-0-level1")).to_have_value("产出指标")
    shots(clerk, "prefilled")
    for field, value in (
        ("budget", "100,000"),
        ("executed", "85,000"),
        ("execution_rate", "85.00"),
        ("execution_weight", "10"),
        ("execution_score", "8.5"),
        ("total_score", "98.5"),
    ):
        clerk.fill(f"#id_{field}", value)
    for i, (actual, weight, score) in enumerate((("1200 人", "50", "50"), ("95%", "40", "40"))):
        clerk.fill(f"#id_ind-{i}-actual", actual)
        clerk.fill(f"#id_ind-{i}-weight", weight)
        clerk.fill(f"#id_ind-{i}-score", score)
    # 85,000 ÷ 100,000 = 85.00 %: the live panel recomputes it, and the sum 8.5 + 50 + 40 = 98.5.
    expect(clerk.locator("#live-figures")).to_contain_text("85.00")
    expect(clerk.locator("#live-figures")).to_contain_text("98.5")
    shots(clerk, "live-score")
    clerk.fill("#id_executed", "80,000")  # the score follows what is typed
    expect(clerk.locator("#live-figures")).to_contain_text("80.00")
    expect(clerk.locator("#live [data-code='rate-mismatch']")).to_have_count(1)
    shots(clerk, "live-score-updated")
    clerk.fill("#id_executed", "85,000")
    expect(clerk.locator("#live [data-code='rate-mismatch']")).to_have_count(0)
    # Leaving with unsaved changes asks first; staying keeps everything typed.
    asked = []
    clerk.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    clerk.click("#nav-home")
    assert asked == ["beforeunload"]
    expect(clerk.locator("#id_executed")).to_have_value("85,000")
    clerk.click("#save")
    expect(clerk.locator("#form-status")).to_have_text("草稿")
    evaluation = FormRecord.objects.get(kind="self_evaluation")
    act(clerk, "submit")
    expect(clerk.locator("#form-status")).to_have_text("已提交")
    shots(clerk, "submitted")

    reviewer = log_in(browser, live_server, "reviewer")
    reviewer.goto(f"{live_server.url}/queue/")
    reviewer.click(f"a[href='/forms/{evaluation.pk}/']")
    act(reviewer, "return_department", "执行率低于90%，请说明原因")
    expect(reviewer.locator("#form-status")).to_have_text("主管部门退回")
    shots(reviewer, "returned")

    clerk.goto(f"{live_server.url}/forms/{evaluation.pk}/")
    expect(clerk.locator("#history")).to_contain_text("执行率低于90%，请说明原因")
    clerk.click("#edit")
    clerk.fill("#id_problems", "年中调整了采购计划，预算执行率为85%。")
    clerk.click("#save")
    act(clerk, "submit")
    shots(clerk, "fixed-and-resubmitted")

    reviewer.goto(f"{live_server.url}/forms/{evaluation.pk}/")
    act(reviewer, "pass")
    finance = log_in(browser, live_server, "finance")
    finance.goto(f"{live_server.url}/forms/{evaluation.pk}/")
    act(finance, "approve")
    expect(finance.locator("#form-status")).to_have_text("财政局已批准")
    act(finance, "publish")
    shots(finance, "published")

    visitor = browser.new_context(locale="zh-CN").new_page()
    visitor.goto(f"{live_server.url}/")
    visitor.click("text=农村供水保障工程 >> nth=0")
    expect(visitor.locator("#form-status")).to_have_text("已公开")
    expect(visitor.locator("#figures")).to_contain_text("85.00")
    shots(visitor, "public")
    assert re.search(r"/forms/\d+/", visitor.url)
