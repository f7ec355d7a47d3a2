"""财政项目支出绩效目标表（2020年度） (seed 003, plain PDF text).

Not written yet: pending is True until this importer reproduces its seeds' gold files.
"""

from typing import ClassVar

from jixiao.core.model import FormKind
from jixiao.io.document import Document, Ledger
from jixiao.io.importers.base import Importer, ImportResult


class Sh2020Target(Importer):
    """Reads sh-2020-target forms."""

    template = "sh-2020-target"
    kind = FormKind.TARGET
    titles = ("财政项目支出绩效目标表",)
    labels: ClassVar[frozenset[str]] = frozenset()
    pending = True

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Every form of this layout in ``doc``."""
        return ImportResult()
