"""sh-2019-target forms typed into a grid (XLSX, and the PDF, HTML and DOCX printed from it).

The official form is a table: each label stands in a cell of its own in the left column
(or beside its value: ``开始时间 | 2019/5/1 | 结束时间 | 2019/9/30``), its value in the
next cell; the check boxes are typed as text (``经常性专项业务费√ 其他经常性项目□``); the
项目当年投入资金构成 cell is merged down over the 子项目名称 / 预算金额 rows, 分解目标 over
the indicator table, and each level-1 cell over its rows (the readers repeat a merged
cell below with ``Cell.copy_of`` set). Read cell by cell, nothing is left to the
position guesses the plain-text reader must make; only a PDF's line breaks inside a
prose cell may leave a paragraph break unsettled (``cell_paragraphs``).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.findings import Finding
from jixiao.core.model import Component, Form, FormKind, Funds, Goals, Project
from jixiao.io.document import Block, Cell, Ledger
from jixiao.io.importers import sh_2019_target_vocab as vocab
from jixiao.io.importers.base import uncertain
from jixiao.io.importers.plain_text import starts_mid_sentence
from jixiao.io.importers.sh_2019_target_grid_table import GridTable
from jixiao.io.text import amount, iso_date, join_lines, squeeze

_BOX = re.compile(rf"([^{vocab.TICKED}{vocab.UNTICKED}]+)([{vocab.TICKED}{vocab.UNTICKED}])")
_YEAR = re.compile(r"[（(]?(\d{4})年度?[)）]?")
_UNIT = re.compile(r"[（(](万?元)[)）]$")
# A label and its value typed into one cell: ``申报单位名称：示范区…``.
_INLINE = re.compile(r"^(?P<label>[^:：]{2,20})[:：](?P<value>.+)$", re.S)
# What ends a sentence, so that a break after it may end a paragraph.
PARAGRAPH_END = "。！？；!?;"
BOX_FIELDS = {vocab.TYPE_LABEL: "category", "资金用途": "funds_use"}
SECTION_OF = {
    name: key for key, names in vocab.HEAD_SECTIONS + vocab.GOAL_SECTIONS for name in names
}
GOAL_FIELDS = ("overall", "annual")
# Labels that stand alone (a header cell): the rows after them are components or indicators.
COMPONENT_HEADER = frozenset(vocab.COMPONENT_LABELS)
TABLE_HEADER = frozenset({vocab.TABLE_START, *vocab.TABLE_HEADER})
VALUE_LABELS = frozenset(
    {
        vocab.UNIT_LABEL,
        "项目名称",
        vocab.TYPE_LABEL,
        "资金用途",
        vocab.START_DATE_LABEL,
        vocab.END_DATE_LABEL,
        *vocab.FUNDS_LABELS,
        *SECTION_OF,
    }
)


def label_key(text: str) -> str:
    """A cell's text as a label: no whitespace (a wrapped label cell), unit or colon after it."""
    return _UNIT.sub("", squeeze(text).rstrip(":："))


def is_grid_form(blocks: list[Block]) -> bool:
    """Whether a form was typed into a grid: a row holds a label cell and its value cell."""
    for block in blocks:
        filled = [c for c in block.cells if not c.blank]
        if is_grid_row(block) and len(filled) > 1 and label_key(filled[0].text) in VALUE_LABELS:
            return True
    return False


def ticked(text: str) -> tuple[str, ...]:
    """The names of the ticked boxes in a check-box cell, in printed order."""
    return tuple(name for name, mark in _BOX.findall(squeeze(text)) if mark in vocab.TICKED)


@dataclass
class GridReading:
    """One grid form being read: what its cells gave so far."""

    document: str
    index: int
    ledger: Ledger
    typed_breaks: bool
    project: dict[str, object] = field(default_factory=dict)
    funds: dict[str, Decimal | None] = field(default_factory=dict)
    currency_unit: str | None = None
    components: list[Component] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)
    year: int = 0
    mode: str = "head"  # head, components or table: what the rows below a header are
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.table = GridTable(self.ledger)

    def read(self, block: Block) -> None:
        """Place one block of the form (the title block excluded)."""
        cells = [(i, c) for i, c in enumerate(block.cells) if not c.blank and c.copy_of is None]
        if len(cells) == 1 and self._year(block, cells[0]):
            return
        if self.mode == "table" and self.table.read(block, cells, VALUE_LABELS):
            return
        elif self.mode == "components" and self._component(block, cells):
            return
        else:
            self._pairs(block, cells)

    def _year(self, block: Block, cell: tuple[int, Cell]) -> bool:
        """``（2019年）`` in a row of its own below the title (the first such row only)."""
        match = _YEAR.fullmatch(squeeze(cell[1].text))
        if not match or self.year:
            return False
        self.year = int(match[1])
        self.ledger.take(block, cell[0])
        return True

    def title(self, block: Block) -> None:
        """The title block; the year printed in it (``…申报表（2019年）``), if any."""
        self.ledger.take(block)
        match = _YEAR.search(squeeze(block.text))
        self.year = int(match[1]) if match else 0

    def _pairs(self, block: Block, cells: list[tuple[int, Cell]]) -> None:
        """A row of labels, each followed by its value cell (header labels stand alone)."""
        k = self._more_boxes(block, cells)
        while k < len(cells):
            i, cell = cells[k]
            key = label_key(cell.text)
            if key not in VALUE_LABELS and _INLINE.match(cell.text.strip()):
                self._inline(block, i, cell)
            elif key in COMPONENT_HEADER or key in TABLE_HEADER:
                self.mode = "components" if key in COMPONENT_HEADER else "table"
                self._unit_of(cell.text)
                self.ledger.take(block, i)
            elif key in VALUE_LABELS:
                self.ledger.take(block, i)
                following = cells[k + 1] if k + 1 < len(cells) else None
                if following and label_key(following[1].text) not in VALUE_LABELS:
                    self._unit_of(cell.text)
                    if self._value(key, following[1].text):
                        self.ledger.take(block, following[0])
                    k += 1
            k += 1

    def _more_boxes(self, block: Block, cells: list[tuple[int, Cell]]) -> int:
        """The 项目类型 cell merged down over two rows of boxes: the second row's boxes.

        Returns how many cells that took (0 or 1).
        """
        box_label = _merged_box_label(block, cells[0][0]) if cells else None
        if box_label is None:
            return 0
        if self._value(box_label, cells[0][1].text):
            self.ledger.take(block, cells[0][0])
        return 1

    def _inline(self, block: Block, i: int, cell: Cell) -> None:
        """A label and its value typed into one cell (``申报单位名称：示范区…``)."""
        inline = _INLINE.match(cell.text.strip())
        key = label_key(inline["label"]) if inline else ""
        if inline and key in VALUE_LABELS:
            self._unit_of(inline["label"])
            if self._value(key, inline["value"]):
                self.ledger.take(block, i)

    def _unit_of(self, label: str) -> None:
        match = _UNIT.search(squeeze(label))
        if match and self.currency_unit is None:
            self.currency_unit = match[1]

    def _value(self, key: str, text: str) -> bool:
        """Put a label's value in its field; False when it is no value of that label."""
        if key in vocab.FUNDS_LABELS:
            value = amount(squeeze(text))
            self.funds[vocab.FUNDS_LABELS[key]] = value
            return value is not None
        if key in SECTION_OF:
            return self._section(SECTION_OF[key], text)
        if key in BOX_FIELDS:
            boxes = (self.project.get(BOX_FIELDS[key]) or ()) + ticked(text)  # type: ignore[operator]
            self.project[BOX_FIELDS[key]] = boxes or None
            return bool(_BOX.search(squeeze(text)))
        if key in (vocab.START_DATE_LABEL, vocab.END_DATE_LABEL):
            day = iso_date(squeeze(text))
            self.project["start_date" if key == vocab.START_DATE_LABEL else "end_date"] = day
            return day is not None
        self.project["unit" if key == vocab.UNIT_LABEL else "name"] = join_lines(text)
        return True

    def _section(self, name: str, text: str) -> bool:
        """A prose cell; the 备注 cell has no field and stays unplaced (so reported)."""
        if name == "remark":
            return False
        chosen, other = cell_paragraphs(text, self.typed_breaks)
        (self.goals if name in GOAL_FIELDS else self.project)[name] = chosen
        if other is not None:
            path = f"goals.{name}" if name in GOAL_FIELDS else f"project.{name}"
            self.findings.append(
                uncertain(
                    self.document,
                    self.index,
                    path,
                    chosen,
                    [chosen, other],
                    "PDF中单元格内的换行可能是分段，也可能只是折行",
                    "a line break inside a PDF cell may be a paragraph or a wrapped line",
                )
            )
        return True

    def _component(self, block: Block, cells: list[tuple[int, Cell]]) -> bool:
        """A 子项目名称 / 预算金额 row: a name cell and an amount cell."""
        if len(cells) != 2 or label_key(cells[0][1].text) in VALUE_LABELS:
            self.mode = "head"
            return False
        value = amount(squeeze(cells[1][1].text))
        if value is None:
            self.mode = "head"
            return False
        self.components.append(Component(join_lines(cells[0][1].text), value))
        self.ledger.take(block, cells[0][0])
        self.ledger.take(block, cells[1][0])
        return True

    def form(self, kind: FormKind, template: str) -> Form:
        """The form the cells gave."""
        self._settle_cut_rows()
        p = self.project
        start = p.get("start_date")
        year = self.year or (start.year if start else 0)  # type: ignore[union-attr]
        return Form(
            kind=kind,
            template=template,
            year=year,
            project=Project(**p),  # type: ignore[arg-type]
            funds=Funds(
                currency_unit=self.currency_unit, components=tuple(self.components), **self.funds
            ),
            goals=Goals(overall=self.goals.get("overall"), annual=self.goals.get("annual")),
            groups=self.table.groups(),
            indicators=tuple(self.table.indicators),
        )

    def _settle_cut_rows(self) -> None:
        """Rows cut from their level-1 with no lone label after them: a guess, reported."""
        for i in self.table.settle():
            row = self.table.indicators[i]
            self.findings.append(
                uncertain(
                    self.document,
                    self.index,
                    f"indicators[{i}].level1",
                    row.level1,
                    [row.level1] if row.level1 else [],
                    f"“{row.name}”的一级指标单元格为空，后面也没有印出一级指标",
                    f"the level-1 cell of {row.name!r} is empty and no level-1 is printed after it",
                )
            )


def _merged_box_label(block: Block, first: int) -> str | None:
    """The check-box label (项目类型, 资金用途) repeated from a merge before cell ``first``."""
    for cell in block.cells[:first]:
        if cell.copy_of is not None and label_key(cell.text) in BOX_FIELDS:
            return label_key(cell.text)
    return None


def is_grid_row(block: Block) -> bool:
    """Whether a block is a row of a table (more than one column), not a printed line."""
    return len(block.cells) > 1


def cell_paragraphs(text: str, typed_breaks: bool) -> tuple[str, str | None]:
    """A prose cell's text as paragraphs, and the other reading when one was a guess.

    Where breaks were typed (XLSX, HTML, DOCX) every break is a paragraph break; in a PDF a
    break is a wrapped line, unless it follows a sentence end: there it may be either.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if typed_breaks:
        return "\n".join(join_lines(line) for line in lines), None
    paragraphs: list[list[str]] = []
    for line in lines:
        ends_sentence = paragraphs and paragraphs[-1][-1][-1] in PARAGRAPH_END
        if paragraphs and not (ends_sentence and not starts_mid_sentence(line)):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    chosen = "\n".join(join_lines("\n".join(p)) for p in paragraphs)
    return chosen, join_lines("\n".join(lines)) if len(paragraphs) > 1 else None
