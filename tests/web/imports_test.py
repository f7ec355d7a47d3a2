"""Importing in the browser: parsed by a real task worker, previewed, stored all or nothing."""

from contextlib import nullcontext

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from jixiao.core.formjson import decode_form, encode_form
from jixiao.web.imports.models import ImportBatch, JobStatus
from jixiao.web.store.models import FormRecord, Status
from jixiao.web.store.services import refresh_summary, to_canonical
from tests.conftest import SAMPLES

# The task worker manages its own database connections, as in production: real transactions.
pytestmark = pytest.mark.django_db(transaction=True)

SEED_001 = SAMPLES / "seeds" / "001_655e35476e9ed446.txt"
SEED_003 = SAMPLES / "seeds" / "003_0ac360506fdddbba.txt"


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


def upload(client, capture, *paths, extra=()):
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths] + list(extra)
    with capture(execute=True):
        response = client.post(reverse("jx-import"), {"files": files})
    return ImportBatch.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def test_upload_parse_preview_confirm(cast, django_capture_on_commit_callbacks):
    client = cast.client(cast.finance)
    binary = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4)
    batch = upload(client, django_capture_on_commit_callbacks, SEED_001, SEED_003, extra=[binary])
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert "data-job-url" in page  # still queued: the page shows progress
    run_worker()
    batch.refresh_from_db()
    assert batch.parse_job.status == JobStatus.DONE and batch.parse_job.done == 3
    outcomes = {f.name: f.outcome for f in batch.files.all()}
    assert outcomes == {
        SEED_001.name: "parsed with findings",
        SEED_003.name: "parsed with findings",
        "scan.pdf": "failed",
    }
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert "合作交流专项工作经费" in page and "rate-mismatch" in page and "target-vague" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jx-import-confirm", args=[batch.pk]), {"as_status": "draft"})
    run_worker()
    assert FormRecord.objects.filter(origin="imported", status=Status.DRAFT).count() == 6
    kunming = FormRecord.objects.filter(project__unit=cast.unit).count()
    assert kunming == 4  # seed 001's forms belong to the existing unit 驻昆明办事处
    assert (
        FormRecord.objects.filter(project__unit=cast.other_unit).count() == 2
    )  # seed 003: 驻西宁办事处


def test_an_import_is_all_or_nothing(cast, django_capture_on_commit_callbacks):
    client = cast.client(cast.finance)
    first = upload(client, django_capture_on_commit_callbacks, SEED_003)
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jx-import-confirm", args=[first.pk]))
    run_worker()
    assert FormRecord.objects.count() == 2
    second = upload(
        client, django_capture_on_commit_callbacks, SEED_001, SEED_003
    )  # 003 is already stored
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jx-import-confirm", args=[second.pk]))
    run_worker()
    second.refresh_from_db()
    assert second.store_job.status == JobStatus.FAILED
    assert second.store_job.message == (
        f"未保存任何表：{SEED_003.name} 第 1 张表（合作交流工作业务费 2020）已经保存过。"
    )
    assert second.store_job.message_en == (
        f"Nothing stored: form 1 of {SEED_003.name} (合作交流工作业务费 2020) is stored already."
    )
    assert FormRecord.objects.count() == 2  # none of seed 001's four forms was kept


def test_a_unit_clerk_imports_into_its_own_unit_as_draft_only(
    cast, django_capture_on_commit_callbacks
):
    client = cast.client(cast.other_clerk)
    batch = upload(client, django_capture_on_commit_callbacks, SEED_003)
    run_worker()
    assert (
        client.post(
            reverse("jx-import-confirm", args=[batch.pk]), {"as_status": "published"}
        ).status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jx-import-confirm", args=[batch.pk]))
    run_worker()
    assert set(FormRecord.objects.values_list("project__unit", "status")) == {
        (cast.other_unit.pk, "draft")
    }


def test_others_cannot_see_an_upload(cast, django_capture_on_commit_callbacks):
    batch = upload(cast.client(cast.clerk), django_capture_on_commit_callbacks, SEED_003)
    assert (
        cast.client(cast.other_clerk).get(reverse("jx-import-batch", args=[batch.pk])).status_code
        == 403
    )
    assert (
        cast.client(cast.finance).get(reverse("jx-import-batch", args=[batch.pk])).status_code
        == 200
    )


def test_job_progress_is_reported(cast, django_capture_on_commit_callbacks):
    client = cast.client(cast.clerk)
    batch = upload(client, django_capture_on_commit_callbacks, SEED_001)
    queued = client.get(reverse("jx-job", args=[batch.parse_job.pk])).json()
    assert queued == {"status": "queued", "done": 0, "total": 1, "percent": 0, "message": ""}
    run_worker()
    assert client.get(reverse("jx-job", args=[batch.parse_job.pk])).json()["percent"] == 100


def test_recheck_a_year(cast, evaluation, django_capture_on_commit_callbacks):
    FormRecord.objects.filter(pk=evaluation.pk).update(errors=99)
    with django_capture_on_commit_callbacks(execute=True):
        response = cast.client(cast.finance).post(reverse("jx-recheck"), {"year": "2022"})
    assert response.status_code == 302
    run_worker()
    evaluation.refresh_from_db()
    assert evaluation.errors == 0


def test_a_stored_form_is_the_parsed_form_with_its_rows_history_and_summary(cast):
    client = cast.client(cast.clerk)
    batch = upload(client, lambda **_: nullcontext(), SEED_001)
    run_worker()
    parsed = batch.files.get().result["forms"][1]
    client.post(reverse("jx-import-confirm", args=[batch.pk]))
    run_worker()
    record = FormRecord.objects.get(project__name=parsed["project"]["name"])
    expected = encode_form(decode_form(parsed, SEED_001.name, 1))
    assert to_canonical(record) == expected
    assert [row.position for row in record.rows.all()] == list(range(len(expected["indicators"])))
    assert (record.origin, record.source_file, record.status) == (
        "imported",
        SEED_001.name,
        "draft",
    )
    event = record.events.get()
    assert (event.action, event.actor, event.to_status, event.note) == (
        "imported",
        cast.clerk,
        "draft",
        SEED_001.name,
    )
    fresh = FormRecord(project=record.project)
    refresh_summary(fresh, decode_form(parsed, SEED_001.name, 1))
    assert (record.declared_total, record.recomputed_total, record.errors, record.warnings) == (
        fresh.declared_total,
        fresh.recomputed_total,
        fresh.errors,
        fresh.warnings,
    )
    assert record.project.unit == cast.unit
