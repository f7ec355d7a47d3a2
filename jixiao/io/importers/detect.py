"""Which layout is this? Told from printed titles, never from the file name.

A document may hold several forms, and a file of project forms may carry a form that is
not a project form (a department-wide 部门整体支出绩效 table): the document is split where
the layout changes, and each part goes to its importer or becomes a finding.
"""

from dataclasses import dataclass

from jixiao.io.document import Block, Document
from jixiao.io.importers.base import Importer
from jixiao.io.structure.importer import StructureImporter
from jixiao.io.text import squeeze
from jixiao.io.vocabulary import vocabulary

# Order matters only where titles overlap: the more specific title first.
IMPORTERS: tuple[Importer, ...] = ()

# Documents whose title no importer above knows are read by their structure; so are the
# table-structured files (cells kept) of the layouts the structure importer reproduces, and
# every copy of the layouts it reads in every format (their titles name the part it reads).
STRUCTURE = StructureImporter()
TABLE_KINDS = frozenset({"xlsx", "pdf", "html", "docx"})
READ_BY_STRUCTURE = frozenset(
    {"mof-2020-self-eval", "sh-2019-self-eval", "sh-2020-target", "sh-2019-target"}
)
# Layouts read by structure alone: their titles, from the vocabulary, start a part of their own.
STRUCTURE_TITLES = tuple(
    word
    for layout in sorted(READ_BY_STRUCTURE - {i.template for i in IMPORTERS})
    for word in vocabulary(layout).layout.title_words
)


# Titles of forms that are not project forms: reported, never read as one.
NOT_PROJECT_TITLES = (
    "部门整体支出绩效",
    "部门整体绩效",
    "整体支出绩效自评表",
    "整体支出绩效目标表",
)


@dataclass(frozen=True)
class Part:
    """A run of blocks belonging to one layout; ``importer`` None for a non-project form."""

    start: int
    stop: int
    importer: Importer | None
    title: str


def title_of(block: Block) -> tuple[Importer | None, str] | None:
    """The layout a block's title names: ``(importer, title)``, ``(None, title)``, or None."""
    if "绩" not in block.text:  # every title names 绩效: most lines end here, unsqueezed
        return None
    text = squeeze(block.text)
    if len(text) > 60 or "绩效" not in text:
        return None
    if any(t in text for t in NOT_PROJECT_TITLES):
        return None, text
    if any(word in text for word in STRUCTURE_TITLES):
        return STRUCTURE, text
    for importer in IMPORTERS:
        if importer.is_title(block):
            return importer, text
    return None


def _by_structure(importer: Importer | None) -> Importer | None:
    if importer is not None and importer.template in READ_BY_STRUCTURE:
        return STRUCTURE
    return importer


def split(doc: Document) -> list[Part]:
    """Parts of the document by layout; blocks before the first title go with it.

    A document with no title a layout importer knows is one part, read by its structure.
    """
    marks = [(i, *found) for i, block in enumerate(doc.blocks) if (found := title_of(block))]
    if doc.kind in TABLE_KINDS or any(len(b.cells) > 1 for b in doc.blocks):
        # cells kept by the file or by tabs: read by structure
        marks = [(i, _by_structure(importer), title) for i, importer, title in marks]
    if marks and all(importer is None for _, importer, _ in marks):
        marks = [(i, STRUCTURE, title) for i, _, title in marks]  # department-wide forms only
    parts: list[Part] = []
    for i, importer, title in marks:
        if parts and parts[-1].importer is importer and importer is not None:
            continue
        start = 0 if not parts else i
        if parts:
            previous = parts[-1]
            parts[-1] = Part(previous.start, i, previous.importer, previous.title)
        parts.append(Part(start, len(doc.blocks), importer, title))
    return parts or [Part(0, len(doc.blocks), STRUCTURE, "")]
