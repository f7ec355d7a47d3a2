"""Issue 12 §3 and §5 in a real browser: the review dialogs, withdrawing, batch pass, the return
notes in the editor, 采用重算值, and a failed save that keeps line breaks and the row order."""

import pytest
from playwright.sync_api import expect

from jixiao.web.accounts.models import Organisation, OrgKind, Role
from jixiao.web.review import transitions
from jixiao.web.store.models import FormEvent, FormRecord, Status
from jixiao.web.store.services import create_form
from tests.browser.editor_test import WIDE
from tests.browser.journey_test import log_in, person
from tests.conftest import gold_form

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def office(settings):
    """Seed 001's first two forms, drafts of one unit; a clerk, a department reviewer."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    bureau = Organisation.objects.create(name="上海市财政局", kind=OrgKind.BUREAU)
    department = Organisation.objects.create(
        name="上海市人民政府合作交流办公室", kind=OrgKind.DEPARTMENT, parent=bureau
    )
    unit = Organisation.objects.create(
        name="上海市人民政府驻昆明办事处", kind=OrgKind.UNIT, parent=department
    )
    clerk = person("clerk", unit, Role.UNIT_STAFF)
    person("reviewer", department, Role.DEPARTMENT_REVIEWER)
    forms = [create_form(gold_form("001", i), unit=unit, actor=clerk) for i in (0, 1)]
    return forms, clerk


def flash(page):
    return page.locator("p.flash")


def test_submit_withdraw_review_and_return_through_dialogs(browser, live_server, office, shots):
    (form, _second), _clerk = office
    clerk = log_in(browser, live_server, "clerk")
    clerk.set_viewport_size(WIDE)
    clerk.goto(f"{live_server.url}/forms/{form.pk}/")
    clerk.click("#open-submit")
    expect(clerk.locator("#dialog-submit")).to_be_visible()
    shots(clerk, "submit-dialog")
    clerk.click("#dialog-submit button.close")
    expect(clerk.locator("#dialog-submit")).to_be_hidden()
    clerk.click("#open-submit")
    clerk.click("#do-submit")
    expect(flash(clerk)).to_have_text("已送主管部门审核")
    clerk.click("#open-withdraw")
    clerk.click("#do-withdraw")
    expect(flash(clerk)).to_have_text("已撤回，可以继续修改")
    expect(clerk.locator("#form-status")).to_have_text("草稿")
    clerk.click("#open-submit")
    clerk.click("#do-submit")

    reviewer = log_in(browser, live_server, "reviewer")
    reviewer.set_viewport_size(WIDE)
    reviewer.goto(f"{live_server.url}/forms/{form.pk}/")
    reviewer.fill("#row-1 + tr.row-notes input[name='text']", "次数与上年相同，请说明")
    reviewer.click("#row-1 + tr.row-notes .comment-form button")
    reviewer.click("#open-review")
    # A return without a 审核意见 is stopped in the dialog; nothing is sent.
    reviewer.click("#do-return_department")
    expect(reviewer.locator("#dialog-review")).to_be_visible()
    assert FormRecord.objects.get(pk=form.pk).status == Status.SUBMITTED
    reviewer.fill("#reason-review", "执行率偏低\n请说明原因")
    shots(reviewer, "review-dialog")
    reviewer.click("#do-return_department")
    expect(flash(reviewer)).to_have_text("已退回填报单位")
    assert FormEvent.objects.filter(form=form, action="transition").last().note == (
        "执行率偏低\n请说明原因"
    )

    clerk.goto(f"{live_server.url}/forms/{form.pk}/edit/")
    notes = clerk.locator("#return-notes")
    expect(notes).to_be_visible()
    assert notes.locator("#return-reason").inner_text() == "执行率偏低\n请说明原因"
    expect(notes.locator("#return-comments")).to_contain_text("次数与上年相同，请说明")
    shots(clerk, "editor-with-return-notes")


def test_batch_pass_from_the_queue(browser, live_server, office, shots):
    forms, clerk = office
    for form in forms:
        transitions.apply(form, "submit", clerk)
    reviewer = log_in(browser, live_server, "reviewer")
    reviewer.set_viewport_size(WIDE)
    reviewer.goto(f"{live_server.url}/queue/")
    expect(reviewer.locator("#queue td.waiting").first).to_have_text("0 天")
    reviewer.check("#tick-all")
    asked = []
    reviewer.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    reviewer.click("#batch-pass")
    expect(flash(reviewer)).to_have_text("已审核通过，送财政局批准：2 张表")
    assert asked == ["确认将勾选的表全部审核通过？"]
    assert set(FormRecord.objects.values_list("status", flat=True)) == {Status.PASSED}
    shots(reviewer, "queue-after-batch")


def test_adopting_the_recomputed_figures(browser, live_server, office, shots):
    (form, _second), _clerk = office
    clerk = log_in(browser, live_server, "clerk")
    clerk.set_viewport_size(WIDE)
    clerk.goto(f"{live_server.url}/forms/{form.pk}/edit/")
    # 438,550 ÷ 626,500 = 70.00 %; 10 × 70 % = 7.00; rows 90 − 10 + 7 = 87.00 → 良.
    clerk.fill("#id_executed", "438,550")
    clerk.fill("#id_ind-0-score", "0")
    expect(clerk.locator("#recomputed")).to_have_count(1)
    expect(clerk.locator("#live-figures")).to_contain_text("70.00")
    clerk.click("#adopt")
    expect(clerk.locator("#id_execution_rate")).to_have_value("70.00")
    expect(clerk.locator("#id_execution_score")).to_have_value("7.00")
    expect(clerk.locator("#id_total_score")).to_have_value("87.00")
    expect(clerk.locator("#id_grade")).to_have_value("良")
    shots(clerk, "adopted")
    clerk.click("#save")
    expect(flash(clerk)).to_have_text("已保存")
    stored = FormRecord.objects.get(pk=form.pk)
    assert (str(stored.declared_total), stored.header["grade"]) == ("87.00", "良")


def test_a_failed_save_keeps_line_breaks_and_the_row_order(browser, live_server, office, shots):
    (form, _second), _clerk = office
    first, second = (form.rows.get(position=i).name for i in (0, 1))
    clerk = log_in(browser, live_server, "clerk")
    clerk.set_viewport_size(WIDE)
    clerk.goto(f"{live_server.url}/forms/{form.pk}/edit/")
    clerk.fill("#id_annual", "第一段\n\n第二段")
    clerk.fill("#id_ind-1-deviation", "原因一\n原因二")
    clerk.locator("#indicator-rows tr.indicator-row").nth(1).locator("button.up").click()
    clerk.fill("#id_budget", "六十万")
    clerk.click("#save")
    expect(clerk.locator("p.flash")).to_contain_text("未保存")
    expect(clerk.locator("#id_annual")).to_have_value("第一段\n\n第二段")
    expect(clerk.locator("#id_ind-1-deviation")).to_have_value("原因一\n原因二")
    expect(clerk.locator("#id_budget")).to_have_value("六十万")
    expect(clerk.locator("#id_unit")).to_have_value("上海市人民政府驻昆明办事处")
    names = clerk.locator("#indicator-rows tr.indicator-row [name$='-name']")
    expect(names.nth(0)).to_have_value(second)
    expect(names.nth(1)).to_have_value(first)
    shots(clerk, "failed-save-kept")
    clerk.fill("#id_budget", "626,500")
    clerk.click("#save")
    expect(flash(clerk)).to_have_text("已保存")
    rows = FormRecord.objects.get(pk=form.pk).rows.order_by("position")
    assert [r.name for r in rows[:2]] == [second, first]
    assert rows[0].deviation == "原因一\n原因二"


def test_the_grade_choices_follow_the_chosen_layout(browser, live_server, office):
    (form, _second), _clerk = office
    clerk = log_in(browser, live_server, "clerk")
    clerk.goto(f"{live_server.url}/forms/{form.pk}/edit/")
    grade = clerk.locator("#id_grade")
    options = "el => Array.from(el.options, (o) => o.value)"
    assert grade.evaluate(options) == ["", "优", "良", "中", "差"]
    grade.select_option("良")
    clerk.select_option("#id_template", "sh-2019-self-eval")  # Shanghai 2019 words: 优秀 良好 …
    assert grade.evaluate(options) == ["", "优秀", "良好", "中", "差", "良"]
    expect(grade).to_have_value("良")
