"""Importing a form that lacks its year or its project's name: the preview asks, storing uses the answer."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.core.formjson import encode_form
from jixiao.web.imports.missing import missing, suggested_name
from jixiao.web.imports.models import ImportBatch, ImportFile, Job, JobStatus
from jixiao.web.store.models import FormEvent, FormRecord
from jixiao.web.store.services import to_canonical
from tests.conftest import gold_form
from tests.web.imports_test import SEED_001, run_worker, upload

pytestmark = pytest.mark.django_db(transaction=True)


def parsed_batch(user, *forms):
    """An upload already parsed into these forms (the importer's work is tested in tests/io)."""
    job = Job.objects.create(kind="parse", status=JobStatus.DONE, total=1, done=1, created_by=user)
    batch = ImportBatch.objects.create(created_by=user, parse_job=job)
    upload = ImportFile.objects.create(
        batch=batch,
        name="目标表.xlsx",
        content=b"",
        outcome="parsed with findings",
        result={
            "schema": "jixiao/parse@1",
            "file": "目标表.xlsx",
            "forms": list(forms),
            "findings": [],
        },
    )
    return batch, upload


def without(data, year=True, name=False):
    data = dict(data)
    if year:
        data["year"] = None
    if name:
        data["project"] = dict(data["project"], name=None)
    return data


def test_what_a_parsed_form_lacks():
    form = encode_form(gold_form("003", 0))
    assert missing(form) == []
    assert missing(without(form)) == ["year"]
    assert missing(dict(form, year=0)) == ["year"]
    assert missing(without(form, year=False, name=True)) == ["name"]
    assert missing(without(form, name=True)) == ["year", "name"]
    assert suggested_name({"project": {"unit": "某县教育局"}}) == "部门整体支出（某县教育局）"
    assert suggested_name({"project": {"unit": None}}) is None


def test_the_preview_asks_for_a_missing_year_and_stores_the_typed_one(
    cast, django_capture_on_commit_callbacks
):
    client = cast.client(cast.finance)
    batch, upload = parsed_batch(cast.finance, without(encode_form(gold_form("003", 0))))
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    field = f"f{upload.pk}-0-year"
    assert f'name="{field}"' in page and 'form="confirm-form"' in page
    assert f'name="f{upload.pk}-0-name"' not in page  # the name was read: not asked
    # Confirming without the year stores nothing and says what is missing.
    refused = client.post(reverse("jx-import-confirm", args=[batch.pk]), {"as_status": "draft"})
    assert refused.status_code == 400
    assert "请为标出的表填写缺少的年度或项目名称" in refused.content.decode()
    batch.refresh_from_db()
    assert batch.store_job is None and not FormRecord.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        stored = client.post(
            reverse("jx-import-confirm", args=[batch.pk]), {"as_status": "draft", field: "2021"}
        )
    assert stored.status_code == 302
    run_worker()
    record = FormRecord.objects.get()
    assert record.year == 2021 and to_canonical(record)["year"] == 2021
    event = FormEvent.objects.get(form=record)
    assert event.action == "imported"
    assert event.changes == [{"path": "year", "old": None, "new": 2021}]


def test_a_typed_year_out_of_range_is_refused(cast):
    client = cast.client(cast.finance)
    batch, upload = parsed_batch(cast.finance, without(encode_form(gold_form("003", 0))))
    response = client.post(
        reverse("jx-import-confirm", args=[batch.pk]), {f"f{upload.pk}-0-year": "20211"}
    )
    assert response.status_code == 400 and not FormRecord.objects.exists()


def test_a_department_wide_form_is_stored_under_the_suggested_name(
    cast, django_capture_on_commit_callbacks
):
    data = encode_form(gold_form("003", 0))
    data = without(dict(data, project=dict(data["project"], unit=cast.unit.name)), False, True)
    client = cast.client(cast.clerk)
    batch, upload = parsed_batch(cast.clerk, data)
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    suggestion = "部门整体支出（上海市人民政府驻昆明办事处）"
    assert re.search(f'<input[^>]* name="f{upload.pk}-0-name"[^>]* value="{suggestion}"', page)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("jx-import-confirm", args=[batch.pk]), {f"f{upload.pk}-0-name": suggestion}
        )
    run_worker()
    record = FormRecord.objects.get()
    assert record.project.name == suggestion and record.project.unit == cast.unit
    assert to_canonical(record)["project"]["name"] == suggestion


def test_a_real_upload_without_its_year_asks_for_it(cast, django_capture_on_commit_callbacks):
    # Seed 001 with its title's year cut: four forms, none with a year to store under.
    text = SEED_001.read_text(encoding="utf-8").replace("（ 2022 年度）", "")
    client = cast.client(cast.finance)
    no_year = SimpleUploadedFile("no-year.txt", text.encode("utf-8"))
    batch = upload(client, django_capture_on_commit_callbacks, extra=[no_year])
    run_worker()
    upload_file = batch.files.get()
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    asked = [f"f{upload_file.pk}-{i}-year" for i in range(4)]
    assert all(f'name="{name}"' in page for name in asked)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jx-import-confirm", args=[batch.pk]), dict.fromkeys(asked, "2022"))
    run_worker()
    assert sorted(FormRecord.objects.values_list("year", "project__name")) == [
        (2022, "合作交流专项工作经费"),
        (2022, "合作交流工作业务费"),
        (2022, "机关服务费"),
        (2022, "驻外办驻外工作经费"),
    ]


def test_a_form_with_no_layout_names_its_inferred_rule_set_in_words_not_by_id(cast):
    form = dict(encode_form(gold_form("001", 0)), template=None)  # read with no layout matched
    batch, _ = parsed_batch(cast.finance, form)
    page = cast.client(cast.finance).get(reverse("jx-import-batch", args=[batch.pk]))
    text = page.content.decode()
    assert 'data-code="ruleset-inferred"' in text and "财预〔2020〕10号" in text
    assert "mof-2020@1" not in text  # the rule set's id is for machines


def test_the_import_findings_say_their_severity_in_words(cast):
    batch, upload = parsed_batch(cast.finance, encode_form(gold_form("001", 0)))
    upload.result["findings"] = [
        {
            "code": "uncertain-value",
            "severity": "warning",
            "location": {"document": "目标表.xlsx", "form": 0, "path": "indicators[0].level1"},
            "message_zh": "无法确定：一级指标",
            "message_en": "not settled by the text: level 1",
            "found": "产出指标",
        }
    ]
    upload.save()
    text = cast.client(cast.finance).get(reverse("jx-import-batch", args=[batch.pk]))
    assert '<li class="sev-warning" data-code="uncertain-value"><b>警告</b> 无法确定' in (
        text.content.decode()
    )
