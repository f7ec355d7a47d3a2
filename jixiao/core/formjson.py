"""``jixiao/form@1`` JSON ⇄ ``Form``.

``decode_form`` reads one form and either returns it or raises ``FormDecodeError`` carrying
every problem found (not just the first) as findings that name the JSON path, in Chinese
and English. ``encode_form`` writes every key in SPEC order, so a gold form read and written
back gives the same JSON. ``load_document`` reads a file's text in any of the accepted
shapes: one form, a ``jixiao/parse@1`` object, or a list of them.
"""

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from jixiao.core.findings import Finding, Location, Severity
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

PARSE_SCHEMA = "jixiao/parse@1"

PROJECT_TEXT = ("name", "department", "unit", "offices", "performance_type")
PROJECT_PROSE = ("overview", "basis", "necessity", "safeguards", "plan")
PROJECT_KEYS = (
    *PROJECT_TEXT[:4],
    "recurring",
    "category",
    "funds_use",
    "performance_type",
    "purchases_services",
    "start_date",
    "end_date",
    *PROJECT_PROSE,
)
FUNDS_AMOUNTS = (
    "initial_budget",
    "budget",
    "total_budget",
    "executed",
    "previous_budget",
    "previous_executed",
    "execution_rate",
    "execution_weight",
    "execution_score",
)
FUNDS_KEYS = ("currency_unit", *FUNDS_AMOUNTS, "sources", "components")
SOURCE_KEYS = ("name", "initial_budget", "budget", "executed")
COMPONENT_KEYS = ("name", "amount")
GOALS_KEYS = ("overall", "annual", "achieved")
GROUP_KEYS = ("name", "weight")
INDICATOR_TEXT = ("level1", "level2", "name", "explanation", "target", "actual")
INDICATOR_KEYS = (*INDICATOR_TEXT, "weight", "score", "deviation", "note")
NARRATIVE_KEYS = ("achievements", "problems", "improvements")
FORM_KEYS = (
    "schema",
    "kind",
    "template",
    "year",
    "project",
    "funds",
    "goals",
    "groups",
    "indicators",
    "total_score",
    "grade",
    "evaluated_on",
    "narrative",
)
CURRENCY_UNITS = ("元", "万元")


class FormDecodeError(ValueError):
    """Input that is not a valid canonical form; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("; ".join(f"{f.location.path}: {f.message_en}" for f in findings))


def _problem(document: str | None, form: int | None, path: str, zh: str, en: str) -> Finding:
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
        self.problems.append(_problem(self.document, self.form_index, path, zh, en))

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
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal, type(None))):
            self.fail(
                _join(path, key),
                f'应为数字文本（如 "506745.04"），实为 {_kind(value)}',
                f'expected a number as text (like "506745.04"), got {_kind(value)}',
            )
            return None
        try:
            return to_decimal(value)
        except NotANumberError:
            self.fail(
                _join(path, key),
                f"“{value}”不是数字",
                f"{value!r} is not a number",
            )
            return None

    def flag(self, data: dict, key: str, path: str) -> bool | None:
        value = data.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.fail(_join(path, key), "应为 true、false 或 null", "expected true, false or null")
        return None

    def day(self, data: dict, key: str, path: str) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(value) if isinstance(value, str) else _raise()
        except ValueError:
            self.fail(
                _join(path, key),
                f"“{value}”不是 ISO 日期（如 2020-03-15）",
                f"{value!r} is not an ISO date (like 2020-03-15)",
            )
            return None

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


def _raise() -> date:
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
    return Group(name=r.text(d, "name", path) or "", weight=r.amount(d, "weight", path))


def _read_indicator(r: _Reader, data: Any, path: str) -> Indicator:
    d = r.obj(data, path, INDICATOR_KEYS, required=("level1", "name"))
    return Indicator(
        **{k: r.text(d, k, path) for k in (*INDICATOR_TEXT, "deviation", "note")},
        weight=r.amount(d, "weight", path),
        score=r.amount(d, "score", path),
    )


def _read_header(r: _Reader, d: dict) -> tuple[FormKind | None, str, int]:
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
    if "template" in d and not (isinstance(template, str) and template):
        r.fail("template", "模板编号应为非空文本", "template must be non-empty text")
    year = d.get("year")
    if "year" in d and not (
        isinstance(year, int) and not isinstance(year, bool) and 1900 < year < 2200
    ):
        r.fail(
            "year",
            f"年度“{year}”无效，应为整数年份（如 2022）",
            f"year {year!r} is not a whole year such as 2022",
        )
    return kind, template if isinstance(template, str) else "", year if isinstance(year, int) else 0


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


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _list(value: tuple[str, ...] | None) -> list[str] | None:
    return list(value) if value is not None else None


def encode_form(form: Form) -> dict[str, Any]:
    """Write a form as ``jixiao/form@1``: every key, in SPEC order, numbers as text."""
    p, f = form.project, form.funds
    return {
        "schema": FORM_SCHEMA,
        "kind": str(form.kind),
        "template": form.template,
        "year": form.year,
        "project": {
            **{k: getattr(p, k) for k in PROJECT_KEYS},
            "category": _list(p.category),
            "funds_use": _list(p.funds_use),
            "start_date": _iso(p.start_date),
            "end_date": _iso(p.end_date),
        },
        "funds": {
            "currency_unit": f.currency_unit,
            **{k: to_text(getattr(f, k)) for k in FUNDS_AMOUNTS},
            "sources": [
                {"name": s.name, **{k: to_text(getattr(s, k)) for k in SOURCE_KEYS[1:]}}
                for s in f.sources
            ],
            "components": [{"name": c.name, "amount": to_text(c.amount)} for c in f.components],
        },
        "goals": {k: getattr(form.goals, k) for k in GOALS_KEYS},
        "groups": [{"name": g.name, "weight": to_text(g.weight)} for g in form.groups],
        "indicators": [
            {
                **{k: getattr(i, k) for k in INDICATOR_KEYS},
                "weight": to_text(i.weight),
                "score": to_text(i.score),
            }
            for i in form.indicators
        ],
        "total_score": to_text(form.total_score),
        "grade": form.grade,
        "evaluated_on": _iso(form.evaluated_on),
        "narrative": {k: getattr(form.narrative, k) for k in NARRATIVE_KEYS},
    }


def parse_json_text(text: str, document: str | None = None) -> Any:
    """Parse JSON keeping numbers exact (``Decimal``); bad JSON raises ``FormDecodeError``."""
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise FormDecodeError(
            [
                _problem(
                    document,
                    None,
                    "$",
                    f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列，{exc.msg}",
                    f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}",
                )
            ]
        ) from None


def form_objects(data: Any, document: str | None = None) -> list[Any]:
    """The form objects inside a parsed document: one form, a parse@1 object, or a list."""
    if isinstance(data, list):
        return [obj for item in data for obj in form_objects(item, document)]
    if isinstance(data, dict) and data.get("schema") == PARSE_SCHEMA:
        forms = data.get("forms")
        if isinstance(forms, list):
            return forms
        raise FormDecodeError(
            [
                _problem(
                    document,
                    None,
                    "forms",
                    "parse@1 对象缺少 forms 列表",
                    "a parse@1 object needs a list under 'forms'",
                )
            ]
        )
    if isinstance(data, dict) and data.get("schema", FORM_SCHEMA) == FORM_SCHEMA:
        return [data]
    schema = data.get("schema") if isinstance(data, dict) else None
    raise FormDecodeError(
        [
            _problem(
                document,
                None,
                "schema",
                f"无法识别的文档：schema 为“{schema}”，应为 {FORM_SCHEMA} 或 {PARSE_SCHEMA}",
                f"unrecognised document: schema {schema!r}, expected {FORM_SCHEMA} or {PARSE_SCHEMA}",
            )
        ]
    )


def load_document(text: str, document: str | None = None) -> list[Form]:
    """Read every form in a JSON document; all problems of all forms are raised together."""
    objects = form_objects(parse_json_text(text, document), document)
    forms: list[Form] = []
    problems: list[Finding] = []
    for index, obj in enumerate(objects):
        try:
            forms.append(decode_form(obj, document, index))
        except FormDecodeError as exc:
            problems.extend(exc.findings)
    if problems:
        raise FormDecodeError(problems)
    return forms
