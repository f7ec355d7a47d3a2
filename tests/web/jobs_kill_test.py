"""A real task worker (``manage.py db_worker``, a subprocess) killed with ``kill -9`` mid-parse
and mid-store: the job is taken back once its lease runs out and ends done, every file
accounted for; nothing of a half-stored batch is ever visible.
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from jixiao.web.imports.models import ImportBatch, Job, JobStatus
from jixiao.web.store.models import FormRecord
from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SEED_001 = SAMPLES / "seeds" / "001_655e35476e9ed446.txt"
SEED_003 = SAMPLES / "seeds" / "003_0ac360506fdddbba.txt"
SEED_001_PROJECTS = (
    "合作交流工作业务费",
    "合作交流专项工作经费",
    "机关服务费",
    "驻外办驻外工作经费",
)
WORKER = (sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload")
WORKER += ("--no-startup-delay", "--interval", "0.1")
LEASE = 2  # seconds: workers here beat every third of a second


def database_url() -> str:
    """The test database, for a worker in another process."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    host = quote(db["HOST"] or "localhost", safe="")
    return f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@contextmanager
def worker(tmp_path: Path, name: str = "worker"):
    """A ``db_worker`` process on the test database; stopped (if still alive) at the end."""
    env = os.environ | {"DATABASE_URL": database_url(), "JIXIAO_JOB_LEASE": str(LEASE)}
    log = (tmp_path / f"{name}.log").open("w")
    process = subprocess.Popen(
        [*WORKER, "--worker-id", name],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield process
    except BaseException:
        log.flush()
        print(f"--- {name}'s log ---\n" + (tmp_path / f"{name}.log").read_text()[-5000:])
        raise
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def wait_for(condition, timeout: float = 60, every: float = 0.02):
    """Poll until ``condition()`` is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"not within {timeout} s: {condition.__doc__ or condition}")


def kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def job(pk: int) -> Job:
    return Job.objects.get(pk=pk)


def upload(client, files) -> ImportBatch:
    response = client.post(reverse("jx-import"), {"files": files})
    return ImportBatch.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def seed_001_copy(number: int) -> SimpleUploadedFile:
    """Seed 001 with its four projects renamed (…1, …2): forms that can all be stored."""
    text = SEED_001.read_text(encoding="utf-8")
    for project in SEED_001_PROJECTS:
        text = text.replace(project, f"{project}{number}")
    return SimpleUploadedFile(f"copy{number:02}.txt", text.encode())


def test_a_worker_killed_mid_parse(cast, settings, tmp_path):
    settings.JIXIAO_JOB_LEASE = LEASE
    client = cast.client(cast.clerk)
    big = SimpleUploadedFile("big.txt", SEED_001.read_bytes() * 300)  # 1,200 forms: ~3 s to read
    files = [SimpleUploadedFile(SEED_003.name, SEED_003.read_bytes()), big, seed_001_copy(1)]
    batch = upload(client, files)
    parse = batch.parse_job.pk
    first_task = batch.parse_job.task_id
    with worker(tmp_path, "first") as first:

        def reading_big():
            """the worker reads big.txt"""
            return batch.files.filter(name="big.txt", outcome="reading").exists()

        wait_for(reading_big)
        kill(first)
    # What the issue saw: the job running under a dead worker, and nothing moving.
    time.sleep(0.5)
    assert (job(parse).status, job(parse).done) == (JobStatus.RUNNING, 1)
    assert DBTaskResult.objects.get(pk=first_task).status == "RUNNING"
    time.sleep(LEASE + 0.5)
    # The upload's page polls the job: its lease ran out, so it is queued again.
    assert client.get(reverse("jx-job", args=[parse])).json()["status"] == "queued"
    assert DBTaskResult.objects.get(pk=first_task).status == "FAILED"
    with worker(tmp_path, "second"):
        wait_for(lambda: job(parse).status == JobStatus.DONE)
        assert job(parse).done == job(parse).total == 3
        seen = {f.name: (f.outcome, f.message) for f in batch.files.all()}
        assert seen == {
            SEED_003.name: ("parsed with findings", ""),
            "big.txt": ("failed", "读取这个文件时后台处理进程中断，未能读取。可在本页重新读取。"),
            "copy01.txt": ("parsed with findings", ""),
        }
        # The page offers to read it again, and that run reads it.
        assert client.post(reverse("jx-import-retry", args=[batch.pk])).status_code == 302
        wait_for(lambda: job(parse).status == JobStatus.DONE)
    outcomes = dict(batch.files.values_list("name", "outcome"))
    assert outcomes["big.txt"] == "parsed with findings"


def test_a_worker_killed_mid_store(cast, settings, tmp_path):
    settings.JIXIAO_JOB_LEASE = LEASE
    client = cast.client(cast.clerk)
    batch = upload(client, [seed_001_copy(n) for n in range(25)])
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)
    assert set(batch.files.values_list("outcome", flat=True)) == {"parsed with findings"}
    client.post(reverse("jx-import-confirm", args=[batch.pk]))
    batch.refresh_from_db()
    store = batch.store_job.pk
    with worker(tmp_path, "first") as first:

        def staging():
            """the worker has staged a few files"""
            return job(store).done >= 3

        wait_for(staging)
        kill(first)
    staged = job(store).done
    assert staged < 25 and job(store).status == JobStatus.RUNNING
    assert FormRecord.objects.count() == 0  # nothing of the batch is visible
    time.sleep(LEASE + 0.5)
    call_command("sweep_jobs", verbosity=0)  # as the demo and the README run it
    assert job(store).status == JobStatus.QUEUED
    seen = set()
    with worker(tmp_path, "second"):

        def stored():
            """the batch is stored"""
            seen.add(FormRecord.objects.count())
            return job(store).status == JobStatus.DONE

        wait_for(stored)
    seen.add(FormRecord.objects.count())
    assert seen <= {0, 100}  # never a part of the batch
    batch.refresh_from_db()
    assert batch.stored and FormRecord.objects.count() == 100
    assert (job(store).done, job(store).total, job(store).attempts) == (26, 26, 2)
    assert set(batch.files.values_list("outcome", flat=True)) == {"stored"}
    assert not batch.files.filter(staged__isnull=False).exists()
