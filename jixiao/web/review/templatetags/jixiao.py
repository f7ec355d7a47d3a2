"""Template helpers: finding messages in the page's language, query strings, sort links."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jixiao.web.review.presenter import message as finding_message
from jixiao.web.store.models import Status

register = template.Library()


@register.filter
def message(finding) -> str:
    """A finding's message (object or dict) in the current language."""
    if isinstance(finding, dict):
        return finding_message_dict(finding)
    return finding_message(finding)


def finding_message_dict(finding: dict) -> str:
    """A finding's message from its JSON form, in the current language."""
    return (
        finding["message_en"] if (get_language() or "").startswith("en") else finding["message_zh"]
    )


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
