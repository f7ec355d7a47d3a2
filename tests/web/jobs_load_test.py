"""The embedded database under load (issue 10 §5), and jobs side by side (§1).

SQLite runs in WAL mode with immediate transactions and a busy timeout; an import holds the
database only for short steps. Real task workers (subprocesses) import while threads of the
test process save and submit through the views; every answer is checked, every write found.
"""

import threading
import time
from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from jixiao.web.imports.models import Job, JobStatus
from jixiao.web.store.models import FormEvent, FormRecord, Status
from jixiao.web.store.services import create_form, to_canonical
from tests.conftest import gold_form
from tests.web.entry_test import _edit_data
from tests.web.jobs_kill_test import SEED_001, seed_001_copy, upload, wait_for, worker

pytestmark = pytest.mark.django_db(transaction=True)


def threads(work, count: int) -> list:
    """Run ``work(i)`` in ``count`` threads started together; their results, or what they raised."""
    start = threading.Barrier(count)
    results: list = [None] * count

    def run(i):
        try:
            start.wait()
            results[i] = work(i)
        except Exception as exc:  # reported by the assertions below
            results[i] = exc
        finally:
            connection.close()  # this thread's own connection

    running = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(timeout=120)
    return results


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own settings")
def test_sqlite_is_in_wal_mode_with_immediate_transactions_and_a_busy_timeout():
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert cursor.execute("PRAGMA busy_timeout").fetchone() == (20000,)
    assert connection.transaction_mode == "IMMEDIATE"


def test_six_simultaneous_submits_one_moves_the_form_five_are_told_why(cast, evaluation):
    def submit(_):
        client = cast.client(cast.clerk)
        response = client.post(reverse("jx-transition", args=[evaluation.pk]), {"action": "submit"})
        return response.status_code, [str(m) for m in response.wsgi_request._messages]

    results = threads(submit, 6)
    assert all(isinstance(r, tuple) and r[0] == 302 for r in results), results
    said = sorted(r[1][0] for r in results)
    assert said.count("已送主管部门审核") == 1 and len(said) == 6
    assert FormRecord.objects.get(pk=evaluation.pk).status == Status.SUBMITTED
    assert FormEvent.objects.filter(form=evaluation, action="transition").count() == 1


def test_saves_and_submits_during_an_import_no_500_and_no_lost_write(cast, settings, tmp_path):
    forms = [
        create_form(replace(gold_form("001", i), year=2021), unit=cast.unit, actor=cast.clerk)
        for i in range(4)
    ]
    client = cast.client(cast.clerk)
    batch = upload(client, [seed_001_copy(n) for n in range(20)])
    grades = ("优", "良", "中")

    def edit_then_submit(i):
        """Three saves of one form, each with the version it read, then its submit."""
        user = cast.client(cast.clerk)
        answers = []
        for grade in grades:
            record = FormRecord.objects.get(pk=forms[i].pk)
            answers.append(
                user.post(
                    reverse("jx-edit", args=[record.pk]),
                    _edit_data(record) | {"grade": grade, "achievements": f"第{i}张表：{grade}"},
                ).status_code
            )
        answers.append(
            user.post(
                reverse("jx-transition", args=[forms[i].pk]), {"action": "submit"}
            ).status_code
        )
        return answers

    with worker(tmp_path, "importer"):
        wait_for(lambda: Job.objects.get(pk=batch.parse_job_id).status == JobStatus.DONE)
        client.post(reverse("jx-import-confirm", args=[batch.pk]))
        batch.refresh_from_db()
        wait_for(lambda: Job.objects.get(pk=batch.store_job_id).status == JobStatus.RUNNING)
        results = threads(edit_then_submit, 4)
        wait_for(lambda: Job.objects.get(pk=batch.store_job_id).status == JobStatus.DONE)
    assert results == [[302, 302, 302, 302]] * 4
    for i, form in enumerate(forms):
        record = FormRecord.objects.get(pk=form.pk)
        data = to_canonical(record)
        assert (record.status, data["grade"], data["narrative"]["achievements"]) == (
            Status.SUBMITTED,
            "中",
            f"第{i}张表：中",
        )
        assert FormEvent.objects.filter(form=record, action="edited").count() == 3
        assert record.version == 5  # three saves and the submit
    assert FormRecord.objects.filter(origin="imported").count() == 80


def test_a_small_upload_finishes_while_a_large_one_of_another_user_runs(cast, tmp_path):
    # 1,600 forms a file: ~4 s each to read here
    large = [SimpleUploadedFile(f"big{n}.txt", SEED_001.read_bytes() * 400) for n in range(3)]
    big = upload(cast.client(cast.other_clerk), large)
    with worker(tmp_path, "first") as first, worker(tmp_path, "second"):
        wait_for(lambda: Job.objects.get(pk=big.parse_job_id).status == JobStatus.RUNNING)
        small = upload(cast.client(cast.clerk), [seed_001_copy(1)])
        started = time.monotonic()
        wait_for(lambda: Job.objects.get(pk=small.parse_job_id).status == JobStatus.DONE)
        cast.client(cast.clerk).post(reverse("jx-import-confirm", args=[small.pk]))
        small.refresh_from_db()
        wait_for(lambda: Job.objects.get(pk=small.store_job_id).status == JobStatus.DONE)
        took = time.monotonic() - started
        large_job = Job.objects.get(pk=big.parse_job_id)
        assert large_job.status == JobStatus.RUNNING and large_job.done < 3, took
        first.kill()  # no need to wait for the large one
    assert FormRecord.objects.filter(origin="imported").count() == 4
