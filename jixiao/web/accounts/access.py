"""Who may see, edit or review a form: the one place these rules live.

- unit staff: their own unit's forms (see, edit while editable, submit);
- department reviewers: forms of units under their department (see, review at their stage);
- finance reviewers: every form (see, review at their stage, publish);
- anonymous visitors and everyone else: published forms only, without their review
  (history, comments, return reasons, staff names: ``sees_review``);
- imports: unit staff into their own unit, department reviewers into their department's
  units, the finance bureau anywhere, new organisations only when asked (``import_refusal``).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_noop

from jixiao.core.names import name_key
from jixiao.web.accounts.models import Membership, Organisation, OrgKind, Role
from jixiao.web.store.models import FormRecord, Status


def membership_of(user: User | AnonymousUser) -> Membership | None:
    """The user's membership, or None (anonymous, or a user without one)."""
    if not user.is_authenticated:
        return None
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def visible_units(user: User | AnonymousUser) -> QuerySet[Organisation] | None:
    """The units whose forms the user may see in full; None means every unit."""
    member = membership_of(user)
    if member is None:
        return Organisation.objects.none()
    if member.role == Role.FINANCE_REVIEWER:
        return None
    if member.role == Role.DEPARTMENT_REVIEWER:
        return Organisation.objects.filter(parent=member.organisation)
    return Organisation.objects.filter(pk=member.organisation_id)


def visible_forms(user: User | AnonymousUser, forms: QuerySet) -> QuerySet:
    """Restrict a FormRecord queryset to what the user may see (published forms for everyone)."""
    units = visible_units(user)
    if units is None:
        return forms
    return forms.filter(Q(project__unit__in=units) | Q(status=Status.PUBLISHED))


def form_for(user: User | AnonymousUser, pk: int):
    """The form with ``pk`` if the user may see it; 404 otherwise (strangers learn nothing)."""
    form = (
        visible_forms(user, FormRecord.objects.select_related("project__unit__parent"))
        .filter(pk=pk)
        .first()
    )
    if form is None:
        raise Http404
    return form


def owns(user: User | AnonymousUser, form) -> bool:
    """Whether the user is staff of the form's unit."""
    member = membership_of(user)
    return bool(
        member and member.role == Role.UNIT_STAFF and member.organisation_id == form.project.unit_id
    )


def reviews(user: User | AnonymousUser, form) -> bool:
    """Whether the user is a reviewer with authority over the form's unit."""
    member = membership_of(user)
    if member is None:
        return False
    if member.role == Role.FINANCE_REVIEWER:
        return True
    return (
        member.role == Role.DEPARTMENT_REVIEWER
        and form.project.unit.parent_id == member.organisation_id
    )


def sees_review(user: User | AnonymousUser, form) -> bool:
    """Whether the user sees the form's internal review: its unit's staff and its reviewers."""
    return owns(user, form) or reviews(user, form)


# Why an import may not store a form where it names (``file`` and ``index`` are the job's).
NOT_YOURS = gettext_noop(
    "未保存任何表：%(file)s 第 %(index)s 张表的单位“%(unit)s”不属于您的部门，不能导入到该单位。"
)
UNKNOWN_UNIT = gettext_noop(
    "未保存任何表：%(file)s 第 %(index)s 张表的单位“%(unit)s”尚未登记。只有财政局可以新建机构，"
    "请先在管理页面登记该单位。"
)
NO_ROLE = gettext_noop("未保存任何表：您的账户没有所属机构，不能导入。")


@dataclass(frozen=True)
class Refusal:
    """Why an import is refused: a message id (Chinese source) and its values."""

    msgid: str
    values: dict[str, str]


def import_refusal(
    user: User | AnonymousUser | None, unit_name: str | None, *, create: bool = False
) -> Refusal | None:
    """Whether ``user`` may import a form naming the unit ``unit_name`` (None: they may).

    Unit staff import into their own unit, whatever the form names. A department reviewer
    imports only into registered units of their department. The finance bureau imports into
    any registered unit, and into a new one only when it asked for new units (``create``):
    an import never makes an organisation by surprise.
    """
    member = membership_of(user) if user is not None else None
    if member is None:
        return Refusal(NO_ROLE, {})
    if member.role == Role.UNIT_STAFF:
        return None
    name = unit_name or "未知单位"
    unit = Organisation.objects.filter(kind=OrgKind.UNIT, name_key=name_key(name)).first()
    if member.role == Role.FINANCE_REVIEWER:
        return None if unit is not None or create else Refusal(UNKNOWN_UNIT, {"unit": name})
    if unit is None:
        return Refusal(UNKNOWN_UNIT, {"unit": name})
    if unit.parent_id != member.organisation_id:
        return Refusal(NOT_YOURS, {"unit": name})
    return None


def unregistered_units(names: Iterable[str | None]) -> list[str]:
    """The unit names, as printed, that no registered unit has: once each, in order."""
    keys = {name: name_key(name) for name in names if name}
    known = set(
        Organisation.objects.filter(kind=OrgKind.UNIT, name_key__in=set(keys.values())).values_list(
            "name_key", flat=True
        )
    )
    seen: set[str] = set()
    out = []
    for name, key in keys.items():
        if key not in known and key not in seen:
            seen.add(key)
            out.append(name)
    return out
