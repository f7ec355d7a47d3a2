"""Issue 12 §3: the review dialogs, withdrawing, batch moves, the queue's dates, return notes."""

import datetime
from unittest import mock

import lxml.html
from django.urls import reverse

from jixiao.web.review.transitions import apply
from jixiao.web.store.models import FormEvent, FormRecord, IndicatorComment, Status
from jixiao.web.store.services import create_form
from tests.conftest import gold_form


def said(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def move(client, record, action, reason=None):
    data = {"action": action} | ({"reason": reason} if reason is not None else {})
    return client.post(reverse("jx-transition", args=[record.pk]), data, follow=True)


def trail(record):
    return [
        (e.from_status, e.to_status, e.actor.username, e.note)
        for e in FormEvent.objects.filter(form=record, action="transition")
    ]


def test_messages_say_what_happened(cast, evaluation):
    clerk, reviewer = cast.client(cast.clerk), cast.client(cast.reviewer)
    assert said(move(clerk, evaluation, "submit")) == ["已送主管部门审核"]
    assert said(move(reviewer, evaluation, "pass", "资料齐全")) == ["已审核通过，送财政局批准"]
    finance = cast.client(cast.finance)
    assert said(move(finance, evaluation, "return_finance", "目标值偏低")) == ["已退回填报单位"]
    # The 审核意见 of a pass is kept with its move, as a return's reason is.
    assert trail(evaluation)[1:] == [
        ("submitted", "passed", "reviewer", "资料齐全"),
        ("passed", "returned_finance", "finance", "目标值偏低"),
    ]


def test_a_unit_without_a_department_submits_to_the_finance_bureau(cast):
    cast.unit.parent = None
    cast.unit.save()
    record = create_form(gold_form("001", 0), unit=cast.unit, actor=cast.clerk)
    assert said(move(cast.client(cast.clerk), record, "submit")) == ["已送财政局审核"]


def test_a_clerk_withdraws_a_form_nobody_has_reviewed(cast, evaluation):
    clerk = cast.client(cast.clerk)
    move(clerk, evaluation, "submit")
    page = clerk.get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert 'id="open-withdraw"' in page and 'value="withdraw"' in page
    assert move(cast.client(cast.other_clerk), evaluation, "withdraw").status_code == 404
    assert said(move(clerk, evaluation, "withdraw")) == ["已撤回，可以继续修改"]
    evaluation.refresh_from_db()
    assert evaluation.status == Status.DRAFT and evaluation.editable
    assert trail(evaluation) == [
        ("draft", "submitted", "clerk", ""),
        ("submitted", "draft", "clerk", ""),
    ]


def test_no_withdrawing_once_a_reviewer_commented(cast, evaluation):
    clerk = cast.client(cast.clerk)
    move(clerk, evaluation, "submit")
    cast.client(cast.reviewer).post(
        reverse("jx-comment", args=[evaluation.pk]), {"position": "0", "text": "请补充依据"}
    )
    page = clerk.get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert 'value="withdraw"' not in page
    assert said(move(clerk, evaluation, "withdraw")) == ["您无权执行此操作"]
    assert FormRecord.objects.get(pk=evaluation.pk).status == Status.SUBMITTED


def test_one_dialog_for_pass_and_return_with_an_opinion_box(cast, evaluation):
    apply(evaluation, "submit", cast.clerk)
    page = cast.client(cast.reviewer).get(reverse("jx-form", args=[evaluation.pk]))
    tree = lxml.html.fromstring(page.content.decode())
    (dialog,) = tree.xpath("//dialog[@id='dialog-review']")
    assert [b.get("value") for b in dialog.xpath(".//button[@name='action']")] == [
        "pass",
        "return_department",
    ]
    assert dialog.xpath(".//textarea[@name='reason']")
    assert tree.xpath("//button[@data-opens='dialog-review']")[0].text == "审核"
    assert not dialog.xpath(".//*[@class='warning']")  # no errors in this form


def test_a_form_with_errors_is_warned_about_before_submitting_or_passing(cast, evaluation):
    FormRecord.objects.filter(pk=evaluation.pk).update(errors=2)
    page = cast.client(cast.clerk).get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    warning = lxml.html.fromstring(page).get_element_by_id("dialog-submit-errors")
    assert warning.text_content().startswith("此表还有 2 个错误")
    assert "仍然提交" in page
    apply(evaluation, "submit", cast.clerk)
    page = cast.client(cast.reviewer).get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert 'id="dialog-review-errors"' in page and "仍然审核通过" in page


def test_the_old_parameters_still_move_a_form(cast, evaluation):
    """Other tools post ``action`` and ``reason`` to the transition URL, as before."""
    clerk = cast.client(cast.clerk)
    response = clerk.post(f"/forms/{evaluation.pk}/transition/", {"action": "submit"})
    assert response.status_code == 302 and response["Location"] == f"/forms/{evaluation.pk}/"
    reviewer = cast.client(cast.reviewer)
    reviewer.post(f"/forms/{evaluation.pk}/comment/", {"position": "1", "text": "口径不一"})
    reviewer.post(
        f"/forms/{evaluation.pk}/transition/", {"action": "return_department", "reason": "请修改"}
    )
    assert trail(evaluation)[-1] == ("submitted", "returned_department", "reviewer", "请修改")
    assert IndicatorComment.objects.get(form=evaluation).text == "口径不一"
    assert clerk.get(f"/forms/{evaluation.pk}.json").status_code == 200


def test_the_return_reason_and_comments_head_the_form_and_its_editor(cast, evaluation):
    apply(evaluation, "submit", cast.clerk)
    reviewer = cast.client(cast.reviewer)
    reviewer.post(
        reverse("jx-comment", args=[evaluation.pk]), {"position": "1", "text": "目标值偏低"}
    )
    reviewer.post(
        reverse("jx-transition", args=[evaluation.pk]),
        {"action": "return_department", "reason": "请说明执行率偏低的原因\r\n并补充依据"},
    )
    assert trail(evaluation)[-1][3] == "请说明执行率偏低的原因\n并补充依据"  # as a browser sends it
    name = evaluation.rows.get(position=1).name
    clerk = cast.client(cast.clerk)
    for url in (reverse("jx-form", args=[evaluation.pk]), reverse("jx-edit", args=[evaluation.pk])):
        tree = lxml.html.fromstring(clerk.get(url).content.decode())
        notes = tree.get_element_by_id("return-notes")
        assert "主管部门退回" in notes.text_content()
        reason = notes.get_element_by_id("return-reason")
        assert reason.text_content() == "请说明执行率偏低的原因并补充依据"  # <br> between
        assert len(reason.xpath(".//br")) == 1
        (comment,) = notes.xpath(".//ul[@id='return-comments']/li")
        assert comment.text_content().startswith(f"{name}：目标值偏低")
    # Once submitted again, the notes are history only.
    apply(evaluation, "submit", cast.clerk)
    page = clerk.get(reverse("jx-form", args=[evaluation.pk])).content.decode()
    assert 'id="return-notes"' not in page


def _submitted(seed_index, unit, clerk):
    record = create_form(gold_form("001", seed_index), unit=unit, actor=clerk)
    FormRecord.objects.filter(pk=record.pk).update(status=Status.SUBMITTED)
    return record


def test_batch_pass_moves_each_form_on_its_own_and_reports_the_rest(cast, evaluation):
    first = _submitted(1, cast.unit, cast.clerk)
    second = _submitted(0, cast.other_unit, cast.other_clerk)
    foreign = _submitted(0, cast.foreign_unit, cast.clerk)  # another department's unit
    data = {"action": "pass", "pk": [evaluation.pk, first.pk, second.pk, foreign.pk]}
    response = cast.client(cast.reviewer).post(reverse("jx-queue-batch"), data, follow=True)
    assert said(response) == [
        "已审核通过，送财政局批准：2 张表",
        f"“{evaluation.project.name}” 2022 未处理：该表当前状态为“草稿”，不能执行此操作",
        "1 张表不在您能处理的范围内，未处理",
    ]
    statuses = dict(FormRecord.objects.values_list("pk", "status"))
    assert statuses == {
        evaluation.pk: Status.DRAFT,
        first.pk: Status.PASSED,
        second.pk: Status.PASSED,
        foreign.pk: Status.SUBMITTED,
    }
    for record in (first, second):
        assert trail(record) == [("submitted", "passed", "reviewer", "")]


def test_batch_refuses_unit_staff_and_needs_ticked_forms(cast, evaluation):
    url = reverse("jx-queue-batch")
    clerk = cast.client(cast.clerk)
    assert clerk.post(url, {"action": "pass", "pk": [evaluation.pk]}).status_code == 403
    reviewer = cast.client(cast.reviewer)
    assert said(reviewer.post(url, {"action": "pass"}, follow=True)) == ["请先勾选要处理的表"]
    answer = reviewer.post(url, {"action": "return_department", "pk": ["1"]}, follow=True)
    assert said(answer) == ["未知的操作"]
    assert said(reviewer.post(url, {"action": "pass", "pk": ["x"]}, follow=True)) == [
        "表的编号无效"
    ]


def at(year, month, day, hour):
    moment = datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_the_queue_shows_when_a_form_was_submitted_and_how_long_it_waits(cast, evaluation):
    with at(2026, 3, 2, 10):  # 18:00 in Shanghai
        apply(evaluation, "submit", cast.clerk)
    with at(2026, 3, 12, 9):  # 17:00 on the tenth day after
        page = cast.client(cast.reviewer).get(reverse("jx-queue")).content.decode()
    (row,) = lxml.html.fromstring(page).xpath("//table[@id='queue']/tbody/tr")
    assert row.xpath("td[@class='submitted']")[0].text == "2026-03-02"
    assert row.xpath("td[contains(@class, 'waiting')]")[0].text == "10 天"
    assert row.xpath(".//input[@name='pk']")[0].get("value") == str(evaluation.pk)
