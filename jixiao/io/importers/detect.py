"""Which layout is this? Told from printed titles, never from the file name.

A document may hold several forms, and a file of project forms may carry a form that is
not a project form (a department-wide 部门整体支出绩效 table): the document is split where
the layout changes, and each part goes to its importer or becomes a finding.
"""

from dataclasses import dataclass

from jixiao.io.document import Block, Document, Ledger
from jixiao.io.importers.base import Importer, ImportResult
from jixiao.io.importers.mof_2020_self_eval import Mof2020SelfEval
from jixiao.io.structure.importer import StructureImporter
from jixiao.io.text import squeeze
from jixiao.io.vocabulary import vocabulary

# Order matters only where titles overlap: the more specific title first.
IMPORTERS: tuple[Importer, ...] = (Mof2020SelfEval(),)

# Documents whose title no importer above knows are read by their structure; so are the
# table-structured files (cells kept) of the layouts the structure importer reproduces.
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


class Better(Importer):
    """Two importers read the same part of plain text; the better reading is kept.

    A layout's own importer knows its PDF copies' line breaks, the structure importer (with
    the cell recovery) the one-space rows of web copies. The better reading has more clean
    indicators (a group the vocabulary knows, a name that is neither a level name nor a
    placeholder) less lines left unplaced; ties keep the first.
    """

    def __init__(self, first: Importer, second: Importer) -> None:
        """``first`` wins ties."""
        self.first, self.second = first, second
        self.template, self.kind = first.template, first.kind
        self.titles = tuple(first.titles) + tuple(second.titles)
        self.labels = first.labels | second.labels

    def is_title(self, block: Block) -> bool:
        """The first importer's titles."""
        return self.first.is_title(block)

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Both readings; the better one, its cells taken from ``ledger``."""
        readings = []
        for importer in (self.first, self.second):
            own = Ledger()
            result = importer.extract(doc, own)
            readings.append((_clean_indicators(result) - len(own.leftovers(doc)), result, own))
        _, result, own = max(readings, key=lambda r: r[0])  # the first of equals
        ledger.taken.update(own.taken)
        return result


def _clean_indicators(result: ImportResult) -> int:
    """Indicators in a known group whose name is no level name and no placeholder."""
    national = vocabulary()
    groups = set(national.words("indicators.levels", "level1"))
    return sum(
        1
        for form in result.forms
        for i in form.indicators
        if i.level1 in groups
        and i.name
        and not national.field("indicators.levels", i.name)
        and not national.placeholder.match(i.name)
    )


BETTER: dict[str, Importer] = {}


# Plain-text layouts also read by structure (web copies one space apart are published of them).
READ_TWICE = frozenset({"mof-2020-self-eval"})


def _better(importer: Importer | None) -> Importer | None:
    if importer is None or importer.template not in READ_TWICE:
        return importer
    if importer.template not in BETTER:
        BETTER[importer.template] = Better(importer, STRUCTURE)
    return BETTER[importer.template]


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
    for importer in IMPORTERS:
        if importer.is_title(block):
            return importer, text
    if any(word in text for word in STRUCTURE_TITLES):
        return STRUCTURE, text
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
    else:  # plain text: the layout's reading of PDF copies, or structure's of web copies
        marks = [(i, _better(importer), title) for i, importer, title in marks]
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
