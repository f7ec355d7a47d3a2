"""Forms of an upload that are in the store already, or twice in the upload.

A form is the same as a stored one when its unit, project, year and kind are (the store's
``form_unique_per_year``). The preview marks such forms, and storing skips or replaces them as
the user chose: replace only a draft or returned form the importer may edit (``replaceable``),
never one under review, approved or published.
"""

from django.contrib.auth.models import User

from jixiao.core.model import Form
from jixiao.core.names import name_key
from jixiao.web.accounts.access import owns
from jixiao.web.accounts.models import Organisation, OrgKind
from jixiao.web.store.models import FormRecord

SKIP, REPLACE = "skip", "replace"


def key_of(form: Form, own_unit: Organisation | None) -> tuple:
    """What makes two forms the same: unit, project name, year, kind."""
    unit = own_unit.pk if own_unit else name_key(form.project.unit or "未知单位")
    return (unit, name_key(form.project.name or "未命名项目"), form.year, str(form.kind))


def existing_record(form: Form, own_unit: Organisation | None) -> FormRecord | None:
    """The stored form of this unit, project, year and kind, or None."""
    units = (
        [own_unit]
        if own_unit
        else Organisation.objects.filter(
            kind=OrgKind.UNIT, name_key=name_key(form.project.unit or "未知单位")
        )
    )
    return (
        FormRecord.objects.select_related("project__unit")
        .filter(
            project__unit__in=units,
            project__name_key=name_key(form.project.name or "未命名项目"),
            year=form.year,
            kind=str(form.kind),
        )
        .first()
    )


def replaceable(record: FormRecord, user: User | None) -> bool:
    """A draft or returned form of the importer's own unit: an import may replace it."""
    return user is not None and record.editable and owns(user, record)
