"""PDF files: ruled tables as rows of cells, other text as lines, page by page.

On each page the ruled tables are found from their lines; each table row becomes a block
of one cell per grid column, and every line of text outside the tables a block of one
cell; all are put in vertical reading order. A merged cell is drawn once, as one box over
several grid cells: its text is repeated into the grid cells below it (``Cell.copy_of``
names the box's top-left cell) and the grid cells to its right stay blank, as in XLSX.
A table a page break cuts is read as one: its part on the next page in the columns of the
part above, and a merged cell cut in two as one cell (the part below a copy).

PDF has no text to read when it is encrypted with a password or when its pages are only
images (a scan): both are refused with a ``ReadError``; OCR is not supported.

PDFium reads each page's characters and ruling lines (``pdf_objects``); pdfplumber's table
finder and text-line grouping, run on them, find the tables and lines.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium
from pdfplumber.table import Table
from pdfplumber.utils import chars_to_textmap

from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.problems import ReadError, unreadable
from jixiao.io.readers.pdf_objects import PageObjects, page_objects
from jixiao.io.readers.pdf_tables import cell_texts, find_tables

# Some PDF fonts map CJK characters to look-alike radicals (⽬ U+2F6C for 目): NFKC turns
# these back; it is applied to these blocks only, since it would also turn full-width
# punctuation (（ ： ，) into ASCII.
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Columns = tuple[float, ...]  # a table's column edges: the lefts of its columns and its right side
_SAME_EDGE = 1.0  # pt: one line drawn on two pages at one place
# PDFium may not be called from two threads at once, not even on two documents: its calls
# are serialised (a page's characters and lines are read under the lock, the rest is not).
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class _Item:
    """A table row or a text line on a page, with its top for the reading order."""

    top: float
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Carry:
    """What a page's last table hands on to a table continued on the next page."""

    columns: Columns = ()  # its column edges
    row: tuple[Cell, ...] = ()  # its last row
    moved: frozenset[str] = frozenset()  # the page's texts drawn for a cell's part on it


def read(name: str, data: bytes) -> Document:
    """Every page's tables and lines; refuses encrypted, damaged and image-only files."""
    try:
        with _PDFIUM:
            pdf = pypdfium2.PdfDocument(data)
            pages = len(pdf)
    except pypdfium2.PdfiumError as exc:
        raise _refusal(name, exc) from None
    items: list[_Item] = []
    has_text = False
    carry = Carry()
    try:
        for number in range(pages):
            with _PDFIUM:
                objects = _load(pdf, number)
            has_text = has_text or bool(objects.chars)
            page, carry = page_items(name, number + 1, objects, carry)
            items.extend(page)
    except pypdfium2.PdfiumError as exc:  # a page that does not load
        raise _refusal(name, exc) from None
    finally:
        with _PDFIUM:
            pdf.close()
    if not has_text:
        raise unreadable(
            name,
            "image-only-pdf",
            "PDF 中没有文字（扫描件或纯图片），不支持 OCR 识别，请提供含文字的 PDF 或原始文件",
            "the PDF holds no text (a scan or images only); OCR is not supported: "
            "send a PDF with text, or the original file",
        )
    blocks = tuple(Block(index=i, cells=item.cells) for i, item in enumerate(items))
    return Document(name, blocks, "pdf")


def _load(pdf: pypdfium2.PdfDocument, number: int) -> PageObjects:
    page = pdf[number]
    text_page = page.get_textpage()
    try:
        return page_objects(page, text_page)
    finally:
        text_page.close()
        page.close()


def _refusal(name: str, exc: pypdfium2.PdfiumError) -> ReadError:
    if exc.err_code == pdfium.FPDF_ERR_PASSWORD:
        return unreadable(
            name,
            "encrypted-pdf",
            "PDF 已加密（需要密码），无法读取文字，请提供未加密的文件",
            "the PDF is encrypted (password protected); its text cannot be read: "
            "send an unencrypted file",
        )
    return unreadable(
        name,
        "truncated-file",
        "PDF 文件已损坏或被截断，无法读取",
        "the PDF file is damaged or truncated and cannot be read",
    )


def page_items(
    name: str, page: int, objects: PageObjects, above: Carry = Carry()
) -> tuple[list[_Item], Carry]:
    """A page's table rows and text lines, top to bottom, and what its last table hands on.

    A page's first table that continues the last one of the page before (``above``: the
    same outer sides, no column edge of its own) is read in that table's columns: a page
    break leaves out the rows that cut the columns the continued rows are printed under.
    A cell the break cut in two is one merged cell: its part below is a copy of the part
    above (``_joined``).
    """
    tables = find_tables(objects)
    items: list[_Item] = []
    carry = Carry()  # a page with no table continues none
    strays: set[int] = set()  # characters within a table's sides but in none of its cells
    for number, table in enumerate(tables, start=1):
        columns = _columns(table)
        continued = number == 1 and _continues(columns, above.columns)
        texts, unplaced = cell_texts(table, objects.chars)
        strays.update(id(char) for char in unplaced)
        rows = table_rows(
            name, page, f"table {number}", table, texts, above.columns if continued else columns
        )
        if continued:
            rows = _joined(rows, above, above.moved | objects.moved)
        items.extend(rows)
        carry = Carry(above.columns if continued else columns, rows[-1].cells, objects.moved)
    boxes = [table.bbox for table in tables]
    outside = [c for c in objects.chars if not _inside(c, boxes) or id(c) in strays]
    lines = chars_to_textmap(
        outside,
        layout_bbox=objects.bbox,
        layout_width=objects.width,
        layout_height=objects.height,
    ).extract_text_lines(strip=True, return_chars=False)
    for number, line in enumerate(lines, start=1):
        source = Source(file=name, page=page, line=number)
        items.append(_Item(line["top"], (Cell(_text(line["text"]), source),)))
    # Stable sort: rows of one table keep their order even where tops coincide.
    return sorted(items, key=lambda item: item.top), carry


def _joined(rows: list[_Item], above: Carry, moved: frozenset[str]) -> list[_Item]:
    """The rows of a continued table, its first row's cells that the break cut made copies.

    A cell was cut when its parts above and below print one text, drawn for the part that
    does not show it (moved there by ``pdf_objects``); the copies of the part below then
    name the part above.
    """
    origins: dict[Source, Source] = {}
    first = list(rows[0].cells)
    for i, (cell, before) in enumerate(zip(first, above.row, strict=False)):
        if cell.copy_of is None and not cell.blank and cell.text == before.text:
            if all("".join(line.split()) in moved for line in cell.text.splitlines()):
                origins[cell.source] = before.copy_of or before.source
                first[i] = Cell(cell.text, cell.source, copy_of=origins[cell.source])
    if not origins:
        return rows
    out = [_Item(rows[0].top, tuple(first))]
    for row in rows[1:]:
        cells = tuple(
            Cell(c.text, c.source, copy_of=origins.get(c.copy_of, c.copy_of)) for c in row.cells
        )
        out.append(_Item(row.top, cells))
    return out


def _columns(table: Table) -> Columns:
    return tuple(sorted({box[0] for box in table.cells} | {max(box[2] for box in table.cells)}))


def _continues(columns: Columns, above: Columns) -> bool:
    """Whether a table's column edges are the outer sides and some column edges of ``above``."""

    def among(x: float) -> bool:
        return any(abs(x - edge) <= _SAME_EDGE for edge in above)

    return (
        bool(above)
        and abs(columns[0] - above[0]) <= _SAME_EDGE
        and abs(columns[-1] - above[-1]) <= _SAME_EDGE
        and all(among(x) for x in columns)
    )


def _inside(char: dict, boxes: list[Box]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def table_rows(
    name: str,
    page: int,
    label: str,
    table: Table,
    texts: list[list[str | None]],
    columns: Columns = (),
) -> list[_Item]:
    """One item per grid row; merged boxes resolved to the grid cells they cover.

    ``texts``: the table's cell texts (``cell_texts``). ``columns``: the column edges to lay
    the rows on (the table's own by default); a column the table does not split is a blank
    cell, as right of a merged box.
    """
    grid = [row.cells for row in table.rows]
    lefts = sorted({box[0] for box in table.cells})
    tops = sorted({box[1] for box in table.cells})
    columns = columns or _columns(table)
    place = [min(range(len(columns)), key=lambda i: abs(columns[i] - x)) for x in lefts]
    items = []
    for r, row in enumerate(grid):
        cells = [
            Cell("", Source(file=name, page=page, sheet=label, row=r + 1, column=i + 1))
            for i in range(len(columns) - 1)
        ]
        for c, box in enumerate(row):
            source = cells[place[c]].source
            if box is not None:
                cells[place[c]] = Cell(_text(texts[r][c] or ""), source)
                continue
            origin = _covering(grid[: r + 1], lefts[c], tops[r])
            if origin is None or origin[1] != c:
                continue  # right of a merged box, or no box at all: blank
            top_row, column = origin
            copy_of = Source(
                file=name, page=page, sheet=label, row=top_row + 1, column=place[column] + 1
            )
            text = _text(texts[top_row][column] or "")
            cells[place[c]] = Cell(text, source, copy_of=copy_of)
        items.append(_Item(tops[r], tuple(cells)))
    return items


def _covering(grid: list[list[Box | None]], left: float, top: float) -> tuple[int, int] | None:
    """``(row, column)`` of the box that covers the grid cell starting at ``(left, top)``.

    Only rows from the top down to the cell's own are given: a box starts above or beside it.
    """
    for r in range(len(grid) - 1, -1, -1):  # the nearest rows first: most boxes span few
        for c, box in enumerate(grid[r]):
            if box is not None and box[0] <= left < box[2] and box[1] <= top < box[3]:
                return r, c
    return None


def _text(text: str) -> str:
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
