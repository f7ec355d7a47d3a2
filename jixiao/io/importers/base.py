"""The importer protocol: recognise a layout by its titles, extract its forms."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar

from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Form, FormKind
from jixiao.io.document import Block, Document, Ledger
from jixiao.io.problems import problem
from jixiao.io.text import squeeze


@dataclass
class ImportResult:
    """Forms in printed order, and what the importer could not place or settle."""

    forms: list[Form] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


class Importer(ABC):
    """One layout (template id). Subclasses set the class attributes and ``extract``."""

    template: ClassVar[str]
    kind: ClassVar[FormKind]
    titles: ClassVar[tuple[str, ...]]  # printed titles, whitespace removed
    # Every printed label of the layout, whitespace removed: what a cell may hold that is
    # not copied into the form. The accounting test allows exactly these.
    labels: ClassVar[frozenset[str]]
    pending: ClassVar[bool] = False  # True while an importer is a stub (its seed tests xfail)

    def is_title(self, block: Block) -> bool:
        """Whether a block prints this layout's title."""
        text = squeeze(block.text)
        return any(title in text for title in self.titles)

    @abstractmethod
    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Every form of this layout in ``doc``; take each placed cell from ``ledger``."""


def uncertain(
    document: str, form: int, path: str, chosen: str | None, candidates: list[str], zh: str, en: str
) -> Finding:
    """A reading the text does not settle: the choice made and the other candidates."""
    return problem(
        "uncertain-value",
        Severity.WARNING,
        document,
        f"无法确定：{zh}",
        f"not settled by the text: {en}",
        form=form,
        path=path,
        found=chosen,
        expected=" | ".join(candidates),
    )
