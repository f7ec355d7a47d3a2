"""Cell recovery: one-cell lines split by separators, labels, value shapes and table columns."""

from jixiao.io.cellsplit.labels import LabelSet, from_vocabulary
from jixiao.io.cellsplit.recover import Recovery, UncertainSplit, recover_cells

__all__ = ["LabelSet", "Recovery", "UncertainSplit", "from_vocabulary", "recover_cells"]
