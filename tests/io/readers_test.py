"""The readers of real file types: blocks, cells, sources and merged cells, from small inputs.

Covers ``jixiao.io.readers.xlsx``, ``jixiao.io.readers.docx``, ``jixiao.io.readers.html`` and
``jixiao.io.readers.pdf``. Every expected value here is worked out from the input written in
the test (or, for PDF, from the sheet the fixture was printed from), not from reader output.
"""

from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from jixiao.io.document import Source
from jixiao.io.readers import read_bytes, read_file, sniff
from jixiao.io.readers.xlsx import printed_number

FILES = Path(__file__).parent / "fixtures" / "files"


def texts(doc):
    return [b.texts for b in doc.blocks]


# --- XLSX -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (506745.04, "General", "506745.04"),
        (506745.04, "#,##0.00", "506745.04"),
        (82.35 + 4.8, "0.00", "87.15"),  # stored as 87.14999999999999
        (0.1 + 0.2, "General", "0.3"),  # stored as 0.30000000000000004
        (0.9436, "0.00%", "94.36%"),
        (1, "0%", "100%"),
        (100.0, "General", "100"),
        (10, "General", "10"),
        (2.5, "0", "3"),  # half up, as Excel rounds
        (12.5, '"¥"#,##0.00', "12.50"),
        (-3.456, "0.00;[Red]-0.00", "-3.46"),
        (1e16, "General", "10000000000000000"),
        (0.0, "0.00", "0.00"),
    ],
)
def test_numbers_read_as_the_sheet_prints_them(value, number_format, shown):
    assert printed_number(value, number_format) == shown


def workbook_bytes(book):
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def merged_book():
    book = Workbook()
    sheet = book.active
    sheet.title = "表一"
    sheet["A1"], sheet["B1"], sheet["D1"] = "产出指标", "数量指标", 10
    sheet["B2"], sheet["D2"] = "质量指标", 8.87
    sheet["C3"] = datetime(2023, 3, 31)
    sheet.merge_cells("A1:A3")  # down over three rows
    sheet.merge_cells("B1:C1")  # across two columns
    other = book.create_sheet("表二")
    other["A2"] = "总分"
    return workbook_bytes(book)


def test_xlsx_merged_cells_repeat_down_and_stay_blank_across():
    doc = read_bytes("merged.xlsx", merged_book())
    assert doc.kind == "xlsx"
    assert texts(doc) == [
        ["产出指标", "数量指标", "", "10"],
        ["产出指标", "质量指标", "", "8.87"],
        ["产出指标", "", "2023-03-31", ""],
        ["总分"],
    ]
    first, second = doc.blocks[0], doc.blocks[1]
    assert first.cells[0].copy_of is None and first.cells[2].copy_of is None
    origin = Source(file="merged.xlsx", sheet="表一", row=1, column=1)
    assert second.cells[0].copy_of == origin
    assert doc.blocks[2].cells[0].copy_of == origin
    assert second.cells[3].source == Source(file="merged.xlsx", sheet="表一", row=2, column=4)
    # The second sheet's row 1 is blank and left out; its row 2 keeps its number.
    assert doc.blocks[3].cells[0].source.label() == "表二!A2"
    assert [b.index for b in doc.blocks] == [0, 1, 2, 3]


def test_xlsx_is_told_by_content_not_by_name():
    assert sniff(merged_book()) == "xlsx"
    assert read_bytes("upload.pdf", merged_book()).kind == "xlsx"


def test_xlsx_date_cells_read_as_iso_dates():
    book = Workbook()
    book.active["A1"] = date(2020, 3, 15)
    assert texts(read_bytes("d.xlsx", workbook_bytes(book))) == [["2020-03-15"]]


# --- DOCX -------------------------------------------------------------------------------


def merged_docx():
    document = docx.Document()
    document.add_paragraph("财政项目支出绩效自评表")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r + 1}c{c + 1}"
    table.cell(0, 0).merge(table.cell(2, 0)).text = "产出指标"  # down over three rows
    table.cell(0, 1).merge(table.cell(0, 2)).text = "数量指标"  # across two columns
    document.add_paragraph("")  # empty paragraphs print nothing
    document.add_paragraph("填表人：张三")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_rows_in_document_order_with_merges_resolved():
    doc = read_bytes("form.docx", merged_docx())
    assert doc.kind == "docx"
    assert texts(doc) == [
        ["财政项目支出绩效自评表"],
        ["产出指标", "数量指标", ""],
        ["产出指标", "r2c2", "r2c3"],
        ["产出指标", "r3c2", "r3c3"],
        ["填表人：张三"],
    ]
    origin = Source(file="form.docx", sheet="table 1", row=1, column=1)
    assert doc.blocks[1].cells[0].copy_of is None
    assert doc.blocks[2].cells[0].copy_of == origin
    assert doc.blocks[3].cells[0].copy_of == origin
    assert doc.blocks[1].cells[2].copy_of is None
    assert doc.blocks[2].cells[2].source == Source(
        file="form.docx", sheet="table 1", row=2, column=3
    )


def test_docx_row_writer_moved_into_merge_continuations_is_read_as_its_own_row():
    """Writer, making DOCX of HTML whose row a rowspan covers entirely (``<tr></tr>``), puts
    the next row's cells into that row past the table's columns (陕西 目标表: the header row
    beside 年度绩效目标's continuation)."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "年度绩效目标"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "维修养护供水工程45处"
    table.cell(1, 2).text, table.cell(1, 3).text = "三级指标", "指标值"
    for row, (name, target) in enumerate([("维修养护供水工程处数", "45处"), ("满意度", "≥90%")]):
        table.cell(row + 2, 0).text, table.cell(row + 2, 1).text = name, target
        table.cell(row + 2, 2).merge(table.cell(row + 2, 3))
    buffer = BytesIO()
    document.save(buffer)
    doc = read_bytes("form.docx", buffer.getvalue())
    assert texts(doc) == [
        ["年度绩效目标", "维修养护供水工程45处", "", ""],
        ["三级指标", "指标值", "", ""],
        ["维修养护供水工程处数", "45处", "", ""],
        ["满意度", "≥90%", "", ""],
    ]
    assert doc.blocks[1].cells[0].source.column == 3  # still points at the printed cell


def test_docx_one_note_beside_a_merge_continuation_stays_in_its_column():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "项目资金"
    table.cell(0, 1).text = "资金总额"
    table.cell(1, 2).text = "备注"
    table.cell(2, 0).text, table.cell(2, 1).text = "其他资金", "0.00"
    buffer = BytesIO()
    document.save(buffer)
    assert texts(read_bytes("form.docx", buffer.getvalue())) == [
        ["项目资金", "资金总额", ""],
        ["项目资金", "", "备注"],
        ["其他资金", "0.00", ""],
    ]


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>不打印</title>
<style>td { color: red }</style><script>var x = "<table>";</script></head>
<body><h1>财政项目支出绩效自评表</h1><p>（2023年度）</p>
<table>
<tr><td rowspan="3">产出指标</td><td colspan="2">数量指标</td><td>10</td></tr>
<tr><td>期数</td><td>≥12期<br>（全年）</td><td>8.87</td></tr>
<tr><td>人次<td>532&nbsp;人次<td>9</tr>
</table>
第一行<br/>第二行
<table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td></tr></table>
</body></html>"""


def test_html_rows_spans_and_lines():
    doc = read_bytes("form.html", PAGE.encode("utf-8"))
    assert doc.kind == "html"
    assert texts(doc) == [
        ["财政项目支出绩效自评表"],
        ["（2023年度）"],
        ["产出指标", "数量指标", "", "10"],
        ["产出指标", "期数", "≥12期\n（全年）", "8.87"],
        ["产出指标", "人次", "532\xa0人次", "9"],
        ["第一行"],
        ["第二行"],
        ["外\n内1 内2"],
    ]
    origin = Source(file="form.html", sheet="table 1", row=1, column=1)
    assert doc.blocks[3].cells[0].copy_of == origin
    assert doc.blocks[4].cells[0].copy_of == origin
    assert doc.blocks[2].cells[2].copy_of is None


def test_html_rowspan_with_colspan_leaves_the_right_columns_blank():
    page = (
        "<table><tr><td rowspan=2 colspan=2>合并</td><td>a</td></tr>"
        "<tr><td>b</td></tr><tr><td>c</td><td>d</td><td>e</td></tr></table>"
    )
    doc = read_bytes("span.html", page.encode())
    assert texts(doc) == [["合并", "", "a"], ["合并", "", "b"], ["c", "d", "e"]]
    assert doc.blocks[1].cells[1].copy_of is None


def test_html_declared_charset_is_used():
    page = '<html><head><meta charset="gb2312"></head><body><p>项目名称</p></body></html>'
    doc = read_bytes("gbk.html", page.encode("gbk"))
    assert texts(doc) == [["项目名称"]]
    assert doc.notes == ()


def test_html_without_declaration_falls_back_to_gb18030_and_says_so():
    doc = read_bytes("gbk.html", "<html><body>项目名称</body></html>".encode("gbk"))
    assert texts(doc) == [["项目名称"]]
    assert "decoded-as-gb18030" in doc.notes


# --- PDF (the fixture printed by LibreOffice from self_eval_2023.xlsx) --------------------


def test_pdf_title_lines_then_table_rows_with_merged_cells_repeated():
    doc = read_file(FILES / "self_eval_2023.pdf")
    assert doc.kind == "pdf"
    assert texts(doc)[:2] == [["项目支出绩效自评表"], ["（2023年度）"]]
    assert doc.blocks[0].cells[0].source.page == 1
    name_row = doc.blocks[2]
    assert [t for t in name_row.texts if t] == ["项目名称", "基层财政干部业务能力培训项目"]
    assert name_row.cells[0].source.sheet == "table 1"
    # 绩效指标 is one box down the indicator rows: printed once, repeated below as copies.
    header = next(b for b in doc.blocks if "一级指标" in b.texts)
    first_row = doc.blocks[header.index + 1]
    second_row = doc.blocks[header.index + 2]
    assert header.texts[0] == "绩效指标" and header.cells[0].copy_of is None
    assert first_row.cells[0].copy_of == header.cells[0].source
    assert second_row.texts[:4] == ["绩效指标", "产出指标", "数量指标", "参训人员人次"]
    assert second_row.cells[1].copy_of == first_row.cells[1].source
    # 年度资金总额 spans columns B:C: C stays blank.
    funds = next(b for b in doc.blocks if "年度资金总额" in b.texts)
    assert funds.texts[1:4] == ["年度资金总额", "", "86.50"]
    assert funds.texts[-2:] == ["94.36%", "9.44"]


def test_html_cut_short_keeps_its_last_row():
    doc = read_bytes("cut.html", "<table><tr><td>项目名称</td><td>档案".encode())
    assert texts(doc) == [["项目名称", "档案"]]


# --- NUL characters ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["nul.txt", "nul.html"])
def test_a_stray_nul_is_read_as_the_replacement_character(name):
    # One NUL in 600 bytes stays under the 1 % of control bytes that marks a binary file.
    text = "甲" * 200 + "\x00乙"
    page = f"<body><p>{text}</p></body>" if name.endswith("html") else text
    doc = read_bytes(name, page.encode("utf-8"))
    assert texts(doc) == [["甲" * 200 + "\ufffd乙"]]
