"""Entry pages: new and edit, self-evaluation pre-filled from the approved targets, live preview."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jixiao.core.formjson import INDICATOR_KEYS
from jixiao.core.model import FormKind
from jixiao.web.accounts.access import form_for, membership_of, owns
from jixiao.web.accounts.models import Role
from jixiao.web.entry.adopt import grade_words, recomputed
from jixiao.web.entry.forms import HeaderForm, IndicatorFormSet, assemble, header_initial, to_core
from jixiao.web.entry.prefill import self_evaluation_from, still_to_fill
from jixiao.web.review.notes import return_notes
from jixiao.web.review.presenter import present
from jixiao.web.store.checking import check_in_web
from jixiao.web.store.layouts import DEFAULT_LAYOUT, prints_weights, tree
from jixiao.web.store.models import FormRecord, Kind, Status
from jixiao.web.store.services import StaleEdit, create_form, to_canonical, update_form


def _unit_of(request: HttpRequest):
    member = membership_of(request.user)
    if member is None or member.role != Role.UNIT_STAFF:
        raise PermissionDenied
    return member.organisation


def _bound(request: HttpRequest, kind: str, base: dict[str, Any], record: FormRecord | None):
    current = base.get("template")
    initial = header_initial(base)  # a bound form shows its disabled 实施单位 from here
    if request.method == "POST":
        return (
            HeaderForm(request.POST, initial=initial, kind=kind, current=current),
            IndicatorFormSet(request.POST, prefix="ind"),
        )
    initial["version"] = record.version if record else None
    rows = [
        {k: r.get(k) for k in INDICATOR_KEYS} | {"ORDER": i + 1}
        for i, r in enumerate(base.get("indicators", []))
    ]
    return (
        HeaderForm(initial=initial, kind=kind, current=current),
        IndicatorFormSet(initial=rows, prefix="ind"),
    )


def _valid(header: HeaderForm, formset, base: dict[str, Any], unit: str):
    """The core form if every input is valid, else None with the errors on the forms.

    Level names outside the layout's tree do not stop a save: they are findings
    (``store.levels``), shown in the live panel and on the form's page.
    """
    if not (header.is_valid() and formset.is_valid()):
        return None
    return to_core(assemble(base, header.cleaned_data, formset, unit), header)


def _layouts(header: HeaderForm, kind: str, base: dict[str, Any]) -> dict[str, Any]:
    """Each offered layout's tree, whether its rows carry 分值 and its grade words, for the script."""
    ids = [value for value, _label in header.fields["template"].choices]
    weighted = {value: prints_weights(value or None, kind) for value in ids}
    current = base.get("template") or ""
    if any(row.get("weight") for row in base.get("indicators", [])):
        weighted[current] = True  # an imported form's printed weights stay visible
    return {
        "trees": {value: tree(value or None) for value in ids},
        "weighted": weighted,
        "grades": {value: grade_words(value or None) for value in ids},
    }


def in_order(formset) -> list:
    """The rows as the clerk left them: by their order field when the page came back."""
    if not formset.is_bound:
        return list(formset)

    def place(row) -> tuple[bool, int]:
        value = str(row["ORDER"].value() or "")
        return (not value.isdigit(), int(value) if value.isdigit() else 0)

    return sorted(formset, key=place)


def _render(request, kind, header, formset, record=None, status=200, base=None, todo=None):
    base = base or {}
    chosen = header["template"].value() or ""
    layouts = _layouts(header, kind, base)
    context = {
        "kind": kind,
        "header": header,
        "formset": formset,
        "rows": in_order(formset),
        "record": record,
        "levels": layouts["trees"].get(chosen, {}),
        "weighted": layouts["weighted"].get(chosen, False),
        "layouts": layouts,
        "source": base,
        "notes": return_notes(record) if record else None,
        "todo": todo,
    }
    return render(request, "entry/editor.html", context, status=status)


def _editor(
    request: HttpRequest,
    kind: str,
    base: dict[str, Any],
    record: FormRecord | None = None,
    todo: list[str] | None = None,
):
    unit = record.project.unit if record else _unit_of(request)
    header, formset = _bound(request, kind, base, record)
    if request.method != "POST":
        return _render(request, kind, header, formset, record, base=base, todo=todo)
    form = _valid(header, formset, base, unit.name)
    if form is None:
        messages.error(request, _("未保存：请更正标出的错误，您输入的内容都保留着。"))
        return _render(request, kind, header, formset, record, status=400, base=base, todo=todo)
    try:
        if record is None:
            record = create_form(form, unit=unit, actor=request.user)
        else:
            update_form(
                record,
                form,
                actor=request.user,
                expected_version=header.cleaned_data.get("version") or 0,
            )
    except StaleEdit:
        record.refresh_from_db(fields=["status"])
        if record.editable:
            said = _(
                "未保存：此表已被他人修改并保存。您的输入仍在下面；请复制需要的内容后重新打开此表。"
            )
        else:
            said = _("未保存：此表已提交，不能再修改。您的输入仍在下面。")
        messages.error(request, said)
        return _render(request, kind, header, formset, record, status=409, base=base, todo=todo)
    except IntegrityError:  # another form of this project, year and kind is stored already
        if record is not None:  # as stored, not as the failed save left it in memory
            record = FormRecord.objects.select_related("project__unit").get(pk=record.pk)
        header.add_error(
            "year",
            _("本单位的“%(name)s”项目已有 %(year)s 年度的%(kind)s，请打开那张表修改。")
            % {"name": form.project.name, "year": form.year, "kind": Kind(kind).label},
        )
        messages.error(request, _("未保存：请更正标出的错误，您输入的内容都保留着。"))
        return _render(request, kind, header, formset, record, status=400, base=base, todo=todo)
    messages.success(request, _("已保存"))
    return redirect("jx-form", pk=record.pk)


@login_required
def new_form(request: HttpRequest, kind: str) -> HttpResponse:
    """A new, empty form of the unit (targets or a self-evaluation)."""
    if kind not in Kind.values:
        raise PermissionDenied
    unit = _unit_of(request)
    base = {
        "schema": "jixiao/form@1",
        "kind": kind,
        "template": DEFAULT_LAYOUT[kind],
        "year": None,
        "project": {"unit": unit.name},
        "funds": {"currency_unit": "元"},
        "indicators": [],
    }
    return _editor(request, kind, base)


@login_required
def edit_form(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a form of one's own unit while it is editable."""
    record = form_for(request.user, pk)
    if not owns(request.user, record):
        raise PermissionDenied
    if not record.editable:
        messages.error(request, _("该表已提交或已批准，不能修改。"))
        return redirect("jx-form", pk=record.pk)
    return _editor(request, record.kind, to_canonical(record), record)


@login_required
def new_self_evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    """A self-evaluation pre-filled from an approved target form of the same project and year."""
    target = form_for(request.user, pk)
    if not owns(request.user, target) or target.kind != Kind.TARGET:
        raise PermissionDenied
    if target.status not in (Status.APPROVED, Status.PUBLISHED):
        messages.error(request, _("只能依据已批准的绩效目标表填写自评表。"))
        return redirect("jx-form", pk=target.pk)
    existing = FormRecord.objects.filter(
        project=target.project, year=target.year, kind=Kind.SELF_EVALUATION
    ).first()
    if existing:
        return redirect("jx-form", pk=existing.pk)
    base = self_evaluation_from(to_canonical(target))
    return _editor(request, Kind.SELF_EVALUATION, base, todo=still_to_fill(base))


@require_POST
@login_required
def preview(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The live figures for what is typed now: rate, rule scores, total, grade, findings."""
    record = form_for(request.user, pk) if pk else None
    kind = record.kind if record else request.POST.get("kind", FormKind.TARGET)
    if kind not in Kind.values:
        kind = FormKind.TARGET
    base = to_canonical(record) if record else {"schema": "jixiao/form@1", "kind": kind}
    header = HeaderForm(request.POST, kind=kind, current=base.get("template"))
    formset = IndicatorFormSet(request.POST, prefix="ind")
    header.is_valid()
    formset.is_valid()
    cleaned = {**{k: None for k in header.fields}, **getattr(header, "cleaned_data", {})}
    unit = (
        record.project.unit.name
        if record
        else getattr(membership_of(request.user), "organisation", None)
    )
    form = to_core(assemble(base, cleaned, formset, str(unit or "")), header)
    report = check_in_web(form) if form else None
    context = {
        "live": present(report) if report else None,
        "recomputed": recomputed(report) if report else None,
        "errors": header.non_field_errors(),
    }
    return render(request, "entry/_live.html", context)
