"""上海市财政支出项目绩效目标申报表（2019年） (seed 004, plain PDF text).

Not written yet: pending is True until this importer reproduces its seeds' gold files.
"""

from typing import ClassVar

from jixiao.core.model import FormKind
from jixiao.io.document import Document, Ledger
from jixiao.io.importers.base import Importer, ImportResult


class Sh2019Target(Importer):
    """Reads sh-2019-target forms."""

    template = "sh-2019-target"
    kind = FormKind.TARGET
    titles = ("上海市财政支出项目绩效目标申报表", "财政支出项目绩效目标申报表")
    labels: ClassVar[frozenset[str]] = frozenset()
    pending = True

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Every form of this layout in ``doc``."""
        return ImportResult()
