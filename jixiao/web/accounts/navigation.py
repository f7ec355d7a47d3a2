"""The application frame: the navigation by task, its 待办 counts and the section a page is in.

Every template gets ``nav`` (the items the user's role may open, each with its count of
forms waiting, if any), ``todo_count``, ``returned_count`` (forms of the clerk's unit that came
back from a reviewer: the frame shows a notice) and ``section`` (the navigation item the page
belongs to, the breadcrumbs' first step).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jixiao.web.accounts.access import membership_of, visible_forms
from jixiao.web.accounts.models import Role
from jixiao.web.store.models import EDITABLE, FormRecord, Status

RETURNED = (Status.RETURNED_BY_DEPARTMENT, Status.RETURNED_BY_FINANCE)
# The page (URL name) → the navigation item it belongs to, per role where it differs.
SECTIONS = {
    "jx-todo": "todo",
    "jx-home": "home",
    "jx-new": "home",
    "jx-preview-new": "home",
    "jx-queue": "review",
    "jx-import": "import",
    "jx-import-batch": "import",
    "jx-recheck": "recheck",
    "jx-public": "public",
    "password_change": "account",
    "password_change_done": "account",
}
FORM_PAGES = {"jx-form", "jx-edit", "jx-self-evaluate"}


@dataclass(frozen=True)
class Item:
    """One navigation item."""

    key: str
    label: str | Promise
    url: str
    count: int | None = None


def waiting(request: HttpRequest) -> QuerySet[FormRecord]:
    """The forms waiting for the user: a clerk's drafts and returned forms, a reviewer's stage."""
    member = membership_of(request.user)
    if member is None:
        return FormRecord.objects.none()
    if member.role == Role.UNIT_STAFF:
        return FormRecord.objects.filter(project__unit=member.organisation, status__in=EDITABLE)
    stage = Status.SUBMITTED if member.role == Role.DEPARTMENT_REVIEWER else Status.PASSED
    forms = visible_forms(request.user, FormRecord.objects.filter(status=stage))
    return forms


def _items(request: HttpRequest, todo: int) -> list[Item]:
    member = membership_of(request.user)
    items = []
    if member is not None:
        items.append(Item("todo", _("待办"), reverse("jx-todo"), todo))
        if member.role == Role.UNIT_STAFF:
            items.append(Item("home", _("本单位项目"), reverse("jx-home")))
        else:
            items.append(Item("review", _("审核"), reverse("jx-queue")))
        items.append(Item("import", _("导入"), reverse("jx-import")))
        if member.role == Role.FINANCE_REVIEWER:
            items.append(Item("recheck", _("重新检查"), reverse("jx-recheck")))
    items.append(Item("public", _("已公开"), reverse("jx-public")))
    if request.user.is_staff:
        items.append(Item("admin", _("管理"), reverse("admin:index")))
    return items


def _section(request: HttpRequest, items: list[Item]) -> Item | None:
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else None
    key = SECTIONS.get(name or "")
    if name in FORM_PAGES:
        member = membership_of(request.user)
        key = "public" if member is None else "home" if member.role == Role.UNIT_STAFF else "review"
    if key == "account":
        return Item("account", _("账户"), reverse("password_change"))
    return next((item for item in items if item.key == key), None)


def frame(request: HttpRequest) -> dict:
    """``nav``, ``section``, ``todo_count`` and ``returned_count`` for every template."""
    if request.path.startswith("/admin/"):
        return {}
    forms = waiting(request)
    member = membership_of(request.user)
    todo = forms.count() if member is not None else 0
    returned = (
        forms.filter(status__in=RETURNED).count()
        if member is not None and member.role == Role.UNIT_STAFF
        else 0
    )
    items = _items(request, todo)
    return {
        "nav": items,
        "section": _section(request, items),
        "todo_count": todo,
        "returned_count": returned,
    }
