"""``jixiao/form@1`` JSON ⇄ ``Form``.

Reading is in ``formreader`` (``decode_form``, ``FormDecodeError``), the keys in ``formkeys``;
this module writes forms (``encode_form``: every key in SPEC order, so a gold form read and
written back gives the same JSON) and reads whole documents (``load_document``: one form, a
``jixiao/parse@1`` object, or a list of them).
"""

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from jixiao.core.dates import FormDate
from jixiao.core.findings import Finding
from jixiao.core.formkeys import (
    FUNDS_AMOUNTS,
    GOALS_KEYS,
    INDICATOR_KEYS,
    NARRATIVE_KEYS,
    PROJECT_KEYS,
    SOURCE_KEYS,
)
from jixiao.core.formreader import FormDecodeError, decode_form, decode_problem
from jixiao.core.model import FORM_SCHEMA, Form, Group
from jixiao.core.numbers import to_text

__all__ = [
    "FUNDS_AMOUNTS",
    "INDICATOR_KEYS",
    "PARSE_SCHEMA",
    "FormDecodeError",
    "decode_form",
    "encode_form",
    "form_objects",
    "load_document",
    "parse_json_text",
]

PARSE_SCHEMA = "jixiao/parse@1"


def _iso(value: FormDate | None) -> str | None:
    return value.isoformat() if value else None


def _group(group: Group) -> dict[str, Any]:
    """A group as JSON; ``band`` only where a point range was printed."""
    data: dict[str, Any] = {"name": group.name, "weight": to_text(group.weight)}
    if group.band is not None:
        data["band"] = [to_text(bound) for bound in group.band]
    return data


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
        "groups": [_group(g) for g in form.groups],
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


# Longer integers are kept as exact ``Decimal``s (Python's ``int()`` refuses over 4,300 digits),
# so the form reader can refuse them at their path as it refuses any implausible number.
LONGEST_INT = 4000


def _integer(text: str) -> int | Decimal:
    return int(text) if len(text) <= LONGEST_INT else Decimal(text)


def _not_json(document: str | None, zh: str, en: str) -> FormDecodeError:
    return FormDecodeError([decode_problem(document, None, "$", zh, en)])


def parse_json_text(text: str, document: str | None = None) -> Any:
    """Parse JSON keeping numbers exact (``Decimal``); bad JSON raises ``FormDecodeError``.

    Nesting deeper than the interpreter can follow and exponents beyond ``Decimal``'s range are
    bad JSON too, reported at ``$``.
    """
    try:
        return json.loads(text, parse_float=Decimal, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise _not_json(
            document,
            f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列，{exc.msg}",
            f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}",
        ) from None
    except RecursionError:
        raise _not_json(
            document,
            "JSON 嵌套层次过深，无法读取（规范表只有几层）",
            "JSON nested too deeply to read (a canonical form is a few levels deep)",
        ) from None
    except InvalidOperation:
        raise _not_json(
            document,
            "JSON 中有数字的指数超出范围（如 1e999999999999999999）",
            "a number in the JSON has an exponent out of range (like 1e999999999999999999)",
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
                decode_problem(
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
            decode_problem(
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
    data = parse_json_text(text, document)
    try:
        objects = form_objects(data, document)
    except RecursionError:  # lists nested within lists, nearly as deep as JSON can go
        raise _not_json(
            document, "列表嵌套层次过深，无法读取", "lists nested too deeply to read"
        ) from None
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
