"""Jobs that never hang: a lease while a worker runs one, a sweep for the jobs of dead workers.

A job is run by the task ``tasks.run_job``, enqueued by ``launch`` in the caller's transaction
(job and task are committed together). The task ``claim``s the job: one run at a time, under a
token naming its process. While it runs, a thread renews the job's lease (``heartbeat_at``)
every sixth of ``JIXIAO_JOB_LEASE`` seconds; every write of the run is conditional on the
token, so a run that lost its lease stops instead of writing over the next one. Whatever a
run raises ends the job as failed, with a message in words.

``sweep`` finds the jobs whose heartbeat stopped — their worker was killed, or lost its
database — and queued jobs whose task is gone, and requeues them, up to ``MAX_ATTEMPTS``
runs, or fails them. It runs at the start of every task, when a page polls a job, and from
``manage.py sweep_jobs``.
"""

import logging
import os
import socket
import threading
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext, gettext_noop
from django_tasks_db.models import DBTaskResult

from jixiao.web.imports.models import Job, JobStatus

logger = logging.getLogger(__name__)

RUN_JOB = "jixiao.web.imports.tasks.run_job"  # the task (its module imports this one)
MAX_ATTEMPTS = 3  # runs of one job before the sweep gives up on it

# What a failed job says (Chinese source; English in the .po file).
BUSY = gettext_noop("数据库繁忙，任务未能完成。请稍后在本页重试。")
DATABASE = gettext_noop("数据库出错，任务未能完成。请在本页重试；如仍失败，请联系管理员。")
INTERNAL = gettext_noop("后台任务出错，未能完成。请在本页重试；如仍失败，请联系管理员。")
GAVE_UP = gettext_noop("后台处理进程多次中断，任务已停止。请在本页重试或取消。")


class LeaseLost(Exception):
    """The job was reclaimed by the sweep: this run must stop and write nothing more."""


class WorkerLost(Exception):
    """Recorded on a task whose worker stopped sending heartbeats."""


def both(msgid: str, **values) -> tuple[str, str]:
    """A message in Chinese and in English: workers write it, the page shows the reader's."""
    out = []
    for language in ("zh-hans", "en"):
        with translation.override(language):
            text = gettext(msgid)
        out.append(text % values if values else text)
    return out[0], out[1]


def shown(zh: str, en: str) -> str:
    """The message in the page's language (English when there is one)."""
    return en if en and (translation.get_language() or "").startswith("en") else zh


def said(exc: BaseException) -> str:
    """What the user reads about an exception: words, never its class or text."""
    if isinstance(exc, OperationalError) and "locked" in str(exc).lower():
        return BUSY
    if isinstance(exc, DatabaseError):
        return DATABASE
    return INTERNAL


def launch(job: Job) -> None:
    """Queue the job's task; call inside the transaction that creates or resets the job."""
    result = import_string(RUN_JOB).enqueue(job.pk)
    job.task_id, job.status, job.heartbeat_at = str(result.id), JobStatus.QUEUED, timezone.now()
    job.worker = ""
    job.save(update_fields=["task_id", "status", "heartbeat_at", "worker"])


def lease_seconds() -> float:
    """How long a job may go without a heartbeat before its worker counts as dead."""
    return float(getattr(settings, "JIXIAO_JOB_LEASE", 60))


class Lease:
    """One run's hold on a job: renewed by a thread, checked by every write of the run."""

    def __init__(self, job: Job, token: str):
        self.job, self.token = job, token
        self._stop = threading.Event()
        self.lost = False
        self._thread = threading.Thread(target=self._beat, daemon=True, name=f"lease-{job.pk}")

    def mine(self):
        """The job's row, if this run still holds it."""
        return Job.objects.filter(pk=self.job.pk, worker=self.token, status=JobStatus.RUNNING)

    def _beat(self) -> None:
        try:
            while not self._stop.wait(lease_seconds() / 6):
                try:
                    renewed = self.mine().update(heartbeat_at=timezone.now())
                except DatabaseError:
                    continue  # a busy database: the lease outlasts several missed beats
                if not renewed:
                    self.lost = True
                    return
        finally:
            connection.close()  # this thread's own connection

    def step(self, done: int | None = None) -> None:
        """Count one more unit of work done (or set the count); stop if the job was reclaimed."""
        value = F("done") + 1 if done is None else done
        if self.lost or not self.mine().update(done=value, heartbeat_at=timezone.now()):
            raise LeaseLost

    def renew(self) -> None:
        """Renew the lease now; stop if the job was reclaimed."""
        if self.lost or not self.mine().update(heartbeat_at=timezone.now()):
            raise LeaseLost

    def start(self, total: int, done: int = 0) -> None:
        """Set the amount of work, and what of it is done already (a resumed run)."""
        if not self.mine().update(total=total, done=done, heartbeat_at=timezone.now()):
            raise LeaseLost

    def finish(self, status: str = JobStatus.DONE, msgid: str = "", **values) -> None:
        """End the job; a failure says why in both languages."""
        zh, en = both(msgid, **values) if msgid else ("", "")
        done = {"done": F("total")} if status == JobStatus.DONE else {}
        ended = self.mine().update(
            status=status, message=zh, message_en=en, finished_at=timezone.now(), **done
        )
        if not ended:
            raise LeaseLost

    def __enter__(self) -> "Lease":
        self._thread.start()
        return self

    def __exit__(self, kind, exc, traceback) -> bool:
        self._stop.set()
        try:
            if exc is None and self.mine().exists():
                self.finish()
            elif isinstance(exc, LeaseLost):
                logger.warning("job %s was reclaimed; run %s stops", self.job.pk, self.token)
                return True
            elif isinstance(exc, Exception):
                logger.exception("job %s failed", self.job.pk, exc_info=exc)
                self.finish(JobStatus.FAILED, said(exc))
                return True
        except (LeaseLost, DatabaseError):
            # The database is gone too: the heartbeat has stopped, so the sweep reclaims it.
            logger.exception("job %s: could not record its end", self.job.pk)
            return isinstance(exc, Exception)
        finally:
            self._thread.join(timeout=1)
        return False


def claim(job: Job) -> Lease | None:
    """Start a run of a queued job, or None when it is not queued (run elsewhere, or ended)."""
    token = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    started = Job.objects.filter(pk=job.pk, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        worker=token,
        heartbeat_at=timezone.now(),
        attempts=F("attempts") + 1,
        message="",
        message_en="",
    )
    if not started:
        return None
    job.refresh_from_db()
    return Lease(job, token)


def _abandoned(now) -> list[Job]:
    """Running jobs without a heartbeat for a lease; queued ones as old whose task is gone.

    A queued job's task is alive while it waits for a worker, or while a worker that took it
    within the lease has not yet claimed the job.
    """
    deadline = now - timedelta(seconds=lease_seconds())
    silent = Job.objects.filter(heartbeat_at__lt=deadline)
    running = list(silent.filter(status=JobStatus.RUNNING))
    queued = list(silent.filter(status=JobStatus.QUEUED))
    alive = DBTaskResult.objects.filter(
        Q(status="READY") | Q(status="RUNNING", started_at__gte=deadline),
        pk__in=[j.task_id for j in queued if j.task_id],
    )
    pending = {str(pk) for pk in alive.values_list("pk", flat=True)}
    return running + [j for j in queued if j.task_id not in pending]


def _silent(job: Job, now) -> bool:
    """Whether a queued or running job has gone a lease without a sign of life."""
    waiting = job.status in (JobStatus.QUEUED, JobStatus.RUNNING)
    deadline = now - timedelta(seconds=lease_seconds())
    return waiting and job.heartbeat_at is not None and job.heartbeat_at < deadline


def reclaim(job: Job) -> bool:
    """Requeue a job of a dead worker, or fail it after ``MAX_ATTEMPTS`` runs."""
    dead_task = job.task_id
    with transaction.atomic():
        # Conditional on what the sweep saw: a heartbeat since, or another sweep, wins.
        seen = Q(pk=job.pk, status=job.status, heartbeat_at=job.heartbeat_at, worker=job.worker)
        if job.attempts >= MAX_ATTEMPTS:
            zh, en = both(GAVE_UP)
            taken = Job.objects.filter(seen).update(
                status=JobStatus.FAILED, message=zh, message_en=en, finished_at=timezone.now()
            )
        else:
            taken = Job.objects.filter(seen).update(status=JobStatus.QUEUED, worker="")
            if taken:
                job.refresh_from_db()
                launch(job)
        if taken and dead_task:
            _fail_task(dead_task)
    if taken:
        logger.warning("job %s of a dead worker reclaimed (%s runs)", job.pk, job.attempts)
    return bool(taken)


def _fail_task(task_id: str) -> None:
    """Mark the dead worker's task failed, so it does not show as running forever."""
    for task in DBTaskResult.objects.filter(pk=task_id, status="RUNNING"):
        task.set_failed(WorkerLost("the worker stopped sending heartbeats"))


def sweep(job: Job | None = None) -> int:
    """Reclaim the jobs of dead workers (or only ``job``); return how many were reclaimed."""
    now = timezone.now()
    if job is not None and not _silent(job, now):
        return 0  # the page's poll of a live job: no query
    candidates = _abandoned(now)
    if job is not None:
        candidates = [j for j in candidates if j.pk == job.pk]
    return sum(reclaim(j) for j in candidates)
