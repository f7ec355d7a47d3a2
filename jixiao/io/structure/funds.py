"""The funds block: rows under a header of funds columns, label and amount pairs, or a sentence."""

import re
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao.core.model import Component, Funds, FundSource
from jixiao.io.document import Block, Ledger
from jixiao.io.structure.values import _NUMBERED_ITEM
from jixiao.io.text import amount, clean, is_amount
from jixiao.io.vocabulary import Vocabulary, normalise

if TYPE_CHECKING:
    from jixiao.io.structure.reader import Draft

COLUMNS = "funds.columns"
_CURRENCY = re.compile(r"(万元|元)\s*[)）]?\s*$")
_SOURCE_PREFIX = re.compile(r"^\s*其中\s*[:：]?\s*")
_GLUED_UNIT = re.compile(r"^(.*?\d)\s*(万元|元)$")
_PAIR = re.compile(r"([^\d，。；,;：:]*?)[：:\s]*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
_SEPARATORS = re.compile(r"[\s，。；,;：:、]*")
TOTAL_FIELDS = frozenset(f.name for f in fields(Funds)) - {"currency_unit", "sources", "components"}
LINE_FIELDS = TOTAL_FIELDS - {"execution_weight", "execution_score"}  # a line names no score


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
        parts = {"sources": tuple(self.sources), "components": tuple(self.components)}
        return Funds(self.currency or currency, **parts, **self.totals)

    def put(self, kind: str, name: str, value: Decimal | None, unit: str | None) -> None:
        """An amount of a kind ``_amount_kind`` names (a source, the total, a column), its unit."""
        self.currency = self.currency or unit or currency_in(name)
        if kind == "sources":
            self.sources.append(FundSource(name, budget=value))
        elif value is not None:
            self.totals.setdefault("budget" if kind == "total" else kind, value)


def columns_of(block: Block, vocab: Vocabulary) -> dict[int, str]:
    """Cell index → funds field of a row naming funds columns (first of each field)."""
    found: dict[int, str] = {}
    for i, text in block.filled:
        if (name := vocab.field(COLUMNS, text)) and name not in found.values():
            found[i] = name
    return found


def is_funds_header(block: Block, vocab: Vocabulary) -> bool:
    """Whether a row names two funds columns or more (one after the block's label), no amount."""
    names = set(columns_of(block, vocab).values())
    if not names & {"initial_budget", "budget", "executed"}:
        return False
    if len(names) < 2 and vocab.field("funds", block.filled[0][1]) != "block":
        return False
    empty = vocab.words("furniture", "empty")
    return not any(is_amount(t) and t not in empty for _, t in block.filled)


def currency_in(text: str) -> str | None:
    """``项目资金（万元）`` → 万元; ``单位：元`` → 元; None when no unit is printed."""
    text = "".join(text.split()).rstrip(":：")
    match = _CURRENCY.search(text)
    return match[1] if match and ("(" in text or "（" in text or "单位" in text) else None


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
        if not (i in columns or vocab.is_label(text) or ledger.is_taken(header, i)):
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
        read = block.blank or _read_row(block, columns, vocab, ledger, reading)
        if not read and not all(_is_block_label(t, vocab) for _, t in block.filled):
            break
        _take_block_labels(block, vocab, ledger, reading)  # also a piece of its merged label
        stop += 1
    return reading, stop


def _sub_header(block: Block, vocab: Vocabulary) -> dict[int, str]:
    """The funds columns a second header row names (its other cells repeat the first's)."""
    own = [(i, t) for i, t in block.filled if block.cells[i].copy_of is None]
    found = {i: f for i, t in own if (f := vocab.field(COLUMNS, t))}
    return found if found and len(found) == len(own) else {}


def _is_block_label(text: str, vocab: Vocabulary) -> bool:
    """The block's label (项目资金（万元）, 项目资金), a unit cell (（万元）, 单位：元)."""
    return bool(vocab.field("funds", text) or currency_in(text))


def _take_block_labels(block: Block, vocab: Vocabulary, ledger: Ledger, reading: FundsReading):
    """The block's own label (项目资金（万元）) and a unit cell: taken, the unit kept."""
    for i, text in block.filled:
        if _is_block_label(text, vocab):
            ledger.take(block, i)
            reading.currency = reading.currency or currency_in(text)


def _row_label(block: Block, vocab: Vocabulary) -> tuple[int, str, str] | None:
    """``(cell, kind, name)`` of a row's label after the block's: total or a source."""
    for i, text in block.filled:
        if block.cells[i].copy_of is not None:
            continue
        name = _SOURCE_PREFIX.sub("", text).rstrip(":：")
        if kind := vocab.field("funds.rows", name):
            return i, kind, clean(name) or name
        if not _is_block_label(text, vocab):
            return None
    return None


def _read_row(
    block: Block, columns: dict[int, str], vocab: Vocabulary, ledger: Ledger, reading: FundsReading
) -> bool:
    """One total or source row (``其中：`` dropped); False when the row is no part of the block."""
    label = _row_label(block, vocab)
    if label is None:  # a row with no label under the header: its amounts are the totals
        values = {f: v for i, f in columns.items() if (v := amount(_text(block, i))) is not None}
        if not values or reading.totals or reading.sources:
            return False
        for i in columns:
            ledger.take(block, i)
        reading.totals = values
        return True
    at, kind, name = label
    ledger.take(block, at)
    if (first := min(columns, default=at + 1)) <= at:  # plain text: header without its cell
        columns = {i + at + 1 - first: column for i, column in columns.items()}
    empty = vocab.words("furniture", "empty")
    values: dict[str, Decimal] = {}
    for i, column in columns.items():
        if (text := _text(block, i)) and (is_amount(text) or text in empty):
            ledger.take(block, i)
            if (value := amount(text)) is not None:
                values[column] = value
    if kind == "total" and not reading.totals:
        reading.totals = values
    else:
        amounts = (values.get(k) for k in ("initial_budget", "budget", "executed"))
        reading.sources.append(FundSource(name, *amounts))
    return True


def _text(block: Block, i: int) -> str:
    return block.texts[i] if i < len(block.texts) else ""


def _amount_kind(label: str, vocab: Vocabulary) -> str | None:
    """What an amount after a funds label is: ``"total"``, ``"sources"`` or a funds column."""
    if kind := vocab.field("funds.rows", label):
        return kind
    column = vocab.field(COLUMNS, label)
    return column if column in LINE_FIELDS else None


def _amount_with_unit(text: str) -> tuple[str, str | None] | None:
    """``500万元`` → (500, 万元); ``300.00`` → (300.00, None); not an amount → None."""
    glued = _GLUED_UNIT.match(text)
    number, unit = glued.groups() if glued else (text, None)
    return (number, unit) if is_amount(number) else None


def read_funds_line(block: Block, vocab: Vocabulary, ledger: Ledger, reading: FundsReading) -> bool:
    """Label and amount pairs after the block's labels (``项目资金（万元） | 年度资金总额 | 300.00``)."""
    own = [(i, t) for i, t in block.filled if block.cells[i].copy_of is None]
    lead, pairs, n = [], [], 0
    while n < len(own):
        i, text = own[n]
        name, numbered = _NUMBERED_ITEM.subn("", _SOURCE_PREFIX.sub("", text).rstrip(":："))
        kind = _amount_kind(name, vocab)
        value = _amount_with_unit(own[n + 1][1]) if kind and n + 1 < len(own) else None
        if value:
            pairs.append((i, own[n + 1][0], kind, clean(name) or name, numbered, *value))
            n += 2
        elif not pairs and vocab.field("funds", text):
            lead.append(own[n])
            n += 1
        elif pairs:
            break  # pairs the vocabulary does not name (项目支出 60.8): left for a finding
        else:
            return False
    numbered = any(pair[4] for pair in pairs)  # under numbered sources (一、), a part of one
    if not pairs or (reading.numbered and not numbered):
        return False
    reading.numbered = reading.numbered or numbered
    for i, text in lead:
        reading.currency = reading.currency or currency_in(text)
        ledger.take(block, i)
    for label_cell, value_cell, kind, name, _, number, unit in pairs:
        ledger.take(block, label_cell)
        ledger.take(block, value_cell)
        reading.put(kind, name, amount(number), unit)
    return True


def read_funds_sentence(block: Block, vocab: Vocabulary, ledger: Ledger, draft: "Draft") -> bool:
    """Whether ``block`` is a funds sentence (``项目资金：500万元``), read: funds labels and amounts."""
    line = "".join(t for _, t in block.filled)
    pairs = list(_PAIR.finditer(line)) if "元" in line else []
    lead = line[: pairs[0].start()] if pairs else ""
    if not pairs or (lead and vocab.field("funds", lead) != "block"):
        return False
    if not _SEPARATORS.fullmatch(_PAIR.sub("", line)[len(lead) :]):  # something between pairs
        return False
    read = []
    for n, pair in enumerate(pairs):
        label = normalise(pair[1]).removeprefix("其中")
        kind = _amount_kind(label, vocab)
        if not kind and (vocab.field("funds", label) == "block" or not (label or n)):
            kind = "total"  # 项目资金 300 万元, or an amount right after the block's label
        if kind is None:
            return False
        read.append((kind, label or lead, amount(pair[2]), pair[3]))
    reading = draft.funds = draft.funds or FundsReading()
    for kind, label, value, unit in read:
        reading.put(kind, label, value, unit)
    ledger.take(block)
    return True


def read_components(
    blocks: list[Block], at: int, vocab: Vocabulary, ledger: Ledger, reading: FundsReading
) -> int | None:
    """The rows under a 支出项目名称 / 预算金额 header as components; the index after, or None."""
    named = {vocab.field("funds", t): i for i, t in reversed(blocks[at].filled)}  # first wins
    name, value = named.get("component_name"), named.get("component_amount")
    if name is None or value is None:
        return None
    for i, text in blocks[at].filled:
        if i in (name, value) or vocab.is_label(text):
            ledger.take(blocks[at], i)
    stop = at + 1
    while stop < len(blocks):
        texts = blocks[stop].texts
        if max(name, value) >= len(texts) or not texts[name] or amount(texts[value]) is None:
            break
        label = clean(texts[name]) or texts[name]
        reading.components.append(Component(label, amount(texts[value])))
        ledger.take(blocks[stop], name)
        ledger.take(blocks[stop], value)
        stop += 1
    return stop
