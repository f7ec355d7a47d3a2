"""The funds block of a 财政项目支出绩效自评表: 年初预算数 … 得分, 年度资金总额 and 其中 rows.

The block's label ``项目资金（万元）`` is a merged cell: it may be printed on the header row,
on any row of the block, or split over lines, and it carries the currency unit. Column
headers may carry formula markers (``全年预算数（A）``, ``执行率（B/A）``); a header the
layout does not know is reported and its column left unread, never shifted onto the next.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product

from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Funds, FundSource
from jixiao.io.document import Block, Ledger
from jixiao.io.importers.base import uncertain
from jixiao.io.importers.cells import label_key
from jixiao.io.problems import problem
from jixiao.io.text import amount, is_amount

FUNDS_COLUMNS = {
    "年初预算数": "initial_budget",
    "全年预算数": "budget",
    "全年执行数": "executed",
    "分值": "execution_weight",
    "执行率": "execution_rate",
    "得分": "execution_score",
}
_LETTERS = "ABCD"
# Formula markers printed after a column header: (A), (B/A), (%); a unit marker (万元) too.
COLUMN_MARKERS = (
    *_LETTERS,
    *(f"{a}/{b}" for a, b in product(_LETTERS, repeat=2) if a != b),
    "%",
    "％",
)
_MARKER = re.compile(r"[（(]\s*(?:[A-Za-z]\s*(?:/\s*[A-Za-z])?|[%％]|万元|元)\s*[)）]$")
UNIT_CELL = re.compile(r"^(?:项目资金|资金|金额)?(?:[（(](万元|元)[)）]|单位[:：](万元|元))$")
_COLUMN_UNIT = re.compile(r"[（(](万元|元)[)）]$")
BLOCK_LABELS = ("项目资金", "其中")  # labels of the block that name no row
TOTAL_ROW = ("年度资金总额", "资金总额")
SOURCE_PREFIX = re.compile(r"^其中[:：]?")
# A row with one of these labels has left the funds block.
STOP_LABELS = ("年度总体目标", "年度总体", "预期目标", "实际完成情况", "绩效指标", "一级指标")


def column_labels() -> frozenset[str]:
    """Every printed spelling of the column headers with a formula marker: labels of the layout."""
    return frozenset(
        f"{name}{left}{marker}{right}"
        for name in FUNDS_COLUMNS
        for marker in COLUMN_MARKERS
        for left, right in (("（", "）"), ("(", ")"))
    )


def column_of(text: str) -> str | None:
    """The field a header cell names, markers ignored: ``全年预算数（A）`` → ``budget``."""
    return FUNDS_COLUMNS.get(_MARKER.sub("", label_key(text)))


@dataclass
class _Reading:
    """The state of reading one form's funds block."""

    document: str
    form: int
    ledger: Ledger
    findings: list[Finding] = field(default_factory=list)


def read_funds(
    document: str, form: int, blocks: list[Block], ledger: Ledger
) -> tuple[Funds, list[Finding]]:
    """The funds of one form (``blocks`` from its title on) and the findings of reading them."""
    reading = _Reading(document, form, ledger)
    header = next((b for b in blocks if _is_header(b)), None)
    if header is None:
        return Funds(), []
    start = blocks.index(header)
    stop = _stop(blocks, start)
    # The merged label may reach the row that ends the block (plain text puts a line of
    # it wherever its position on the page falls).
    unit = _unit(reading, blocks[: stop + 1], header)
    columns = _columns(reading, header)
    totals: dict[str, Decimal | None] = {}
    sources = []
    for block in blocks[start + 1 : stop]:
        row = _row(reading, block, columns)
        if row is None:
            continue
        label, values = row
        if label in TOTAL_ROW:
            totals = values
        else:
            sources.append(
                FundSource(
                    label,
                    values.get("initial_budget"),
                    values.get("budget"),
                    values.get("executed"),
                )
            )
    return Funds(currency_unit=unit, sources=tuple(sources), **totals), reading.findings


def _is_header(block: Block) -> bool:
    return any(column_of(t) in ("initial_budget", "budget") for _, t in block.filled)


def _stop(blocks: list[Block], start: int) -> int:
    """The first block after the header that is no funds row (a later label, or no figures)."""
    for i in range(start + 1, len(blocks)):
        filled = blocks[i].filled
        if not filled or all(block_label(t) for _, t in filled):
            continue
        if any(label_key(t) in STOP_LABELS for _, t in filled):
            return i
        if not any(is_amount(t) for _, t in filled):
            return i
    return len(blocks)


def _unit(reading: _Reading, region: list[Block], header: Block) -> str | None:
    """The currency unit, wherever the block prints it (the merged label, a header marker)."""
    for block in region:
        for i, text in block.filled:
            match = UNIT_CELL.match(label_key(text))
            if match:
                reading.ledger.take(block, i)
                return match[1] or match[2]
    for _, text in header.filled:
        match = _COLUMN_UNIT.search(label_key(text))
        if match:
            return match[1]
    reading.findings.append(
        uncertain(
            reading.document,
            reading.form,
            "funds.currency_unit",
            None,
            ["元", "万元"],
            "资金表未印出金额单位",
            "the funds table prints no currency unit",
        )
    )
    return None


def _columns(reading: _Reading, header: Block) -> list[str | None]:
    """The header's columns in printed order; an unknown header keeps its place, as None."""
    reading.ledger.take(header)
    columns: list[str | None] = []
    for _, text in header.filled:
        key = label_key(text)
        if UNIT_CELL.match(key) or key in BLOCK_LABELS:
            continue
        column = column_of(text)
        if column is None:
            reading.findings.append(
                problem(
                    "unknown-column",
                    Severity.WARNING,
                    reading.document,
                    f"资金表中无法识别的列“{text}”，该列数值未导入",
                    f"unknown column {text!r} in the funds table: its figures are not imported",
                    form=reading.form,
                    path="funds",
                    found=text,
                    expected=" | ".join(FUNDS_COLUMNS),
                )
            )
        columns.append(column)
    return columns


def _row(
    reading: _Reading, block: Block, columns: list[str | None]
) -> tuple[str, dict[str, Decimal | None]] | None:
    """``(row name, values by field)`` of a 年度资金总额 or 其中 row; None for another row."""
    filled = [(i, t) for i, t in block.filled if not block_label(t)]
    labels = [i for i, t in block.filled if block_label(t)]
    if not filled:  # a row of the block's merged label alone
        for i in labels:
            reading.ledger.take(block, i)
        return None
    if is_amount(filled[0][1]) or any(ch.isdigit() for ch in filled[0][1]):
        return None
    label_cell, name = filled[0]
    values: dict[str, Decimal | None] = {}
    taken = [*labels, label_cell]
    for column, (i, text) in zip(columns, filled[1:], strict=False):
        # A cell under an unknown column, or text where a figure belongs, stays unread.
        if column is not None and is_amount(text):
            values[column] = amount(text)
            taken.append(i)
    for i in taken:
        reading.ledger.take(block, i)
    return SOURCE_PREFIX.sub("", label_key(name)), values


def block_label(text: str) -> bool:
    """Whether a cell is a label of the funds block that names no row (项目资金（万元）)."""
    key = label_key(text)
    return bool(UNIT_CELL.match(key)) or key in BLOCK_LABELS
