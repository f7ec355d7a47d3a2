"""Build the bad-input fixtures of tests/io/fixtures/files/bad/ (what users upload by mistake).

Usage: fixtures_bad.py OUT_DIR, after fixtures_forms.py and the PDF conversion (the image-only
PDF is a picture of ``self_eval_2023.pdf``'s first page, as a scanner would make it, and the
truncated and corrupt workbooks are cut from ``self_eval_2023.xlsx``, the truncated PDF
from ``self_eval_2023.pdf``). The encrypted PDF is
exported by LibreOffice with a password (scripts/make_fixtures).
"""

import io
import sys
import zipfile
from pathlib import Path

import docx
import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
SEED_001 = ROOT / "jixiao" / "samples" / "seeds" / "001_655e35476e9ed446.txt"


def image_only_pdf(form_pdf: Path, target: Path) -> None:
    """The first page of a form rendered to grey pixels and saved as a PDF: no text at all."""
    page = pypdfium2.PdfDocument(str(form_pdf))[0]
    image = page.render(scale=1.2, grayscale=True).to_pil()
    image.save(target, "PDF", resolution=86.4, quality=60)


def corrupt_workbook(workbook: Path, target: Path) -> None:
    """A ZIP that still opens, whose workbook part is cut in the middle of its XML."""
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)


def not_a_form(target: Path) -> None:
    """A Word letter with a small table: text, but no performance form."""
    document = docx.Document()
    document.add_paragraph("关于报送2023年度项目支出绩效自评材料的函")
    document.add_paragraph("各预算单位：请于3月31日前报送自评材料。")
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(
        table.rows, [("联系人", "张三"), ("电话", "0000-0000000")], strict=True
    ):
        row.cells[0].text, row.cells[1].text = label, value
    document.save(target)


def build(out: Path) -> None:
    """Write every bad input under ``out/bad``."""
    bad = out / "bad"
    bad.mkdir(parents=True, exist_ok=True)
    (bad / "empty.xlsx").write_bytes(b"")
    # Bytes of every value, as in an executable or an image: no text encoding fits them.
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 16)
    (bad / "seed001_gbk.txt").write_bytes(SEED_001.read_text(encoding="utf-8").encode("gbk"))
    workbook = (out / "self_eval_2023.xlsx").read_bytes()
    (bad / "truncated.xlsx").write_bytes(workbook[: len(workbook) // 2])
    corrupt_workbook(out / "self_eval_2023.xlsx", bad / "corrupt.xlsx")
    printed = (out / "self_eval_2023.pdf").read_bytes()
    (bad / "truncated.pdf").write_bytes(printed[: len(printed) * 2 // 5])
    image_only_pdf(out / "self_eval_2023.pdf", bad / "image_only.pdf")
    buffer = io.BytesIO()
    not_a_form(buffer)
    (bad / "not_a_form.docx").write_bytes(buffer.getvalue())


if __name__ == "__main__":
    build(Path(sys.argv[1]))
