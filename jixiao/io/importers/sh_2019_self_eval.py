"""2019年度财政项目绩效自评价 (seeds 000 as plain PDF text, 002 as tab-separated table text).

Not written yet: pending is True until this importer reproduces its seeds' gold files.
"""

from typing import ClassVar

from jixiao.core.model import FormKind
from jixiao.io.document import Document, Ledger
from jixiao.io.importers.base import Importer, ImportResult


class Sh2019SelfEval(Importer):
    """Reads sh-2019-self-eval forms."""

    template = "sh-2019-self-eval"
    kind = FormKind.SELF_EVALUATION
    titles = ("年度财政项目绩效自评价",)
    labels: ClassVar[frozenset[str]] = frozenset()
    pending = True

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Every form of this layout in ``doc``."""
        return ImportResult()
