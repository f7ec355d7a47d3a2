"""Background tasks (Django's task framework, database backend): parse, store, re-check.

Each task updates its ``Job`` row as it goes, so the page can show progress; a file that
fails never stops the others; storing is one transaction: all forms or none.
"""

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from jixiao.core.formjson import decode_form
from jixiao.io.batch import Status as Outcome
from jixiao.io.batch import outcome_of
from jixiao.io.parse import parse_bytes
from jixiao.web.accounts.access import membership_of
from jixiao.web.accounts.models import Role
from jixiao.web.imports.missing import supplied_to
from jixiao.web.imports.models import ImportBatch, Job, JobStatus
from jixiao.web.store.models import FormRecord
from jixiao.web.store.services import create_form, refresh_summary, to_form, unit_named


def _start(job: Job, total: int) -> None:
    job.status, job.total, job.done = JobStatus.RUNNING, total, 0
    job.save(update_fields=["status", "total", "done"])


def _finish(job: Job, status: str, message: str = "") -> None:
    job.status, job.message, job.finished_at = status, message, timezone.now()
    job.save(update_fields=["status", "message", "finished_at"])


def _step(job: Job) -> None:
    Job.objects.filter(pk=job.pk).update(done=job.done + 1)
    job.done += 1


@task()
def parse_upload(batch_id: int) -> None:
    """Parse every file of an upload, keeping each result for the preview."""
    batch = ImportBatch.objects.get(pk=batch_id)
    job = batch.parse_job
    files = list(batch.files.all())
    _start(job, len(files))
    for upload in files:
        result = parse_bytes(upload.name, bytes(upload.content))
        outcome = outcome_of(upload.name, result, None)
        upload.result, upload.outcome, upload.message = (
            result.to_dict(),
            str(outcome.status),
            outcome.message or "",
        )
        upload.save(update_fields=["result", "outcome", "message"])
        _step(job)
    _finish(job, JobStatus.DONE)


def _store_all(batch: ImportBatch, user: User, job: Job) -> None:
    member = membership_of(user)
    own_unit = member.organisation if member and member.role == Role.UNIT_STAFF else None
    for upload in batch.files.exclude(outcome=Outcome.FAILED):
        for index, parsed in enumerate(upload.result["forms"]):
            data, typed = supplied_to(parsed, upload.supplied.get(str(index), {}))
            form = decode_form(data, upload.name, index)
            unit = own_unit or unit_named(form)
            try:
                with transaction.atomic():
                    create_form(
                        form,
                        unit=unit,
                        actor=user,
                        origin="imported",
                        source_file=upload.name,
                        status=batch.as_status,
                        changes=typed,
                    )
            except IntegrityError:
                raise ValueError(
                    f"{upload.name} #{index}: {form.project.name} {form.year} 已存在 / already stored"
                ) from None
        upload.outcome = "stored"
        upload.content = b""
        upload.save(update_fields=["outcome", "content"])
        _step(job)


@task()
def store_upload(batch_id: int, user_id: int) -> None:
    """Store every parsed form of an upload in one transaction: all or nothing."""
    batch = ImportBatch.objects.get(pk=batch_id)
    job = batch.store_job
    _start(job, batch.files.exclude(outcome=Outcome.FAILED).count())
    try:
        with transaction.atomic():
            _store_all(batch, User.objects.get(pk=user_id), job)
            batch.stored = True
            batch.save(update_fields=["stored"])
    except ValueError as exc:
        Job.objects.filter(pk=job.pk).update(done=0)
        _finish(job, JobStatus.FAILED, f"未导入任何表 nothing stored: {exc}")
        return
    _finish(job, JobStatus.DONE)


@task()
def recheck_year(job_id: int) -> None:
    """Re-run the checks on every form of a year (after the rules changed), refreshing the queue."""
    job = Job.objects.get(pk=job_id)
    forms = FormRecord.objects.filter(year=job.year)
    _start(job, forms.count())
    for record in forms.iterator():
        refresh_summary(record, to_form(record))
        record.save(update_fields=["declared_total", "recomputed_total", "errors", "warnings"])
        _step(job)
    _finish(job, JobStatus.DONE)
