"""The funds block: a header naming budget columns, then a total row and source rows.

The header row names at least two funds columns (年初预算数, 全年预算数(A), 调整后预算数 …);
each row below is labelled by a funds row name (年度资金总额 / 总额 for the total, 本年财政拨款,
财政资金 … for a source, ``其中：`` dropped) and gives an amount under each column. The first
row with no funds row label ends the block. The currency unit is the one the block prints
(``项目资金（万元）``, ``单位：元``).
"""

import re
from dataclasses import dataclass, field, fields
from decimal import Decimal

from jixiao.core.model import Component, Funds, FundSource
from jixiao.io.document import Block, Ledger
from jixiao.io.text import amount, clean, is_amount
from jixiao.io.vocabulary import Vocabulary

COLUMNS = "funds.columns"
_UNIT_ONLY = re.compile(r"^[(（]\s*(万元|元)\s*[)）]$")
_CURRENCY = re.compile(r"(万元|元)\s*[)）]?\s*$")
_SOURCE_PREFIX = re.compile(r"^\s*其中\s*[:：]?\s*")
TOTAL_FIELDS = frozenset(f.name for f in fields(Funds)) - {"currency_unit", "sources", "components"}


@dataclass
class FundsReading:
    """What a funds block gave."""

    totals: dict[str, Decimal] = field(default_factory=dict)
    sources: list[FundSource] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)
    currency: str | None = None
    numbered: bool = False  # its sources are numbered (一、二、): unnumbered lines are parts
    unknown: list[str] = field(default_factory=list)  # headings of columns with no funds field
    tabled: bool = False  # read under a header of funds columns (its unit then expected)

    def funds(self, currency: str | None = None) -> Funds:
        """The canonical funds of the block; ``currency`` when the block prints none."""
        values = {k: v for k, v in self.totals.items() if k in TOTAL_FIELDS}
        unit = self.currency or currency
        return Funds(
            currency_unit=unit,
            sources=tuple(self.sources),
            components=tuple(self.components),
            **values,
        )


def columns_of(block: Block, vocab: Vocabulary) -> dict[int, str]:
    """Cell index → funds field of a row naming funds columns (first of each field)."""
    found: dict[int, str] = {}
    for i, text in block.filled:
        name = vocab.field(COLUMNS, text)
        if name and name not in found.values():
            found[i] = name
    return found


def is_funds_header(block: Block, vocab: Vocabulary) -> bool:
    """Whether a row names the funds columns of a table.

    Two or more funds columns, one of them a budget or spending, or one after the block's
    label (年度预算（万元） | 资金总额 | …). A row that also prints amounts is a line of label
    and amount pairs, not a header.
    """
    filled = block.filled
    fields = set(columns_of(block, vocab).values())
    if not fields & {"initial_budget", "budget", "executed"}:
        return False
    labelled = bool(filled) and vocab.field("funds", filled[0][1]) == "block"
    if len(fields) < (1 if labelled else 2):
        return False
    empty = vocab.words("furniture", "empty")
    return not any(is_amount(t) and t not in empty for _, t in filled)


def currency_in(text: str) -> str | None:
    """``项目资金（万元）`` → 万元; ``单位：元`` → 元; None when no unit is printed."""
    text = "".join(text.split()).rstrip(":：")
    match = _CURRENCY.search(text)
    if match and ("(" in text or "（" in text or "单位" in text):
        return match[1]
    return None


def read_funds(
    blocks: list[Block], at: int, vocab: Vocabulary, ledger: Ledger
) -> tuple[FundsReading, int]:
    """Read the block whose header is ``blocks[at]``; the reading and the index after it."""
    header = blocks[at]
    columns = columns_of(header, vocab)
    reading = FundsReading(tabled=True)
    _take_block_labels(header, vocab, ledger, reading)
    unknown = {}
    for i, text in header.filled:
        if i in columns or vocab.is_label(text):
            ledger.take(header, i)
        elif not ledger.is_taken(header, i):
            unknown[i] = text  # reported; its values are left for the leftovers
            ledger.take(header, i)
    stop = at + 1
    if stop < len(blocks) and (below := _sub_header(blocks[stop], vocab)):
        columns.update(below)  # 预算数 over 年初预算数 | 全年预算数: the sub-headings name them
        ledger.take(blocks[stop])
        unknown = {i: t for i, t in unknown.items() if i not in below}
        stop += 1
    reading.unknown = list(unknown.values())
    while stop < len(blocks):
        block = blocks[stop]
        if not block.blank and not _read_row(block, columns, vocab, ledger, reading):
            if not _block_labels_only(block, vocab):
                break
            _take_block_labels(block, vocab, ledger, reading)
        stop += 1
    return reading, stop


def _values_row(
    block: Block, columns: dict[int, str], vocab: Vocabulary, ledger: Ledger, reading: FundsReading
) -> bool:
    """The amounts under a header whose rows have no label: the block's totals."""
    if reading.totals or reading.sources:
        return False
    values = {
        field: value
        for i, field in columns.items()
        if i < len(block.texts) and (value := amount(block.texts[i])) is not None
    }
    if not values:
        return False
    for i in columns:
        ledger.take(block, i)
    _take_block_labels(block, vocab, ledger, reading)
    reading.totals = values
    return True


def _sub_header(block: Block, vocab: Vocabulary) -> dict[int, str]:
    """The funds columns a second header row names (its other cells repeat the first's)."""
    own = [(i, t) for i, t in block.filled if block.cells[i].copy_of is None]
    found = {i: f for i, t in own if (f := vocab.field(COLUMNS, t))}
    return found if found and len(found) == len(own) else {}


def _is_block_label(text: str, vocab: Vocabulary) -> bool:
    """The block's label (项目资金（万元）, 项目资金), a unit cell (（万元）, 单位：元)."""
    return bool(
        vocab.field("funds", text)
        or vocab.field("funds", f"单位:{currency_in(text)}")
        or _UNIT_ONLY.match(text.strip())
    )


def _block_labels_only(block: Block, vocab: Vocabulary) -> bool:
    """A row printing only the block's merged label, or a piece of it."""
    return all(_is_block_label(t, vocab) for _, t in block.filled)


def _take_block_labels(block: Block, vocab: Vocabulary, ledger: Ledger, reading: FundsReading):
    """The block's own label (项目资金（万元）) and a unit cell: taken, the unit kept."""
    for i, text in block.filled:
        if _is_block_label(text, vocab):
            ledger.take(block, i)
            unit = _UNIT_ONLY.match(text.strip())
            reading.currency = reading.currency or currency_in(text) or (unit and unit[1])


def _row_label(block: Block, vocab: Vocabulary) -> tuple[int, str, str] | None:
    """``(cell, row kind, name)`` of the row's label: total or a source (其中： dropped)."""
    for i, text in block.filled:
        if block.cells[i].copy_of is not None:
            continue
        name = _SOURCE_PREFIX.sub("", text).rstrip(":：")
        kind = vocab.field("funds.rows", name)
        if kind:
            return i, kind, clean(name) or name
        if not _is_block_label(text, vocab):
            return None
    return None


def _after_label(columns: dict[int, str], label: int) -> dict[int, str]:
    """A row's amounts stand after its label: columns named before it are moved right.

    Plain text prints the header without the label's cell: ``年初预算数 全年预算数 …`` over
    ``年度资金总额 86.40 92.16 …``.
    """
    first = min(columns, default=label + 1)
    if first > label:
        return columns
    return {i + label + 1 - first: name for i, name in columns.items()}


def _read_row(
    block: Block, columns: dict[int, str], vocab: Vocabulary, ledger: Ledger, reading: FundsReading
) -> bool:
    """One total or source row; False when the row is not part of the funds block."""
    label = _row_label(block, vocab)
    if label is None:
        return _values_row(block, columns, vocab, ledger, reading)
    at, kind, name = label
    ledger.take(block, at)
    _take_block_labels(block, vocab, ledger, reading)
    columns = _after_label(columns, at)
    empty = vocab.words("furniture", "empty")
    values: dict[str, Decimal] = {}
    for i, column in columns.items():
        text = block.texts[i] if i < len(block.texts) else ""
        if text and is_amount(text):
            ledger.take(block, i)
            value = amount(text)
            if value is not None:
                values[column] = value
        elif text in empty:
            ledger.take(block, i)
    if kind == "total" and not reading.totals:
        reading.totals = values
    else:
        reading.sources.append(
            FundSource(
                name, values.get("initial_budget"), values.get("budget"), values.get("executed")
            )
        )
    return True


_NUMBERED = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")
_GLUED_UNIT = re.compile(r"^(.*?\d)\s*(万元|元)$")
LINE_FIELDS = frozenset(
    {"initial_budget", "budget", "total_budget", "executed", "execution_rate"}
    | {"previous_budget", "previous_executed"}
)


def _amount_with_unit(text: str) -> tuple[Decimal | None, str | None] | None:
    """``500万元`` → (500, 万元); ``300.00`` → (300.00, None); not an amount → None."""
    match = _GLUED_UNIT.match(text.strip())
    number, unit = (match[1], match[2]) if match else (text, None)
    if not is_amount(number):
        return None
    return amount(number), unit


def _line_label(text: str, vocab: Vocabulary) -> tuple[str, str, bool] | None:
    """``(kind, name, numbered)`` of a funds line's label: total, a source, or a funds column.

    ``其中：`` is dropped; ``numbered`` when the label is numbered (``一、财政拨款``).
    """
    name = _SOURCE_PREFIX.sub("", text).rstrip(":：")
    numbered = bool(_NUMBERED.match(name))
    name = _NUMBERED.sub("", name)
    if kind := vocab.field("funds.rows", name):
        return kind, clean(name) or name, numbered
    if (column := vocab.field(COLUMNS, text)) in LINE_FIELDS:
        return column, text, numbered
    return None


def _line_pairs(block: Block, vocab: Vocabulary) -> tuple[list, list] | None:
    """The line's block labels and its ``(label cell, value cell, label, amount)`` pairs."""
    own = [(i, t) for i, t in block.filled if block.cells[i].copy_of is None]
    lead: list[tuple[int, str]] = []
    pairs = []
    n = 0
    while n < len(own):
        i, text = own[n]
        found = _line_label(text, vocab)
        value = _amount_with_unit(own[n + 1][1]) if found and n + 1 < len(own) else None
        if found and value is not None:
            pairs.append((i, own[n + 1][0], found, value))
            n += 2
        elif not pairs and vocab.field("funds", text):
            lead.append((i, text))
            n += 1
        elif pairs:
            break  # pairs the vocabulary does not name (项目支出 60.8): left for a finding
        else:
            return None
    return (lead, pairs) if pairs else None


def read_funds_line(block: Block, vocab: Vocabulary, ledger: Ledger, reading: FundsReading) -> bool:
    """A funds line with no column header: ``项目资金（万元） | 年度资金总额 | 300.00``.

    A total or a funds column (项目总预算) gives that amount as the budget (or its column); a
    source row gives the source's budget. Where sources are numbered (一、财政拨款), an
    unnumbered line under one is a part of it, not a source. False when the block is not a
    funds line (or such a part, left for the leftovers).
    """
    found = _line_pairs(block, vocab)
    if found is None:
        return False
    lead, pairs = found
    if reading.numbered and not any(label[2] for _, _, label, _ in pairs):
        return False
    reading.numbered = reading.numbered or any(label[2] for _, _, label, _ in pairs)
    for i, text in lead:
        reading.currency = reading.currency or currency_in(text)
        ledger.take(block, i)
    for label_cell, value_cell, (kind, name, _), (value, unit) in pairs:
        ledger.take(block, label_cell)
        ledger.take(block, value_cell)
        reading.currency = reading.currency or unit or currency_in(name)
        put_amount(reading, kind, name, value)
    return True


def amount_field(label: str, vocab: Vocabulary) -> str | None:
    """What an amount after a funds label is: ``"total"``, ``"sources"`` or a funds column."""
    if kind := vocab.field("funds.rows", label):
        return kind
    column = vocab.field(COLUMNS, label)
    return column if column in LINE_FIELDS else None


def put_amount(reading: FundsReading, kind: str, name: str, value: Decimal | None) -> None:
    """An amount of a kind ``amount_field`` names: a source, the total (the budget), a column."""
    if kind == "sources":
        reading.sources.append(FundSource(name, budget=value))
    elif value is not None:
        reading.totals.setdefault("budget" if kind == "total" else kind, value)


def _component_columns(block: Block, vocab: Vocabulary) -> tuple[int, int] | None:
    """``(name column, amount column)`` of a header of the budget's parts, or None."""
    if len(block.filled) < 2:  # a name and an amount: two cells
        return None
    named = {vocab.field("funds", t): i for i, t in reversed(block.filled)}  # first cell wins
    name, value = named.get("component_name"), named.get("component_amount")
    return None if name is None or value is None else (name, value)


def read_components(
    blocks: list[Block], at: int, vocab: Vocabulary, ledger: Ledger, reading: FundsReading
) -> int | None:
    """The rows under a 支出项目名称 / 预算金额 header as the budget's components.

    Returns the index after the last row read, or None when ``blocks[at]`` is no such header.
    Other columns of those rows (部门职能 …) have no field and are left for the leftovers.
    """
    columns = _component_columns(blocks[at], vocab)
    if columns is None:
        return None
    name, value = columns
    for i, text in blocks[at].filled:
        if i in columns or vocab.is_label(text) or vocab.field("funds", text):
            ledger.take(blocks[at], i)
    stop = at + 1
    while stop < len(blocks):
        texts = blocks[stop].texts
        if max(name, value) >= len(texts) or not texts[name] or amount(texts[value]) is None:
            break
        reading.components.append(
            Component(clean(texts[name]) or texts[name], amount(texts[value]))
        )
        ledger.take(blocks[stop], name)
        ledger.take(blocks[stop], value)
        stop += 1
    return stop
