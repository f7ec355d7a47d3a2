"""Every move a form can make, who may make it, and the audit row it leaves.

draft → submitted → (returned by the department | passed) → (returned by the finance
bureau | approved) → published. A returned form goes back to its unit, which fixes it and
submits again; a submitted form nobody has reviewed yet may be withdrawn by its unit.
Transitions are checked here, on the server, whatever the page offered; each move writes
one audit row, also when many forms are moved at once (``apply_many``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jixiao.web.accounts.access import membership_of, owns
from jixiao.web.accounts.models import Role
from jixiao.web.store.models import EDITABLE, FormEvent, FormRecord, IndicatorComment, Status


class TransitionRefused(Exception):
    """The move is not allowed now, or not to this user; the message says why."""


def department_reviewer(user: User, form: FormRecord) -> bool:
    """A reviewer of the form's department (the bureau acts for units with no department)."""
    member = membership_of(user)
    if member is None:
        return False
    department = form.project.unit.parent_id
    if member.role == Role.DEPARTMENT_REVIEWER:
        return department == member.organisation_id
    return member.role == Role.FINANCE_REVIEWER and department is None


def last_submitted(form: FormRecord) -> FormEvent | None:
    """The move that last submitted the form."""
    return (
        FormEvent.objects.filter(form=form, action="transition", to_status=Status.SUBMITTED)
        .order_by("-created_at", "-pk")
        .first()
    )


def unreviewed_owner(user: User, form: FormRecord) -> bool:
    """The form's unit, while no reviewer has commented on it since it was submitted."""
    if not owns(user, form):
        return False
    submitted = last_submitted(form)
    comments = IndicatorComment.objects.filter(form=form)
    if submitted is not None:
        comments = comments.filter(created_at__gte=submitted.created_at)
    return not comments.exists()


def finance_reviewer(user: User, form: FormRecord) -> bool:
    """A reviewer of the finance bureau."""
    member = membership_of(user)
    return bool(member and member.role == Role.FINANCE_REVIEWER)


@dataclass(frozen=True)
class Transition:
    """One allowed move."""

    action: str
    sources: tuple[Status, ...]
    target: Status
    allowed: Callable[[User, FormRecord], bool]
    label: str
    needs_reason: bool = False
    done: str = ""  # what happened, said to the user after the move


TO_DEPARTMENT = _("已送主管部门审核")
TO_FINANCE = _("已送财政局审核")


TRANSITIONS: tuple[Transition, ...] = (
    Transition("submit", EDITABLE, Status.SUBMITTED, owns, _("提交"), done=TO_DEPARTMENT),
    Transition(
        "withdraw",
        (Status.SUBMITTED,),
        Status.DRAFT,
        unreviewed_owner,
        _("撤回"),
        done=_("已撤回，可以继续修改"),
    ),
    Transition(
        "pass",
        (Status.SUBMITTED,),
        Status.PASSED,
        department_reviewer,
        _("审核通过"),
        done=_("已审核通过，送财政局批准"),
    ),
    Transition(
        "return_department",
        (Status.SUBMITTED,),
        Status.RETURNED_BY_DEPARTMENT,
        department_reviewer,
        _("退回"),
        True,
        done=_("已退回填报单位"),
    ),
    Transition(
        "approve",
        (Status.PASSED,),
        Status.APPROVED,
        finance_reviewer,
        _("批准"),
        done=_("已批准"),
    ),
    Transition(
        "return_finance",
        (Status.PASSED,),
        Status.RETURNED_BY_FINANCE,
        finance_reviewer,
        _("退回"),
        True,
        done=_("已退回填报单位"),
    ),
    Transition(
        "publish",
        (Status.APPROVED,),
        Status.PUBLISHED,
        finance_reviewer,
        _("公开"),
        done=_("已公开"),
    ),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}


def available(form: FormRecord, user: User) -> list[Transition]:
    """The moves this user may make on this form now."""
    return [t for t in TRANSITIONS if form.status in t.sources and t.allowed(user, form)]


@transaction.atomic
def apply(form: FormRecord, action: str, user: User, reason: str = "") -> FormRecord:
    """Make a move, or raise ``TransitionRefused``; writes the audit row in the same transaction."""
    transition = BY_ACTION.get(action)
    if transition is None:
        raise TransitionRefused(_("未知的操作"))
    locked = FormRecord.objects.select_for_update().select_related("project__unit").get(pk=form.pk)
    if locked.status not in transition.sources:
        raise TransitionRefused(
            _("该表当前状态为“%(status)s”，不能执行此操作")
            % {"status": locked.get_status_display()}
        )
    if not transition.allowed(user, locked):
        raise TransitionRefused(_("您无权执行此操作"))
    if transition.needs_reason and not reason.strip():
        raise TransitionRefused(_("退回时必须说明理由"))
    # The status the move was checked against is a condition of the UPDATE itself, and the
    # version is bumped: an edit that began before this move is refused when it saves.
    moved = FormRecord.objects.filter(pk=locked.pk, status=locked.status).update(
        status=transition.target, version=F("version") + 1, updated_at=timezone.now()
    )
    if not moved:
        raise TransitionRefused(_("该表刚被他人改动，请刷新后重试"))
    FormEvent.objects.create(
        form=locked,
        actor=user,
        action="transition",
        from_status=locked.status,
        to_status=transition.target,
        note=reason.strip(),
    )
    locked.refresh_from_db(fields=["status", "version", "updated_at"])
    return locked


def said(action: str, form: FormRecord) -> str:
    """What happened, in words: a unit with no department submits to the finance bureau."""
    if action == "submit" and form.project.unit.parent_id is None:
        return str(TO_FINANCE)
    return str(BY_ACTION[action].done)


def apply_many(
    forms: list[FormRecord], action: str, user: User, reason: str = ""
) -> tuple[list[FormRecord], list[tuple[FormRecord, str]]]:
    """Move each form on its own (its own check, its own audit row): those moved, those refused.

    A form that cannot move is reported with the reason; the others move all the same.
    """
    moved: list[FormRecord] = []
    refused: list[tuple[FormRecord, str]] = []
    for form in forms:
        try:
            moved.append(apply(form, action, user, reason))
        except TransitionRefused as exc:
            refused.append((form, str(exc)))
    return moved, refused
