"""Jobs never hang: a reader or database failure ends as a failed file or job with words; the
sweep takes back the jobs of dead workers; a failed batch is retried or cancelled from its page.

Workers here run in the test process (``db_worker --batch``); ``jobs_kill_test`` kills real ones.
"""

import io
import struct
import zipfile
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DataError, OperationalError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jixiao.io.bounded import Limits
from jixiao.web.imports import jobs, tasks
from jixiao.web.imports.models import ImportBatch, Job, JobStatus
from jixiao.web.store.models import FormRecord
from jixiao.web.store.services import to_form, update_form
from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db(transaction=True)

SEED_001 = SAMPLES / "seeds" / "001_655e35476e9ed446.txt"
SEED_003 = SAMPLES / "seeds" / "003_0ac360506fdddbba.txt"
XLSX = SAMPLES.parent.parent / "tests" / "io" / "fixtures" / "files" / "self_eval_2023.xlsx"


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


def upload(client, *files):
    files = [
        SimpleUploadedFile(p.name, p.read_bytes()) if hasattr(p, "read_bytes") else p for p in files
    ]
    response = client.post(reverse("jx-import"), {"files": files})
    return ImportBatch.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def outcomes(batch):
    return {f.name: (f.outcome, f.message, f.message_en) for f in batch.files.all()}


def zip_patched(method: int | None = None, utf8_name: bool = False) -> bytes:
    """The XLSX fixture with every member's compression method set to ``method`` (99: AES,
    which Python's zip reader refuses with NotImplementedError), or with a member name flagged
    UTF-8 that is not UTF-8."""
    data = bytearray(XLSX.read_bytes())
    if utf8_name:
        data = bytearray(bytes(data).replace(b"docProps/app.xml", b"docProps/\xff\xfe\xfd.xml"))
    for signature, flags_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = data.find(signature)
        while at >= 0:
            if method is not None:
                data[at + method_at : at + method_at + 2] = struct.pack("<H", method)
            if utf8_name:
                (flags,) = struct.unpack("<H", data[at + flags_at : at + flags_at + 2])
                data[at + flags_at : at + flags_at + 2] = struct.pack("<H", flags | 0x800)
            at = data.find(signature, at + 4)
    return bytes(data)


def test_the_hostile_zips_are_what_the_issue_says():
    with pytest.raises(NotImplementedError):
        zipfile.ZipFile(io.BytesIO(zip_patched(method=99))).read("xl/workbook.xml")
    with pytest.raises(UnicodeDecodeError):
        zipfile.ZipFile(io.BytesIO(zip_patched(utf8_name=True)))


def test_hostile_xlsx_files_fail_and_the_rest_of_the_batch_is_read(cast):
    bad = [
        SimpleUploadedFile("compression.xlsx", zip_patched(method=99)),
        SimpleUploadedFile("name.xlsx", zip_patched(utf8_name=True)),
    ]
    batch = upload(cast.client(cast.clerk), bad[0], SEED_001, bad[1], SEED_003)
    run_worker()
    batch.parse_job.refresh_from_db()
    assert (batch.parse_job.status, batch.parse_job.done) == (JobStatus.DONE, 4)
    seen = outcomes(batch)
    assert seen["compression.xlsx"][0] == seen["name.xlsx"][0] == "failed"
    assert seen[SEED_001.name][0] == seen[SEED_003.name][0] == "parsed with findings"


class InProcess:
    """``BoundedParser`` reading in this process: a test's replacement reader is called."""

    limits = Limits()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        pass

    def call(self, document, function, *args):
        return function(*args)


def test_a_file_over_the_time_bound_is_refused_saying_so_and_the_batch_goes_on(cast, monkeypatch):
    monkeypatch.setenv("JIXIAO_PARSE_SECONDS", "3")  # seed 003 takes 0.1 s (1 s at worst)
    # 4,000 forms (8 MB): ~12 s to read here, far over the bound on any machine
    slow = SimpleUploadedFile("slow.txt", SEED_001.read_bytes() * 1000)
    batch = upload(cast.client(cast.clerk), slow, SEED_003)
    run_worker()
    batch.parse_job.refresh_from_db()
    assert (batch.parse_job.status, batch.parse_job.done) == (JobStatus.DONE, 2)
    assert outcomes(batch)["slow.txt"] == (
        "failed",
        "解析超过 3 秒仍未完成，已停止（上限 JIXIAO_PARSE_SECONDS）",
        "parsing took over 3 s and was stopped (limit JIXIAO_PARSE_SECONDS)",
    )
    assert outcomes(batch)[SEED_003.name][0] == "parsed with findings"


@pytest.mark.parametrize(
    "error",
    [
        NotImplementedError("That compression method is not supported"),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
        RuntimeError("a reader bug"),
        RecursionError("maximum recursion depth exceeded"),
        MemoryError(),
    ],
    ids=lambda e: type(e).__name__,
)
def test_any_reader_exception_fails_that_file_only(cast, monkeypatch, error):
    monkeypatch.setattr(tasks, "bounded_parser", InProcess)  # so the reader can be replaced
    real = tasks.parse_bytes

    def reader(name, data):
        if name == SEED_003.name:
            raise error
        return real(name, data)

    monkeypatch.setattr(tasks, "parse_bytes", reader)
    batch = upload(cast.client(cast.clerk), SEED_003, SEED_001)
    run_worker()
    batch.parse_job.refresh_from_db()
    assert (batch.parse_job.status, batch.parse_job.done) == (JobStatus.DONE, 2)
    damaged = isinstance(error, (NotImplementedError, UnicodeDecodeError))
    assert outcomes(batch)[SEED_003.name] == (
        (
            "failed",
            "文件已损坏，或使用了不支持的压缩格式，未能读取。",
            "The file is damaged or uses an unsupported compression; it could not be read.",
        )
        if damaged
        else (
            "failed",
            "读取这个文件时出错，未能读取。",
            "Reading this file failed; it could not be read.",
        )
    )
    assert outcomes(batch)[SEED_001.name][0] == "parsed with findings"
    page = cast.client(cast.clerk).get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert "未能读取" in page and type(error).__name__ not in page  # words, never the exception


def parsed(cast, *paths):
    client = cast.client(cast.clerk)
    batch = upload(client, *paths)
    run_worker()
    return client, batch


@pytest.mark.parametrize(
    ("error", "zh", "en"),
    [
        (
            OperationalError("database is locked"),
            "数据库繁忙，任务未能完成。请稍后在本页重试。",
            "The database was busy and the job did not finish. Please retry from this page in a moment.",
        ),
        (
            DataError("numeric field overflow"),
            "数据库出错，任务未能完成。请在本页重试；如仍失败，请联系管理员。",
            "A database error stopped the job. Please retry from this page; if it fails again, contact the administrator.",
        ),
    ],
    ids=["locked", "overflow"],
)
def test_a_database_error_fails_the_store_in_words_and_a_retry_stores(
    cast, monkeypatch, error, zh, en
):
    client, batch = parsed(cast, SEED_001, SEED_003)
    real = tasks.publish_staged

    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(tasks, "publish_staged", broken)
    client.post(reverse("jx-import-confirm", args=[batch.pk]))
    run_worker()
    batch.refresh_from_db()
    job = batch.store_job
    assert (job.status, job.message, job.message_en) == (JobStatus.FAILED, zh, en)
    assert FormRecord.objects.count() == 0 and not batch.stored
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert zh in page and 'id="retry"' in page and 'id="cancel"' in page
    assert "OperationalError" not in page and "overflow" not in page

    monkeypatch.setattr(tasks, "publish_staged", real)
    assert client.post(reverse("jx-import-retry", args=[batch.pk])).status_code == 302
    run_worker()
    batch.refresh_from_db()
    assert batch.stored and batch.store_job.status == JobStatus.DONE
    assert FormRecord.objects.count() == 6  # seed 001's four forms and seed 003's two
    assert batch.store_job.attempts == 1  # the retry's run


def test_a_database_error_while_reading_fails_the_job_in_words_and_a_retry_reads(cast, monkeypatch):
    client = cast.client(cast.clerk)
    batch = upload(client, SEED_003, SEED_001)
    step = jobs.Lease.step
    calls = []

    def locked_on_the_second_file(self, done=None):
        calls.append(done)
        if len(calls) == 2:
            raise OperationalError("database is locked")
        return step(self, done)

    monkeypatch.setattr(jobs.Lease, "step", locked_on_the_second_file)
    run_worker()
    batch.parse_job.refresh_from_db()
    assert (batch.parse_job.status, batch.parse_job.done) == (JobStatus.FAILED, 1)
    assert batch.parse_job.message_en == (
        "The database was busy and the job did not finish. Please retry from this page in a moment."
    )
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert page.count("未读取") == 1 and ">reading<" not in page  # the second file, in words
    assert 'id="retry"' in page and 'id="cancel"' in page
    monkeypatch.setattr(jobs.Lease, "step", step)
    client.post(reverse("jx-import-retry", args=[batch.pk]))
    run_worker()
    batch.parse_job.refresh_from_db()
    assert (batch.parse_job.status, batch.parse_job.done) == (JobStatus.DONE, 2)
    assert {f.outcome for f in batch.files.all()} == {"parsed with findings"}


def test_a_failed_batch_can_be_cancelled_and_then_stores_nothing(cast, monkeypatch):
    client, batch = parsed(cast, SEED_003)
    monkeypatch.setattr(
        tasks,
        "stage_form",
        lambda *a: (_ for _ in ()).throw(OperationalError("database is locked")),
    )
    client.post(reverse("jx-import-confirm", args=[batch.pk]))
    run_worker()
    assert client.post(reverse("jx-import-cancel", args=[batch.pk])).status_code == 302
    batch.refresh_from_db()
    assert batch.cancelled and all(bytes(f.content) == b"" for f in batch.files.all())
    page = client.get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert "已取消这批文件，未保存任何表。" in page and 'id="retry"' not in page
    client.post(reverse("jx-import-retry", args=[batch.pk]))
    assert (
        Job.objects.filter(status=JobStatus.QUEUED).count() == 0 and FormRecord.objects.count() == 0
    )


def test_a_running_job_cannot_be_cancelled(cast):
    batch = upload(cast.client(cast.clerk), SEED_003)  # queued, no worker yet
    cast.client(cast.clerk).post(reverse("jx-import-cancel", args=[batch.pk]))
    batch.refresh_from_db()
    assert not batch.cancelled


def stale(job: Job, seconds: float) -> None:
    """Make the job look as if its worker went silent ``seconds`` ago."""
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(seconds=seconds))


def test_the_sweep_requeues_a_running_job_whose_worker_went_silent(cast, settings):
    settings.JIXIAO_JOB_LEASE = 10
    batch = upload(cast.client(cast.clerk), SEED_003)
    job = batch.parse_job
    dead_task = job.task_id
    # A worker claimed the task and the job, then died: nothing changes any more.
    DBTaskResult.objects.filter(pk=dead_task).update(status="RUNNING")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, worker="gone:1:x", attempts=1)
    stale(job, 9)
    assert jobs.sweep() == 0  # within its lease: alive as far as anyone knows
    stale(job, 11)
    assert jobs.sweep() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and job.task_id != dead_task
    assert DBTaskResult.objects.get(pk=dead_task).status == "FAILED"
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.done, job.attempts) == (JobStatus.DONE, 1, 2)


def test_a_job_whose_workers_keep_dying_fails_in_words(cast, settings):
    settings.JIXIAO_JOB_LEASE = 10
    batch = upload(cast.client(cast.clerk), SEED_003)
    job = batch.parse_job
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, worker="gone:1:x", attempts=3)
    stale(job, 11)
    call_command("sweep_jobs", verbosity=0)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.message == "后台处理进程多次中断，任务已停止。请在本页重试或取消。"
    page = cast.client(cast.clerk).get(reverse("jx-import-batch", args=[batch.pk])).content.decode()
    assert job.message in page and 'id="retry"' in page and 'id="cancel"' in page


def test_a_queued_job_whose_task_died_before_starting_it_is_requeued(cast, settings):
    settings.JIXIAO_JOB_LEASE = 10
    batch = upload(cast.client(cast.clerk), SEED_003)
    job = batch.parse_job
    DBTaskResult.objects.filter(pk=job.task_id).update(status="FAILED")
    stale(job, 11)
    assert jobs.sweep() == 1
    run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE


def test_a_queued_job_waiting_for_a_busy_worker_is_left_alone(cast, settings):
    settings.JIXIAO_JOB_LEASE = 10
    batch = upload(cast.client(cast.clerk), SEED_003)
    stale(batch.parse_job, 3600)  # an hour in the queue behind long jobs
    assert jobs.sweep() == 0


def test_the_page_polling_a_dead_job_takes_it_back(cast, settings):
    settings.JIXIAO_JOB_LEASE = 10
    client = cast.client(cast.clerk)
    batch = upload(client, SEED_003)
    job = batch.parse_job
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, worker="gone:1:x", attempts=1)
    stale(job, 11)
    assert client.get(reverse("jx-job", args=[job.pk])).json()["status"] == "queued"
    run_worker()
    assert client.get(reverse("jx-job", args=[job.pk])).json()["status"] == "done"


def test_a_run_that_lost_its_lease_writes_nothing_more(cast):
    batch = upload(cast.client(cast.clerk), SEED_003)
    job = batch.parse_job
    lease = jobs.claim(job)
    Job.objects.filter(pk=job.pk).update(worker="the next run")  # the sweep gave it away
    with lease:
        tasks.parse_batch(job, lease)
    job.refresh_from_db()
    assert (job.status, job.done, job.worker) == (JobStatus.RUNNING, 0, "the next run")
    assert batch.files.get().outcome == ""


def test_a_recheck_never_writes_over_a_save_made_meanwhile(cast, evaluation, monkeypatch):
    job = Job.objects.create(kind="recheck", year=2022, created_by=cast.finance)
    jobs.launch(job)
    recheck = tasks.refresh_summary

    def a_save_meanwhile(record, form):
        recheck(record, form)  # the recheck's figures for the form as it read it …
        stored = FormRecord.objects.get(pk=record.pk)  # … while the clerk saves a new total
        update_form(
            stored,
            replace(to_form(stored), total_score=Decimal("50")),
            actor=cast.clerk,
            expected_version=stored.version,
        )

    monkeypatch.setattr(tasks, "refresh_summary", a_save_meanwhile)
    run_worker()
    job.refresh_from_db()
    record = FormRecord.objects.get(pk=evaluation.pk)
    assert (job.status, record.version) == (JobStatus.DONE, 2)
    assert record.declared_total == Decimal("50.00")  # the save's figures, not the recheck's
    assert record.errors == 1  # total-mismatch: 50 declared
