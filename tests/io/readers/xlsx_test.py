"""The XLSX reader on workbooks written here as raw XML, part by part.

Each workbook is a handful of XML strings zipped in the test, so every stored value, style
and number format is in view: the expected text is what Excel prints for it, worked out by
hand (serial 45016 is 2023-03-31: 2023-01-01 is 44927, plus 31 + 28 + 30 days).
Covers ``jixiao.io.readers.xlsx``, ``jixiao.io.readers.xlsx_book``, ``jixiao.io.readers.numfmt``
and ``jixiao.io.readers.package``.
"""

import zipfile
from io import BytesIO

import pytest

from jixiao.io.document import Source
from jixiao.io.problems import ReadError
from jixiao.io.readers import package as zip_package
from jixiao.io.readers import read_bytes, xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Cell styles of the test workbooks: index → number format id.
STYLES = [0, 2, 10, 9, 4, 14, 164, 165, 20, 31, 166, 49]
CUSTOM = {164: "0.000", 165: "yyyy-mm-dd h:mm", 166: "[h]:mm"}


def style(number_format_id: int) -> int:
    return STYLES.index(number_format_id)


def cell(ref: str, value: str, kind: str = "n", number_format_id: int = 0) -> str:
    return f'<c r="{ref}" s="{style(number_format_id)}" t="{kind}"><v>{value}</v></c>'


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows: dict[int, str], merges: tuple[str, ...] = ()) -> str:
    body = "".join(f'<row r="{r}">{cells}</row>' for r, cells in rows.items())
    merged = "".join(f'<mergeCell ref="{m}"/>' for m in merges)
    tail = f'<mergeCells count="{len(merges)}">{merged}</mergeCells>' if merges else ""
    return f'<worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData>{tail}</worksheet>'


def styles_xml() -> str:
    formats = "".join(f'<numFmt numFmtId="{i}" formatCode="{c}"/>' for i, c in CUSTOM.items())
    xfs = "".join(f'<xf numFmtId="{i}" fontId="0"/>' for i in STYLES)
    return (
        f'<styleSheet xmlns="{MAIN}"><numFmts>{formats}</numFmts>'
        f"<cellXfs>{xfs}</cellXfs></styleSheet>"
    )


def workbook(sheets: dict[str, str], strings: tuple[str, ...] = (), date1904: bool = False):
    """The bytes of a package with these sheets (title → sheet XML) in this tab order.

    Sheet parts are numbered backwards, so the tab order is not the order of part names.
    """
    parts = {"xl/styles.xml": styles_xml()}
    entries, relations = [], []
    for number, (title, xml) in enumerate(sheets.items(), start=1):
        part = f"worksheets/sheet{len(sheets) - number + 1}.xml"
        parts[f"xl/{part}"] = xml
        entries.append(f'<sheet name="{title}" sheetId="{number}" r:id="rId{number}"/>')
        relations.append(
            f'<Relationship Id="rId{number}" Type="{OFFICE}/worksheet" Target="{part}"/>'
        )
    relations.append(f'<Relationship Id="rS" Type="{OFFICE}/styles" Target="/xl/styles.xml"/>')
    if strings:
        relations.append(
            f'<Relationship Id="rT" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">{"".join(strings)}</sst>'
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}">'
        f'<workbookPr date1904="{int(date1904)}"/><sheets>{"".join(entries)}</sheets></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{RELS}">{"".join(relations)}</Relationships>'
    )
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{RELS}"><Relationship Id="r1" '
        f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    return zipped(parts)


def zipped(parts: dict[str, str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def one_row(*cells: str, **options) -> list[str]:
    doc = read_bytes("t.xlsx", workbook({"表": sheet_xml({1: "".join(cells)})}, **options))
    [block] = doc.blocks
    return block.texts


# --- numbers as printed -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "number_format_id", "shown"),
    [
        ("87.149999999999991", 2, "87.15"),  # 0.00: 82.35 + 4.8 as Excel stores it
        ("0.9436", 10, "94.36%"),  # 0.00%
        ("1", 9, "100%"),  # 0%
        ("0.955", 9, "96%"),  # 0%: 95.5 half up
        ("506745.04", 4, "506745.04"),  # #,##0.00: the digits, no thousands mark
        ("100", 0, "100"),  # General
        ("0.30000000000000004", 0, "0.3"),  # General: 15 significant digits
        ("1E-3", 0, "0.001"),  # General, stored with an exponent
        ("2.5", 164, "2.500"),  # the workbook's own 0.000
        ("12", 49, "12"),  # @ (text format) on a number
        ("1E+30", 2, "1" + "0" * 30 + ".00"),  # 33 digits: more than Decimal's default 28
        ("1E+400", 2, "1E+400"),  # beyond a double: no sheet holds it, the stored text
    ],
)
def test_a_number_prints_with_its_styles_format(stored, number_format_id, shown):
    assert one_row(cell("A1", stored, "n", number_format_id)) == [shown]


@pytest.mark.parametrize(
    ("stored", "number_format_id", "shown"),
    [
        ("45016", 14, "2023-03-31"),  # mm-dd-yy, built in
        ("45016.5", 165, "2023-03-31 12:00:00"),  # yyyy-mm-dd h:mm
        ("0.5", 20, "12:00:00"),  # h:mm: a time of day
        ("45016", 31, "2023-03-31"),  # yyyy"年"m"月"d"日", the Chinese built-in id
        ("1.5", 166, "36:00:00"),  # [h]:mm: a duration of 36 hours
        ("59", 14, "1900-02-28"),  # below 60, Excel's phantom 1900-02-29 is skipped
    ],
)
def test_a_number_in_a_date_format_prints_as_a_date(stored, number_format_id, shown):
    assert one_row(cell("A1", stored, "n", number_format_id)) == [shown]


def test_the_1904_date_system_counts_from_1904():
    # 45016 − 1462 (the days from 1900-01-01 to 1904-01-01 as Excel counts them) = 43554.
    assert one_row(cell("A1", "43554", "n", 14), date1904=True) == ["2023-03-31"]


def test_text_booleans_errors_and_iso_dates_print_as_stored():
    cells = (
        inline("A1", "0012"),  # text that looks like a number keeps its zeros
        cell("B1", "87.15", "str"),  # a formula's text result
        cell("C1", "1", "b"),
        cell("D1", "0", "b"),
        cell("E1", "#DIV/0!", "e"),
        cell("F1", "2023-07-15T00:00:00", "d"),
        inline("G1", "94.36%"),
    )
    assert one_row(*cells) == ["0012", "87.15", "TRUE", "FALSE", "#DIV/0!", "2023-07-15", "94.36%"]


def test_shared_strings_join_their_rich_text_runs_and_undo_escapes():
    strings = (
        "<si><t>项目名称</t></si>",
        '<si><r><t>产出</t></r><r><rPr><b val="1"/></rPr><t>指标</t></r></si>',
        "<si><t>行一_x000D_行二</t><rPh sb='0' eb='1'><t>ふりがな</t></rPh></si>",
        "<si><t>0.9436</t></si>",
        "<si><t>空_x0000_字符</t></si>",
    )
    refs = ("A1", "B1", "C1", "D1", "E1")
    cells = "".join(cell(ref, str(i), "s") for i, ref in enumerate(refs))
    doc = read_bytes("t.xlsx", workbook({"表": sheet_xml({1: cells})}, strings))
    assert doc.blocks[0].texts == ["项目名称", "产出指标", "行一\r行二", "0.9436", "空\ufffd字符"]


def test_empty_cells_with_a_style_are_not_values():
    doc = read_bytes(
        "t.xlsx", workbook({"表": sheet_xml({1: inline("A1", "甲"), 2: '<c r="C2" s="1"/>'})})
    )
    assert [b.texts for b in doc.blocks] == [["甲"]]


# --- sheets, merged cells, sources ------------------------------------------------------


def test_sheets_in_tab_order_with_merges_and_hidden_covered_values():
    first = sheet_xml(
        {
            1: inline("A1", "产出指标") + inline("B1", "数量指标") + cell("D1", "10"),
            2: inline("A2", "藏起来") + inline("B2", "质量指标") + cell("D2", "8.87"),
            3: cell("C3", "45016", "n", 14),
        },
        merges=("A1:A3", "B1:C1"),
    )
    doc = read_bytes(
        "m.xlsx", workbook({"表一": first, "表二": sheet_xml({2: inline("A2", "总分")})})
    )
    assert [b.texts for b in doc.blocks] == [
        ["产出指标", "数量指标", "", "10"],
        ["产出指标", "质量指标", "", "8.87"],  # A2's own value is covered by A1:A3
        ["产出指标", "", "2023-03-31", ""],
        ["总分"],
    ]
    origin = Source(file="m.xlsx", sheet="表一", row=1, column=1)
    assert doc.blocks[1].cells[0].copy_of == origin
    assert doc.blocks[2].cells[0].copy_of == origin
    assert doc.blocks[0].cells[2].copy_of is None
    assert doc.blocks[3].cells[0].source == Source(file="m.xlsx", sheet="表二", row=2, column=1)


def test_cells_without_references_follow_one_another():
    xml = f'<worksheet xmlns="{MAIN}"><sheetData><row><c t="inlineStr"><is><t>甲</t></is></c><c t="n"><v>2</v></c></row></sheetData></worksheet>'
    doc = read_bytes("t.xlsx", workbook({"表": xml}))
    assert doc.blocks[0].texts == ["甲", "2"]
    assert doc.blocks[0].cells[1].source.label() == "表!B1"


# --- damaged and oversized packages -----------------------------------------------------


def refusal(data: bytes) -> str:
    with pytest.raises(ReadError) as caught:
        xlsx.read("bad.xlsx", data)
    return caught.value.finding.code


def sample() -> bytes:
    return workbook({"表": sheet_xml({1: inline("A1", "甲") + cell("B1", "1")})})


def test_a_cut_or_damaged_package_is_refused_as_truncated():
    data = sample()
    assert refusal(data[: len(data) // 2]) == "truncated-file"
    broken_xml = workbook({"表": "<worksheet><sheetData><row r='1'><c r='A1'"})
    assert refusal(broken_xml) == "truncated-file"
    missing_string = workbook({"表": sheet_xml({1: cell("A1", "3", "s")})}, ("<si><t>甲</t></si>",))
    assert refusal(missing_string) == "truncated-file"
    unknown_encoding = workbook({"表": '<?xml version="1.0" encoding="UT-8"?><worksheet/>'})
    assert refusal(unknown_encoding) == "truncated-file"


def test_a_compression_zipfile_cannot_undo_is_refused():
    data = bytearray(zipped({"xl/workbook.xml": "<workbook/>"}, zipfile.ZIP_STORED))
    central = data.rindex(b"PK\x01\x02")
    data[central + 10 : central + 12] = (9).to_bytes(2, "little")  # Deflate64
    local = data.index(b"PK\x03\x04")
    data[local + 8 : local + 10] = (9).to_bytes(2, "little")
    assert refusal(bytes(data)) == "truncated-file"


def test_an_entry_name_that_climbs_out_of_the_package_is_refused():
    assert refusal(zipped({"../xl/workbook.xml": "<workbook/>"})) == "truncated-file"
    assert refusal(zipped({"/etc/workbook.xml": "<workbook/>"})) == "truncated-file"


def test_a_package_beyond_the_size_bound_is_refused(monkeypatch):
    monkeypatch.setattr(zip_package, "MAX_UNCOMPRESSED_BYTES", 1000)
    assert refusal(zipped({"xl/workbook.xml": " " * 1001})) == "unreadable-file"


def test_a_workbook_beyond_the_cell_bound_is_refused(monkeypatch):
    rows = {r: cell(f"A{r}", str(r)) + cell(f"B{r}", str(r)) for r in range(1, 4)}
    data = workbook({"表": sheet_xml(rows)})
    monkeypatch.setattr(xlsx, "MAX_CELLS", 6)
    assert len(xlsx.read("ok.xlsx", data).blocks) == 3
    monkeypatch.setattr(xlsx, "MAX_CELLS", 5)
    assert refusal(data) == "unreadable-file"


def test_damaged_bytes_never_escape_as_an_exception():
    data = sample()
    for position in range(0, len(data), 7):
        mutated = bytearray(data)
        mutated[position] ^= 0x5A
        try:
            xlsx.read("fuzz.xlsx", bytes(mutated))
        except ReadError as refused:
            assert refused.finding.code in ("truncated-file", "unreadable-file")


def test_a_word_package_is_vetted_by_the_same_bounds(monkeypatch):
    monkeypatch.setattr(zip_package, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(ReadError) as refused:
        read_bytes("big.docx", zipped({"word/document.xml": " " * 1001}))
    assert refused.value.finding.code == "unreadable-file"


def test_a_large_sheet_read_row_by_row_gives_the_same_rows(monkeypatch):
    first = sheet_xml(
        {1: inline("A1", "产出指标") + cell("B1", "0.9436", "n", 10), 2: cell("B2", "1", "b")},
        merges=("A1:A2",),
    )
    data = workbook({"表": first})
    monkeypatch.setattr(xlsx, "IN_MEMORY_BYTES", 0)  # every sheet counts as large
    doc = xlsx.read("big.xlsx", data)
    assert [b.texts for b in doc.blocks] == [["产出指标", "94.36%"], ["产出指标", "TRUE"]]
    assert doc.blocks[1].cells[0].copy_of == Source(file="big.xlsx", sheet="表", row=1, column=1)


def test_a_workbook_part_named_otherwise_is_found_through_the_package_relationships():
    original = zipfile.ZipFile(BytesIO(sample()))
    moved = {
        "xl/workbook.xml": "xl/book.xml",
        "xl/_rels/workbook.xml.rels": "xl/_rels/book.xml.rels",
    }
    parts = {moved.get(n, n): original.read(n).decode() for n in original.namelist()}
    parts["_rels/.rels"] = parts["_rels/.rels"].replace("xl/workbook.xml", "xl/book.xml")
    doc = read_bytes("moved.xlsx", zipped(parts))
    assert [b.texts for b in doc.blocks] == [["甲", "1"]]


def test_values_spread_far_apart_are_refused_beyond_the_spread_bound(monkeypatch):
    rows = {r: inline(f"A{r}", "甲") + inline(f"J{r}", "乙") for r in range(1, 4)}
    data = workbook({"表": sheet_xml(rows, merges=("C1:C1048576",))})
    monkeypatch.setattr(xlsx, "MAX_SPREAD", 30)  # 3 rows × 10 columns; the merge cut at row 3
    assert [b.texts[0] for b in xlsx.read("ok.xlsx", data).blocks] == ["甲", "甲", "甲"]
    monkeypatch.setattr(xlsx, "MAX_SPREAD", 29)
    assert refusal(data) == "unreadable-file"
