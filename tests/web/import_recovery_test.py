"""Import that recovers (issue 12 §4): forms stored already or repeated are marked, only ticked
forms are stored, stored ones are skipped or (drafts only) replaced, failed batches are retried
or cancelled from the list, and the stored forms are linked."""

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.core.formjson import encode_form
from jixiao.io.parse import parse_bytes
from jixiao.web.imports import tasks
from jixiao.web.imports.models import ImportBatch, Job, JobStatus
from jixiao.web.store.models import FormEvent, FormRecord, Status
from jixiao.web.store.services import to_canonical
from tests.conftest import gold_form
from tests.web.import_missing_test import parsed_batch
from tests.web.imports_test import run_worker
from tests.web.jobs_faults_test import XLSX

pytestmark = pytest.mark.django_db(transaction=True)


def ours(cast, index, plan=None):
    """Seed 003's form ``index`` as a form of the clerk's unit, with another plan if given."""
    data = encode_form(gold_form("003", index))
    project = dict(data["project"], unit=cast.unit.name)
    return dict(data, project=dict(project, plan=plan or project["plan"]))


def confirm(client, capture, batch, **post):
    with capture(execute=True):
        response = client.post(reverse("jx-import-confirm", args=[batch.pk]), post)
    run_worker()
    batch.refresh_from_db()
    return response


def stored_draft(cast, capture, data):
    """One form of the clerk's unit in the store, imported as a draft."""
    client = cast.client(cast.clerk)
    batch, _ = parsed_batch(cast.clerk, data)
    confirm(client, capture, batch)
    return FormRecord.objects.get(pk=batch.stored_forms[0])


def test_the_preview_marks_stored_forms_and_repeats_and_unticks_the_repeat(
    cast, django_capture_on_commit_callbacks
):
    record = stored_draft(cast, django_capture_on_commit_callbacks, ours(cast, 0))
    client = cast.client(cast.clerk)
    batch, upload = parsed_batch(cast.clerk, ours(cast, 0), ours(cast, 0), ours(cast, 1))
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert page.count('class="flash warning mark-existing"') == 2  # #0 and its repeat #1
    assert page.count('class="flash warning mark-repeat"') == 1
    assert f'href="{reverse("jx-form", args=[record.pk])}"' in page
    assert (
        f'name="pick-f{upload.pk}-0" id="pick-f{upload.pk}-0" form="confirm-form" checked' in page
    )
    assert f'id="pick-f{upload.pk}-1" form="confirm-form">' in page  # the repeat: not ticked
    assert f'id="pick-f{upload.pk}-2" form="confirm-form" checked' in page
    assert "可选择跳过或替换" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert "Your unit has stored this form already (Draft): skip it or replace it." in english
    assert "not stored unless ticked" in english and "Store the ticked forms" in english


def test_only_ticked_forms_are_stored_and_linked(cast, django_capture_on_commit_callbacks):
    client = cast.client(cast.clerk)
    batch, upload = parsed_batch(cast.clerk, ours(cast, 0), ours(cast, 1))
    confirm(
        client,
        django_capture_on_commit_callbacks,
        batch,
        picking="1",
        on_existing="skip",
        **{f"pick-f{upload.pk}-1": "on"},
    )
    record = FormRecord.objects.get()
    assert record.project.name == "合作交流专项工作经费"  # form #1, the only one ticked
    assert batch.stored_forms == [record.pk]
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert f'<a href="{reverse("jx-form", args=[record.pk])}">合作交流专项工作经费 2020' in page


def test_nothing_ticked_or_a_form_ticked_twice_is_refused(cast):
    client = cast.client(cast.clerk)
    batch, upload = parsed_batch(cast.clerk, ours(cast, 0), ours(cast, 0))
    url = reverse("jx-import-confirm", args=[batch.pk])
    nothing = client.post(url, {"picking": "1", "on_existing": "skip"})
    twice = client.post(
        url,
        {
            "picking": "1",
            "on_existing": "skip",
            f"pick-f{upload.pk}-0": "on",
            f"pick-f{upload.pk}-1": "on",
        },
    )
    assert nothing.status_code == twice.status_code == 400
    assert "同一张表只能勾选一次" in twice.content.decode()
    batch.refresh_from_db()
    assert batch.store_job is None and not FormRecord.objects.exists()


def test_skip_existing_keeps_the_stored_form(cast, django_capture_on_commit_callbacks):
    record = stored_draft(cast, django_capture_on_commit_callbacks, ours(cast, 0))
    client = cast.client(cast.clerk)
    batch, upload = parsed_batch(cast.clerk, ours(cast, 0, plan="新的计划"), ours(cast, 1))
    ticks = {f"pick-f{upload.pk}-0": "on", f"pick-f{upload.pk}-1": "on"}
    confirm(
        client, django_capture_on_commit_callbacks, batch, picking="1", on_existing="skip", **ticks
    )
    assert batch.store_job.status == JobStatus.DONE, batch.store_job.message
    assert FormRecord.objects.count() == 2
    assert to_canonical(FormRecord.objects.get(pk=record.pk))["project"]["plan"] != "新的计划"
    assert record.pk not in batch.stored_forms and len(batch.stored_forms) == 1


def test_replace_draft_replaces_it_with_an_audit_row(cast, django_capture_on_commit_callbacks):
    record = stored_draft(cast, django_capture_on_commit_callbacks, ours(cast, 0))
    client = cast.client(cast.clerk)
    batch, upload = parsed_batch(cast.clerk, ours(cast, 0, plan="新的计划"))
    confirm(
        client,
        django_capture_on_commit_callbacks,
        batch,
        picking="1",
        on_existing="replace",
        **{f"pick-f{upload.pk}-0": "on"},
    )
    assert batch.stored_forms == [record.pk]
    replaced = FormRecord.objects.get()
    assert to_canonical(replaced)["project"]["plan"] == "新的计划"
    assert replaced.status == Status.DRAFT and replaced.version == record.version + 1
    event = FormEvent.objects.filter(form=replaced).order_by("pk").last()
    assert event.action == "imported" and event.actor == cast.clerk
    assert [c["path"] for c in event.changes] == ["project.plan"]
    assert event.changes[0]["new"] == "新的计划"


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED])
def test_replace_never_touches_a_form_out_of_the_units_hands(
    cast, django_capture_on_commit_callbacks, status
):
    record = stored_draft(cast, django_capture_on_commit_callbacks, ours(cast, 0))
    FormRecord.objects.filter(pk=record.pk).update(status=status)
    client = cast.client(cast.clerk)
    batch, upload = parsed_batch(cast.clerk, ours(cast, 0, plan="新的计划"))
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert "不能替换：保存时跳过" in page
    confirm(
        client,
        django_capture_on_commit_callbacks,
        batch,
        picking="1",
        on_existing="replace",
        **{f"pick-f{upload.pk}-0": "on"},
    )
    kept = FormRecord.objects.get()
    assert to_canonical(kept)["project"]["plan"] != "新的计划" and kept.version == record.version
    assert batch.stored_forms == [] and batch.stored
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert "没有保存新的表：勾选的表都已保存过，已跳过。" in page


def test_a_failed_batch_offers_retry_and_cancel_on_the_import_list(cast):
    client = cast.client(cast.clerk)
    failed = Job.objects.create(kind="parse", status=JobStatus.FAILED, created_by=cast.clerk)
    batch = ImportBatch.objects.create(created_by=cast.clerk, parse_job=failed)
    fine, _ = parsed_batch(cast.clerk, ours(cast, 0))
    page = client.get(reverse("jx-import")).content.decode()
    assert f'action="{reverse("jx-import-retry", args=[batch.pk])}"' in page
    assert f'action="{reverse("jx-import-cancel", args=[batch.pk])}"' in page
    assert f'action="{reverse("jx-import-retry", args=[fine.pk])}"' not in page
    cancelled = client.post(reverse("jx-import-cancel", args=[batch.pk]), {"from": "list"})
    assert cancelled["Location"] == reverse("jx-import")
    batch.refresh_from_db()
    assert batch.cancelled


class _Inputs(HTMLParser):
    """What a browser would post from the page's ``<form id="editor">``."""

    def __init__(self):
        super().__init__()
        self.data, self.inside, self.field, self.select = {}, False, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == "editor"
        if not self.inside or "disabled" in a or "form" in a:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("checkbox", "file"):
            self.data[a["name"]] = a.get("value") or ""
        elif tag == "input" and a.get("type") == "checkbox" and "checked" in a:
            self.data[a["name"]] = a.get("value") or "on"
        elif tag == "textarea":
            self.field = a["name"]
            self.data[self.field] = ""
        elif tag == "select":
            self.select = a["name"]
            self.data.setdefault(self.select, "")
        elif tag == "option" and self.select and "selected" in a:
            self.data[self.select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.field = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False

    def handle_data(self, data):
        if self.field:
            self.data[self.field] += data


def test_a_clerk_opens_an_excel_form_in_the_editor_and_only_saving_stores_it(cast):
    client = cast.client(cast.clerk)
    with XLSX.open("rb") as f:
        uploaded = client.post(reverse("jx-import-editor"), {"file": f})
    opened = client.get(uploaded["Location"])
    assert opened.status_code == 200 and opened.templates[0].name == "entry/editor.html"
    page = opened.content.decode()
    expected = encode_form(parse_bytes(XLSX.name, XLSX.read_bytes()).forms[0])
    assert expected["project"]["name"] in page
    assert not FormRecord.objects.exists()  # nothing stored until the clerk saves
    inputs = _Inputs()
    inputs.feed(page)
    saved = client.post(uploaded["Location"], inputs.data)
    assert saved.status_code == 302, saved.content.decode()[-3000:]
    record = FormRecord.objects.get()
    assert record.project.unit == cast.unit and record.kind == expected["kind"]
    stored = to_canonical(record)
    # What the editor does not show is kept from the parsed form too.
    assert stored["project"] == dict(expected["project"], unit=cast.unit.name)
    assert stored["groups"] == expected["groups"]
    assert [r["name"] for r in stored["indicators"]] == [r["name"] for r in expected["indicators"]]
    assert client.get(uploaded["Location"]).status_code == 404  # stored: not opened again


def test_the_editor_upload_refuses_what_it_cannot_open(cast):
    clerk = cast.client(cast.clerk)
    damaged = SimpleUploadedFile("损坏.xlsx", b"PK\x03\x04 not a zip")
    refused = clerk.post(reverse("jx-import-editor"), {"file": damaged}, follow=True)
    assert "未能打开 损坏.xlsx" in refused.content.decode()
    text = SimpleUploadedFile("表.txt", b"text")
    refused = clerk.post(reverse("jx-import-editor"), {"file": text}, follow=True)
    assert "请选择一个 Excel（.xlsx）文件。" in refused.content.decode()
    reviewer = cast.client(cast.reviewer)
    with XLSX.open("rb") as f:
        assert reviewer.post(reverse("jx-import-editor"), {"file": f}).status_code == 403
    assert not FormRecord.objects.exists()


def test_the_editor_upload_speaks_english(cast):
    clerk = cast.client(cast.clerk)
    clerk.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = clerk.get(reverse("jx-import")).content.decode()
    assert "Open one Excel form in the editor" in page and "打开到编辑器" not in page
    text = SimpleUploadedFile("表.txt", b"text")
    refused = clerk.post(reverse("jx-import-editor"), {"file": text}, follow=True)
    assert "Choose one Excel (.xlsx) file." in refused.content.decode()


def test_a_draft_submitted_after_the_preview_is_not_replaced_and_nothing_is_stored(
    cast, django_capture_on_commit_callbacks, monkeypatch
):
    record = stored_draft(cast, django_capture_on_commit_callbacks, ours(cast, 0))
    client = cast.client(cast.clerk)
    batch, upload = parsed_batch(cast.clerk, ours(cast, 0, plan="新的计划"), ours(cast, 1))
    real = tasks.publish_staged

    def submitted_meanwhile(*args, **kwargs):
        FormRecord.objects.filter(pk=record.pk).update(status=Status.SUBMITTED)
        return real(*args, **kwargs)

    monkeypatch.setattr(tasks, "publish_staged", submitted_meanwhile)
    ticks = {f"pick-f{upload.pk}-0": "on", f"pick-f{upload.pk}-1": "on"}
    confirm(
        client,
        django_capture_on_commit_callbacks,
        batch,
        picking="1",
        on_existing="replace",
        **ticks,
    )
    assert batch.store_job.status == JobStatus.FAILED and not batch.stored
    assert batch.store_job.message.startswith("未保存任何表：要替换的表在预览后已提交或已批准")
    assert batch.store_job.message_en.startswith("Nothing stored: a form to replace was submitted")
    assert FormRecord.objects.count() == 1  # the other ticked form is not stored either
    kept = FormRecord.objects.get()
    assert to_canonical(kept)["project"]["plan"] != "新的计划" and kept.version == record.version
