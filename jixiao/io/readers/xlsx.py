"""Excel workbooks (openpyxl): every sheet, one block per row, numbers as the sheet prints them.

A merged range shows its text once, at its top-left cell. Because a form's merged level-1
cell belongs to every row it spans, the text is repeated into the cells below the origin
(``Cell.copy_of`` names the origin, so the ledger counts it once); the cells to the right of
the origin stay blank, so a horizontally merged cell is still one cell.

Numbers are stored as binary floats (``82.35 + 4.8`` is ``87.14999999999999``): the text is
rebuilt as Excel prints it, at most 15 significant digits, the format's decimals, and ``%``
for percentage formats (0.9436 shown as ``94.36%``). Amounts become ``Decimal`` downstream.
"""

import re
import warnings
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.problems import ReadError, unreadable

# What Excel shows of a float: 15 significant digits.
SIGNIFICANT_DIGITS = 15
# Parts of a number format that print no digit: quoted text, [colour]/[locale] codes,
# escaped characters, padding (_x) and fill (*x) marks.
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_DECIMALS = re.compile(r"\.([0#?]+)")


def damaged(name: str) -> ReadError:
    """The error for a workbook that cannot be opened."""
    return unreadable(
        name,
        "truncated-file",
        "XLSX 文件已损坏或被截断，无法打开",
        "the XLSX file is damaged or truncated and cannot be opened",
    )


def read(name: str, data: bytes) -> Document:
    """Every sheet's rows, in sheet order; wholly blank rows are left out."""
    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it drops (data validation, conditional styles).
            warnings.simplefilter("ignore")
            book = load_workbook(BytesIO(data), data_only=True)
    except Exception:  # a damaged package fails in zipfile, lxml or openpyxl alike
        raise damaged(name) from None
    blocks: list[Block] = []
    for sheet in book.worksheets:
        blocks.extend(sheet_blocks(name, sheet, len(blocks)))
    return Document(name, tuple(blocks), "xlsx")


def merged_origins(
    sheet: Worksheet, last_row: int, last_column: int
) -> dict[tuple[int, int], tuple[int, int]]:
    """``(row, column)`` of every merged cell → ``(row, column)`` of its range's top-left.

    Ranges are cut at the last row and column holding text: a range merged down to the
    sheet's end would otherwise stand for millions of cells.
    """
    origins = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, min(merged.max_row, last_row) + 1):
            for column in range(merged.min_col, min(merged.max_col, last_column) + 1):
                origins[row, column] = (merged.min_row, merged.min_col)
    return origins


def sheet_blocks(name: str, sheet: Worksheet, first_index: int) -> list[Block]:
    """One block per row holding text, cells up to the sheet's last column holding text."""
    # The cells that exist, read from openpyxl's store: iterating rows would create every
    # cell of the used range, a million rows for a sheet formatted down to its end.
    filled = {key: cell for key, cell in sheet._cells.items() if cell.value is not None}
    width = max((column for _, column in filled), default=0)
    origins = merged_origins(sheet, max((row for row, _ in filled), default=0), width)
    copied_rows = {
        row for (row, column), top in origins.items() if top in filled and column == top[1]
    }
    blocks = []
    for row in sorted({row for row, _ in filled} | copied_rows):
        cells = tuple(
            _cell(name, sheet.title, (row, column), filled, origins)
            for column in range(1, width + 1)
        )
        block = Block(index=first_index + len(blocks), cells=cells)
        if not block.blank:
            blocks.append(block)
    return blocks


def _cell(
    name: str,
    sheet: str,
    at: tuple[int, int],
    filled: dict[tuple[int, int], SheetCell],
    origins: dict[tuple[int, int], tuple[int, int]],
) -> Cell:
    source = Source(file=name, sheet=sheet, row=at[0], column=at[1])
    origin = origins.get(at, at)
    if origin == at:
        return Cell(printed(filled[at]) if at in filled else "", source)
    if origin[1] != at[1] or origin not in filled:
        return Cell("", source)  # right of the origin: the merged cell is printed once
    copy_of = Source(file=name, sheet=sheet, row=origin[0], column=origin[1])
    return Cell(printed(filled[origin]), source, copy_of=copy_of)


def printed(cell: SheetCell) -> str:
    """A cell's value as the sheet shows it."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return printed_number(value, cell.number_format or "General")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def printed_number(value: int | float, number_format: str) -> str:
    """``87.14999999999999`` with ``0.00`` → ``87.15``; ``0.9436`` with ``0.00%`` → ``94.36%``."""
    number = _significant(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))
    section = _FORMAT_NOISE.sub("", number_format.split(";", maxsplit=1)[0])
    percent = "%" in section
    if percent:
        number *= 100
    if section.strip().lower() in ("general", "@", ""):
        text = _plain(number)
    else:
        match = _DECIMALS.search(section)
        places = len(match[1]) if match else 0
        text = f"{number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
    return text + ("%" if percent else "")


def _significant(number: Decimal) -> Decimal:
    if not number:
        return number
    exponent = number.adjusted() - SIGNIFICANT_DIGITS + 1
    if number.as_tuple().exponent >= exponent:
        return number
    return number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def _plain(number: Decimal) -> str:
    """Decimal notation without trailing zeros: ``100.0`` → ``100``, ``1E+2`` → ``100``."""
    text = f"{number.normalize():f}"
    return "0" if text in ("-0", "0") else text
