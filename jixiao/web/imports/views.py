"""Upload pages: choose files, watch them parse, preview every form with its findings, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jixiao.core.formjson import FormDecodeError, decode_form
from jixiao.core.numbers import to_text
from jixiao.io.batch import Status as Outcome
from jixiao.web.accounts.access import membership_of, unregistered_units
from jixiao.web.accounts.models import Role
from jixiao.web.imports import existing, jobs, missing, tasks
from jixiao.web.imports.models import ImportBatch, ImportFile, Job, JobStatus
from jixiao.web.store.checking import check_in_web
from jixiao.web.store.models import FormRecord, Status

MAX_FILE_BYTES = 20 * 1024 * 1024


def _member(request: HttpRequest):
    member = membership_of(request.user)
    if member is None:
        raise PermissionDenied
    return member


def _batch_for(request: HttpRequest, pk: int) -> ImportBatch:
    batch = get_object_or_404(ImportBatch.objects.select_related("parse_job", "store_job"), pk=pk)
    member = _member(request)
    if batch.created_by_id != request.user.pk and member.role != Role.FINANCE_REVIEWER:
        raise PermissionDenied
    return batch


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Choose one or many files; they are parsed in the background."""
    member = _member(request)
    if request.method == "POST":
        files = request.FILES.getlist("files")
        too_big = [f.name for f in files if f.size > MAX_FILE_BYTES]
        if not files or too_big:
            messages.error(
                request,
                _("请选择文件（每个不超过 20 MB）：%(names)s") % {"names": "、".join(too_big)},
            )
            return redirect("jx-import")
        with transaction.atomic():
            job = Job.objects.create(kind="parse", total=len(files), created_by=request.user)
            batch = ImportBatch.objects.create(created_by=request.user, parse_job=job)
            ImportFile.objects.bulk_create(
                ImportFile(batch=batch, name=f.name, content=f.read()) for f in files
            )
            jobs.launch(job)
        return redirect("jx-import-batch", pk=batch.pk)
    batches = (
        ImportBatch.objects.filter(created_by=request.user)
        .select_related("parse_job", "store_job")
        .order_by("-pk")[:20]
    )
    return render(
        request,
        "imports/upload.html",
        {
            "batches": [(b, _retryable(b) is not None) for b in batches],
            "finance": member.role == Role.FINANCE_REVIEWER,
            "clerk": member.role == Role.UNIT_STAFF,
        },
    )


def _preview(upload: ImportFile, post=None, seen=None, importer=None) -> list[dict]:
    """Each parsed form of a file with its findings, and whether it is stored or repeated.

    ``seen``: the forms of the batch so far by ``existing.key_of``, to mark repeats.
    """
    seen = {} if seen is None else seen
    own_unit = tasks._own_unit(importer)
    forms = []
    for index, data in enumerate((upload.result or {}).get("forms", [])):
        asked = missing.ask(data, f"f{upload.pk}-{index}", post)
        pick = f"pick-f{upload.pk}-{index}"
        try:
            form = decode_form(data, upload.name, index)
        except FormDecodeError as exc:
            forms.append(
                {
                    "data": data,
                    "ask": asked,
                    "findings": exc.findings,
                    "total": None,
                    "pick": pick,
                    "ticked": True,
                }
            )
            continue
        report = check_in_web(form, upload.name, index)
        imported = [
            f for f in (upload.result or {}).get("findings", []) if f["location"]["form"] == index
        ]
        forms.append(
            {
                "data": data,
                "ask": asked,
                "imported": imported,
                "findings": report.findings,
                "total": to_text(report.score.declared_sum)
                if report.score and report.score.declared_sum is not None
                else None,
                "pick": pick,
                **({} if asked else _marks(form, (upload, index), seen, importer, own_unit)),
            }
        )
        forms[-1]["ticked"] = (
            pick in post if post and "picking" in post else not forms[-1].get("repeats")
        )
    return forms


def _marks(form, here: tuple, seen: dict, importer, own_unit) -> dict:
    """The stored form this one would clash with, whether it may be replaced, what it repeats.

    A form whose year or name is still to be typed is not marked: its key is not known yet.
    """
    record = existing.existing_record(form, own_unit)
    first = seen.setdefault(existing.key_of(form, own_unit), here)
    return {
        "existing": record,
        "replaceable": record is not None and existing.replaceable(record, importer),
        "repeats": first if first != here else None,
    }


def _batch_context(request: HttpRequest, batch: ImportBatch, post=None) -> dict:
    files = list(batch.files.defer("content", "staged"))
    parsed = batch.parse_job.status == JobStatus.DONE
    seen: dict = {}
    return {
        "batch": batch,
        "job": batch.parse_job,
        "store_job": batch.store_job,
        "job_message": _job_message(batch.parse_job),
        "store_message": _job_message(batch.store_job),
        "files": [
            {
                "file": f,
                "forms": _preview(f, post, seen, batch.created_by) if parsed else [],
                "message": jobs.shown(f.message, f.message_en),
            }
            for f in files
        ],
        "finance": _member(request).role == Role.FINANCE_REVIEWER,
        "new_units": unregistered_units(
            (form.get("project") or {}).get("unit")
            for f in files
            for form in (f.result or {}).get("forms", [])
        )
        if parsed and _member(request).role == Role.FINANCE_REVIEWER
        else [],
        "can_retry": _retryable(batch) is not None,
        "can_cancel": _cancellable(batch),
        "open": parsed and not (batch.store_job or batch.stored or batch.cancelled),
        "stored_forms": FormRecord.objects.filter(pk__in=batch.stored_forms).select_related(
            "project"
        ),
    }


def _job_message(job: Job | None) -> str:
    return jobs.shown(job.message, job.message_en) if job else ""


@login_required
def batch_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress while parsing; then each file's outcome and every form with its findings."""
    batch = _batch_for(request, pk)
    return render(request, "imports/batch.html", _batch_context(request, batch))


def _ticked(preview: dict, post) -> bool:
    """Whether the user ticked this form to store (every form, for a POST without ticks)."""
    return "picking" not in post or preview["pick"] in post


def _supplied(context: dict, post) -> dict[int, dict] | None:
    """``{file pk: {form index: typed values}}``, or None when an answer is missing or wrong.

    Only ticked forms need their answers.
    """
    supplied: dict[int, dict] = {}
    valid = True
    for entry in context["files"]:
        if entry["file"].outcome == Outcome.FAILED:
            continue
        answers = {}
        for index, preview in enumerate(entry["forms"]):
            if preview["ask"] is None or not _ticked(preview, post):
                continue
            if preview["ask"].is_valid():
                answers[str(index)] = preview["ask"].cleaned_data
            else:
                valid = False  # every form's errors are shown, not only the first one's
        supplied[entry["file"].pk] = answers
    return supplied if valid else None


def _chosen(context: dict, post) -> dict[int, list[int]] | None:
    """``{file pk: ticked form indexes}``; None if a form is ticked twice or none at all."""
    chosen = {
        entry["file"].pk: [i for i, p in enumerate(entry["forms"]) if _ticked(p, post)]
        for entry in context["files"]
        if entry["file"].outcome != Outcome.FAILED
    }
    repeated = any(
        p.get("repeats") and _ticked(p, post) and p["repeats"][1] in chosen[p["repeats"][0].pk]
        for entry in context["files"]
        for p in entry["forms"]
    )
    return None if repeated or not any(chosen.values()) else chosen


@require_POST
@login_required
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Store every parsed form of the upload, in the background, all or nothing.

    Forms that lack a year or a project name are stored with what the user typed for them;
    until every such form has its answer, nothing is stored and the page says what is missing.
    """
    batch = _batch_for(request, pk)
    if (
        batch.stored
        or batch.cancelled
        or batch.store_job
        or batch.parse_job.status != JobStatus.DONE
    ):
        messages.error(request, _("该批文件不能再导入"))
        return redirect("jx-import-batch", pk=batch.pk)
    as_status = request.POST.get("as_status", Status.DRAFT)
    if as_status != Status.DRAFT and _member(request).role != Role.FINANCE_REVIEWER:
        raise PermissionDenied
    if as_status not in (Status.DRAFT, Status.PUBLISHED):
        raise PermissionDenied
    create_units = request.POST.get("create_units") == "on"  # asked, seeing their names
    if create_units and _member(request).role != Role.FINANCE_REVIEWER:
        raise PermissionDenied
    context = _batch_context(request, batch, request.POST)
    supplied, chosen = _supplied(context, request.POST), _chosen(context, request.POST)
    if supplied is None or chosen is None:
        messages.error(
            request,
            _("未保存：请为标出的表填写缺少的年度或项目名称。")
            if supplied is None
            else _("未保存：请至少勾选一张表，同一张表只能勾选一次。"),
        )
        return render(request, "imports/batch.html", context, status=400)
    with transaction.atomic():
        for upload in batch.files.defer("content").filter(pk__in=supplied):
            upload.supplied = supplied[upload.pk]
            upload.chosen = chosen[upload.pk] if "picking" in request.POST else None
            upload.save(update_fields=["supplied", "chosen"])
        batch.store_job = Job.objects.create(kind="store", created_by=request.user)
        batch.as_status, batch.create_units = as_status, create_units
        batch.on_existing = _on_existing(request.POST.get("on_existing", ""))
        batch.save(update_fields=["store_job", "as_status", "create_units", "on_existing"])
        jobs.launch(batch.store_job)
    return redirect("jx-import-batch", pk=batch.pk)


def _on_existing(choice: str) -> str:
    if choice not in ("", existing.SKIP, existing.REPLACE):
        raise PermissionDenied
    return choice


def _retryable(batch: ImportBatch) -> Job | None:
    """The job that a retry runs again: a failed store, a failed parse, or unread files."""
    if batch.stored or batch.cancelled:
        return None
    store, parse = batch.store_job, batch.parse_job
    if store is not None:
        return store if store.status == JobStatus.FAILED else None
    if parse.status == JobStatus.FAILED:
        return parse
    if parse.status == JobStatus.DONE and batch.files.filter(outcome=Outcome.FAILED).exists():
        return parse
    return None


def _cancellable(batch: ImportBatch) -> bool:
    """Not stored, and no job of it waiting or running."""
    busy = (JobStatus.QUEUED, JobStatus.RUNNING)
    return not (
        batch.stored
        or batch.cancelled
        or batch.parse_job.status in busy
        or (batch.store_job is not None and batch.store_job.status in busy)
    )


@require_POST
@login_required
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Run a failed job of the upload again: storing resumes, reading retries unread files."""
    with transaction.atomic():
        batch = _batch_for(request, pk)
        job = _retryable(batch)
        if job is None:
            messages.error(request, _("这批文件现在不能重试。"))
            return _back(request, batch)
        if job.kind == "parse":  # unread files, and one a failed run was reading
            batch.files.filter(outcome__in=(Outcome.FAILED, tasks.READING)).update(
                outcome="", result=None, message="", message_en=""
            )
        job.attempts, job.message, job.message_en, job.finished_at = 0, "", "", None
        job.save(update_fields=["attempts", "message", "message_en", "finished_at"])
        jobs.launch(job)
    return _back(request, batch)


def _back(request: HttpRequest, batch: ImportBatch) -> HttpResponse:
    """To the import list when the user acted there, else to the batch's page."""
    if request.POST.get("from") == "list":
        return redirect("jx-import")
    return redirect("jx-import-batch", pk=batch.pk)


@require_POST
@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Give up an upload that is not stored: its files are dropped, nothing is stored."""
    with transaction.atomic():
        batch = _batch_for(request, pk)
        if not _cancellable(batch):
            messages.error(request, _("这批文件现在不能取消。"))
            return _back(request, batch)
        batch.files.update(content=b"", staged=None)
        batch.cancelled = True
        batch.save(update_fields=["cancelled"])
    messages.success(request, _("已取消这批文件，未保存任何表。"))
    return _back(request, batch)


@login_required
def job_status(request: HttpRequest, pk: int) -> JsonResponse:
    """A job's progress, polled by the page."""
    job = get_object_or_404(Job, pk=pk)
    if job.created_by_id != request.user.pk and _member(request).role != Role.FINANCE_REVIEWER:
        raise PermissionDenied
    if jobs.sweep(job):  # its worker died: requeued or failed now, not left hanging
        job.refresh_from_db()
    return JsonResponse(
        {
            "status": job.status,
            "done": job.done,
            "total": job.total,
            "percent": job.percent,
            "message": _job_message(job),
        }
    )


@login_required
def recheck(request: HttpRequest) -> HttpResponse:
    """Finance reviewers re-run the checks on a whole year, in the background."""
    if _member(request).role != Role.FINANCE_REVIEWER:
        raise PermissionDenied
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            messages.error(request, _("请填写年度"))
            return redirect("jx-recheck")
        with transaction.atomic():
            job = Job.objects.create(kind="recheck", year=year, created_by=request.user)
            jobs.launch(job)
        return redirect(f"{request.path}?job={job.pk}")
    job = Job.objects.filter(pk=request.GET.get("job") or 0, kind="recheck").first()
    return render(request, "imports/recheck.html", {"job": job, "job_message": _job_message(job)})
