"""Cell recovery: text lines that lost their cell boundaries split back into cells.

``recover_cells(doc)`` splits each one-cell line by separators, labels, value shapes and the
columns of its table, and reports what the text does not settle. Modules, in a line's order:
``labels``, ``shapes``, ``tokens``, ``table``, ``wraps`` (and a bracket closed below), ``recover``.
"""

from jixiao.io.cellsplit.labels import LabelSet, from_vocabulary
from jixiao.io.cellsplit.recover import Recovery, UncertainSplit, recover_cells

__all__ = ["LabelSet", "Recovery", "UncertainSplit", "from_vocabulary", "recover_cells"]
