"""Template helpers: finding messages in the page's language, field names, query strings, sort links."""

import re

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jixiao.web.entry.forms import HeaderForm, IndicatorForm
from jixiao.web.language import in_language
from jixiao.web.review.presenter import message as finding_message
from jixiao.web.store.layouts import title as layout_title
from jixiao.web.store.models import Status

register = template.Library()
# Findings whose expected and found values are identifiers for machines (a rule set's id, a
# check's code, a need's key): their messages already say the same in words.
_IDENTIFIER_VALUES = frozenset({"ruleset-inferred", "check-skipped"})
_ROW = re.compile(r"^indicators\[(\d+)\]")
_INDEX = re.compile(r"\[\d+\]$")
# Paths that are no input of the entry forms.
_LABELS = {
    "template": gettext_lazy("版式"),
    "groups": gettext_lazy("一级指标"),
    "indicators": gettext_lazy("绩效指标"),
    "sources": gettext_lazy("资金来源"),
    "components": gettext_lazy("子项目"),
    "project": gettext_lazy("项目"),
    "funds": gettext_lazy("资金"),
}


@register.filter
def message(finding) -> str:
    """A finding's message (object or dict) in the current language."""
    if isinstance(finding, dict):
        return finding_message_dict(finding)
    return finding_message(finding)


def finding_message_dict(finding: dict) -> str:
    """A finding's message from its JSON form, in the current language."""
    return in_language(finding["message_zh"], finding["message_en"])


@register.filter
def shows_values(finding) -> bool:
    """Whether a finding's expected and found values are for readers (and there are any)."""
    get = finding.get if isinstance(finding, dict) else lambda key: getattr(finding, key)
    return bool(get("expected") or get("found")) and get("code") not in _IDENTIFIER_VALUES


@register.filter
def layout(template: str | None) -> str:
    """A form's layout by its printed name (never its id), or "unrecognised layout"."""
    return layout_title(template)


@register.filter
def field_label(path: str | None) -> str:
    """A JSON path (``funds.budget``, ``indicators[3].actual``) as users know the field."""
    path = path or ""
    row = _ROW.match(path)
    key = _INDEX.sub("", path.rsplit(".", 1)[-1])
    field = HeaderForm.base_fields.get(key) or IndicatorForm.base_fields.get(key)
    label = str(field.label) if field else _LABELS.get(key) or _("整表")
    return _("第%(n)s行 · %(label)s") % {"n": int(row[1]) + 1, "label": label} if row else label


@register.filter
def outcome_label(outcome: str) -> str:
    """What became of an uploaded file, in words."""
    return {
        "parsed": _("已解析"),
        "parsed with findings": _("已解析，有发现"),
        "failed": _("未能读取"),
        "stored": _("已保存"),
    }.get(outcome, outcome)


@register.filter
def severity_label(severity) -> str:
    """错误 / 警告 / 提示, translated."""
    return {"error": _("错误"), "warning": _("警告"), "info": _("提示")}.get(
        str(severity), str(severity)
    )


@register.filter
def sort_toggle(key: str, current: str) -> str:
    """Clicking the current sort column reverses it."""
    return f"-{key}" if current == key else key


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def status_label(value: str) -> str:
    """A workflow status code as its (translated) label."""
    return dict(Status.choices).get(value, value)


@register.filter
def control(field) -> str:
    """A form field's input, written directly.

    Django renders each widget through its own small templates; an entry page has a few
    hundred inputs, and that rendering was most of the page's time. Text inputs, text areas,
    selects, check boxes and hidden inputs are written here with the same names, ids, values
    and attributes; any other widget falls back to Django's own rendering.
    """
    widget = field.field.widget
    attrs = {**widget.attrs, "name": field.html_name}
    if field.auto_id:
        attrs["id"] = field.auto_id
    if field.field.disabled:
        attrs["disabled"] = True
    value = field.value()
    kind = type(widget).__name__
    if kind in ("TextInput", "NumberInput", "HiddenInput"):
        attrs["type"] = widget.input_type
        if value not in (None, ""):
            attrs["value"] = widget.format_value(value)
        return format_html("<input{}>", _attrs(attrs))
    if kind == "CheckboxInput":
        attrs["type"] = "checkbox"
        if widget.check_test(value):
            attrs["checked"] = True
        return format_html("<input{}>", _attrs(attrs))
    if kind == "Textarea":
        return format_html("<textarea{}>\n{}</textarea>", _attrs(attrs), value or "")
    if kind == "Select":
        chosen = str(value) if value is not None else ""
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (v, mark_safe(" selected") if str(v) == chosen else "", label)
                for v, label in widget.choices
            ),
        )
        return format_html("<select{}>{}</select>", _attrs(attrs), options)
    return field.as_widget()


def _attrs(attrs: dict) -> str:
    parts = []
    for key, value in attrs.items():
        if value is True:
            parts.append(format_html(" {}", key))
        elif value not in (False, None):
            parts.append(format_html(' {}="{}"', key, value))
    return mark_safe("".join(parts))
