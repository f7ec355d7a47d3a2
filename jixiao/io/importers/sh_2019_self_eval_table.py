"""The indicator table of a 2019年度财政项目绩效自评价: 一级指标 指标名称 指标解释 权重 自评分 备注.

Table text gives one block per row, the level-1 cell (``投入与管理(36分)``) printed on the
first row of its group and blank below. Plain PDF text loses the grid: a row is whatever
lines come before its ``权重 自评分`` pair (``6 6``), the name and the explanation wrap over
several lines (a blank line, or a space on a one-line row, separates them), and the level-1
labels (``投入与管理`` / ``（36分）``) are printed wherever the PDF put them, often after
their rows and out of order. Rows are then given their groups from the weights: the groups
follow the template's order with the printed (or the rule set's) weights, and the rows, in
printed order, fill them one after the other (see ``sh_2019_self_eval_groups``).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.io.document import Block, Ledger
from jixiao.io.importers.cells import label_key
from jixiao.io.importers.sh_2019_self_eval_fields import join_wrapped
from jixiao.io.text import clean, squeeze

TOTAL_LABELS = ("合计", "总分")
HEADER_LABELS = ("一级指标", "指标名称", "指标解释", "权重", "自评分", "备注")
_POINTS = r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]"
POINTS_ONLY = re.compile(f"^{_POINTS}$")
NAME_AND_POINTS = re.compile(f"^(\\S+?)\\s*{_POINTS}$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class PrintedGroup:
    """A level-1 label as printed: name without the points suffix, and the points."""

    name: str
    weight: Decimal | None


@dataclass
class Row:
    """One indicator row as read; ``level1`` is None until groups are assigned (plain text)."""

    name: str
    explanation: str | None
    weight: Decimal
    score: Decimal
    note: str | None = None
    level1: str | None = None
    split_unsettled: bool = False  # name and explanation could be cut elsewhere


@dataclass
class Table:
    """What the table gave: rows in printed order, the level-1 labels, the total."""

    rows: list[Row] = field(default_factory=list)
    groups: list[PrintedGroup] = field(default_factory=list)
    total: Decimal | None = None
    total_unsettled: bool = False  # one number on the 合计 line: score or weight sum?
    total_line: Block | None = None

    def add_group(self, group: PrintedGroup) -> None:
        """Record a printed level-1 label (once per name; a later weight fills a missing one)."""
        for n, known in enumerate(self.groups):
            if known.name == group.name:
                if known.weight is None:
                    self.groups[n] = group
                return
        self.groups.append(group)


def is_table_header(block: Block) -> bool:
    """Whether a block is the table's header row (一级指标 指标名称 … 自评分)."""
    text = squeeze(block.text)
    return "一级指标" in text and "指标名称" in text


def is_number(text: str) -> bool:
    """A weight or a score: a plain decimal number."""
    return bool(_NUMBER.match(text.strip()))


def group_of(text: str, names: tuple[str, ...]) -> PrintedGroup | None:
    """A level-1 label: ``X（N分）``, or one of the layout's group names alone."""
    key = squeeze(text)
    match = NAME_AND_POINTS.match(key)
    if match:
        return PrintedGroup(match[1], Decimal(match[2]))
    return PrintedGroup(key, None) if key in names else None


def row_end(text: str) -> tuple[str, Decimal, Decimal, str | None] | None:
    """A line ending a row: ``[text] weight score [note]`` → (text, weight, score, note)."""
    tokens = text.split()
    for i in range(len(tokens) - 2, -1, -1):
        if is_number(tokens[i]) and is_number(tokens[i + 1]):
            rest = tokens[i + 2 :]
            if any(is_number(t) for t in rest):
                return None
            weight, score = Decimal(tokens[i]), Decimal(tokens[i + 1])
            return " ".join(tokens[:i]), weight, score, " ".join(rest) or None
    return None


def is_table_line(text: str, names: tuple[str, ...]) -> bool:
    """Whether a plain line belongs to the table's furniture or ends a row."""
    first = next(iter(text.split(maxsplit=1)), "")
    return (
        label_key(first) in TOTAL_LABELS
        or label_key(text) in HEADER_LABELS
        or POINTS_ONLY.match(squeeze(text)) is not None
        or group_of(text, names) is not None
        or row_end(text) is not None
    )


def settle_total(table: Table, ledger: Ledger) -> None:
    """Read the 合计 line: its last number is the total score, the one before the weight sum.

    The weight sum has no field of its own; it is taken (counted as read) only when it
    equals the rows' weights added up, so a sum that disagrees stays visible as unplaced.
    """
    block = table.total_line
    if block is None:
        return
    tokens = [(i, t) for i, text in block.filled for t in text.split()]
    numbers = [(i, Decimal(t)) for i, t in tokens if is_number(t)]
    if not numbers:
        return
    table.total = numbers[-1][1]
    table.total_unsettled = len(numbers) == 1
    weights_agree = len(numbers) == 2 and numbers[0][1] == sum(r.weight for r in table.rows)
    if len(block.filled) == 1:
        if len(numbers) == 1 or weights_agree:
            ledger.take(block)
        return
    ledger.take(block, block.filled[0][0])
    ledger.take(block, numbers[-1][0])
    if weights_agree:
        ledger.take(block, numbers[0][0])


# --- table text -------------------------------------------------------------------------


def read_tabbed(blocks: list[Block], ledger: Ledger, names: tuple[str, ...]) -> Table:
    """Rows of table text: one block per row, level-1 cells inherited down merged cells."""
    table = Table()
    level1 = None
    for block in blocks:
        texts = [t for _, t in block.filled]
        if not texts:
            continue
        if label_key(texts[0]) in TOTAL_LABELS:
            table.total_line = block
            continue
        row = _tabbed_row(texts, names)
        if row is None:
            if (alone := _label_alone(texts, names)) is not None:
                table.add_group(alone)
                level1 = alone.name
                ledger.take(block)
            continue
        group, row = row
        if group is not None:
            table.add_group(group)
            level1 = group.name
        row.level1 = level1
        table.rows.append(row)
        ledger.take(block)
    settle_total(table, ledger)
    return table


def _label_alone(texts: list[str], names: tuple[str, ...]) -> PrintedGroup | None:
    """A level-1 label on a line of its own inside the table, or None.

    A PDF prints a merged level-1 cell cut by a page break once, apart from its rows (whose
    level-1 cells are then empty); the rows' groups are settled by their weights later.
    """
    return group_of(texts[0], names) if len(texts) == 1 else None


def _tabbed_row(texts: list[str], names: tuple[str, ...]) -> tuple[PrintedGroup | None, Row] | None:
    at = next(
        (i for i in range(1, len(texts) - 1) if is_number(texts[i]) and is_number(texts[i + 1])),
        None,
    )
    if at is None:
        return None
    before = texts[:at]
    group = group_of(before[0], names) if len(before) > 1 else None
    if group is not None:
        before = before[1:]
    row = Row(
        name=clean(before[0]) or "",
        explanation=clean(" ".join(before[1:])),
        weight=Decimal(texts[at]),
        score=Decimal(texts[at + 1]),
        note=clean(" ".join(texts[at + 2 :])),
        split_unsettled=len(before) > 2,
    )
    return group, row


# --- plain text -------------------------------------------------------------------------


@dataclass
class _Lines:
    """Lines gathered for the row being read, grouped into paragraphs by blank lines."""

    paragraphs: list[list[tuple[Block, str]]] = field(default_factory=lambda: [[]])

    def add(self, block: Block, text: str) -> None:
        self.paragraphs[-1].append((block, text))

    def blank(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def last(self) -> tuple[Block, str] | None:
        """The line just read, if no blank line followed it."""
        return self.paragraphs[-1][-1] if self.paragraphs[-1] else None

    def pop(self) -> None:
        self.paragraphs[-1].pop()

    def texts(self) -> list[list[str]]:
        return [[t for _, t in p] for p in self.paragraphs if p]

    def blocks(self) -> list[Block]:
        return [b for p in self.paragraphs for b, _ in p]


class PlainReader:
    """Walks the table's plain lines once, sorting them into labels, rows and the total."""

    def __init__(self, ledger: Ledger, names: tuple[str, ...]) -> None:
        """Start an empty table; ``names`` are the layout's level-1 names (and aliases)."""
        self.ledger = ledger
        self.names = names
        self.table = Table()
        self.lines = _Lines()
        self.named_group: tuple[Block, PrintedGroup] | None = None  # waiting for its points

    def read(self, chunks: list[list[Block]]) -> Table:
        """Read the table's chunks in printed order (a chunk break counts as a blank line)."""
        for chunk in chunks:
            self.lines.blank()
            for block in chunk:
                self._line(block)
        settle_total(self.table, self.ledger)
        return self.table

    def leftovers(self) -> list[Block]:
        """Lines gathered for a row that never ended (no weight and score followed)."""
        return self.lines.blocks()

    def _line(self, block: Block) -> None:
        text = block.text.strip()
        if not text:
            self.lines.blank()
            return
        waiting, self.named_group = self.named_group, None
        head, _, rest = text.partition(" ")
        if rest.strip() and (group := group_of(head, self.names)) is not None:
            # A level-1 label printed at the start of its first row's line.
            self.table.add_group(group)
            text = rest.strip()
        first = label_key(text.split()[0])
        if first in TOTAL_LABELS:
            self.table.total_line = block
            return
        if label_key(text) in HEADER_LABELS:
            pass
        elif POINTS_ONLY.match(squeeze(text)):
            if not self._points(block, text, waiting):
                return
        elif (group := group_of(text, self.names)) is not None:
            self.table.add_group(group)
            if group.weight is None:
                self.named_group = (block, group)
        elif (end := row_end(text)) is not None:
            self._row(block, end)
        else:
            self.lines.add(block, text)
            return
        self.ledger.take(block)

    def _points(self, block: Block, text: str, waiting: tuple[Block, PrintedGroup] | None) -> bool:
        """``（36分）`` on its own line: the points of the level-1 name on the line before."""
        weight = Decimal(POINTS_ONLY.match(squeeze(text))[1])  # type: ignore[index]
        if waiting is not None:
            self.table.add_group(PrintedGroup(waiting[1].name, weight))
            return True
        previous = self.lines.last()
        if previous is None:
            return False
        self.lines.pop()
        self.ledger.take(previous[0])
        self.table.add_group(PrintedGroup(squeeze(previous[1]), weight))
        return True

    def _row(self, block: Block, end: tuple[str, Decimal, Decimal, str | None]) -> None:
        prefix, weight, score, note = end
        if prefix:
            self.lines.add(block, prefix)
        paragraphs = self.lines.texts()
        for gathered in self.lines.blocks():
            self.ledger.take(gathered)
        self.lines = _Lines()
        name, explanation, unsettled = split_name(paragraphs)
        self.table.rows.append(Row(name, explanation, weight, score, note, None, unsettled))


def split_name(paragraphs: list[list[str]]) -> tuple[str, str | None, bool]:
    """Name and explanation of a plain row; True where the cut between them is not settled.

    Two paragraphs: the name, then the explanation. One paragraph: its first line is the
    name (cut at the first space when the line holds both), the other lines explain it.
    """
    if not paragraphs:
        return "", None, True
    if len(paragraphs) == 1:
        first, *rest = paragraphs[0]
        head, _, tail = first.partition(" ")
        explanation = join_wrapped([tail, *rest]) if tail or rest else None
        return head, explanation or None, False
    name = join_wrapped(paragraphs[0])
    explanation = join_wrapped([line for p in paragraphs[1:] for line in p])
    return name, explanation or None, len(paragraphs) > 2
