"""Reading ``jixiao/form@1`` JSON into a ``Form``, collecting every problem with its JSON path.

``decode_form`` either returns the form or raises ``FormDecodeError`` carrying all the
problems found (not just the first) as findings in Chinese and English.
"""

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from jixiao.core.dates import FormDate, Month, parse_form_date
from jixiao.core.findings import Finding, Location, Severity
from jixiao.core.formkeys import (
    COMPONENT_KEYS,
    CURRENCY_UNITS,
    FORM_KEYS,
    FUNDS_AMOUNTS,
    FUNDS_KEYS,
    GOALS_KEYS,
    GROUP_KEYS,
    INDICATOR_KEYS,
    INDICATOR_TEXT,
    NARRATIVE_KEYS,
    PROJECT_KEYS,
    PROJECT_PROSE,
    PROJECT_TEXT,
    SOURCE_KEYS,
)
from jixiao.core.limits import problem as out_of_range
from jixiao.core.model import (
    FORM_SCHEMA,
    Component,
    Form,
    FormKind,
    Funds,
    FundSource,
    Goals,
    Group,
    Indicator,
    Narrative,
    Project,
)
from jixiao.core.numbers import NotANumberError, to_decimal, to_text

# No amount, weight or score on a form reaches this; a larger number is a typing slip.
LARGEST_NUMBER = Decimal(10) ** 15
# Nor prints this many decimals (``1e-999999999`` would be a billion digits written out).
MOST_PLACES = 30
# How much of a refused value a message repeats.
ECHOED = 40


def _echo(value: Any, zh: bool = False) -> str:
    """A refused value as a message shows it (“…” in Chinese, ``repr`` in English), cut short."""
    text = str(value) if zh else repr(str(value) if isinstance(value, Decimal) else value)
    if len(text) > ECHOED:
        text = f"{text[: ECHOED - 1]}…"
    return f"“{text}”" if zh else text


class FormDecodeError(ValueError):
    """Input that is not a valid canonical form; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("; ".join(f"{f.location.path}: {f.message_en}" for f in findings))


def good_year(year: Any) -> bool:
    """A form's ``year``: null or a whole year after 1900 and before 2200."""
    return year is None or (
        isinstance(year, int) and not isinstance(year, bool) and 1900 < year < 2200
    )


def _plausible(number: Decimal) -> bool:
    exponent = number.as_tuple().exponent
    return abs(number) < LARGEST_NUMBER and isinstance(exponent, int) and exponent >= -MOST_PLACES


def decode_problem(document: str | None, form: int | None, path: str, zh: str, en: str) -> Finding:
    """A problem of the input JSON, as a ``bad-form-json`` finding at ``path``."""
    return Finding(
        code="bad-form-json",
        severity=Severity.ERROR,
        location=Location(document=document, form=form, path=path or "$"),
        message_zh=zh,
        message_en=en,
        basis="SPEC §2 canonical form jixiao/form@1",
    )


class _Reader:
    """Reads one form's JSON, collecting problems instead of stopping at the first."""

    def __init__(self, document: str | None, form_index: int | None) -> None:
        self.document = document
        self.form_index = form_index
        self.problems: list[Finding] = []

    def fail(self, path: str, zh: str, en: str) -> None:
        self.problems.append(decode_problem(self.document, self.form_index, path, zh, en))

    def obj(self, data: Any, path: str, keys: tuple[str, ...], required: tuple[str, ...] = ()):
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.fail(
                path, f"应为对象，实为 {_kind(data)}", f"expected an object, got {_kind(data)}"
            )
            return {}
        for key in data:
            if key not in keys:
                self.fail(
                    _join(path, key),
                    f"未知字段“{key}”（可用字段：{'、'.join(keys)}）",
                    f"unknown key {key!r} (known keys: {', '.join(keys)})",
                )
        for key in required:
            if key not in data:
                self.fail(_join(path, key), f"缺少必填字段“{key}”", f"missing required key {key!r}")
        return data

    def text(self, data: dict, key: str, path: str) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return to_text(Decimal(value))
        self.fail(
            _join(path, key), f"应为文本，实为 {_kind(value)}", f"expected text, got {_kind(value)}"
        )
        return None

    def amount(self, data: dict, key: str, path: str) -> Decimal | None:
        return self.number(data.get(key), _join(path, key))

    def number(self, value: Any, where: str) -> Decimal | None:
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal, type(None))):
            self.fail(
                where,
                f'应为数字文本（如 "506745.04"），实为 {_kind(value)}',
                f'expected a number as text (like "506745.04"), got {_kind(value)}',
            )
            return None
        try:
            number = to_decimal(value)
        except NotANumberError:
            self.fail(where, f"{_echo(value, zh=True)}不是数字", f"{_echo(value)} is not a number")
            return None
        if number is not None and not _plausible(number):
            self.fail(
                where,
                f"{_echo(value, zh=True)}超出可能的范围（应小于 10^15，小数不超过 {MOST_PLACES} 位）",
                f"{_echo(value)} is out of any plausible range"
                f" (must be below 10^15, with at most {MOST_PLACES} decimals)",
            )
            return None
        if number is not None and (limit := out_of_range(where, number)):  # jixiao.core.limits
            self.fail(where, f"{_echo(value, zh=True)}：{limit[0]}", f"{_echo(value)}: {limit[1]}")
            return None
        return number

    def flag(self, data: dict, key: str, path: str) -> bool | None:
        value = data.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.fail(_join(path, key), "应为 true、false 或 null", "expected true, false or null")
        return None

    def day(self, data: dict, key: str, path: str) -> FormDate | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return parse_form_date(value) if isinstance(value, str) else _raise()
        except ValueError:
            self.fail(
                _join(path, key),
                f"“{value}”不是 ISO 日期（如 2020-03-15）或月份（如 2020-03）",
                f"{value!r} is not an ISO date (like 2020-03-15) or month (like 2020-03)",
            )
            return None

    def band(self, data: dict, path: str) -> tuple[Decimal, Decimal] | None:
        value = data.get("band")
        if value is None:
            return None
        if not (isinstance(value, list) and len(value) == 2):
            self.fail(
                _join(path, "band"),
                '分值区间应为两个数字文本的列表（如 ["30", "50"]）',
                'a band must be a list of two numbers as text (like ["30", "50"])',
            )
            return None
        low, high = (self.number(v, f"{_join(path, 'band')}[{i}]") for i, v in enumerate(value))
        if low is None or high is None:
            return None
        if low > high:
            self.fail(
                _join(path, "band"),
                f"分值区间下限 {low} 大于上限 {high}",
                f"the band's lower bound {low} is above its upper bound {high}",
            )
            return None
        return low, high

    def words(self, data: dict, key: str, path: str) -> tuple[str, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        self.fail(_join(path, key), "应为文本列表", "expected a list of texts")
        return None

    def rows(self, data: dict, key: str, path: str, read_row: Callable[[Any, str], Any]) -> tuple:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(
                _join(path, key),
                f"应为列表，实为 {_kind(value)}",
                f"expected a list, got {_kind(value)}",
            )
            return ()
        rows = (read_row(item, f"{_join(path, key)}[{i}]") for i, item in enumerate(value))
        return tuple(row for row in rows if row is not None)


def _raise() -> FormDate:
    raise ValueError


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "boolean",
        int: "number",
        Decimal: "number",
        float: "number",
        str: "text",
        list: "list",
        dict: "object",
    }.get(type(value), type(value).__name__)


def _read_project(r: _Reader, data: Any, path: str) -> Project:
    d = r.obj(data, path, PROJECT_KEYS)
    return Project(
        **{k: r.text(d, k, path) for k in (*PROJECT_TEXT, *PROJECT_PROSE)},
        recurring=r.flag(d, "recurring", path),
        purchases_services=r.flag(d, "purchases_services", path),
        category=r.words(d, "category", path),
        funds_use=r.words(d, "funds_use", path),
        start_date=r.day(d, "start_date", path),
        end_date=r.day(d, "end_date", path),
    )


def _read_source(r: _Reader, data: Any, path: str) -> FundSource | None:
    d = r.obj(data, path, SOURCE_KEYS, required=("name",))
    name = r.text(d, "name", path)
    amounts = {k: r.amount(d, k, path) for k in SOURCE_KEYS[1:]}
    return FundSource(name=name or "", **amounts)


def _read_component(r: _Reader, data: Any, path: str) -> Component:
    d = r.obj(data, path, COMPONENT_KEYS, required=("name",))
    return Component(name=r.text(d, "name", path) or "", amount=r.amount(d, "amount", path))


def _read_funds(r: _Reader, data: Any, path: str) -> Funds:
    d = r.obj(data, path, FUNDS_KEYS)
    unit = r.text(d, "currency_unit", path)
    if unit is not None and unit not in CURRENCY_UNITS:
        r.fail(
            _join(path, "currency_unit"),
            f"金额单位应为“元”或“万元”，实为“{unit}”",
            f"currency unit must be 元 or 万元, got {unit!r}",
        )
    return Funds(
        currency_unit=unit,
        **{k: r.amount(d, k, path) for k in FUNDS_AMOUNTS},
        sources=r.rows(d, "sources", path, lambda x, p: _read_source(r, x, p)),
        components=r.rows(d, "components", path, lambda x, p: _read_component(r, x, p)),
    )


def _read_group(r: _Reader, data: Any, path: str) -> Group:
    d = r.obj(data, path, GROUP_KEYS, required=("name",))
    weight, band = r.amount(d, "weight", path), r.band(d, path)
    if weight is not None and band is not None:
        r.fail(
            _join(path, "weight"),
            "印有分值区间的一级指标没有单一分值：weight 应为 null",
            "a group printed with a band has no single weight: weight must be null",
        )
    return Group(name=r.text(d, "name", path) or "", weight=weight, band=band)


def _read_indicator(r: _Reader, data: Any, path: str) -> Indicator:
    d = r.obj(data, path, INDICATOR_KEYS, required=("level1", "name"))
    return Indicator(
        **{k: r.text(d, k, path) for k in (*INDICATOR_TEXT, "deviation", "note")},
        weight=r.amount(d, "weight", path),
        score=r.amount(d, "score", path),
    )


def _read_header(r: _Reader, d: dict) -> tuple[FormKind | None, str | None, int | None]:
    schema = d.get("schema")
    if "schema" in d and schema != FORM_SCHEMA:
        r.fail(
            "schema",
            f"未知的格式“{schema}”，应为“{FORM_SCHEMA}”",
            f"unknown schema {schema!r}, expected {FORM_SCHEMA!r}",
        )
    kind = None
    try:
        kind = FormKind(d.get("kind"))
    except ValueError:
        if "kind" in d:
            r.fail(
                "kind",
                f"表类型“{d.get('kind')}”无效，应为 target 或 self_evaluation",
                f"kind {d.get('kind')!r} is not target or self_evaluation",
            )
    template = d.get("template")
    if template is not None and not (isinstance(template, str) and template):
        r.fail(
            "template",
            "模板编号应为非空文本或 null",
            "template must be non-empty text or null",
        )
    year = d.get("year")
    if not good_year(year):
        r.fail(
            "year",
            f"年度{_echo(year, zh=True)}无效，应为整数年份（如 2022）或 null",
            f"year {_echo(year)} is not a whole year such as 2022, nor null",
        )
    return (
        kind,
        template if isinstance(template, str) and template else None,
        year if isinstance(year, int) and not isinstance(year, bool) else None,
    )


def decode_form(data: Any, document: str | None = None, form_index: int | None = None) -> Form:
    """Read one ``jixiao/form@1`` object; raise ``FormDecodeError`` listing every problem."""
    r = _Reader(document, form_index)
    d = r.obj(data, "", FORM_KEYS, required=("schema", "kind", "template", "year"))
    kind, template, year = _read_header(r, d)
    form = Form(
        kind=kind or FormKind.TARGET,
        template=template,
        year=year,
        project=_read_project(r, d.get("project"), "project"),
        funds=_read_funds(r, d.get("funds"), "funds"),
        goals=Goals(
            **{
                k: r.text(g, k, "goals")
                for g in [r.obj(d.get("goals"), "goals", GOALS_KEYS)]
                for k in GOALS_KEYS
            }
        ),
        groups=r.rows(d, "groups", "", lambda x, p: _read_group(r, x, p)),
        indicators=r.rows(d, "indicators", "", lambda x, p: _read_indicator(r, x, p)),
        total_score=r.amount(d, "total_score", ""),
        grade=r.text(d, "grade", ""),
        evaluated_on=r.day(d, "evaluated_on", ""),
        narrative=Narrative(
            **{
                k: r.text(n, k, "narrative")
                for n in [r.obj(d.get("narrative"), "narrative", NARRATIVE_KEYS)]
                for k in NARRATIVE_KEYS
            }
        ),
    )
    if r.problems:
        raise FormDecodeError(r.problems)
    return form


# A direct check of a ``Form`` built in memory (an importer's), without writing it as JSON and
# reading it back. It applies the reader's rules (``good_year``, ``_plausible``, the limits,
# ``CURRENCY_UNITS``, ``parse_form_date``) to the typed fields and says only whether the round
# trip would pass: when it says no, or meets a value of an unexpected type, the caller reads
# the round trip's findings (``form_problems``), so the findings stay the reader's own.


def _number_ok(value: Any, key: str) -> bool:
    if value is None:
        return True
    return (
        type(value) is Decimal
        and value.is_finite()
        and _plausible(value)
        and out_of_range(key, value) is None
    )


def _texts_ok(obj: Any, keys: tuple[str, ...]) -> bool:
    for key in keys:
        value = getattr(obj, key)
        if value is not None and type(value) is not str:
            return False
    return True


def _day_ok(value: Any) -> bool:
    if value is None:
        return True
    if type(value) is not date and type(value) is not Month:
        return False
    try:
        parse_form_date(value.isoformat())
    except ValueError:
        return False
    return True


def _words_ok(value: Any) -> bool:
    return value is None or (
        isinstance(value, (tuple, list)) and all(type(v) is str for v in value)
    )


def _flag_ok(value: Any) -> bool:
    return value is None or type(value) is bool


def _group_ok(group: Group) -> bool:
    band = group.band
    if type(group.name) is not str or not _number_ok(group.weight, "weight"):
        return False
    if band is None:
        return True
    return (
        group.weight is None
        and isinstance(band, (tuple, list))
        and len(band) == 2
        and band[0] is not None
        and band[1] is not None
        and _number_ok(band[0], "band")
        and _number_ok(band[1], "band")
        and band[0] <= band[1]
    )


_INDICATOR_TEXTS = (*INDICATOR_TEXT, "deviation", "note")


def _project_ok(p: Project) -> bool:
    return (
        _texts_ok(p, PROJECT_TEXT)
        and _texts_ok(p, PROJECT_PROSE)
        and _flag_ok(p.recurring)
        and _flag_ok(p.purchases_services)
        and _words_ok(p.category)
        and _words_ok(p.funds_use)
        and _day_ok(p.start_date)
        and _day_ok(p.end_date)
    )


def _funds_ok(f: Funds) -> bool:
    unit = f.currency_unit
    if unit is not None and (type(unit) is not str or unit not in CURRENCY_UNITS):
        return False
    return (
        all(_number_ok(getattr(f, k), k) for k in FUNDS_AMOUNTS)
        and all(
            type(s.name) is str and all(_number_ok(getattr(s, k), k) for k in SOURCE_KEYS[1:])
            for s in f.sources
        )
        and all(type(c.name) is str and _number_ok(c.amount, "amount") for c in f.components)
    )


def _indicator_ok(i: Indicator) -> bool:
    return (
        _texts_ok(i, _INDICATOR_TEXTS)
        and _number_ok(i.weight, "weight")
        and _number_ok(i.score, "score")
    )


def plainly_valid(form: Form) -> bool:
    """Whether ``decode_form(encode_form(form))`` would pass, checked on the fields directly.

    ``False`` also for a value of a type no importer writes: the round trip then decides.
    """
    template = form.template
    return (
        isinstance(form.kind, FormKind)
        and good_year(form.year)
        and (template is None or (type(template) is str and template != ""))
        and _project_ok(form.project)
        and _funds_ok(form.funds)
        and all(_group_ok(g) for g in form.groups)
        and all(_indicator_ok(i) for i in form.indicators)
        and _texts_ok(form.goals, GOALS_KEYS)
        and _texts_ok(form.narrative, NARRATIVE_KEYS)
        and _number_ok(form.total_score, "total_score")
        and (form.grade is None or type(form.grade) is str)
        and _day_ok(form.evaluated_on)
    )
