"""Cell recovery: split text lines that lost their cell boundaries back into cells.

Text copied out of web pages and PDFs keeps a form's words but not its table: cells run
together or stand one space apart. ``recover_cells`` splits them again by explicit separators,
the known labels, the shapes of values and the column order of the table a line belongs to,
and reports the places where the text does not settle the split.

Use::

    recovery = recover_cells(doc)            # labels from jixiao.io.vocabulary
    recovery.document                        # one block per recovered row
    recovery.findings(form=None)             # uncertain-value findings

A block with several cells (tabs, a spreadsheet row) is kept as it is. A recovered cell keeps
its line's source; its ``column`` is its place in the block, which for a table row is the
header's column (an empty cell stands where a column was not printed, as in tab copies).

Modules, in the order a line goes through them:

- ``separators``: explicit separators (``|``, tabs, runs of spaces).
- ``labels``: the label set (the vocabulary's, ``from_vocabulary``) and its one cached
  alternation regex.
- ``shapes``: the shapes of values (amounts, percentages, comparator values, dates).
- ``tokens``: run-together text cut at labels and values.
- ``spaced``: text spaced by single spaces, joined where shapes say a space is inside a cell.
- ``columns``: the kinds of columns and the placement of a row's tokens in them.
- ``runs``: digits, dashes and doubled text that ran together in a row, split by its columns.
- ``rows``: a line's tokens grouped into headers, rows and plain blocks.
- ``wraps``: a wrapped cell's further lines (PDF copies), joined to their row.
- ``recover``: the document pass (``recover_cells``).
- ``uncertain``: the uncertain places and their ``uncertain-value`` findings.
"""

from jixiao.io.cellsplit.labels import LabelSet, from_vocabulary
from jixiao.io.cellsplit.recover import Recovery, recover_cells
from jixiao.io.cellsplit.uncertain import UncertainSplit

__all__ = ["LabelSet", "Recovery", "UncertainSplit", "from_vocabulary", "recover_cells"]
