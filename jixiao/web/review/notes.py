"""What the reviewers said when they returned a form: the reason and their indicator comments.

Shown at the top of the form's page and of its editor while the form is back with its unit,
not only as a line of its history.
"""

from dataclasses import dataclass

from jixiao.web.review.transitions import last_submitted
from jixiao.web.store.models import FormEvent, FormRecord, IndicatorComment, Status

RETURNED = (Status.RETURNED_BY_DEPARTMENT, Status.RETURNED_BY_FINANCE)


@dataclass(frozen=True)
class ReturnNotes:
    """The move that returned the form (its note is the reason) and the round's comments."""

    returned: FormEvent
    comments: list[IndicatorComment]


def return_notes(record: FormRecord) -> ReturnNotes | None:
    """The reason and comments of the review that sent the form back, if it is back now."""
    if record.status not in RETURNED:
        return None
    returned = (
        record.events.filter(action="transition", to_status=record.status)
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    if returned is None:  # moved outside the workflow (an import, the admin): nothing said
        return None
    comments = IndicatorComment.objects.filter(form=record).select_related("author")
    submitted = last_submitted(record)
    if submitted is not None:
        comments = comments.filter(created_at__gte=submitted.created_at)
    return ReturnNotes(returned, list(comments.filter(created_at__lte=returned.created_at)))
