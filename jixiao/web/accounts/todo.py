"""待办: what waits for the signed-in user, first what came back."""

from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from jixiao.web.accounts.access import membership_of
from jixiao.web.accounts.models import Role
from jixiao.web.accounts.navigation import RETURNED, waiting
from jixiao.web.store.models import FormEvent

SHOWN = 100


@login_required
def todo(request: HttpRequest) -> HttpResponse:
    """A clerk's returned forms (with the reason) and drafts; a reviewer's forms at their stage."""
    member = membership_of(request.user)
    if member is None:
        return redirect("jx-public")
    moved = FormEvent.objects.filter(form=OuterRef("pk"), action="transition").order_by(
        "-created_at", "-pk"
    )
    forms = (
        waiting(request)
        .select_related("project__unit")
        .defer("header")
        .annotate(moved_at=Subquery(moved.values("created_at")[:1]))
        .annotate(reason=Subquery(moved.values("note")[:1]))
    )
    now = timezone.now()
    rows = list(forms.order_by("updated_at", "pk")[:SHOWN])
    for row in rows:
        since = row.moved_at or row.updated_at
        row.days = (now - since).days
    clerk = member.role == Role.UNIT_STAFF
    context = {
        "returned": [r for r in rows if r.status in RETURNED] if clerk else [],
        "drafts": [r for r in rows if r.status not in RETURNED] if clerk else [],
        "waiting": [] if clerk else rows,
        "clerk": clerk,
        "more": forms.count() > SHOWN,
    }
    return render(request, "todo.html", context)
