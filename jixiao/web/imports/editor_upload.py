"""One Excel form straight into the editor: parsed at once, nothing stored until the clerk saves.

The clerk picks a file on the import page; it is read in the bounded parser (as a batch's files
are, within the same limits) and the parsed form is kept in the clerk's session under a token.
The editor opens at ``imports/editor/<token>/`` pre-filled with it, under the clerk's own unit,
and saving there stores a new form over the parsed one (so what the editor does not show, such
as group weights or the project's dates, is kept), as ``entry.views.new_form`` would.
"""

import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jixiao.io.problems import ReadError
from jixiao.web.entry import views as entry
from jixiao.web.imports import jobs, tasks
from jixiao.web.imports.views import MAX_FILE_BYTES

EXCEL = (".xlsx",)


class EditorUploadForm(forms.Form):
    """The one Excel file to open in the editor."""

    file = forms.FileField(label=gettext_lazy("Excel 文件"))

    def clean_file(self):
        """An .xlsx file within the upload size."""
        file = self.cleaned_data["file"]
        if not file.name.lower().endswith(EXCEL):
            raise forms.ValidationError(_("请选择一个 Excel（.xlsx）文件。"))
        if file.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("文件超过 20 MB。"))
        return file


def _parsed(name: str, data: bytes) -> tuple[list[dict] | None, str]:
    """The file's forms as ``jixiao/form@1`` JSON, or None and why not (in the user's words)."""
    try:
        with tasks.bounded_parser() as parser:
            result = tasks._parse(parser, name, data)
    except ReadError as exc:
        return None, jobs.shown(exc.finding.message_zh, exc.finding.message_en)
    except Exception:  # damaged or unsupported: the reader's failure is not the user's to read
        tasks.logger.warning("editor upload %s: unreadable", name, exc_info=True)
        return None, jobs.shown(*jobs.both(tasks.DAMAGED))
    forms_ = result.to_dict()["forms"]
    return (forms_, "") if forms_ else (None, jobs.shown(*jobs.both(tasks.NO_FORMS)))


SESSION_KEY = "editor-uploads"
KEPT = 5  # parsed forms kept per session (the latest ones)


@login_required
def into_editor(request: HttpRequest) -> HttpResponse:
    """Read an uploaded Excel file and open its first form in the editor; nothing stored."""
    if request.method != "POST":
        return redirect("jx-import")
    unit = entry._unit_of(request)  # unit clerks only
    chosen = EditorUploadForm(request.POST, request.FILES)
    if not chosen.is_valid():
        messages.error(request, " ".join(chosen.errors["file"]))
        return redirect("jx-import")
    file = chosen.cleaned_data["file"]
    found, why = _parsed(file.name, file.read())
    if found is None:
        messages.error(request, _("未能打开 %(file)s：%(why)s") % {"file": file.name, "why": why})
        return redirect("jx-import")
    if len(found) > 1:
        messages.info(
            request,
            _("文件中有 %(n)s 张表，已打开第一张；其余请用上面的批量导入。") % {"n": len(found)},
        )
    token = secrets.token_urlsafe(8)
    kept = dict(list(request.session.get(SESSION_KEY, {}).items())[-(KEPT - 1) :])
    kept[token] = dict(found[0], project=dict(found[0].get("project") or {}, unit=unit.name))
    request.session[SESSION_KEY] = kept
    return redirect("jx-import-editor-form", token=token)


@login_required
def editor_form(request: HttpRequest, token: str) -> HttpResponse:
    """The editor pre-filled with the uploaded form; saving stores it as a new form."""
    entry._unit_of(request)
    base = request.session.get(SESSION_KEY, {}).get(token)
    if base is None:
        raise Http404
    response = entry._editor(request, base["kind"], base)
    if response.status_code == 302:  # stored: the parsed form is done with
        request.session[SESSION_KEY] = {
            k: v for k, v in request.session[SESSION_KEY].items() if k != token
        }
    return response
