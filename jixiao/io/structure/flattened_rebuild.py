"""Flattened PDF text's forms rebuilt as rows of cells (``flattened``).

Each form becomes what a table copy gives: its title, one row per head label and its value,
the indicator header, the rows (a group's name with its points on its first row) and the
total. Every rebuilt cell keeps the lines it was read from (``Restored.origins``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.findings import Finding
from jixiao.io.document import Block, Cell, Document, Ledger, Source
from jixiao.io.structure.flattened_groups import Doubt
from jixiao.io.structure.flattened_head import Entry
from jixiao.io.structure.wrapped_rows import Piece, WrappedRow
from jixiao.io.vocabulary import vocabulary

NUMBER_FIELDS = ("weight", "score")  # the trailing number columns of a row


@dataclass
class FlatForm:
    """What one form's lines were sorted into."""

    title: Piece | None = None
    entries: list[Entry] = field(default_factory=list)
    header: list[Piece] = field(default_factory=list)
    rows: list[WrappedRow] = field(default_factory=list)
    groups: dict[str, Decimal] = field(default_factory=dict)
    group_pieces: dict[str, Piece] = field(default_factory=dict)
    total: tuple[Piece, list[Piece]] | None = None
    orphans: list[Piece] = field(default_factory=list)
    apart: dict[str, list[Piece]] = field(default_factory=dict)  # lines after a group's label
    last_group: str | None = None


@dataclass
class Restored:
    """The rebuilt document and, for each rebuilt cell, the original lines it came from."""

    document: Document
    origins: dict[tuple[int, int], list[int]]
    doubts: list[tuple[int, Doubt]] = field(default_factory=list)  # (form, doubt)
    findings: list[Finding] = field(default_factory=list)

    def take(self, own: Ledger, original: Document, ledger: Ledger) -> None:
        """Take from ``ledger`` each original line all of whose rebuilt cells were placed."""
        placed: dict[int, bool] = {}
        for (block, cell), lines in self.origins.items():
            taken = (block, cell) in own.taken
            for line in lines:
                placed[line] = placed.get(line, True) and taken
        for block in original:
            if placed.get(block.index):
                ledger.take(block)


def rebuild(doc: Document, forms: list[FlatForm]) -> Restored:
    """Rows of cells for every form, in a table copy's order."""
    out: list[list[Piece]] = []
    for form in forms:
        if form.title is not None:
            out.append([form.title])
        out.extend([entry.label, entry.value or Piece("")] for entry in form.entries)
        out.extend([o] for o in form.orphans)  # values no label took: reported as unplaced
        if form.header:
            out.extend(_table(form))
    return rows_document(doc, out)


def _table(form: FlatForm) -> list[list[Piece]]:
    """The header, the rows (each group's name on its first row) and the total."""
    out = [form.header]
    fields = [vocabulary().field("indicators.columns", p.text) for p in form.header]
    seen: set[str] = set()
    for row in form.rows:
        group = None
        if row.group and row.group not in seen:
            seen.add(row.group)
            group = form.group_pieces.get(row.group, Piece(row.group))
        out.append(_row_cells(fields, row, group))
    out.extend([piece] for name, piece in form.group_pieces.items() if name not in seen)
    if form.total is not None:
        label, numbers = form.total
        cells = [Piece("") for _ in fields]
        cells[0] = label
        for at, number in zip(_number_positions(fields), numbers, strict=False):
            cells[at] = number
        out.append(cells)
    return out


def _number_positions(fields: list[str | None]) -> list[int]:
    return [i for i, f in enumerate(fields) if f in NUMBER_FIELDS]


def _row_cells(fields: list[str | None], row: WrappedRow, group: Piece | None) -> list[Piece]:
    cells = [Piece("") for _ in fields]
    for at, f in enumerate(fields):
        if f == "level1" and group is not None:
            cells[at] = group
        elif f == "name":
            cells[at] = row.name
        elif f == "explanation":
            cells[at] = row.explanation
        elif f == "note" and row.note is not None:
            cells[at] = row.note
    for at, number in zip(_number_positions(fields), row.numbers, strict=False):
        cells[at] = number
    return cells


def rows_document(doc: Document, rows: list[list[Piece]]) -> Restored:
    """The document of rebuilt rows, each cell knowing the lines it came from."""
    origins: dict[tuple[int, int], list[int]] = {}
    blocks = []
    first = doc.blocks[0].index if doc.blocks else 0
    for index, row in enumerate(rows):
        cells = []
        for at, piece in enumerate(row):
            line = doc.blocks[piece.lines[0] - first] if piece.lines else None
            source = line.cells[0].source if line else Source(doc.name)
            cells.append(Cell(piece.text, source))
            if piece.lines and piece.text.strip():
                origins[(index, at)] = piece.lines
        blocks.append(Block(index, tuple(cells)))
    return Restored(Document(doc.name, tuple(blocks), doc.kind, doc.notes), origins)
