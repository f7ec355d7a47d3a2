"""The frame in a real browser: a clerk follows the notice of a returned form to 待办 and into
the editor, keeps a line break in 偏差原因, and changes their password from the user menu."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from jixiao.web.accounts.models import Organisation, OrgKind, Role
from jixiao.web.review import transitions
from jixiao.web.store.models import FormRecord
from jixiao.web.store.services import create_form
from tests.browser.editor_test import WIDE
from tests.browser.journey_test import log_in, person
from tests.conftest import gold_form

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def returned(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    bureau = Organisation.objects.create(name="上海市财政局", kind=OrgKind.BUREAU)
    department = Organisation.objects.create(
        name="上海市人民政府合作交流办公室", kind=OrgKind.DEPARTMENT, parent=bureau
    )
    unit = Organisation.objects.create(
        name="上海市人民政府驻昆明办事处", kind=OrgKind.UNIT, parent=department
    )
    clerk = person("clerk", unit, Role.UNIT_STAFF)
    reviewer = person("reviewer", department, Role.DEPARTMENT_REVIEWER)
    record = create_form(gold_form("001", 0), unit=unit, actor=clerk)
    transitions.apply(record, "submit", clerk, "")
    transitions.apply(record, "return_department", reviewer, "请说明偏差原因")
    return record


def test_a_returned_form_is_found_from_any_page_and_edited(browser, live_server, returned, shots):
    page = log_in(browser, live_server, "clerk")
    page.set_viewport_size(WIDE)
    expect(page.locator("#returned-notice")).to_be_visible()
    expect(page.locator("#nav-todo .count")).to_have_text("1")
    page.click("#returned-notice a")
    expect(page.locator("#todo-returned")).to_contain_text("请说明偏差原因")
    shots(page, "todo")
    page.click("#todo-returned a.button")
    deviation = page.locator("#id_ind-0-deviation")
    expect(deviation).to_be_visible()
    assert deviation.evaluate("el => el.tagName") == "TEXTAREA"
    deviation.fill("第一行\n第二行")
    expect(page.locator("nav.crumbs")).to_contain_text(returned.project.name)
    page.click("#save")
    page.wait_for_load_state()
    row = FormRecord.objects.get(pk=returned.pk).rows.get(position=0)
    assert row.deviation.splitlines() == ["第一行", "第二行"]
    shots(page, "saved")


def test_a_user_changes_the_password_from_the_user_menu(browser, live_server, returned, shots):
    page = log_in(browser, live_server, "clerk")
    page.click("#user-menu")
    page.click("#password-change")
    page.fill("#id_old_password", "browser-test-pw")
    page.fill("#id_new_password1", "a-new-and-long-password-26")
    page.fill("#id_new_password2", "a-new-and-long-password-26")
    shots(page, "form")
    page.click("#password-form button[type=submit]")
    expect(page.locator("#password-changed")).to_be_visible()
    shots(page, "done")
    assert User.objects.get(username="clerk").check_password("a-new-and-long-password-26")


def test_amounts_show_separators_and_a_save_changes_nothing(browser, live_server, returned, shots):
    page = log_in(browser, live_server, "clerk")
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/forms/{returned.pk}/edit/")
    # Seed 001 form 0 prints 626,500 and 506,745.04: shown so, decimals as stored.
    expect(page.locator("#id_budget")).to_have_value("626,500")
    expect(page.locator("#id_executed")).to_have_value("506,745.04")
    page.fill("#id_total_budget", "1200000.5")
    page.locator("#id_total_budget").blur()
    expect(page.locator("#id_total_budget")).to_have_value("1,200,000.5")
    page.fill("#id_total_budget", "")
    shots(page, "amounts")
    page.click("#save")
    page.wait_for_load_state()
    changed = [
        c["path"] for e in FormRecord.objects.get(pk=returned.pk).events.all() for c in e.changes
    ]
    assert changed == []


def test_the_indicator_table_scrolls_with_its_first_columns_fixed(browser, live_server, returned):
    page = log_in(browser, live_server, "clerk")
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/forms/{returned.pk}/edit/")
    box = page.locator("#indicator-scroll")
    level1 = page.locator("#id_ind-0-level1")
    remove = page.locator("#id_ind-0-DELETE")
    before = level1.bounding_box()
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # wider than its box at 1366
    box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    after = level1.bounding_box()
    assert abs(after["x"] - before["x"]) < 1  # 一级指标 stays where it was
    edge = box.bounding_box()
    spot = remove.bounding_box()
    assert edge["x"] <= spot["x"] and spot["x"] + spot["width"] <= edge["x"] + edge["width"]
    # The page itself does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
