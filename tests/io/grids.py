"""Small spreadsheet-like documents built in code, for importer tests."""

from jixiao.io.document import Block, Cell, Document, Source


def grid(rows: list[list[str]]) -> Document:
    """A document of spreadsheet rows; ``^text`` is a merged cell repeated from above."""
    blocks = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            copy = Source(sheet="S", row=r, column=c + 1) if text.startswith("^") else None
            cells.append(
                Cell(text.removeprefix("^"), Source(sheet="S", row=r + 1, column=c + 1), copy)
            )
        blocks.append(Block(r, tuple(cells)))
    return Document("grid.xlsx", tuple(blocks), "xlsx")
