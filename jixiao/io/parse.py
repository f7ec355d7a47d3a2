"""One file in, ``jixiao/parse@1`` out: read, detect, import, account for every character."""

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from jixiao.core.findings import Finding
from jixiao.core.formjson import PARSE_SCHEMA, FormDecodeError, decode_form, encode_form
from jixiao.core.formreader import plainly_valid
from jixiao.core.model import Form
from jixiao.io.document import Document, Ledger
from jixiao.io.problems import ReadError, problem, unplaced
from jixiao.io.readers import read_bytes, read_file
from jixiao.io.structure.importer import extract
from jixiao.io.structure.reader import title_of
from jixiao.io.text import is_page_footer
from jixiao.io.vocabulary import vocabulary


@dataclass
class ParseResult:
    """A file's forms and the import findings; ``failed`` when no text could be read."""

    file: str
    forms: list[Form] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    failed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """``jixiao/parse@1``."""
        return {
            "schema": PARSE_SCHEMA,
            "file": self.file,
            "forms": [encode_form(f) for f in self.forms],
            "findings": [f.to_dict() for f in self.findings],
        }


class Part(NamedTuple):
    """A run of blocks: project forms (``project``), or a form that is not one."""

    start: int
    stop: int
    project: bool
    title: str


def split(doc: Document) -> list[Part]:
    """The document cut at the titles where project forms and other forms (部门整体) change."""
    national = vocabulary()
    marks = [
        (i, not found[2], found[0])
        for i, block in enumerate(doc.blocks)
        if (found := title_of(block, national))
    ]
    if not any(project for _, project, _ in marks):  # other forms only: read like any
        return [Part(0, len(doc.blocks), True, marks[0][2] if marks else "")]
    # A part starts where the kind changes; the first takes the blocks before its title.
    changes = [m for k, m in enumerate(marks) if k == 0 or m[1] != marks[k - 1][1]]
    starts = [0] + [i for i, _, _ in changes[1:]]
    stops = [*starts[1:], len(doc.blocks)]
    return [
        Part(start, stop, project, title)
        for start, stop, (_, project, title) in zip(starts, stops, changes, strict=True)
    ]


def parse_document(doc: Document) -> ParseResult:
    """Import every form of a document; whatever is not placed becomes a finding."""
    result = ParseResult(doc.name)
    if "decoded-as-gb18030" in doc.notes:
        zh, en = "文件不是 UTF-8，已按 GBK/GB18030 解码", "not UTF-8: decoded as GBK/GB18030"
        result.findings.append(problem("decoded-as-gbk", doc.name, zh, en))
    ledger = Ledger()
    for part in split(doc):
        segment = replace(doc, blocks=doc.blocks[part.start : part.stop])  # indexes kept
        if not part.project:
            for block in segment:
                ledger.take(block)
            zh = f"“{part.title}”不是项目支出绩效表，未导入"
            en = f"{part.title!r} is not a project form: not imported"
            where = segment.blocks[0].cells[0].source.label()
            result.findings.append(
                problem("not-a-project-form", doc.name, zh, en, source=where, found=part.title)
            )
            continue
        imported = extract(segment, ledger, len(result.forms))
        result.forms.extend(imported.forms)
        result.findings.extend(imported.findings)
    if not result.forms and not any(f.code == "not-a-project-form" for f in result.findings):
        zh = "未识别出任何绩效表（没有指标表、资金表或表头标题）"
        en = "no performance form found (no table, no title)"
        result.findings.append(problem("unknown-layout", doc.name, zh, en))
        return result
    result.findings.extend(_leftovers(doc, ledger))
    result.findings.extend(_incomplete(doc.name, result.forms))
    return result


def _leftovers(doc: Document, ledger: Ledger) -> list[Finding]:
    """A finding for each block's unplaced text; one note for all page numbers (furniture)."""
    by_block: dict[int, list[tuple[str, str]]] = {}
    footers: list[tuple[str, str]] = []
    for block, i, cell in ledger.leftovers(doc):
        piece = (block.texts[i], cell.source.label())
        if len(block.filled) == 1 and is_page_footer(cell.text):
            footers.append(piece)
        else:
            by_block.setdefault(block.index, []).append(piece)
    findings = [
        unplaced(doc.name, " | ".join(text for text, _ in pieces), pieces[0][1])
        for pieces in by_block.values()
    ]
    if footers:
        first, count = footers[0][1], len(footers)
        zh = f"{count} 行页码未导入（{first} 等）"
        en = f"{count} page-number line(s) not imported ({first} …)"
        found = " | ".join(text for text, _ in footers)
        findings.append(problem("page-footer", doc.name, zh, en, source=first, found=found))
    return findings


def _incomplete(document: str, forms: list[Form]) -> list[Finding]:
    """What keeps an imported form from being a valid canonical form (no year read, …)."""
    out = []
    for index, form in enumerate(forms):
        if plainly_valid(form):  # the fields checked directly: nearly every imported form
            continue
        try:
            decode_form(encode_form(form), document, index)
        except FormDecodeError as exc:
            for f in exc.findings:
                zh = f"导入的表不完整：{f.message_zh}"
                en = f"the imported form is incomplete: {f.message_en}"
                out.append(
                    problem("incomplete-form", document, zh, en, form=index, path=f.location.path)
                )
    return out


def parse_path(path: Path) -> ParseResult:
    """Read and import one file; a file that cannot be read gives a failed result, not an exception."""
    try:
        return parse_document(read_file(path))
    except ReadError as exc:
        return ParseResult(str(path), findings=[exc.finding], failed=True)


def parse_bytes(name: str, data: bytes) -> ParseResult:
    """As ``parse_path``, for content already in memory (uploads)."""
    try:
        return parse_document(read_bytes(name, data))
    except ReadError as exc:
        return ParseResult(name, findings=[exc.finding], failed=True)
