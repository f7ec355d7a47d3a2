"""sh-2020-target forms typed into a grid (XLSX, and the PDF and HTML printed from it).

The official form is a table: a label stands in a cell of its own and its value in the
next (``申报单位名称 | 示范区…``), where the copied text of a PDF prints
``申报单位名称：示范区…``; the target table puts level-1, level-2, name and target in four
columns, the level-1 cell merged down over its rows (the readers repeat it below with
``Cell.copy_of`` set). Two helpers let the line-based importer read such rows:

- ``as_line`` rewrites a head row into the line the text would print (a cell that is
  exactly a label gets its colon; a cell repeated from a merge is dropped, its text stands
  on the merge's first row);
- ``split_row`` reads a table row cell by cell, so that a name with spaces or a target
  wrapped inside its cell stays whole, and a merged level-2 cell names its rows' level-2.

Both keep the block's index and cells, so the ledger takes exactly the row's own cells.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from jixiao.io.document import Block, Cell
from jixiao.io.importers.plain_text import looks_labelled, starts_mid_sentence
from jixiao.io.text import join_lines, squeeze

# What ends a sentence, so that a break after it may end a paragraph.
PARAGRAPH_END = "。！？；!?;"


def is_grid_row(block: Block) -> bool:
    """Whether a block is a row of a table (more than one column), not a printed line."""
    return len(block.cells) > 1


def as_line(block: Block, label: re.Pattern[str]) -> Block:
    """A grid row as the ``label：value`` line it prints; a printed line unchanged.

    ``label`` is the importer's label pattern (label, optional bracketed unit, colon).
    """
    if not is_grid_row(block):
        return block
    return Block(block.index, tuple(_as_printed(cell, label) for cell in block.cells))


def _as_printed(cell: Cell, label: re.Pattern[str]) -> Cell:
    if cell.copy_of is not None:
        return replace(cell, text="")
    text = cell.text.strip()
    if text and label.fullmatch(squeeze(text) + "："):
        return replace(cell, text=f"{text}：")
    return cell


@dataclass(frozen=True)
class RowCells:
    """A table row's cells: level-1 (when its cell starts here), level-2, name, target."""

    level1: str | None
    # The level-1 column is empty, not a merged cell's repeat: in a PDF or a workbook the
    # cell's text stands elsewhere (in tab-separated text it is the merged cell above).
    level1_blank: bool
    level2: str | None
    name: str
    target_lines: list[str]


def split_row(
    block: Block,
    is_level1: Callable[[str], object],
    level2_word: Callable[[str], str | None],
) -> RowCells | None:
    """A grid row's cells in the table's column order; None when the row is no indicator row.

    ``is_level1(text)`` (truthy for a level-1 label) and ``level2_word(text)`` (the level-2
    word a cell holds, or None) are the layout's vocabulary. A row is an indicator row when, after its level-1 and level-2 cells,
    a name cell is left; a row of ``label：value`` cells (填报人：…) is not.
    """
    if not is_grid_row(block):
        return None
    cells = [c for c in block.cells if not c.blank]
    level1 = None
    if cells and is_level1(cells[0].text):
        level1, cells = cells[0].text.strip(), cells[1:]
    level2 = None
    if len(cells) > 1 and (word := level2_word(cells[0].text)):
        level2, cells = word, cells[1:]
    if not cells or (level1 is None and level2 is None and len(cells) < 2):
        return None
    if looks_labelled(cells[0].text):
        return None
    lines = [line for c in cells[1:] for line in c.text.strip().split("\n")]
    blank = block.cells[0].blank
    return RowCells(level1, blank, level2, cells[0].text.strip(), lines)


def cell_paragraphs(text: str, typed_breaks: bool) -> tuple[str, str | None]:
    """A prose cell's text as paragraphs, and the other reading when one was a guess.

    In a file whose breaks were typed (XLSX, HTML, DOCX) every break inside a cell is a
    paragraph break. In a PDF a break is where the printed line wrapped, unless it follows
    a sentence end: there it may be either, so the paragraph is chosen and the joined
    text returned as the other candidate, for the importer to report.
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
