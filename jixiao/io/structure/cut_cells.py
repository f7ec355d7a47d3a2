"""Merged cells cut by a page break, in a table whose file keeps its merged cells (a PDF).

A PDF prints a merged cell's text once, midway down the rows it spans. Where a page break
cuts a merged level-1 cell, its text stands alone on a row of the next page and the level-1
cells of its rows are blank, not copies of a merge: such a row waits for the lone label
after it (or, when none comes, keeps the group above, reported as uncertain); a lone
level name no row waits for is read as any other row (a side label such as 绩效指标). The rows of
the next page may also lack the side label column (分解目标) whose cell was cut: they are
shorter than the header, their cells under its last columns.
"""

from dataclasses import dataclass, field, replace

from jixiao.io.document import Block, Ledger
from jixiao.io.structure.columns import BLOCK, Header
from jixiao.io.structure.rows import Row, Table, read_row
from jixiao.io.vocabulary import Vocabulary

WHY = (
    "跨页截断的合并单元格：一级指标取自上一行",
    "a merged cell cut by a page break: level 1 taken from the row above",
)


@dataclass
class CutCells:
    """What a table's merged cells told so far."""

    merges: bool = False  # a row of this table repeated a merged cell (the file keeps them)
    waiting: list[int] = field(default_factory=list)  # indicators whose level-1 cell was cut
    label: str | None = None  # the lone label read last: the level-1 of blank cells below it


def side_cut(block: Block, header: Header) -> dict[int, int] | None:
    """Column → cell of a row printed without the header's leading side label columns."""
    missing = len(header.columns) - len(block.cells)
    if len(block.cells) < 2 or missing <= 0:
        return None
    if any(c.field != BLOCK for c in header.columns[:missing]):
        return None
    return {c.index: c.index - missing for c in header.columns[missing:]}


def lone_level1(block: Block, level1_names: tuple[str, ...]) -> str | None:
    """The level-1 name a row holds alone, not repeated from a merge above; else None."""
    if len(block.filled) != 1:
        return None
    index, text = block.filled[0]
    name = "".join(text.split())
    return name if block.cells[index].copy_of is None and name in level1_names else None


def read_cut_row(
    block: Block,
    header: Header,
    ledger: Ledger,
    at: dict[int, int] | None,
    table: Table,
    cut: CutCells,
    vocab: Vocabulary,
) -> None:
    """Read a table row, minding cut cells: a lone level-1 label settles the rows waiting for it."""
    cut.merges = cut.merges or any(c.copy_of is not None for c in block.cells)
    if not cut.merges:  # nothing to tell a cut cell from one the text lost
        read_row(Row(block, header, ledger, at), table, vocab)
        return
    level1 = header.first("level1")
    # only rows waiting for it tell a cut cell's text from a side label (绩效指标) printed midway
    names = vocab.words("indicators.levels", "level1")
    lone = lone_level1(block, names) if level1 and cut.waiting else None
    if lone is not None and level1 is not None:
        read_row(Row(block, header, ledger, {level1.index: block.filled[0][0]}), table, vocab)
        _settle(table, cut, lone)
        return
    at = at if at is not None else side_cut(block, header)
    row = Row(block, header, ledger, at)
    blank = _level1_blank(block, header, at)
    if not blank and row.text(level1):
        cut.label = None  # a row naming its own level-1 ends the cut cell's rows
    count = len(table.indicators)
    read_row(row, table, vocab)
    if blank and len(table.indicators) > count and cut.label is None:
        _wait(table, cut)


def _level1_blank(block: Block, header: Header, at: dict[int, int] | None) -> bool:
    """Whether a row of a merge-keeping table has a blank level-1 cell of its own."""
    level1 = header.first("level1")
    if level1 is None:
        return False
    index = level1.index if at is None else at.get(level1.index)
    if index is None or index >= len(block.cells):
        return True
    return block.cells[index].blank and block.cells[index].copy_of is None


def _wait(table: Table, cut: CutCells) -> None:
    """The indicator just read was cut from its level-1: the lone label may follow."""
    index = len(table.indicators) - 1
    cut.waiting.append(index)
    chosen = table.indicators[index].level1 or ""
    table.uncertain.append((f"indicators[{index}].level1", chosen, [chosen], *WHY))


def _settle(table: Table, cut: CutCells, name: str) -> None:
    """A lone label: the level-1 of the rows waiting for it and of blank cells below it."""
    paths = {f"indicators[{i}].level1" for i in cut.waiting}
    table.uncertain[:] = [u for u in table.uncertain if u[0] not in paths]
    for i in cut.waiting:
        table.indicators[i] = replace(table.indicators[i], level1=name)
    cut.waiting, cut.label = [], name
