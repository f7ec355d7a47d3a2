"""Form pages for everyone who may see them, the workflow actions, and the reviewer's queue."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jixiao.core.checks.runner import FormReport
from jixiao.core.formjson import FormDecodeError
from jixiao.web.accounts.access import (
    form_for,
    membership_of,
    owns,
    reviews,
    sees_review,
    visible_forms,
)
from jixiao.web.accounts.models import Role
from jixiao.web.review import transitions
from jixiao.web.review.forms import NOTE_CHARACTERS, CommentForm, MoveForm
from jixiao.web.review.presenter import present
from jixiao.web.store.models import FormRecord, IndicatorComment, Kind, Status
from jixiao.web.store.services import check, to_canonical

QUEUE_FIELDS = (
    "pk",
    "status",
    "kind",
    "template",
    "year",
    "declared_total",
    "recomputed_total",
    "errors",
    "warnings",
    "project__name",
    "project__unit__name",
)
QUEUE_SORTS = {
    "status": "status",
    "-status": "-status",
    "unit": "project__unit__name",
    "-unit": "-project__unit__name",
    "project": "project__name",
    "-project": "-project__name",
    "year": "year",
    "-year": "-year",
    "errors": "errors",
    "-errors": "-errors",
    "warnings": "warnings",
    "-warnings": "-warnings",
    "total": "declared_total",
    "-total": "-declared_total",
    "updated": "updated_at",
    "-updated": "-updated_at",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Unit staff see their unit's forms; reviewers their queue."""
    member = membership_of(request.user)
    if member is None:
        return redirect("jx-public")
    if member.role != Role.UNIT_STAFF:
        return redirect("jx-queue")
    forms = (
        FormRecord.objects.filter(project__unit=member.organisation)
        .select_related("project")
        .defer("header")
    )
    return render(
        request, "review/home.html", {"forms": forms.order_by("-year", "project__name", "kind")}
    )


def _checked(record: FormRecord, canonical: dict) -> FormReport:
    """The form's report; a form stored before today's limits shows why it cannot be scored."""
    try:
        return check(record, canonical)
    except FormDecodeError as exc:
        return FormReport(form=None, index=None, score=None, findings=exc.findings)  # type: ignore[arg-type]


def form_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One form, its findings beside the fields they concern, comments, history and actions.

    The review itself (history, reviewers' comments, return reasons, staff names) is shown
    only to the form's unit and its reviewers; everyone else sees the published form, its
    recomputed figures and its findings.
    """
    record = form_for(request.user, pk)
    canonical = to_canonical(record)
    presented = present(_checked(record, canonical))
    insider = sees_review(request.user, record)
    comments: dict[int, list[IndicatorComment]] = {}
    for comment in record.comments.select_related("author") if insider else ():
        comments.setdefault(comment.position, []).append(comment)
    rows = [
        {
            "data": row,
            "live": presented.rows[i] if i < len(presented.rows) else None,
            "findings": presented.by_row.get(i, []),
            "comments": comments.get(i, []),
        }
        for i, row in enumerate(canonical["indicators"])
    ]
    others = FormRecord.objects.filter(project=record.project).exclude(pk=record.pk)
    context = {
        "record": record,
        "form": canonical,
        "presented": presented,
        "rows": rows,
        "actions": transitions.available(record, request.user),
        "owner": owns(request.user, record),
        "reviewer": reviews(request.user, record),
        "insider": insider,
        "note_limit": NOTE_CHARACTERS,
        "events": record.events.select_related("actor") if insider else (),
        "related": visible_forms(request.user, others).order_by("-year", "kind"),
        "can_self_evaluate": owns(request.user, record)
        and record.kind == Kind.TARGET
        and record.status in (Status.APPROVED, Status.PUBLISHED),
    }
    return render(request, "review/form.html", context)


def form_json(request: HttpRequest, pk: int) -> HttpResponse:
    """The stored form as canonical JSON (``jixiao/form@1``)."""
    record = form_for(request.user, pk)
    body = json.dumps(to_canonical(record), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="form-{record.pk}.json"'
    return response


@require_POST
@login_required
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a form in the workflow (server-checked)."""
    record = form_for(request.user, pk)
    move = MoveForm(request.POST)
    if not move.is_valid():
        for errors in move.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("jx-form", pk=record.pk)
    try:
        transitions.apply(
            record, move.cleaned_data["action"], request.user, move.cleaned_data["reason"]
        )
    except transitions.TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("操作已完成"))
    return redirect("jx-form", pk=record.pk)


@require_POST
@login_required
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """A reviewer's comment on one indicator."""
    record = form_for(request.user, pk)
    if not reviews(request.user, record):
        raise PermissionDenied
    said = CommentForm(request.POST)
    row = None
    if said.is_valid():
        position = said.cleaned_data["position"]
        row = record.rows.filter(position=position).first()
    if row is None:
        messages.error(request, " ".join(said.errors.get("text", [])) or _("没有这一行指标"))
        return redirect("jx-form", pk=record.pk)
    IndicatorComment.objects.create(
        form=record,
        position=position,
        indicator_name=row.name,
        author=request.user,
        text=said.cleaned_data["text"],
    )
    return redirect(reverse("jx-form", kwargs={"pk": record.pk}) + f"#row-{position}")


def _filtered(forms, query, status: str):
    """The queue's filters: status, year, kind, unit, project name; a malformed one selects nothing."""
    if status != "all":
        forms = forms.filter(status=status)
    for key, lookup in (("year", "year"), ("kind", "kind"), ("unit", "project__unit_id")):
        value = query.get(key, "").strip()
        if value and (key == "kind" or value.isdigit()):
            forms = forms.filter(**{lookup: value})
        elif value:
            forms = forms.none()
    if query.get("q"):
        forms = forms.filter(project__name__icontains=query["q"])
    return forms


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Forms awaiting me (or all I may see), sortable and filterable."""
    member = membership_of(request.user)
    if member is None or member.role == Role.UNIT_STAFF:
        raise PermissionDenied
    waiting = Status.SUBMITTED if member.role == Role.DEPARTMENT_REVIEWER else Status.PASSED
    status = request.GET.get("status", waiting)
    forms = _filtered(visible_forms(request.user, FormRecord.objects.all()), request.GET, status)
    sort = request.GET.get("sort", "-errors")
    # Plain rows, not model objects: a queue page shows fifty of them, and only these columns.
    rows = forms.order_by(QUEUE_SORTS.get(sort, "-errors"), "pk").values(*QUEUE_FIELDS)
    paginator = Paginator(rows, 50)
    paginator.count = forms.order_by().count()  # counted without the joins the columns need
    page = paginator.get_page(request.GET.get("page"))
    status_labels, kind_labels = dict(Status.choices), dict(Kind.choices)
    for row in page.object_list:
        row["status_label"], row["kind_label"] = (
            status_labels[row["status"]],
            kind_labels[row["kind"]],
        )
    columns = [
        ("status", _("状态")),
        ("unit", _("单位")),
        ("project", _("项目")),
        ("year", _("年度")),
        ("total", _("表中总分")),
        ("errors", _("错误")),
        ("warnings", _("警告")),
    ]
    context = {
        "page": page,
        "status": status,
        "sort": sort,
        "statuses": Status.choices,
        "kinds": Kind.choices,
        "query": request.GET,
        "queue_columns": columns,
    }
    return render(request, "review/queue.html", context)
