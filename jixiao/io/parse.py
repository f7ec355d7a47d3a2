"""One file in, ``jixiao/parse@1`` out: read, detect, import, account for every character."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.core.findings import Finding, Location, Severity
from jixiao.core.formjson import PARSE_SCHEMA, FormDecodeError, decode_form, encode_form
from jixiao.core.formreader import plainly_valid
from jixiao.core.model import Form
from jixiao.io.document import Document, Ledger
from jixiao.io.importers.detect import split
from jixiao.io.problems import ReadError, problem
from jixiao.io.readers import read_bytes, read_file
from jixiao.io.text import is_page_footer


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


def _with_form_offset(finding: Finding, offset: int) -> Finding:
    loc = finding.location
    if loc.form is None or offset == 0:
        return finding
    moved = Location(loc.document, loc.form + offset, loc.path, loc.indicator, loc.source)
    return Finding(
        finding.code,
        finding.severity,
        moved,
        finding.message_zh,
        finding.message_en,
        finding.expected,
        finding.found,
        finding.basis,
    )


def _notes(doc: Document) -> list[Finding]:
    out = []
    if "decoded-as-gb18030" in doc.notes:
        out.append(
            problem(
                "decoded-as-gbk",
                Severity.INFO,
                doc.name,
                "文件不是 UTF-8，已按 GBK/GB18030 解码",
                "not UTF-8: decoded as GBK/GB18030",
            )
        )
    return out


def _footers(cells: list[str], sources: list[str], document: str) -> list[Finding]:
    """Page numbers are the printout's furniture, not the form's text: one note for them all."""
    if not cells:
        return []
    return [
        problem(
            "page-footer",
            Severity.INFO,
            document,
            f"{len(cells)} 行页码未导入（{sources[0]} 等）",
            f"{len(cells)} page-number line(s) not imported ({sources[0]} …)",
            source=sources[0],
            found=" | ".join(cells),
        )
    ]


def _leftovers(doc: Document, ledger: Ledger) -> list[Finding]:
    findings = []
    by_block: dict[int, list[str]] = {}
    sources: dict[int, str] = {}
    footers: list[str] = []
    footer_sources: list[str] = []
    for block, _, cell in ledger.leftovers(doc):
        if len(block.filled) == 1 and is_page_footer(cell.text):
            footers.append(cell.text.strip())
            footer_sources.append(cell.source.label())
            continue
        by_block.setdefault(block.index, []).append(cell.text.strip())
        sources.setdefault(block.index, cell.source.label())
    for index, texts in by_block.items():
        text = " | ".join(texts)
        findings.append(
            problem(
                "unplaced-text",
                Severity.WARNING,
                doc.name,
                f"未能归入任何字段的文字：“{text[:80]}”",
                f"text not placed in any field: {text[:80]!r}",
                source=sources[index],
                found=text,
            )
        )
    return findings + _footers(footers, footer_sources, doc.name)


def parse_document(doc: Document) -> ParseResult:
    """Import every form of a document; whatever is not placed becomes a finding."""
    result = ParseResult(doc.name, findings=_notes(doc))
    ledger = Ledger()
    for part in split(doc):
        segment = doc.segment(part.start, part.stop)
        if part.importer is None:
            for block in segment:
                ledger.take(block)
            result.findings.append(_not_a_project_form(doc.name, segment, part.title))
            continue
        imported = part.importer.extract(segment, ledger)
        offset = len(result.forms)
        result.forms.extend(imported.forms)
        result.findings.extend(_with_form_offset(f, offset) for f in imported.findings)
    if not result.forms and not any(f.code == "not-a-project-form" for f in result.findings):
        result.findings.append(
            problem(
                "unknown-layout",
                Severity.ERROR,
                doc.name,
                "未识别出任何绩效表（没有指标表、资金表或表头标题）",
                "no performance form found (no table, no title)",
            )
        )
        return result
    result.findings.extend(_leftovers(doc, ledger))
    result.findings.extend(_incomplete(doc.name, result.forms))
    return result


def _not_a_project_form(document: str, segment: Document, title: str) -> Finding:
    return problem(
        "not-a-project-form",
        Severity.WARNING,
        document,
        f"“{title}”不是项目支出绩效表，未导入",
        f"{title!r} is not a project form: not imported",
        source=segment.blocks[0].cells[0].source.label(),
        found=title,
    )


def _incomplete(document: str, forms: list[Form]) -> list[Finding]:
    """What keeps an imported form from being a valid canonical form (no year read, …)."""
    out = []
    for index, form in enumerate(forms):
        if plainly_valid(form):  # the fields checked directly: nearly every imported form
            continue
        try:
            decode_form(encode_form(form), document, index)
        except FormDecodeError as exc:
            out.extend(
                problem(
                    "incomplete-form",
                    Severity.ERROR,
                    document,
                    f"导入的表不完整：{f.message_zh}",
                    f"the imported form is incomplete: {f.message_en}",
                    form=index,
                    path=f.location.path,
                )
                for f in exc.findings
            )
    return out


def parse_path(path: Path) -> ParseResult:
    """Read and import one file; a file that cannot be read gives a failed result, not an exception."""
    try:
        doc = read_file(path)
    except ReadError as exc:
        return ParseResult(str(path), findings=[exc.finding], failed=True)
    return parse_document(doc)


def parse_bytes(name: str, data: bytes) -> ParseResult:
    """As ``parse_path``, for content already in memory (uploads)."""
    try:
        doc = read_bytes(name, data)
    except ReadError as exc:
        return ParseResult(name, findings=[exc.finding], failed=True)
    return parse_document(doc)
