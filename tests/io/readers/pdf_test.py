"""The PDF reader on pages written here in raw PDF: ruling lines, rectangles, a form XObject.

Covers ``jixiao.io.readers.pdf``, ``jixiao.io.readers.pdf_objects`` and
``jixiao.io.readers.pdf_tables``. Each page is a few drawing and text operators on a
612 × 792 pt page in Helvetica, so every position is in view: pdfplumber's ``top`` is
792 minus the PDF's y, a character is one advance wide (Helvetica's N is 722/1000 em) and
one font size high from its baseline.
"""

from concurrent.futures import ThreadPoolExecutor

import pypdfium2
import pytest
from pdfplumber.table import edges_to_intersections

from jixiao.io.document import Source
from jixiao.io.problems import ReadError
from jixiao.io.readers import pdf
from jixiao.io.readers.pdf_objects import page_objects
from jixiao.io.readers.pdf_tables import intersection_cells


def build_pdf(content: str, form: str = "", rotate: int = 0) -> bytes:
    """A one-page PDF with ``content`` as its page stream and ``form`` as XObject /X1."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate {rotate} /Resources "
        "<< /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Length {len(form)} >>\n"
        f"stream\n{form}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out + trailer.encode()


# A 2 × 3 grid from x 100 to 400 (column edge at 250), y 700 to 640 (rows of 20 pt).
GRID = (
    "0.5 w 100 700 m 400 700 l S 100 680 m 400 680 l S 100 660 m 400 660 l S "
    "100 640 m 400 640 l S 100 700 m 100 640 l S 250 700 m 250 640 l S 400 700 m 400 640 l S"
)
# The same cells as closed rectangles (``re``).
RECTANGLES = (
    "0.5 w 100 680 150 20 re S 250 680 150 20 re S 100 660 150 20 re S "
    "250 660 150 20 re S 100 640 150 20 re S 250 640 150 20 re S"
)
TEXT = (
    "BT /F1 14 Tf 100 720 Td (Title line) Tj ET "
    "BT /F1 10 Tf 105 685 Td (Name) Tj 150 0 Td (Value   12) Tj ET "
    "BT /F1 10 Tf 105 665 Td (Level) Tj ET "
    "BT /F1 10 Tf 105 645 Td (Total) Tj 150 0 Td (100) Tj ET "
    "BT /F1 10 Tf 100 600 Td (After the table) Tj ET"
)
ROWS = [
    ["Title line"],
    ["Name", "Value 12"],  # the three spaces typed are one word gap
    ["Level", ""],
    ["Total", "100"],
    ["After the table"],
]


def texts(data: bytes) -> list[list[str]]:
    return [block.texts for block in pdf.read("t.pdf", data).blocks]


@pytest.mark.parametrize(
    "data",
    [build_pdf(f"{GRID} {TEXT}"), build_pdf(f"{RECTANGLES} {TEXT}")],
    ids=["lines", "rectangles"],
)
def test_ruled_rows_between_lines_above_and_below_in_reading_order(data):
    doc = pdf.read("t.pdf", data)
    assert [b.texts for b in doc.blocks] == ROWS
    assert doc.blocks[1].cells[1].source == Source(
        file="t.pdf", page=1, sheet="table 1", row=1, column=2
    )
    assert doc.blocks[4].cells[0].source == Source(file="t.pdf", page=1, line=2)


def test_a_table_drawn_in_a_form_xobject_is_found():
    assert texts(build_pdf(f"q 1 0 0 1 0 0 cm /X1 Do Q {TEXT}", form=GRID)) == ROWS


def test_a_box_over_two_rows_is_repeated_below_as_a_copy():
    # The left cell has no line at y 680: one box from 700 down to 660.
    lines = (
        "0.5 w 100 700 m 400 700 l S 250 680 m 400 680 l S 100 660 m 400 660 l S "
        "100 700 m 100 660 l S 250 700 m 250 660 l S 400 700 m 400 660 l S"
    )
    words = "BT /F1 10 Tf 105 675 Td (Merged) Tj 150 10 Td (A) Tj 0 -20 Td (B) Tj ET"
    doc = pdf.read("m.pdf", build_pdf(f"{lines} {words}"))
    assert [b.texts for b in doc.blocks] == [["Merged", "A"], ["Merged", "B"]]
    assert doc.blocks[0].cells[0].copy_of is None
    assert doc.blocks[1].cells[0].copy_of == Source(
        file="m.pdf", page=1, sheet="table 1", row=1, column=1
    )


def test_characters_and_edges_in_pdfplumber_coordinates():
    document = pypdfium2.PdfDocument(build_pdf(f"{GRID} {TEXT}"))
    page = document[0]
    objects = page_objects(page, page.get_textpage())
    name = next(c for c in objects.chars if c["text"] == "N")
    assert name["x0"] == 105
    assert name["x1"] == pytest.approx(105 + 7.22, abs=1e-3)  # 722/1000 of 10 pt
    assert (name["top"], name["bottom"]) == (792 - 695, 792 - 685)
    assert name["upright"] is True
    top_line = next(e for e in objects.edges if e["orientation"] == "h" and e["top"] == 92)
    assert (top_line["x0"], top_line["x1"]) == (100, 400)
    assert sum(e["orientation"] == "v" for e in objects.edges) == 3
    # Six spaces typed (1 + 3 + 2); PDFium keeps one of a run, and adds none of its own.
    assert sum(c["text"] == " " for c in objects.chars) == 4


def test_a_page_with_only_lines_and_no_text_is_image_only():
    with pytest.raises(ReadError) as refused:
        pdf.read("empty.pdf", build_pdf(GRID))
    assert refused.value.finding.code == "image-only-pdf"


def test_bytes_that_are_not_a_pdf_are_refused_as_damaged():
    with pytest.raises(ReadError) as refused:
        pdf.read("cut.pdf", build_pdf(TEXT)[:200])
    assert refused.value.finding.code == "truncated-file"


def test_threads_reading_at_once_get_what_one_thread_gets():
    data = build_pdf(f"{GRID} {TEXT}")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(texts, [data] * 12))
    assert results == [ROWS] * 12


def edge(x0, top, x1, bottom):
    orientation = "v" if x0 == x1 else "h"
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "orientation": orientation}


def test_cells_from_intersections_stop_where_a_line_is_missing():
    # Rows at 0, 10, 20; columns at 0, 10, 20; the line between (0,10) and (10,10) is
    # missing, so the left column's two cells are one box from 0 down to 20.
    lines = [
        edge(0, 0, 0, 20),
        edge(10, 0, 10, 20),
        edge(20, 0, 20, 20),
        edge(0, 0, 20, 0),
        edge(10, 10, 20, 10),
        edge(0, 20, 20, 20),
    ]
    intersections = edges_to_intersections(lines, 3, 3)
    assert intersection_cells(intersections) == [(0, 0, 10, 20), (10, 0, 20, 10), (10, 10, 20, 20)]


def test_text_drawn_wholly_outside_its_clipping_path_is_moved_into_it_if_it_fits():
    # LibreOffice draws a merged cell cut by a page break on both pages, each clipped to
    # the cell's part on its page: on one page the text lies outside the clip, unseen.
    clipped = (
        "q 100 500 300 20 re W n BT /F1 10 Tf 100 560 Td (Moved) Tj ET Q "
        "q 100 540 300 10 re W n BT /F1 10 Tf 100 545 Td (Half seen) Tj ET Q "
        "q 100 450 300 5 re W n BT /F1 10 Tf 100 400 Td (Too tall) Tj ET Q"
    )
    assert texts(build_pdf(f"{GRID} {TEXT} {clipped}")) == [*ROWS, ["Half seen"], ["Moved"]]


def test_a_merged_cell_left_open_by_a_page_break_is_a_cell_with_its_text():
    # The top line runs from 250 to 400 only: the left box (over both rows) is open at the
    # top, as the part of a merged cell that a page break cut at the top of the page.
    lines = (
        "0.5 w 250 700 m 400 700 l S 250 680 m 400 680 l S 100 660 m 400 660 l S "
        "100 700 m 100 660 l S 250 700 m 250 660 l S 400 700 m 400 660 l S"
    )
    words = "BT /F1 10 Tf 105 685 Td (Level) Tj 150 0 Td (A) Tj 0 -20 Td (B) Tj ET"
    doc = pdf.read("o.pdf", build_pdf(f"{lines} {words}"))
    assert [b.texts for b in doc.blocks] == [["Level", "A"], ["Level", "B"]]
    assert doc.blocks[1].cells[0].copy_of is not None


def page_of(data: bytes):
    page = pypdfium2.PdfDocument(data)[0]
    return page_objects(page, page.get_textpage())


# Three columns from x 100 to 400 (edges at 200 and 300), one row from y 700 to 680.
THREE_COLUMNS = (
    "0.5 w 100 700 m 400 700 l S 100 680 m 400 680 l S 100 700 m 100 680 l S "
    "200 700 m 200 680 l S 300 700 m 300 680 l S 400 700 m 400 680 l S "
    "BT /F1 10 Tf 105 685 Td (Level) Tj 100 0 Td (Name) Tj 100 0 Td (Target) Tj ET"
)


@pytest.mark.parametrize(
    ("middle", "cells"),
    [(300, ["Water", "", "45"]), (250, ["Water", "45"])],
    ids=["continued", "a table of its own"],
)
def test_a_table_continued_on_the_next_page_keeps_the_columns_above(middle, cells):
    # Page 2's table has the same sides; with its one column edge at 300, one of page 1's,
    # it continues that table (its first column spans two above); at 250 it is its own.
    next_page = (
        f"0.5 w 100 700 m 400 700 l S 100 680 m 400 680 l S 100 700 m 100 680 l S "
        f"{middle} 700 m {middle} 680 l S 400 700 m 400 680 l S "
        "BT /F1 10 Tf 105 685 Td (Water) Tj 200 0 Td (45) Tj ET"
    )
    first, carry = pdf.page_items("t.pdf", 1, page_of(build_pdf(THREE_COLUMNS)))
    assert [c.text for c in first[0].cells] == ["Level", "Name", "Target"]
    second, _ = pdf.page_items("t.pdf", 2, page_of(build_pdf(next_page)), carry)
    assert [c.text for c in second[0].cells] == cells


def test_a_merged_cell_cut_by_a_page_break_is_read_on_both_pages_as_one():
    # Page 1: the left cell of the last row is open at the bottom, and its text, drawn for
    # the part on the page but below it, is clipped away: the text shows on page 2 only,
    # where the cell (over two rows) is open at the top.
    above = (
        "0.5 w 100 700 m 400 700 l S 100 680 m 400 680 l S 250 660 m 400 660 l S "
        "100 700 m 100 660 l S 250 700 m 250 660 l S 400 700 m 400 660 l S "
        "BT /F1 10 Tf 105 685 Td (Name) Tj 150 0 Td (Value) Tj 0 -20 Td (A) Tj ET "
        "q 100 660 150 20 re W n BT /F1 10 Tf 105 640 Td (Level) Tj ET Q"
    )
    below = (
        "0.5 w 250 700 m 400 700 l S 250 680 m 400 680 l S 100 660 m 400 660 l S "
        "100 700 m 100 660 l S 250 700 m 250 660 l S 400 700 m 400 660 l S "
        "BT /F1 10 Tf 105 685 Td (Level) Tj 150 0 Td (B) Tj 0 -20 Td (C) Tj ET"
    )
    first, carry = pdf.page_items("t.pdf", 1, page_of(build_pdf(above)))
    second, _ = pdf.page_items("t.pdf", 2, page_of(build_pdf(below)), carry)
    rows = [[c.text for c in item.cells] for item in first + second]
    assert rows == [["Name", "Value"], ["Level", "A"], ["Level", "B"], ["Level", "C"]]
    top = Source(file="t.pdf", page=1, sheet="table 1", row=2, column=1)
    assert first[1].cells[0].copy_of is None
    assert [item.cells[0].copy_of for item in second] == [top, top]


def test_text_within_a_table_but_in_no_cell_is_read_as_a_line():
    # The bottom-left cell has no left side (the line at x 100 stops at y 680): no cell is
    # found there, and its word is read as a line of its own rather than lost.
    lines = (
        "0.5 w 100 700 m 400 700 l S 100 680 m 400 680 l S 100 660 m 400 660 l S "
        "100 700 m 100 680 l S 250 700 m 250 660 l S 400 700 m 400 660 l S"
    )
    words = (
        "BT /F1 10 Tf 105 685 Td (A) Tj 150 0 Td (B) Tj ET "
        "BT /F1 10 Tf 105 665 Td (Loose) Tj 150 0 Td (C) Tj ET"
    )
    assert texts(build_pdf(f"{lines} {words}")) == [["A", "B"], ["", "C"], ["Loose"]]


def test_a_border_left_open_over_two_cells_side_by_side_is_closed_over_both():
    # A page break cut a level-1 and a level-2 cell: the top line runs over the last column only.
    lines = (
        "0.5 w 300 700 m 400 700 l S 100 680 m 400 680 l S "
        "100 700 m 100 680 l S 200 700 m 200 680 l S 300 700 m 300 680 l S 400 700 m 400 680 l S"
    )
    words = "BT /F1 10 Tf 105 685 Td (Level1) Tj 100 0 Td (Level2) Tj 100 0 Td (Name) Tj ET"
    assert texts(build_pdf(f"{lines} {words}")) == [["Level1", "Level2", "Name"]]
