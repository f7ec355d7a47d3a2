"""The importer: each part of a document matched to a layout, read, and built into forms."""

from dataclasses import dataclass, field, replace

from jixiao.core.findings import Finding
from jixiao.core.model import Form
from jixiao.io.cellsplit import Recovery, recover_cells
from jixiao.io.cellsplit.wraps import rejoin_brackets
from jixiao.io.document import Block, Document, Ledger, Source
from jixiao.io.problems import uncertain, unplaced
from jixiao.io.structure.flattened import restore as restore_flattened
from jixiao.io.structure.forms import build, truncated
from jixiao.io.structure.match import match_layout
from jixiao.io.structure.reader import read_blocks, title_of
from jixiao.io.text import is_page_footer
from jixiao.io.vocabulary import Layout, normalise, vocabulary


@dataclass
class ImportResult:
    """Forms in printed order, and what the importer could not place or settle."""

    forms: list[Form] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def extract(doc: Document, ledger: Ledger, first: int = 0) -> ImportResult:
    """Every form of ``doc``, numbered from ``first``; each placed cell taken from ``ledger``."""
    if doc.kind != "text":
        return _read(doc, ledger, doc.kind, first)
    doc, marked = _without_truncation_mark(doc)
    restored = restore_flattened(doc)
    if restored is not None:  # PDF text whose table lost its cells and order
        own = Ledger()
        result = _read(restored.document, own, "text", first)
        restored.take(own, ledger)
        result.findings.extend(restored.findings)
        result.findings.extend(
            uncertain(doc.name, first + n, *doubt) for n, doubt in restored.doubts
        )
        return result
    tabbed = any(len(b.cells) > 1 for b in doc)  # else cellsplit placed every cell
    doc = doc if tabbed else rejoin_brackets(doc)
    recovery = recover_cells(doc)
    own = Ledger()
    result = _read(recovery.document, own, "text" if tabbed else "recovered", first)
    result.findings.extend(recovery.findings())
    result.findings.extend(take_lines(doc, recovery, own, ledger))
    if result.forms and (marked or _cut_short(doc, ledger)):
        result.findings.append(truncated(doc.name, first + len(result.forms) - 1))
    return result


def _read(doc: Document, ledger: Ledger, kind: str, first: int) -> ImportResult:
    result = ImportResult()
    # Every cell joined, normalised at once: no layout word holds "|", so none spans two cells.
    text = normalise("|".join([t for b in doc.blocks for _, t in b.filled]))
    for part, title in _parts(doc):
        layout, titled = _layout_of(title, text)
        vocab = vocabulary(layout.id if layout else "national")
        for draft in read_blocks(part, vocab, ledger, kind):
            draft.title_of_layout = titled
            printed = None if draft.written else layout  # a notice prints no layout
            forms, findings = build(draft, printed, doc.name, first + len(result.forms))
            result.forms += forms
            result.findings += findings
    return result


_COMPLETE_END = "。！？.!?；;）)0123456789%日"  # 日: a date (a notice's) ends a text


def _without_truncation_mark(doc: Document) -> tuple[Document, bool]:
    """The text without a store's truncation mark at its end (``… [truncated in store]``)."""
    last = next((b for b in reversed(doc.blocks) if not b.blank), None)
    i, text = last.filled[-1] if last else (0, "")
    marks = vocabulary().words("furniture", "truncation")
    mark = next((m for m in marks if text.endswith(m)), None)
    if mark is None:
        return doc, False
    cells = list(last.cells)
    cells[i] = replace(cells[i], text=cells[i].text.rstrip().removesuffix(mark).rstrip())
    blocks = tuple(Block(b.index, tuple(cells)) if b is last else b for b in doc.blocks)
    return replace(doc, blocks=blocks), True


def _cut_short(doc: Document, ledger: Ledger) -> bool:
    """Whether the text stops in the middle of a sentence nobody placed (page numbers aside)."""
    printed = (b for b in reversed(doc.blocks) if not b.blank and not is_page_footer(b.text))
    last = next(printed, None)
    if last is None or all(ledger.is_taken(last, i) for i, _ in last.filled):
        return False
    return last.text.rstrip()[-1] not in _COMPLETE_END


def _layout_of(title: tuple | None, text: str) -> tuple[Layout | None, bool]:
    """The matched layout, and whether the form's title prints the layout's own title words."""
    printed = normalise(title[0]) if title else ""
    layout = match_layout(printed, text, title[1] if title else None)
    if layout is None and title:
        layout = match_layout(printed, text, None)
    if layout is None or (title and title[2] and layout.generic):
        return None, False  # a department-wide form is none of the national project layouts
    titled = any(normalise(w) in printed for w in layout.title_words)
    if title and layout.kind != title[1] and not titled:  # 吉林 评价表 are targets: titled
        return None, False
    return layout, titled


def _parts(doc: Document) -> list[tuple[list[Block], tuple | None]]:
    """The document cut before each title after content (more than titles and a year line)."""
    national = vocabulary()
    out: list[tuple[list[Block], tuple | None]] = []
    blocks: list[Block] = []
    first, content = None, 0
    for block in doc.blocks:
        title = title_of(block, national)
        if title and content > 1:
            out.append((blocks, first))
            blocks, first, content = [], None, 0
        blocks.append(block)
        first = first or title
        content += not (block.blank or title)
    return [*out, (blocks, first)] if blocks else out


def take_lines(doc: Document, recovery: Recovery, own: Ledger, ledger: Ledger) -> list[Finding]:
    """Take into ``ledger`` the lines of ``doc`` whose cells recovered were placed (in ``own``).

    A plain line partly placed is taken, its other pieces reported.
    """
    recovered, wrapped = recovery.document, recovery.wrapped
    kept = {b.cells[0].source: b for b in recovered if len(b.cells) > 1}
    placed, left = _pieces(recovered, own)
    partial = not any(len(b.cells) > 1 for b in doc)  # untabbed: cells recovered from text
    findings: list[Finding] = []
    for block in doc:
        if not block.cells:
            continue
        line = block.cells[0].source.line or 0
        same = kept.get(block.cells[0].source)
        if same is not None and len(same.cells) == len(block.cells):
            cells = range(len(block.cells))
            ledger.taken.update([(block.index, i) for i in cells if (same.index, i) in own.taken])
        elif line not in left and wrapped.get(line, -1) not in left:
            ledger.take(block)
        elif partial and line in placed and len(block.filled) == 1:
            ledger.take(block)
            pieces = " | ".join(text for text, _ in left[line])
            findings.append(unplaced(doc.name, pieces, left[line][0][1].label()))
    return findings


def _pieces(recovered: Document, own: Ledger) -> tuple[set[int], dict[int, list]]:
    """Lines with a placed cell; each line's unplaced pieces, with where they stand."""
    placed: set[int] = set()
    left: dict[int, list[tuple[str, Source]]] = {}
    for block in recovered:
        for i, text in block.filled:
            cell = block.cells[i]
            line = cell.source.line or 0
            if cell.copy_of is not None:
                continue
            if (block.index, i) in own.taken:
                placed.add(line)
            else:
                left.setdefault(line, []).append((text, cell.source))
    return placed, left
