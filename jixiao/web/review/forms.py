"""The review's inputs: a workflow move with its reason, a comment on one indicator."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

NOTE_CHARACTERS = 2_000  # a comment or a return reason
BATCH_LIMIT = 200  # forms moved by one batch request (a queue page shows 50)


class MoveForm(forms.Form):
    """A workflow move with the reviewer's 审核意见 (``reason``: required for a return)."""

    action = forms.CharField(max_length=30)
    reason = forms.CharField(
        label=_("审核意见"),
        required=False,
        max_length=NOTE_CHARACTERS,
        error_messages={"max_length": _("审核意见最多 %(limit_value)s 字")},
    )

    def clean_reason(self) -> str:
        """The opinion with a browser's CR LF line breaks read as LF."""
        return self.cleaned_data["reason"].replace("\r\n", "\n").replace("\r", "\n")


BATCH_CHOICES = [("pass", _("审核通过")), ("approve", _("批准")), ("publish", _("公开"))]


class FormIds(forms.Field):
    """The ticked forms' numbers (``pk`` repeated); which forms they are is the view's question."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        """The distinct numbers, or an error for a non-number or too many."""
        values = list(value or [])
        if len(values) > BATCH_LIMIT:
            raise forms.ValidationError(_("一次最多处理 %(n)s 张表"), params={"n": BATCH_LIMIT})
        if not all(str(v).isdigit() and len(str(v)) < 10 for v in values):
            raise forms.ValidationError(_("表的编号无效"))
        return sorted({int(v) for v in values})


class BatchForm(forms.Form):
    """The queue's ticked forms and one move for all of them."""

    action = forms.ChoiceField(
        choices=BATCH_CHOICES, error_messages={"invalid_choice": _("未知的操作")}
    )
    pk = FormIds(error_messages={"required": _("请先勾选要处理的表")})


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

    def clean_text(self) -> str:
        """The comment with a browser's CR LF line breaks read as LF."""
        return self.cleaned_data["text"].replace("\r\n", "\n").replace("\r", "\n")
