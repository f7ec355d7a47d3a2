"""The indicator table's rows → indicators, groups and what has no field (reported with values)."""

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from jixiao.core.model import Indicator
from jixiao.io.document import Block, Ledger
from jixiao.io.structure.columns import BLOCK, REPORTED, Column, Header, word_set
from jixiao.io.structure.values import (
    NUMBER,
    group_label,
    joined,
    paragraphs,
    split_definition,
    weight,
    with_unit,
)
from jixiao.io.text import clean
from jixiao.io.vocabulary import Vocabulary

_NAMES = re.compile(r"\s{2,}")
_BARE_POINTS = re.compile(rf"^[(（]({NUMBER})分[)）]$")
TEXT_FIELDS = ("explanation", "deviation", "note")
PRINTED, AFTER_ROW, AFTER_LINE = "printed", "after-row", "after-line"
BREAK = ("段落分隔还是换行", "a paragraph break or a wrapped line")
SPLIT_NAME = ("一个单元格印了几个指标的名称", "one cell prints the names of several indicators")
POINTS = ("一个指标跨几行、每行一个分值", "one indicator spans rows with a weight each: their sum")
CUT = (
    "跨页截断的合并单元格：一级指标取自上一行",
    "a merged cell cut by a page break: level 1 taken from the row above",
)


@dataclass
class GroupEntry:
    """A level-1 group as printed: its points, band or weight column."""

    name: str
    weight: Decimal | None = None
    band: tuple[Decimal, Decimal] | None = None
    printed: bool = True  # False: named only by the tree (its own cell lost)


@dataclass
class Table:
    """What an indicator table gave, in printed order."""

    indicators: list[Indicator] = field(default_factory=list)
    projects: list[str | None] = field(default_factory=list)  # each indicator's project cell
    groups: dict[str, GroupEntry] = field(default_factory=dict)
    reported: dict[str, list[str]] = field(default_factory=dict)  # heading → values
    long_term: list[str] = field(default_factory=list)  # ``name: heading value``
    total_score: Decimal | None = None
    weight_total: Decimal | None = None
    grade: str | None = None
    typed: bool = False  # line breaks in cells were typed (paragraphs), not wrapped
    shifting: bool = False  # rows may stand off their columns (text that lost merged cells)
    # (path, chosen, candidates, why in Chinese, why in English) of readings not settled
    uncertain: list[tuple[str, str, list[str], str, str]] = field(default_factory=list)
    merged_rows: int = 0  # further rows read so far of the indicator whose name is merged
    name_cell: str | None = None  # the name cell (whole) of the last indicator
    points: Decimal | None = None  # a group's points printed apart from its name: (50分)
    level1: str | None = None
    level2: str | None = None
    project: str | None = None
    project_cells: dict[str, dict[str, str]] = field(default_factory=dict)  # budget, goal
    # how each indicator's level-2 name was settled: PRINTED, AFTER_ROW, AFTER_LINE (centred), None
    level2_from: list[str | None] = field(default_factory=list)
    set_by: str | None = None  # how an inheriting row's level-2 is settled: AFTER_ROW, AFTER_LINE
    pending: list[tuple[Block, int]] = field(default_factory=list)  # text for the next row
    centred: bool = False  # a label line named rows above it: the labels are centred
    merges: bool = False  # a row repeated a merged cell: the file keeps its merges
    waiting: list[int] = field(default_factory=list)  # indicators whose level-1 cell was cut
    cut_label: str | None = None  # the lone label read last: the level-1 of blank cells below


class Row:
    """A table row seen through the header; ``at``: column → cell of a row off its columns."""

    def __init__(
        self, block: Block, header: Header, ledger: Ledger, at: dict[int, int] | None = None
    ) -> None:
        self.block, self.header, self.ledger = block, header, ledger
        self.texts = block.texts
        self.at = at

    def cell(self, column: Column | None) -> int | None:
        """The index of the cell under a column, if the row has one."""
        if column is None:
            return None
        index = column.index if self.at is None else self.at.get(column.index)
        return index if index is not None and index < len(self.texts) else None

    def text(self, column: Column | None) -> str:
        """The cell under a column ('' when the row is shorter)."""
        index = self.cell(column)
        return "" if index is None else self.texts[index]

    def merged(self, column: Column | None) -> bool:
        """Whether the cell under a column repeats a merged cell from above."""
        index = self.cell(column)
        return index is not None and self.block.cells[index].copy_of is not None

    def take(self, column: Column | None) -> None:
        """Mark a column's cell as placed."""
        index = self.cell(column)
        if index is not None:
            self.ledger.take(self.block, index)

    def value(self, name: str, raw: bool = False) -> str | None:
        """A field's annual value, its parts joined in printed order (``raw``: its lines kept)."""
        columns = self.header.annual.get(name)
        if not columns:  # a field the table has no column for (most text fields)
            return None
        cells = [i for c in columns if (i := self.cell(c)) is not None and self.texts[i]]
        if not cells:  # blank cells: nothing to place (leftovers are non-blank cells)
            return None
        self.ledger.taken.update([(self.block.index, i) for i in cells])
        parts = [self.texts[i] for i in cells]
        return "\n".join(p for p in parts if p) if raw else joined(parts)


def read_row(row: Row, table: Table, vocab: Vocabulary) -> None:
    """Add one row's indicator (or only its group) to the table."""
    _levels(row, table, vocab)
    _report(row, table, vocab)
    name = _name(row, vocab)
    target, actual = _target_actual(row, table, vocab)
    weight_text, score_text = row.value("weight"), row.value("score")
    columns = row.header.annual  # most tables print no text field: none read
    texts = {f: _prose(row.value(f, raw=True), f, table) for f in TEXT_FIELDS if f in columns}
    if texts.get("explanation") is None:
        name, texts["explanation"] = split_definition(name)
    level2 = row.header.first("level2")
    if name is None and not any((target, actual, weight_text, score_text, *texts.values())):
        if vocab.field("indicators.levels", row.text(level2)):
            row.take(level2)  # a level name with no indicator (an empty group): a label
        return
    row.take(level2)
    points, score = _number(row, "weight", weight_text), _number(row, "score", score_text)
    merged, target_column = row.merged(row.header.first("name")), row.header.first("target")
    table.merged_rows = table.merged_rows if merged else 0
    # a further row of the indicator above: its name and target cells merged over it (吉林)
    if merged and table.indicators and table.name_cell == name:
        if target_column is None or row.merged(target_column):
            _add_points(table, points, score)
            return
    table.name_cell = name
    name = _own_name(row, table, name)
    values = {"target": target, "actual": actual, "weight": points, "score": score, **texts}
    table.indicators.append(Indicator(table.level1, table.level2, name, **values))
    table.projects.append(table.project)
    if row.text(level2):
        table.set_by = AFTER_ROW
    table.level2_from.append(PRINTED if row.text(level2) else table.set_by)


def _prose(text: str | None, name: str, table: Table) -> str | None:
    """A text field's paragraphs; a break the text does not settle is noted as uncertain."""
    chosen, other = paragraphs(text, table.typed)
    if chosen and other:
        path = f"indicators[{len(table.indicators)}].{name}"
        table.uncertain.append((path, chosen, [chosen, other], *BREAK))
    return chosen


def _number(row: Row, name: str, text: str | None) -> Decimal | None:
    """A weight or score; a cell that is not a number is given back to the leftovers."""
    value = weight(text)
    if value is None and text:
        for column in row.header.of(name):
            if (index := row.cell(column)) is not None:
                row.ledger.taken.discard((row.block.index, index))
    return value


def _levels(row: Row, table: Table, vocab: Vocabulary) -> None:
    """Level-1, level-2 and project cells: printed, inherited, or the tree's group of the level 2."""
    header = row.header
    project = header.first("project")
    if printed := row.text(project):
        row.take(project)
        table.project = clean(printed)
        cells = table.project_cells.setdefault(table.project or "", {})
        for name in ("project_budget", "project_goal"):
            column = header.first(name)
            if row.text(column) and name not in cells:
                cells[name] = row.text(column)
                row.take(column)
    level1, level2 = header.first("level1"), header.first("level2")
    one, two = row.text(level1), row.text(level2)
    level2_name = clean(two)
    if one:
        row.take(level1)
        _group(table, one)
    elif level2_name is not None:
        group = vocab.group_of(level2_name)
        if group and level2_name not in vocab.names["indicators.tree"].get(table.level1 or "", ()):
            _group(table, group, printed_cell=False)
    group_weight = header.first("group_weight")
    if table.level1 and (points := weight(row.text(group_weight))) is not None:
        row.take(group_weight)
        table.groups[table.level1].weight = points
    if two:
        table.level2 = level2_name  # taken with the row's indicator


def _group(table: Table, printed: str, *, printed_cell: bool = True) -> None:
    """A level-1 cell: the current group; points printed alone (``(50分)``) go to the next."""
    if bare := _BARE_POINTS.match("".join(printed.split())):
        table.points = Decimal(bare[1])
        return
    label = group_label(printed)
    if label.name != table.level1:
        table.level2 = None
    for k in range(len(table.indicators) - 1, -1, -1):  # rows above a centred label, no group yet
        if table.indicators[k].level1 is not None or not label.name:
            break
        table.indicators[k] = replace(table.indicators[k], level1=label.name)
    table.level1 = label.name or None
    entry = table.groups.setdefault(label.name, GroupEntry(label.name, printed=printed_cell))
    entry.printed = entry.printed or printed_cell
    entry.weight = entry.weight if label.points is None else label.points
    if entry.weight is None and table.points is not None:
        entry.weight, table.points = table.points, None
    entry.band = entry.band or label.band


def _own_name(row: Row, table: Table, name: str | None) -> str | None:
    """A merged name cell printing several names two spaces apart: each row's own (uncertain)."""
    if not row.merged(row.header.first("name")) or name is None:
        return name
    table.merged_rows += 1
    parts = _NAMES.split(row.text(row.header.first("name")).strip())
    if len(parts) < 2:
        return name
    if table.merged_rows == 1 and table.indicators and table.indicators[-1].name == name:
        first = clean(parts[0]) or name  # the block above took the whole cell: its own share
        table.indicators[-1] = replace(table.indicators[-1], name=first)
        path = f"indicators[{len(table.indicators) - 1}].name"
        table.uncertain.append((path, first, [first, name], *SPLIT_NAME))
    own = clean(parts[min(table.merged_rows, len(parts) - 1)]) or name
    path = f"indicators[{len(table.indicators)}].name"
    table.uncertain.append((path, own, [own, name], *SPLIT_NAME))
    return own


def _add_points(table: Table, points: Decimal | None, score: Decimal | None) -> None:
    """A further row's points add to the indicator's (吉林: four criteria of 5 points)."""
    last = table.indicators[-1]
    if points is not None and last.weight is not None:
        path = f"indicators[{len(table.indicators) - 1}].weight"
        total = str(last.weight + points)
        table.uncertain[:] = [u for u in table.uncertain if u[0] != path]
        table.uncertain.append((path, total, [total, str(points)], *POINTS))
    table.indicators[-1] = replace(
        last,
        weight=last.weight if points is None else (last.weight or Decimal(0)) + points,
        score=last.score if score is None else (last.score or Decimal(0)) + score,
    )


def _name(row: Row, vocab: Vocabulary) -> str | None:
    """The indicator's name without a placeholder (``指标1:``); an ellipsis row has none."""
    text = row.value("name")
    if text is None:
        return None
    bare = vocab.placeholder.sub("", text).strip()
    return bare if bare and bare not in word_set(vocab, "indicators", "ellipsis") else None


def _target_actual(row: Row, table: Table, vocab: Vocabulary) -> tuple[str | None, str | None]:
    """Target and actual, with the comparator cell before and the unit cell after."""
    target, actual = row.value("target"), row.value("actual")
    marks = word_set(vocab, "indicators", "comparators")
    joined_mark = False
    for comparator in row.header.of("comparator"):  # 计算符号 beside 指标性质 (定量 / 定性)
        mark = row.text(comparator)
        if not mark or row.merged(comparator):
            continue
        row.take(comparator)
        if "".join(mark.split()) in marks and target and not joined_mark:
            target, joined_mark = "".join(mark.split()) + target, True
        else:  # 定量, 定性: no part of the value, reported with its column
            table.reported.setdefault(comparator.heading, []).append(mark)
    unit_column = row.header.first("unit")
    if unit := row.text(unit_column):
        new_target, new_actual = with_unit(target, unit), with_unit(actual, unit)
        row.take(unit_column)
        if (
            not row.merged(unit_column)
            and (new_target, new_actual) == (target, actual)
            and unit not in f"{target}{actual}"
        ):
            # a unit with no number to follow (是/否 beside 是): reported with the column
            table.reported.setdefault(unit_column.heading, []).append(unit)
        target, actual = new_target, new_actual
    return target, actual  # cleaned: joined parts, a squeezed mark, a cleaned unit


def _report(row: Row, table: Table, vocab: Vocabulary) -> None:
    """Cells of columns with no canonical field, of long-term columns and unknown headings."""
    for column in row.header.apart:
        text = row.text(column)
        if not text or row.merged(column):
            continue
        if column.field == BLOCK and vocab.is_label(text):
            row.take(column)  # the table's side label (绩效指标) printed on one of its rows
        if column.long_term and column.field not in (BLOCK, "level1", "level2", "name"):
            name = clean(row.text(row.header.first("name"))) or ""
            table.long_term.append(f"{name}: {column.heading} {text}")
            row.take(column)
        elif column.field is None or column.field in REPORTED:
            table.reported.setdefault(column.heading or f"#{column.index + 1}", []).append(text)
            row.take(column)


def report_long_term(row: Row, table: Table) -> None:
    """A row of a long-term table (长期绩效指标): its cells reported, the levels inherited."""
    texts = []
    for column in row.header.columns:
        text = row.text(column)
        if text and column.field != BLOCK and not row.merged(column):
            texts.append(text)
            row.take(column)
    if texts:
        table.long_term.append(" | ".join(texts))


def side_cut(block: Block, header: Header) -> dict[int, int] | None:
    """Column → cell of a row of the next page, printed without the cut side label (分解目标)."""
    missing = len(header.columns) - len(block.cells)
    if len(block.cells) < 2 or missing <= 0:
        return None
    if any(c.field != BLOCK for c in header.columns[:missing]):
        return None
    return {c.index: c.index - missing for c in header.columns[missing:]}


def read_cut_row(row: Row, table: Table, vocab: Vocabulary) -> None:
    """Read a row; rows of a level-1 cell a page break cut wait for its text, alone below."""
    block, level1 = row.block, row.header.first("level1")
    table.merges = table.merges or any(c.copy_of is not None for c in block.cells)
    if not table.merges:  # nothing to tell a cut cell from one the text lost
        read_row(row, table, vocab)
        return
    # only rows waiting for it tell a cut cell's text from a side label (绩效指标) printed midway
    if level1 and table.waiting and len(block.filled) == 1:
        index, text = block.filled[0]
        name = "".join(text.split())
        level1_names = word_set(vocab, "indicators.levels", "level1")
        if block.cells[index].copy_of is None and name in level1_names:
            row.at = {level1.index: index}
            read_row(row, table, vocab)
            paths = {f"indicators[{i}].level1" for i in table.waiting}
            table.uncertain[:] = [u for u in table.uncertain if u[0] not in paths]
            for i in table.waiting:
                table.indicators[i] = replace(table.indicators[i], level1=name)
            table.waiting, table.cut_label = [], name
            return
    row.at = row.at if row.at is not None else side_cut(block, row.header)
    index = row.cell(level1)
    blank = level1 is not None and (
        index is None or (block.cells[index].blank and block.cells[index].copy_of is None)
    )
    if not blank and row.text(level1):
        table.cut_label = None  # a row naming its own level-1 ends the cut cell's rows
    count = len(table.indicators)
    read_row(row, table, vocab)
    if blank and len(table.indicators) > count and table.cut_label is None:
        index = len(table.indicators) - 1  # cut from its level-1: the lone label may follow
        table.waiting.append(index)
        chosen = table.indicators[index].level1 or ""
        table.uncertain.append((f"indicators[{index}].level1", chosen, [chosen], *CUT))
