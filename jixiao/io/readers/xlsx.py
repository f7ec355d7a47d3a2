"""Excel workbooks: every sheet, one block per row, each cell's text as the sheet prints it.

The package's XML is read directly (``xlsx_book`` for the workbook-wide parts, this module
for the sheets): a spreadsheet library builds a style object per cell and a merged-cell
object per covered cell, most of the time a form took to read (see ``bench/README.md``).

A merged range shows its text once, at its top-left cell. Because a form's merged level-1
cell belongs to every row it spans, the text is repeated into the cells below the origin
(``Cell.copy_of`` names the origin, so the ledger counts it once); the cells to the right of
the origin stay blank, so a horizontally merged cell is still one cell. A value stored in a
covered cell of a merged range is hidden by the merge and not read.

Cell values print as the sheet shows them (``numfmt``): numbers with the format's decimals
and ``%``, at most 15 significant digits; dates as ISO dates; booleans ``TRUE``/``FALSE``;
error values as stored (``#DIV/0!``); formulas by their cached result.
"""

import math
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from functools import lru_cache
from io import BytesIO
from xml.etree.ElementTree import Element, fromstring, iterparse

from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.problems import ReadError
from jixiao.io.readers.numfmt import (
    printed_moment,
    printed_number,
    serial_to_datetime,
)
from jixiao.io.readers.package import Package, damaged, too_large
from jixiao.io.readers.xlsx_book import (
    KIND,
    XML_ERRORS,
    Book,
    Style,
    namespace,
    open_book,
    text_of,
)

__all__ = ["MAX_CELLS", "printed_number", "read"]

# The most cells holding a value a workbook may have, all sheets together.
MAX_CELLS = 200_000
# The most places a sheet's rows (blank cells included) or its merged ranges may cover.
MAX_SPREAD = 2_000_000
# A sheet part up to this size is parsed whole (twice as fast); a larger one row by row,
# so that a sheet formatted down to its millionth row does not fill the memory.
IN_MEMORY_BYTES = 4 * 1024 * 1024
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_PLAIN_STYLE = Style()

Grid = dict[tuple[int, int], str]  # (row, column) → printed text of a cell holding a value
Origins = dict[tuple[int, int], tuple[int, int]]  # merged cell → its range's top-left


def read(name: str, data: bytes) -> Document:
    """Every sheet's rows, in sheet order; wholly blank rows are left out.

    Raises:
        ReadError: the package is damaged, or holds more than ``MAX_CELLS`` values.
    """
    package = Package(name, data, KIND)
    book = open_book(package)
    blocks: list[Block] = []
    budget = MAX_CELLS
    for title, part in book.sheets:
        try:
            grid, ranges = sheet_cells(name, package.read(part), book, budget)
        except XML_ERRORS:
            raise damaged(name, KIND) from None
        budget -= len(grid)
        blocks.extend(sheet_blocks(name, title, grid, ranges, len(blocks)))
    return Document(name, tuple(blocks), "xlsx")


def sheet_cells(
    name: str, xml: bytes, book: Book, budget: int
) -> tuple[Grid, list[tuple[int, int, int, int]]]:
    """The printed text of every cell holding a value, and the merged ranges.

    Ranges are ``(first row, first column, last row, last column)``, 1-based.

    Raises:
        ReadError: the sheet holds more than ``budget`` values.
        ParseError, ValueError, IndexError: the sheet's XML is damaged.
    """
    references: list[str] = []
    rows = (_tree_rows if len(xml) <= IN_MEMORY_BYTES else _streamed_rows)(xml, references)
    grid: Grid = {}
    row_number = 0
    for ns, row in rows:
        row_number = int(row.get("r") or row_number + 1)
        _row_cells(row, row_number, ns, book, grid)
        if len(grid) > budget:
            raise too_large(name, KIND, f"超过 {MAX_CELLS} 个单元格", f"over {MAX_CELLS} cells")
    return grid, [_range(reference) for reference in references if reference]


def _tree_rows(xml: bytes, references: list[str]) -> Iterator[tuple[str, Element]]:
    """``(namespace, row)`` of a sheet parsed whole; merged ranges go to ``references``."""
    root = fromstring(xml)
    ns = namespace(root)
    references.extend(merged.get("ref", "") for merged in root.iter(f"{ns}mergeCell"))
    for row in root.iter(f"{ns}row"):
        yield ns, row


def _streamed_rows(xml: bytes, references: list[str]) -> Iterator[tuple[str, Element]]:
    """``(namespace, row)`` of a large sheet, each row dropped once read."""
    events = iterparse(BytesIO(xml), events=("start", "end"))
    _, root = next(events)
    ns = namespace(root)
    row_tag, merge_tag = f"{ns}row", f"{ns}mergeCell"
    for event, element in events:
        if event == "start":
            continue
        if element.tag == row_tag:
            yield ns, element
            element.clear()
        elif element.tag == merge_tag:
            references.append(element.get("ref", ""))


def _row_cells(row: Element, number: int, ns: str, book: Book, grid: Grid) -> None:
    """Put the printed text of a row's cells that hold a value into ``grid``."""
    column = 0
    cell_tag = f"{ns}c"
    for cell in row.iterfind(cell_tag):
        reference = cell.get("r")
        if reference:
            match = _REFERENCE.fullmatch(reference)
            if match is None:
                raise ValueError(reference)
            number, column = int(match[2]), _column_number(match[1])
        else:
            column += 1
        text = cell_text(cell, ns, book)
        if text is not None:
            grid[number, column] = text


def cell_text(cell: Element, ns: str, book: Book) -> str | None:
    """A cell's printed text, or ``None`` when it holds no value (an empty styled cell).

    Raises:
        IndexError: a shared string the workbook does not have.
        ValueError: a number that is not one.
    """
    kind = cell.get("t", "n")
    inline = kind == "inlineStr"
    wanted = ns + ("is" if inline else "v")
    for child in cell:  # a loop over the few children is faster than find()
        if child.tag == wanted:
            if inline:
                return text_of(child, ns)
            return _typed_text(kind, child.text, cell.get("s"), book) if child.text else None
    return None


def _typed_text(kind: str, value: str, style: str | None, book: Book) -> str:
    """The printed text of a stored value of type ``kind`` (``t``; ``n`` when absent)."""
    if kind == "n":
        return _printed_numeric(value, _style(book, style), book.date1904)
    if kind == "s":
        return book.strings[int(value)]
    if kind == "b":
        return "TRUE" if int(value) else "FALSE"
    if kind == "d":
        return _printed_iso(value)
    return value  # str (a formula's text), e (an error such as #DIV/0!)


def _style(book: Book, index: str | None) -> Style:
    number = int(index) if index else 0
    return book.styles[number] if 0 <= number < len(book.styles) else _PLAIN_STYLE


def _printed_numeric(value: str, style: Style, date1904: bool) -> str:
    number = float(value) if "." in value or "e" in value or "E" in value else int(value)
    if not math.isfinite(number):
        return value  # beyond what a sheet can hold (1e400): the stored text
    if not style.date:
        return printed_number(number, style.code)
    try:
        return printed_moment(serial_to_datetime(number, date1904, style.duration))
    except (OverflowError, ValueError):
        return "#VALUE!"  # a date format on a number no calendar holds


def _printed_iso(value: str) -> str:
    """A ``t="d"`` cell: an ISO 8601 date, time or date and time, printed as stored."""
    for kind in (datetime, date, time):
        try:
            return printed_moment(kind.fromisoformat(value.rstrip("Z")))
        except ValueError:
            continue
    return value


@lru_cache(maxsize=1024)
def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _range(reference: str) -> tuple[int, int, int, int]:
    """``A1:B3`` → ``(1, 1, 3, 2)``; a single cell ``C4`` → ``(4, 3, 4, 3)``."""
    first, _, last = reference.partition(":")
    start, end = _REFERENCE.fullmatch(first), _REFERENCE.fullmatch(last or first)
    if start is None or end is None:
        raise ValueError(reference)
    rows = sorted((int(start[2]), int(end[2])))
    columns = sorted((_column_number(start[1]), _column_number(end[1])))
    return rows[0], columns[0], rows[1], columns[1]


def merged_origins(
    ranges: list[tuple[int, int, int, int]], last_row: int, last_column: int
) -> Origins:
    """``(row, column)`` of every merged cell → ``(row, column)`` of its range's top-left.

    Ranges are cut at the last row and column holding text: a range merged down to the
    sheet's end would otherwise stand for millions of cells.
    """
    origins = {}
    for merged in ranges:
        for at in _cut(merged, last_row, last_column):
            origins[at] = merged[:2]
    return origins


def _cut(merged: tuple[int, int, int, int], last_row: int, last_column: int) -> Iterator:
    """The ``(row, column)`` of a merged range up to a last row and column."""
    min_row, min_col, max_row, max_col = merged
    for row in range(min_row, min(max_row, last_row) + 1):
        for column in range(min_col, min(max_col, last_column) + 1):
            yield row, column


def _cut_size(merged: tuple[int, int, int, int], last_row: int, last_column: int) -> int:
    rows = min(merged[2], last_row) - merged[0] + 1
    columns = min(merged[3], last_column) - merged[1] + 1
    return max(rows, 0) * max(columns, 0)


def _extent(cells: Grid) -> tuple[int, int]:
    """The last row and the last column holding a value."""
    return max((r for r, _ in cells), default=0), max((c for _, c in cells), default=0)


def sheet_blocks(name: str, title: str, grid: Grid, ranges: list, first_index: int) -> list[Block]:
    """One block per row holding text, cells up to the sheet's last column holding text.

    Raises:
        ReadError: the rows, blanks included, or the merged ranges spread over more than
            ``MAX_SPREAD`` cells (a few values far apart, merged over the whole sheet).
    """
    last_row, last_column = _extent(grid)
    if sum(_cut_size(merged, last_row, last_column) for merged in ranges) > MAX_SPREAD:
        raise _spread_too_far(name)
    covered = {  # values a merge hides: inside a range, not its top-left
        at
        for merged in ranges
        for at in _cut(merged, last_row, last_column)
        if at in grid and at != merged[:2]
    }
    filled = {at: text for at, text in grid.items() if at not in covered}
    last_row, width = _extent(filled)
    origins = merged_origins(ranges, last_row, width)
    copied_rows = {
        row for (row, column), top in origins.items() if top in filled and column == top[1]
    }
    rows = sorted({row for row, _ in filled} | copied_rows)
    if len(rows) * width > MAX_SPREAD:
        raise _spread_too_far(name)
    blocks = []
    for row in rows:
        cells = tuple(
            _cell(name, title, (row, column), filled, origins) for column in range(1, width + 1)
        )
        block = Block(index=first_index + len(blocks), cells=cells)
        if not block.blank:
            blocks.append(block)
    return blocks


def _spread_too_far(name: str) -> ReadError:
    return too_large(
        name, KIND, f"单元格分布超过 {MAX_SPREAD} 个位置", f"cells spread over {MAX_SPREAD} places"
    )


def _cell(name: str, sheet: str, at: tuple[int, int], filled: Grid, origins: Origins) -> Cell:
    source = Source(file=name, sheet=sheet, row=at[0], column=at[1])
    origin = origins.get(at, at)
    if origin == at:
        return Cell(filled.get(at, ""), source)
    if origin[1] != at[1] or origin not in filled:
        return Cell("", source)  # right of the origin: the merged cell is printed once
    copy_of = Source(file=name, sheet=sheet, row=origin[0], column=origin[1])
    return Cell(filled[origin], source, copy_of=copy_of)
