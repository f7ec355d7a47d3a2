"""The review's inputs: a workflow move with its reason, a comment on one indicator."""

from django import forms
from django.utils.translation import gettext_lazy as _

NOTE_CHARACTERS = 2_000  # a comment or a return reason


class MoveForm(forms.Form):
    """A workflow move; a return carries its reason (required there by the transition)."""

    action = forms.CharField(max_length=30)
    reason = forms.CharField(
        label=_("退回理由"),
        required=False,
        max_length=NOTE_CHARACTERS,
        error_messages={"max_length": _("退回理由最多 %(limit_value)s 字")},
    )


class CommentForm(forms.Form):
    """A reviewer's comment on the indicator at ``position``."""

    position = forms.IntegerField(min_value=0, max_value=32767)
    text = forms.CharField(
        label=_("意见"),
        max_length=NOTE_CHARACTERS,
        error_messages={
            "required": _("意见不能为空"),
            "max_length": _("意见最多 %(limit_value)s 字"),
        },
    )
