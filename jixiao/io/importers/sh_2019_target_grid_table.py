"""The 分解目标 table of a sh-2019-target form typed into a grid.

Each row is level-1 | 绩效指标 | 指标目标值, the level-1 cell merged down over its rows
(the readers repeat it below with ``Cell.copy_of`` set). Where a page break cuts a merged
cell, the PDF prints its text once, on a row of its own on the next page, and leaves the
level-1 cells of the cut rows empty: rows with an empty level-1 cell before such a lone
label are its rows, and so are the rows after it until a row names its own level-1.
"""

from dataclasses import dataclass, field, replace

from jixiao.core.model import Group, Indicator
from jixiao.io.document import Block, Cell, Ledger
from jixiao.io.importers import sh_2019_target_vocab as vocab
from jixiao.io.importers.plain_text import looks_labelled
from jixiao.io.text import join_lines, squeeze

GROUP_OF = {name: key for key, names in vocab.GROUPS.items() for name in names}


def group_name(text: str) -> str | None:
    """The printed level-1 name a cell holds (a wrapped one made whole), or None."""
    name = squeeze(text)
    return name if name in GROUP_OF else None


@dataclass
class GridTable:
    """The indicator rows read so far."""

    ledger: Ledger
    indicators: list[Indicator] = field(default_factory=list)
    printed: dict[str, str] = field(default_factory=dict)  # group key → printed name
    waiting: list[int] = field(default_factory=list)  # rows whose level-1 cell was cut
    cut_label: str | None = None  # the lone label printed last, for the cut rows below it

    def read(self, block: Block, cells: list[tuple[int, Cell]], labels: frozenset[str]) -> bool:
        """Place a table row (or a lone level-1 label); False when the row is none."""
        if len(cells) == 1 and (lone := group_name(cells[0][1].text)):
            self._lone_label(lone)
            self.ledger.take(block, cells[0][0])
            return True
        level1 = next((c.text for c in block.cells if c.copy_of and group_name(c.text)), None)
        if cells and group_name(cells[0][1].text):
            level1 = cells[0][1].text
            self.ledger.take(block, cells[0][0])
            cells = cells[1:]
        if len(cells) < 2 or squeeze(cells[0][1].text) in labels:
            return False
        if level1 is None and not _level1_cell_empty(block, cells):
            return False
        self._add(level1, cells)
        for i, _ in cells:
            self.ledger.take(block, i)
        return True

    def _lone_label(self, printed: str) -> None:
        """A cut merged cell's text: the level-1 of the rows waiting for one."""
        name = group_name(printed) or printed
        self._note(name)
        for i in self.waiting:
            self.indicators[i] = replace(self.indicators[i], level1=name)
        self.waiting = []
        self.cut_label = name

    def _add(self, level1: str | None, cells: list[tuple[int, Cell]]) -> None:
        name = group_name(level1) if level1 else self.cut_label
        if level1:
            self.cut_label = None  # a row naming its own level-1 ends the cut cell's rows
        if name is None:
            self.waiting.append(len(self.indicators))
        else:
            self._note(name)
        target = "".join(join_lines(c.text) for _, c in cells[1:])
        self.indicators.append(
            Indicator(level1=name, level2=None, name=join_lines(cells[0][1].text), target=target)
        )

    def _note(self, name: str) -> None:
        self.printed.setdefault(GROUP_OF[name], name)

    def settle(self) -> list[int]:
        """Rows still waiting for a level-1 at the table's end: they take the row above's.

        Returns their indexes: no lone label followed them, so the choice is a guess.
        """
        guessed = self.waiting
        for i in guessed:
            above = self.indicators[i - 1].level1 if i > 0 else None
            self.indicators[i] = replace(self.indicators[i], level1=above)
        self.waiting = []
        return guessed

    def groups(self) -> tuple[Group, ...]:
        """The level-1 groups printed, in the template's order."""
        return tuple(Group(self.printed[key]) for key in vocab.GROUPS if key in self.printed)


def _level1_cell_empty(block: Block, cells: list[tuple[int, Cell]]) -> bool:
    """A row whose first cells (分解目标, level-1) are empty: a row cut from its level-1.

    A row of ``label：value`` cells (填报人：…) after the table is none.
    """
    return block.cells[0].blank and cells[0][0] > 0 and not looks_labelled(cells[0][1].text)
