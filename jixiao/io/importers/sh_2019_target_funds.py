"""The funds lines of a sh-2019-target form.

Printed as ``项目总预算（元） 2665500 项目当年预算（元） 2665500``, then
``同名项目上年预算额（元） 2400000`` and ``同名项目上年预算执行数`` whose ``（元）`` and
value fall on later lines, then the 子项目名称 / 预算金额 table (``name amount`` rows,
printed anywhere among the other funds lines). Labels and amounts are read as one
stream: each amount goes to the earliest label still waiting for one.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.model import Component, Funds
from jixiao.io.importers import sh_2019_target_vocab as vocab
from jixiao.io.importers.sh_2019_target_form import FormText
from jixiao.io.importers.sh_2019_target_lines import Line, join_wrapped
from jixiao.io.text import amount

_AMOUNT = r"-?\d[\d,]*(?:\.\d+)?"
_WORDS = [
    *vocab.FUNDS_LABELS,
    *vocab.COMPONENT_LABELS,
    *vocab.WRAPPED_PIECES["项目当年投入资金构成"],
]
_LABELS = "|".join(re.escape(label) for label in sorted(set(_WORDS), key=len, reverse=True))
_TOKEN = re.compile(rf"(?P<label>{_LABELS})|(?P<unit>[（(]万?元[)）])|(?P<amount>{_AMOUNT})")
_COMPONENT = re.compile(rf"^(?P<name>\S.*?)\s+(?P<amount>{_AMOUNT})$")


@dataclass
class _Stream:
    """What the funds lines gave so far."""

    values: dict[str, Decimal | None] = field(default_factory=dict)
    waiting: list[str] = field(default_factory=list)
    unit: str | None = None
    components: list[Component] = field(default_factory=list)


def starts_funds(line: Line) -> bool:
    """Whether a line opens the funds lines (a funds label first)."""
    return line.key.startswith(tuple(vocab.FUNDS_LABELS))


def _tokens(line: Line) -> list[tuple[str, str]] | None:
    """``(kind, text)`` for a line made of funds labels, units and amounts only; else None."""
    key = line.key
    out = []
    position = 0
    for match in _TOKEN.finditer(key):
        if match.start() != position:
            return None
        kind = match.lastgroup or ""
        out.append((kind, match[kind]))
        position = match.end()
    return out if position == len(key) and out else None


def _component(line: Line) -> tuple[str, str] | None:
    """``(name, amount)`` of a 子项目 row printed as ``name amount``."""
    match = _COMPONENT.match(line.text)
    if not match or _tokens(line) is not None:
        return None
    return match["name"], match["amount"]


def _wrapped_name(lines: list[Line], i: int) -> int:
    """How many lines from ``i`` print a 子项目 name wrapped above its ``name amount`` line.

    The name lines share the row's paragraph, at most two; 0 if line ``i`` starts none.
    """
    for j in range(i + 1, min(i + 3, len(lines))):
        if lines[j].para != lines[i].para or _tokens(lines[j]) is not None:
            return 0
        if _component(lines[j]) is not None:
            return j - i
    return 0


def funds_end(lines: list[Line], start: int) -> int:
    """Index after the last funds line from ``start`` on (labels, amounts, 子项目 rows)."""
    i = start
    while i < len(lines):
        if _tokens(lines[i]) is not None or _component(lines[i]) is not None:
            i += 1
        elif count := _wrapped_name(lines, i):
            i += count
        else:
            break
    return i


def read_funds(form: FormText, lines: list[Line]) -> Funds:
    """The funds of the lines ``funds_end`` delimited."""
    stream = _Stream()
    pending: list[Line] = []
    for line in lines:
        tokens = _tokens(line)
        if tokens is not None:
            _read_tokens(form, line, tokens, stream)
            continue
        row = _component(line)
        if row is None:
            pending.append(line)  # a wrapped name: its row follows
            continue
        name_lines = [p for p in pending if p.para == line.para]
        name = join_wrapped([*(p.text for p in name_lines), row[0]])
        stream.components.append(Component(name, amount(row[1])))
        form.take([*name_lines, line])
        pending = []
    return Funds(
        currency_unit=stream.unit,
        components=tuple(stream.components),
        **stream.values,
    )


def _read_tokens(
    form: FormText, line: Line, tokens: list[tuple[str, str]], stream: _Stream
) -> None:
    placed = True
    for kind, text in tokens:
        if kind == "label" and text in vocab.FUNDS_LABELS:
            stream.waiting.append(vocab.FUNDS_LABELS[text])
        elif kind == "unit":
            stream.unit = stream.unit or ("万元" if "万" in text else "元")
        elif kind == "amount":
            if stream.waiting:
                stream.values[stream.waiting.pop(0)] = amount(text)
            else:
                placed = False  # an amount no label waits for: left to be reported
    if placed:
        form.take([line])
