"""What readers produce and importers consume: blocks of cells that know where they came from.

Slotted, not frozen (three times cheaper to make); hashed by value: never change one.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(slots=True, unsafe_hash=True)
class Source:
    """Where a piece of text stands in the original file."""

    file: str | None = None
    page: int | None = None  # 1-based PDF page
    line: int | None = None  # 1-based line of a text file
    sheet: str | None = None  # spreadsheet or table name
    row: int | None = None  # 1-based table row
    column: int | None = None  # 1-based table column

    def label(self) -> str:
        """Short human label: ``line 12``, ``p.2 line 7``, ``Sheet1!B4``, ``table 1 row 3 col 2``."""
        parts = []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.sheet is not None and self.row is not None and self.column is not None:
            letters, column = "", self.column
            while column:
                column, rest = divmod(column - 1, 26)
                letters = chr(65 + rest) + letters
            parts.append(f"{self.sheet}!{letters}{self.row}")
        elif self.row is not None:
            parts.append(f"row {self.row}" + (f" col {self.column}" if self.column else ""))
        if self.line is not None:
            parts.append(f"line {self.line}")
        return " ".join(parts) or "—"


@dataclass(slots=True, unsafe_hash=True)
class Cell:
    """One cell's text, as extracted (not yet normalised)."""

    text: str
    source: Source
    copy_of: Source | None = None  # set where a merged cell's text was repeated into this cell

    @property
    def blank(self) -> bool:
        """Whether the cell holds no text."""
        return not self.text.strip()


@dataclass(slots=True, unsafe_hash=True, init=False)
class Block:
    """A printed line (one cell) or a table row (a cell a column, blanks kept: merged cells)."""

    index: int
    cells: tuple[Cell, ...]
    # computed once, read tens of thousands of times a file
    texts: list[str] = field(init=False, repr=False, compare=False)  # every cell's, stripped
    filled: list[tuple[int, str]] = field(init=False, repr=False, compare=False)  # non-blank
    text: str = field(init=False, repr=False, compare=False)  # those joined by a space
    blank: bool = field(init=False, repr=False, compare=False)

    def __init__(self, index: int, cells: tuple[Cell, ...]) -> None:
        self.index = index
        self.cells = cells
        if len(cells) == 1:  # a line of plain text: most blocks
            self.text = text = cells[0].text.strip()
            self.texts = [text]
            self.filled = [(0, text)] if text else []
        else:
            self.texts = texts = [c.text.strip() for c in cells]
            self.filled = [(i, t) for i, t in enumerate(texts) if t]
            self.text = " ".join(filter(None, texts))
        self.blank = not self.filled


@dataclass(frozen=True)
class Document:
    """A file's text as blocks, in reading order."""

    name: str
    blocks: tuple[Block, ...]
    kind: str = "text"  # text | xlsx | docx | pdf | html
    notes: tuple[str, ...] = ()  # what the reader had to do (decoded as GB18030, …)

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)


@dataclass
class Ledger:
    """Which cells have been placed in a form (or explained by a finding); the rest is reported."""

    taken: set[tuple[int, int]] = field(default_factory=set)

    def take(self, block: Block, cell: int | None = None) -> None:
        """Mark one cell, or every cell of a block, as placed."""
        if cell is not None:
            self.taken.add((block.index, cell))
        else:
            self.taken.update([(block.index, i) for i in range(len(block.cells))])

    def is_taken(self, block: Block, cell: int) -> bool:
        """Whether a cell has been placed."""
        return (block.index, cell) in self.taken

    def leftovers(self, document: Document) -> list[tuple[Block, int, Cell]]:
        """Non-blank cells nobody placed; cells repeated from a merge count once, at their origin."""
        taken = self.taken
        return [
            (block, i, cell)
            for block in document.blocks
            for i, _ in block.filled
            if (cell := block.cells[i]).copy_of is None and (block.index, i) not in taken
        ]
