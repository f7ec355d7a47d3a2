"""Word documents (python-docx): paragraphs and table rows, in document order.

A paragraph is a block of one cell; a table row is a block of one cell per grid column.
Merged cells are resolved as in spreadsheets: python-docx hands out the same cell once per
grid column it spans (a horizontal merge) and the top cell again for each row below it in a
vertical merge. The first is printed once (the columns to its right are blank); the second
is repeated into the rows below with ``Cell.copy_of`` naming the top cell.
"""

from collections import Counter
from io import BytesIO

import docx
from docx.table import Table

from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.problems import unreadable
from jixiao.io.readers.package import Package


def read(name: str, data: bytes) -> Document:
    """Every body paragraph and table row; empty paragraphs are left out."""
    Package(name, data, "DOCX")  # refuses a damaged or oversized package before parsing
    try:
        document = docx.Document(BytesIO(data))
    except Exception:  # a damaged package fails in zipfile, lxml or python-docx alike
        raise unreadable(
            name,
            "truncated-file",
            "DOCX 文件已损坏或被截断，无法打开",
            "the DOCX file is damaged or truncated and cannot be opened",
        ) from None
    blocks: list[Block] = []
    tables = 0
    for number, item in enumerate(document.iter_inner_content(), start=1):
        if isinstance(item, Table):
            tables += 1
            blocks.extend(table_blocks(name, item, f"table {tables}", len(blocks)))
        elif item.text.strip():
            cell = Cell(item.text, Source(file=name, line=number))
            blocks.append(Block(index=len(blocks), cells=(cell,)))
    return Document(name, tuple(blocks), "docx")


def table_blocks(name: str, table: Table, label: str, first_index: int) -> list[Block]:
    """One block per non-blank row, merged cells resolved."""
    # The XML element of each cell already read → its source: a vertical merge hands out
    # the top cell's element again in the rows below.
    origins: dict[object, Source] = {}
    rows: list[list[Cell]] = []
    blocks: list[Block] = []
    for row_number, row in enumerate(table.rows, start=1):
        cells = [
            Cell("", Source(file=name, sheet=label, row=row_number, column=column))
            for column in range(1, row.grid_cols_before + 1)
        ]
        previous = None
        for cell in row.cells:
            source = Source(file=name, sheet=label, row=row_number, column=len(cells) + 1)
            element = cell._tc  # private, but the only handle on the cell across rows
            if cell is previous:
                cells.append(Cell("", source))  # a horizontal merge: printed once
            elif element in origins:
                cells.append(Cell(_text(cell), source, copy_of=origins[element]))
            else:
                origins[element] = source
                cells.append(Cell(_text(cell), source))
            previous = cell
        rows.append(cells)
    for cells in _rows_moved_up(rows):
        block = Block(index=first_index + len(blocks), cells=tuple(cells))
        if not block.blank:
            blocks.append(block)
    return blocks


def _rows_moved_up(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows, with a row that Writer moved into a row of merge continuations put back.

    Writer, importing HTML, fills a row that rowspans cover entirely (``<tr></tr>``) with
    the next row's cells, in grid columns past every other row's text. Such a row (cells of
    its own there, continuations before them) is read as the row it was: its own cells from
    the first column, the continuations left out.
    """

    def text_columns(cells: list[Cell]) -> set[int]:
        return {i for i, c in enumerate(cells) if not c.blank and c.copy_of is None}

    columns = [text_columns(cells) for cells in rows]
    rows_using = Counter(column for used in columns for column in used)
    result = []
    for number, cells in enumerate(rows):
        others = [c for c, n in rows_using.items() if n > (c in columns[number])]
        width = max(others, default=-1) + 1
        continued = any(c.copy_of is not None for c in cells[:width])
        if continued and len(columns[number]) > 1 and min(columns[number]) >= width:
            own = [c for c in cells[width:] if c.copy_of is None]
            blank = [Cell("", c.source) for c in cells[: len(cells) - len(own)]]
            result.append(own + blank)
        else:
            result.append(cells)
    return result


def _text(cell) -> str:
    """A cell's paragraphs one per line, with the text of any table nested in it."""
    lines = [paragraph.text for paragraph in cell.paragraphs]
    for nested in cell.tables:
        lines.extend(" ".join(c.text for c in row.cells) for row in nested.rows)
    return "\n".join(line for line in lines if line.strip())
