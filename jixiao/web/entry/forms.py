"""The entry forms: a header form (project, funds, goals, totals) and a formset of indicators.

Numbers are typed as text and kept as typed until saved (``506,745.04`` is fine); the core's
``formjson`` validates the assembled canonical form, and its problems are put back on the
fields they concern, so a failed save keeps every input and says why.
"""

import re
from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jixiao.core.formjson import FUNDS_AMOUNTS, INDICATOR_KEYS, FormDecodeError, decode_form
from jixiao.core.limits import problem as out_of_range
from jixiao.core.model import Form
from jixiao.core.numbers import NotANumberError, to_decimal, to_text
from jixiao.web.entry.adopt import grade_words
from jixiao.web.language import in_language
from jixiao.web.store.layouts import editor_layouts, title

TEXTAREA = forms.Textarea(attrs={"rows": 3})
LINE_BREAK = re.compile(r"\r\n?")
# Text limits, said at the field: goals and narratives, and shorter notes.
PROSE_CHARACTERS = 20_000
NOTE_CHARACTERS = 2_000
PROJECT_FIELDS = ("name", "department", "unit", "offices", "performance_type")
FUNDS_FIELDS = FUNDS_AMOUNTS
GOALS_FIELDS = ("overall", "annual", "achieved")
NARRATIVE_FIELDS = ("achievements", "problems", "improvements")


def _number(value: str, key: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = to_decimal(value)
    except NotANumberError:
        raise forms.ValidationError(_("“%(value)s”不是数字"), params={"value": value}) from None
    limit = out_of_range(key, number)
    if limit:
        raise forms.ValidationError(in_language(*limit))
    return to_text(number)


class NumberField(forms.CharField):
    """A decimal typed as text: separators allowed, kept exactly (never a float).

    Its range and decimals are those of its key (``jixiao.core.limits``), the field's name;
    the forms set ``key`` from the field's name.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "class": "num"}))
        super().__init__(**kwargs)
        self.key = ""

    def clean(self, value: str) -> str | None:
        """The canonical decimal text, or a validation error naming the input or its range."""
        return _number(super().clean(value), self.key)


class LongText(forms.CharField):
    """A text area's text as typed: its line breaks and indentation kept (a browser sends CR LF).

    Only a text of nothing but spaces is empty.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", TEXTAREA)
        super().__init__(strip=False, **kwargs)

    def to_python(self, value: Any) -> str:
        """The text with every line break a plain LF; blank text is empty."""
        text = LINE_BREAK.sub("\n", super().to_python(value))
        return text if text.strip() else ""


def prose(label: str, characters: int = PROSE_CHARACTERS) -> forms.CharField:
    """A long text field whose limit is said under it."""
    return LongText(label=label, max_length=characters, help_text=lazy(at_most, str)(characters))


def kept(typed: Any, stored: Any) -> Any:
    """The stored text when what came back is that text untouched, else what was typed.

    A one-line input gives back its text trimmed and without line breaks (a browser drops
    them); a text area gives it back whole. Either way an untouched text stays byte for byte.
    """
    if not isinstance(typed, str) or not isinstance(stored, str):
        return typed
    typed = LINE_BREAK.sub("\n", typed)
    if typed == stored:
        return stored
    one_line = stored.replace("\r", "").replace("\n", "").strip()
    return stored if typed.strip() == one_line else typed


def at_most(characters: int) -> str:
    """“At most n characters”, in the page's language."""
    return gettext("最多 %(n)s 字") % {"n": f"{characters:,}"}


class KeyedNumbers:
    """Gives each ``NumberField`` its own name as its key, for its range."""

    def _key_numbers(self) -> None:
        for name, field in self.fields.items():
            if isinstance(field, NumberField):
                field.key = name


def template_choices(kind: str, current: str | None = None) -> list[tuple[str, str]]:
    """The layouts offered for a form of this kind, by printed name; the form's own one too."""
    choices = [(layout.id, title(layout.id)) for layout in editor_layouts(kind)]
    if current not in {value for value, _label in choices}:
        choices.append((current or "", title(current)))
    return choices


def grade_choices(template: str | None, current: str | None) -> list[tuple[str, str]]:
    """The rule set's grade words, and the form's own word where it is another."""
    words = grade_words(template or None)
    if current and current not in words:
        words.append(current)
    return [("", "—"), *((word, word) for word in words)]


class HeaderForm(KeyedNumbers, forms.Form):
    """Everything of a form but its indicators."""

    template = forms.ChoiceField(label=_("版式"), required=False)
    year = forms.IntegerField(label=_("年度"), min_value=1990, max_value=2100)
    name = forms.CharField(label=_("项目名称"), max_length=300)
    department = forms.CharField(label=_("主管部门"), required=False, max_length=200)
    unit = forms.CharField(label=_("实施单位"), required=False, max_length=200, disabled=True)
    offices = forms.CharField(label=_("具体实施处(科室)"), required=False, max_length=300)
    performance_type = forms.CharField(label=_("绩效类型"), required=False, max_length=100)
    currency_unit = forms.ChoiceField(
        label=_("金额单位"), choices=[("元", _("元")), ("万元", _("万元"))]
    )
    initial_budget = NumberField(label=_("年初预算数"))
    budget = NumberField(label=_("全年预算数"))
    total_budget = NumberField(label=_("项目总预算"))
    executed = NumberField(label=_("全年执行数"))
    previous_budget = NumberField(label=_("上年预算数"))
    previous_executed = NumberField(label=_("上年执行数"))
    execution_rate = NumberField(label=_("执行率(%)"))
    execution_weight = NumberField(label=_("执行率分值"))
    execution_score = NumberField(label=_("执行率得分"))
    overall = prose(_("总体目标 / 预期目标"))
    annual = prose(_("年度绩效目标"))
    achieved = prose(_("实际完成情况"))
    total_score = NumberField(label=_("总分"))
    # A choice of the rule set's words; any word is accepted (a printed 优秀, another tool's).
    grade = forms.CharField(label=_("绩效等级"), required=False, max_length=20, widget=forms.Select)
    achievements = prose(_("主要绩效"))
    problems = prose(_("主要问题"))
    improvements = prose(_("改进措施"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, kind: str, current: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._key_numbers()
        self.kind = kind
        self.fields["template"].choices = template_choices(kind, current)
        layout = self.data.get("template", current) if self.is_bound else current
        self.fields["grade"].widget.choices = grade_choices(layout, self["grade"].value())

    def clean_template(self) -> str | None:
        """A layout id, or None for a form whose layout was not recognised (only such a form)."""
        value = self.cleaned_data.get("template") or None
        if value is None and "" not in dict(self.fields["template"].choices):
            raise forms.ValidationError(_("请选择版式"))
        return value


class IndicatorForm(KeyedNumbers, forms.Form):
    """One indicator row."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._key_numbers()

    level1 = forms.CharField(label=_("一级指标"), required=False, max_length=100)
    level2 = forms.CharField(label=_("二级指标"), required=False, max_length=100)
    name = forms.CharField(label=_("三级指标"), required=False, max_length=300)
    explanation = forms.CharField(label=_("指标解释"), required=False, max_length=2000)
    target = forms.CharField(label=_("指标值"), required=False, max_length=500)
    actual = forms.CharField(label=_("实际完成值"), required=False, max_length=500)
    weight = NumberField(label=_("分值"))
    score = NumberField(label=_("得分"))
    deviation = LongText(
        label=_("偏差原因及改进措施"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(label=_("备注"), required=False, max_length=2000)


IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=0, can_delete=True, can_order=True)


def header_initial(data: dict[str, Any]) -> dict[str, Any]:
    """Initial values of the header form from a canonical form."""
    initial = {"template": data.get("template"), "year": data.get("year")}
    for section, names in (
        ("project", PROJECT_FIELDS),
        ("funds", FUNDS_FIELDS),
        ("goals", GOALS_FIELDS),
        ("narrative", NARRATIVE_FIELDS),
    ):
        initial.update({n: (data.get(section) or {}).get(n) for n in names})
    initial["currency_unit"] = (data.get("funds") or {}).get("currency_unit") or "元"
    initial.update(total_score=data.get("total_score"), grade=data.get("grade"))
    return initial


def _ordered_rows(formset: forms.BaseFormSet, stored: list[Any]) -> list[dict[str, Any]]:
    rows = [
        f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]
    rows.sort(key=lambda r: (r.get("ORDER") is None, r.get("ORDER") or 0))
    typed = [{k: (row.get(k) or None) for k in INDICATOR_KEYS} for row in rows]
    # Rows move, so a text is compared with the stored texts of its column, not of its place.
    texts: dict[str, list[str]] = {}
    for row in stored:
        for key, value in row.items() if isinstance(row, dict) else ():
            if isinstance(value, str):
                texts.setdefault(key, []).append(value)
    for row in typed:
        for key, value in row.items():
            row[key] = next((s for s in texts.get(key, ()) if kept(value, s) is s), value)
    return [row for row in typed if any(row.values())]  # a row with nothing typed is no indicator


def assemble(
    base: dict[str, Any], header: dict[str, Any], formset: forms.BaseFormSet, unit: str
) -> dict[str, Any]:
    """The canonical form from the cleaned entry forms, over what ``base`` already held."""
    data = dict(base)
    data.update(schema="jixiao/form@1", template=header["template"], year=header["year"])

    def section(name: str, fields: tuple[str, ...]) -> dict[str, Any]:
        stored = base.get(name) or {}
        return {n: kept(header.get(n) or None, stored.get(n)) for n in fields}

    data["project"] = {**(base.get("project") or {}), **section("project", PROJECT_FIELDS)}
    data["project"]["unit"] = unit
    funds = {**(base.get("funds") or {}), **{n: header.get(n) for n in FUNDS_FIELDS}}
    funds["currency_unit"] = header.get("currency_unit")
    data["funds"] = funds
    data["goals"] = section("goals", GOALS_FIELDS)
    data["narrative"] = section("narrative", NARRATIVE_FIELDS)
    grade = kept(header.get("grade") or None, base.get("grade"))
    data.update(total_score=header.get("total_score"), grade=grade)
    data["indicators"] = _ordered_rows(formset, base.get("indicators") or [])
    levels = []
    for row in data["indicators"]:
        if row["level1"] and row["level1"] not in levels:
            levels.append(row["level1"])
    printed = {g["name"]: g for g in base.get("groups") or [] if isinstance(g, dict)}
    data["groups"] = [printed.get(name) or {"name": name, "weight": None} for name in levels]
    return data


def to_core(data: dict[str, Any], header_form: forms.Form) -> Form | None:
    """Decode the assembled form; put any problem back on the header form as an error."""
    try:
        return decode_form(data, document="entry")
    except FormDecodeError as exc:
        for finding in exc.findings:
            header_form.add_error(None, in_language(finding.message_zh, finding.message_en))
        return None
