"""Issue 12 §5: text the user did not touch stays as typed; a failed save keeps every field."""

import dataclasses
import re

import lxml.html
from django.urls import reverse

from jixiao.web.store.models import FormEvent, FormRecord
from jixiao.web.store.services import create_form, to_canonical
from tests.conftest import gold_form

DEVIATION = "资金拨付滞后：\n一是审批流程长；\n二是项目开工晚。"
ANNUAL = "完成对口支援项目 12 个\n\n受益人口不少于 3000 人"


def browser_post_data(page: str, form_id: str = "editor") -> dict[str, str]:
    """What a browser sends for the page's form, untouched.

    As a browser does: one line break right after ``<textarea>`` is not content, and line
    breaks of a text area are sent as CR LF; unticked boxes are not sent.
    """
    form = lxml.html.fromstring(page).get_element_by_id(form_id)
    data: dict[str, str] = {}
    for element in form.inputs:
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "textarea":
            text = element.text or ""
            text = text[1:] if text.startswith("\n") else text
            data[name] = text.replace("\r\n", "\n").replace("\n", "\r\n")
        elif element.tag == "select":
            chosen = [o for o in element.findall(".//option") if o.get("selected") is not None]
            option = (chosen or element.findall(".//option"))[0]
            data[name] = option.get("value", option.text or "")
        elif element.get("type") in ("checkbox", "radio"):
            if element.get("checked") is not None:
                data[name] = element.get("value", "on")
        elif element.get("type") not in ("submit", "button"):
            data[name] = element.get("value", "")
    return data


def _with_line_breaks(cast):
    form = gold_form("001", 0)
    rows = list(form.indicators)
    rows[0] = dataclasses.replace(rows[0], deviation=DEVIATION)
    goals = dataclasses.replace(form.goals, annual=ANNUAL)
    changed = dataclasses.replace(form, indicators=tuple(rows), goals=goals)
    return create_form(changed, unit=cast.unit, actor=cast.clerk)


def test_a_form_saved_untouched_records_no_edit_and_keeps_its_line_breaks(cast):
    record = _with_line_breaks(cast)
    before = to_canonical(record)
    assert before["indicators"][0]["deviation"] == DEVIATION  # stored as given
    client = cast.client(cast.clerk)
    url = reverse("jx-edit", args=[record.pk])
    data = browser_post_data(client.get(url).content.decode())
    assert data["ind-0-deviation"] == DEVIATION.replace("\n", "\r\n")  # as a browser sends it
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    after = to_canonical(FormRecord.objects.get(pk=record.pk))
    assert after["indicators"][0]["deviation"] == DEVIATION
    assert after["goals"]["annual"] == ANNUAL
    assert after == before
    assert not FormEvent.objects.filter(form=record, action="edited").exists()


def test_an_edit_beside_a_line_break_records_only_that_edit(cast):
    record = _with_line_breaks(cast)
    client = cast.client(cast.clerk)
    url = reverse("jx-edit", args=[record.pk])
    data = browser_post_data(client.get(url).content.decode())
    data["ind-0-deviation"] = "资金拨付滞后：\r\n一是审批流程长。"
    assert client.post(url, data).status_code == 302
    after = to_canonical(FormRecord.objects.get(pk=record.pk))
    assert after["indicators"][0]["deviation"] == "资金拨付滞后：\n一是审批流程长。"
    assert after["goals"]["annual"] == ANNUAL
    (event,) = FormEvent.objects.filter(form=record, action="edited")
    assert [c["path"] for c in event.changes] == ["indicators[0].deviation"]


def test_a_failed_save_renders_every_field_as_typed(cast):
    record = _with_line_breaks(cast)
    client = cast.client(cast.clerk)
    url = reverse("jx-edit", args=[record.pk])
    data = browser_post_data(client.get(url).content.decode())
    # The clerk swaps the first two rows, edits text and a goal, and types a bad number.
    first, second = data["ind-0-name"], data["ind-1-name"]
    data["ind-0-ORDER"], data["ind-1-ORDER"] = "2", "1"
    data["ind-1-deviation"] = "第二行\r\n  缩进的说明"
    data["overall"] = "总体目标\r\n第二段"
    data["budget"] = "六十万"
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    again = browser_post_data(page)
    del data["csrfmiddlewaretoken"]
    # Every field comes back as typed, the rows in the order the clerk left them.
    assert {k: again.get(k) for k in data} == data
    tree = lxml.html.fromstring(page)
    names = [
        e.value.removeprefix("\n")
        for e in tree.xpath("//*[@name]")
        if re.fullmatch(r"ind-\d+-name", e.get("name"))
    ]
    assert names[:2] == [second, first]
    unit = tree.get_element_by_id("id_unit")
    assert unit.get("value") == cast.unit.name
