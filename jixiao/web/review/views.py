"""Form pages for everyone who may see them, the workflow actions, and the reviewer's queue."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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
from jixiao.web.review.forms import NOTE_CHARACTERS, BatchForm, CommentForm, MoveForm
from jixiao.web.review.notes import return_notes
from jixiao.web.review.presenter import present
from jixiao.web.store.models import FormEvent, FormRecord, IndicatorComment, Kind, Status
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
    "submitted_at",
    "waiting_since",
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
    "submitted": "submitted_at",
    "-submitted": "-submitted_at",
    # Waiting longest first is "waiting since the earliest".
    "waiting": "-waiting_since",
    "-waiting": "waiting_since",
}


def _with_dates(forms):
    """Each form's last submission, and when it came to where it is now (its last move)."""
    moves = FormEvent.objects.filter(form=OuterRef("pk"), action="transition").order_by(
        "-created_at", "-pk"
    )
    return forms.annotate(
        submitted_at=Subquery(moves.filter(to_status=Status.SUBMITTED).values("created_at")[:1]),
        waiting_since=Subquery(moves.values("created_at")[:1]),
    )


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


REVIEW_DIALOG = ("pass", "return_department", "approve", "return_finance")
FORWARD = ("submit", "pass", "approve", "publish")  # moves a form with errors is warned about
QUESTIONS = {
    "submit": gettext_lazy("提交后表不能再修改，由审核人审核；审核人处理前可以撤回。"),
    "withdraw": gettext_lazy("撤回后表回到草稿，可以继续修改，再重新提交。"),
    "publish": gettext_lazy("公开后任何人都能看到此表。"),
}


def dialogs(actions: list[transitions.Transition]) -> list[dict]:
    """One dialog per move, and one for pass and return together, with the reviewer's 审核意见."""
    grouped: dict[str, list[transitions.Transition]] = {}
    for move in actions:
        grouped.setdefault("review" if move.action in REVIEW_DIALOG else move.action, []).append(
            move
        )
    return [
        {
            "id": key,
            "moves": moves,
            "forward": any(m.action in FORWARD for m in moves),
            "question": QUESTIONS.get(key, ""),
        }
        for key, moves in grouped.items()
    ]


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
        "dialogs": dialogs(transitions.available(record, request.user)),
        "notes": return_notes(record) if insider else None,
        "owner": owns(request.user, record),
        "reviewer": reviews(request.user, record),
        "insider": insider,
        "note_limit": NOTE_CHARACTERS,
        "events": record.events.select_related("actor") if insider else (),
        "related": visible_forms(request.user, others).order_by("-year", "kind"),
        "target": record.kind == Kind.TARGET,
        "weighted": any(row.get("weight") for row in canonical["indicators"]),
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
    action = move.cleaned_data["action"]
    try:
        moved = transitions.apply(record, action, request.user, move.cleaned_data["reason"])
    except transitions.TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, transitions.said(action, moved))
    return redirect("jx-form", pk=record.pk)


@require_POST
@login_required
def batch(request: HttpRequest) -> HttpResponse:
    """Pass, approve or publish the ticked forms of the queue, each through its own move."""
    member = membership_of(request.user)
    if member is None or member.role == Role.UNIT_STAFF:
        raise PermissionDenied
    chosen = BatchForm(request.POST)
    if not chosen.is_valid():
        for errors in chosen.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(_back_to_queue(request))
    action = chosen.cleaned_data["action"]
    forms = list(
        visible_forms(request.user, FormRecord.objects.all())
        .filter(pk__in=chosen.cleaned_data["pk"])
        .select_related("project__unit")
        .order_by("pk")
    )
    moved, refused = transitions.apply_many(forms, action, request.user, "")
    if moved:
        messages.success(
            request,
            _("%(done)s：%(n)s 张表")
            % {"done": transitions.said(action, moved[0]), "n": len(moved)},
        )
    for form, why in refused:
        messages.error(
            request,
            _("“%(name)s” %(year)s 未处理：%(why)s")
            % {"name": form.project.name, "year": form.year, "why": why},
        )
    missing = len(set(chosen.cleaned_data["pk"])) - len(forms)
    if missing:
        messages.error(request, _("%(n)s 张表不在您能处理的范围内，未处理") % {"n": missing})
    return redirect(_back_to_queue(request))


def _back_to_queue(request: HttpRequest) -> str:
    """The queue as the reviewer left it (its filters), never another site."""
    query = request.POST.get("query", "")
    return reverse("jx-queue") + (f"?{query}" if query and "//" not in query else "")


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


# What a reviewer may do to many forms at once (returns need a reason each: one by one).
BATCH_ACTIONS = {
    Role.DEPARTMENT_REVIEWER: ("pass",),
    Role.FINANCE_REVIEWER: ("pass", "approve", "publish"),
}


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
    rows = _with_dates(forms).order_by(QUEUE_SORTS.get(sort, "-errors"), "pk").values(*QUEUE_FIELDS)
    paginator = Paginator(rows, 50)
    paginator.count = forms.order_by().count()  # counted without the joins the columns need
    page = paginator.get_page(request.GET.get("page"))
    status_labels, kind_labels = dict(Status.choices), dict(Kind.choices)
    today = timezone.localdate()
    for row in page.object_list:
        row["status_label"], row["kind_label"] = (
            status_labels[row["status"]],
            kind_labels[row["kind"]],
        )
        since = row["waiting_since"]
        row["waiting_days"] = (today - timezone.localdate(since)).days if since else None
    columns = [
        ("status", _("状态")),
        ("unit", _("单位")),
        ("project", _("项目")),
        ("year", _("年度")),
        ("total", _("表中总分")),
        ("errors", _("错误")),
        ("warnings", _("警告")),
        ("submitted", _("提交日期")),
        ("waiting", _("等待天数")),
    ]
    context = {
        "page": page,
        "status": status,
        "sort": sort,
        "statuses": Status.choices,
        "kinds": Kind.choices,
        "query": request.GET,
        "queue_columns": columns,
        "batch_actions": BATCH_ACTIONS.get(member.role, ()),
        "here": request.GET.urlencode(),
    }
    return render(request, "review/queue.html", context)
