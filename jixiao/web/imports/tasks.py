"""Background tasks (Django's task framework, database backend): parse, store, re-check.

One task, ``run_job``, runs any job under a lease (``jobs``: heartbeat, sweep, messages).
Every write is a short transaction that also checks the lease, so a worker killed at any
point leaves a job the sweep can requeue, and the database is never held for long:

- parsing: each file is read in a worker process bounded in time and memory
  (``jixiao.io.bounded``, one per run), and its result saved, on its own; a file over a
  limit is refused saying which; a reader that raises anything makes a failed file with a
  message, never a stuck job; a file a task worker died in is failed on the next run (the
  page offers to read it again);
- storing: each file's forms are staged (decoded, checked, summarised) file by file, then
  published in one short transaction: users see the whole batch or none of it.
"""

import logging
import zipfile
import zlib

from django.contrib.auth.models import User
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.translation import gettext_noop
from django_tasks import task

from jixiao.core.formjson import FormDecodeError, decode_form
from jixiao.io.batch import Status as Outcome
from jixiao.io.batch import outcome_of
from jixiao.io.bounded import BoundedParser, too_large
from jixiao.io.parse import ParseResult, parse_bytes
from jixiao.io.problems import ReadError
from jixiao.web.accounts.access import import_refusal, membership_of
from jixiao.web.accounts.models import Organisation, Role
from jixiao.web.imports import existing, jobs
from jixiao.web.imports.missing import supplied_to
from jixiao.web.imports.models import ImportBatch, ImportFile, Job, JobStatus
from jixiao.web.imports.staging import NotReplaceable, publish_staged, stage_form
from jixiao.web.store.models import FormRecord
from jixiao.web.store.services import refresh_summary, to_form

logger = logging.getLogger(__name__)

READING = "reading"  # a file's outcome while a worker reads it
FINAL = (Outcome.PARSED, Outcome.WITH_FINDINGS, Outcome.FAILED, "stored")

DAMAGED = gettext_noop("文件已损坏，或使用了不支持的压缩格式，未能读取。")
UNREADABLE = gettext_noop("读取这个文件时出错，未能读取。")
INTERRUPTED = gettext_noop("读取这个文件时后台处理进程中断，未能读取。可在本页重新读取。")
CLASH = gettext_noop("未保存任何表：%(file)s 第 %(index)s 张表（%(project)s %(year)s）已经保存过。")
UNSTORABLE = gettext_noop("未保存任何表：%(file)s 第 %(index)s 张表内容不完整，无法保存。")
NO_FORMS = gettext_noop("文件中没有读出表。")
CLASH_AT_END = gettext_noop("未保存任何表：其中有表已经保存过（可能刚由他人导入）。")
LOCKED_AT_END = gettext_noop(
    "未保存任何表：要替换的表在预览后已提交或已批准，不能再替换。可重新上传，选择跳过。"
)


@task()
def run_job(job_id: int) -> None:
    """Run a job (parse, store or recheck) under a lease; reclaim dead workers' jobs too."""
    job = Job.objects.filter(pk=job_id).first()
    lease = jobs.claim(job) if job else None
    try:
        jobs.sweep()
    except DatabaseError:
        logger.exception("sweep failed; the job runs anyway")
    if lease is None:
        return  # run by another worker, or ended already
    with lease:
        RUNS[job.kind](job, lease)


def bounded_parser() -> BoundedParser:
    """The worker process a run reads its files in, within the limits (``jixiao.io.bounded``)."""
    return BoundedParser()


def parse_batch(job: Job, lease: jobs.Lease) -> None:
    """Read every file of an upload not read yet, keeping each result for the preview."""
    files = list(job.parsed_batch.files.only("pk", "name", "outcome"))
    lease.start(len(files), sum(f.outcome in FINAL for f in files))
    with bounded_parser() as parser:
        for upload in files:
            if upload.outcome in FINAL:
                continue
            if upload.outcome == READING:
                _fail_file(upload, INTERRUPTED)  # the last run died in it: do not die again
            else:
                with transaction.atomic():
                    lease.renew()  # still ours
                    ImportFile.objects.filter(pk=upload.pk).update(outcome=READING)
                _read(upload, parser)
            with transaction.atomic():
                lease.step()
                upload.save(update_fields=["outcome", "result", "message", "message_en"])


def _parse(parser: BoundedParser, name: str, data: bytes) -> ParseResult:
    """Read and import one file in the parser's worker process; over a limit: ``ReadError``."""
    bound = parser.limits.file_bytes
    if bound is not None and len(data) > bound:
        raise too_large(name, len(data), bound)
    return parser.call(name, parse_bytes, name, data)


def _read(upload: ImportFile, parser: BoundedParser) -> None:
    content = ImportFile.objects.values_list("content", flat=True).get(pk=upload.pk)
    try:
        result = _parse(parser, upload.name, bytes(content))
    except ReadError as exc:  # too large, too slow, too big in memory: refused, saying which
        result = ParseResult(upload.name, findings=[exc.finding], failed=True)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, UnicodeError, EOFError):
        logger.warning("upload %s: damaged or unsupported container", upload.pk, exc_info=True)
        _fail_file(upload, DAMAGED)
        return
    except Exception:  # any reader failure fails this file, never the batch
        logger.exception("upload %s: the reader failed", upload.pk)
        _fail_file(upload, UNREADABLE)
        return
    outcome = outcome_of(upload.name, result)
    upload.result, upload.outcome = result.to_dict(), str(outcome.status)
    upload.message, upload.message_en = "", ""
    if outcome.status == Outcome.FAILED:
        first = result.findings[0] if result.findings else None
        zh_en = (first.message_zh, first.message_en) if first else jobs.both(NO_FORMS)
        upload.message, upload.message_en = zh_en


def _fail_file(upload: ImportFile, msgid: str) -> None:
    upload.outcome, upload.result = Outcome.FAILED, None
    upload.message, upload.message_en = jobs.both(msgid)


def _own_unit(user: User | None) -> Organisation | None:
    """A unit clerk imports into their own unit; reviewers into the units the forms name."""
    member = membership_of(user) if user else None
    return member.organisation if member and member.role == Role.UNIT_STAFF else None


def store_batch(job: Job, lease: jobs.Lease) -> None:
    """Stage every parsed form of an upload file by file, then publish them all at once."""
    batch = job.stored_batch
    own_unit = _own_unit(job.created_by)
    files = list(batch.files.exclude(outcome=Outcome.FAILED).only("pk", "name"))
    staged = set(
        batch.files.filter(staged__isnull=False).values_list("pk", flat=True)
    )  # by an earlier run
    lease.start(len(files) + 1, len(staged & {f.pk for f in files}))
    for upload in files:
        if upload.pk in staged:
            continue
        forms = _stage_file(ImportFile.objects.get(pk=upload.pk), own_unit, lease)
        if forms is None:
            return
        with transaction.atomic():
            lease.step()
            ImportFile.objects.filter(pk=upload.pk).update(staged=forms)
    _publish(batch, job.created_by, own_unit, lease)


def _stage_file(upload: ImportFile, own_unit, lease: jobs.Lease) -> list[dict] | None:
    """The file's ticked forms ready to store; None (the job failed, saying why) if one cannot be.

    A form stored already is skipped or replaces the stored draft, as the user chose
    (``existing``); without a choice the batch is refused, as before.
    """
    forms = []
    batch = upload.batch
    user = batch.store_job.created_by
    for index, parsed in enumerate(upload.result["forms"]):
        if upload.chosen is not None and index not in upload.chosen:
            continue  # not ticked
        data, typed = supplied_to(parsed, upload.supplied.get(str(index), {}))
        where = {"file": upload.name, "index": index + 1}
        try:
            form = decode_form(data, upload.name, index)
        except FormDecodeError:
            lease.finish(JobStatus.FAILED, UNSTORABLE, **where)
            return None
        refused = import_refusal(user, form.project.unit, create=batch.create_units)
        if refused:  # into the importer's own units only; no new organisation by surprise
            lease.finish(JobStatus.FAILED, refused.msgid, **refused.values, **where)
            return None
        record = existing.existing_record(form, own_unit)
        if record is not None and not batch.on_existing:
            lease.finish(
                JobStatus.FAILED, CLASH, project=form.project.name, year=form.year, **where
            )
            return None
        staged = stage_form(form, typed)
        if record is not None:
            if batch.on_existing == existing.SKIP or not existing.replaceable(record, user):
                continue  # kept as stored: never an approved or published one replaced
            staged["replace"] = record.pk
        forms.append(staged)
    return forms


def _publish(batch: ImportBatch, user, own_unit, lease: jobs.Lease) -> None:
    """One short transaction: every staged form stored, the batch marked stored, the job done."""
    files = batch.files.exclude(outcome=Outcome.FAILED)
    entries = [
        (own_unit, form, name)
        for name, staged in files.values_list("name", "staged")
        for form in staged
    ]
    try:
        with transaction.atomic():
            pks = publish_staged(entries, actor=user, status=batch.as_status)
            files.update(outcome="stored", content=b"", staged=None)
            ImportBatch.objects.filter(pk=batch.pk).update(stored=True, stored_forms=pks)
            lease.finish()
    except NotReplaceable:
        lease.finish(JobStatus.FAILED, LOCKED_AT_END)
    except IntegrityError:
        lease.finish(JobStatus.FAILED, CLASH_AT_END)


def recheck_year(job: Job, lease: jobs.Lease) -> None:
    """Re-run the checks on every form of a year (after the rules changed), refreshing the queue."""
    pks = list(FormRecord.objects.filter(year=job.year).values_list("pk", flat=True))
    lease.start(len(pks))
    for pk in pks:
        record = FormRecord.objects.get(pk=pk)
        refresh_summary(record, to_form(record))
        with transaction.atomic():
            lease.step()
            # Only if nobody saved it meanwhile: their save refreshed the summary itself.
            FormRecord.objects.filter(pk=pk, version=record.version).update(
                declared_total=record.declared_total,
                recomputed_total=record.recomputed_total,
                errors=record.errors,
                warnings=record.warnings,
            )


RUNS = {"parse": parse_batch, "store": store_batch, "recheck": recheck_year}
