"""Cell recovery: split text lines that lost their cell boundaries back into cells.

``recover_cells(doc)`` splits each one-cell line by explicit separators, the known labels, the
shapes of values and the column order of the table it belongs to, and reports the places the
text does not settle (``Recovery.findings``). Modules, in the order a line goes through them:
``labels`` and ``shapes`` (what a word is), ``tokens`` (a line cut into tokens), ``columns``
(the kinds of columns, a row's tokens placed and split in them), ``rows`` (tokens grouped into
headers, rows and plain blocks), ``wraps`` (a wrapped cell's further lines joined to their
row), ``recover`` (the document pass). ``brackets`` rejoins a label's bracket closed on a
later line.
"""

from jixiao.io.cellsplit.labels import LabelSet, from_vocabulary
from jixiao.io.cellsplit.recover import Recovery, UncertainSplit, recover_cells

__all__ = ["LabelSet", "Recovery", "UncertainSplit", "from_vocabulary", "recover_cells"]
