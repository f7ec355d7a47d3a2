"""Which lines of a text were placed, told from the cells recovered from them.

The structure reader places the cells ``cellsplit`` recovered from a text's lines; the ledger
of the text itself takes each line from them. A line kept whole (tabbed cells) is taken cell
by cell; a line split into cells is taken when every cell of it was placed, and a wrapped
line joined to its row when the row is. A line of plain text some of whose cells were placed
is taken too, and only its other pieces are reported as ``unplaced-text``
(``年度资金总额 36.00 … 9.50 见说明``: only ``见说明``), not the whole line again.
"""

from jixiao.core.findings import Finding
from jixiao.io.cellsplit import Recovery
from jixiao.io.document import Document, Ledger
from jixiao.io.problems import unplaced


def take_lines(doc: Document, recovery: Recovery, own: Ledger, ledger: Ledger) -> list[Finding]:
    """Take what was placed of ``doc`` into ``ledger``; the findings for lines partly placed.

    ``own``: the ledger of ``recovery.document``, as the structure reader left it.
    """
    recovered, wrapped = recovery.document, recovery.wrapped
    kept = {b.cells[0].source: b for b in recovered if len(b.cells) > 1}
    placed, left, sources = _pieces(recovered, own)
    partial = not any(len(b.cells) > 1 for b in doc)  # untabbed: cells recovered from text
    findings: list[Finding] = []
    for block in doc:
        if not block.cells:
            continue
        line = block.cells[0].source.line or 0
        same = kept.get(block.cells[0].source)
        if same is not None and len(same.cells) == len(block.cells):
            for i in range(len(block.cells)):
                if own.is_taken(same, i):
                    ledger.take(block, i)
        elif line not in left and wrapped.get(line, -1) not in left:
            ledger.take(block)
        elif partial and line in placed and len(block.filled) == 1:
            ledger.take(block)
            findings.append(unplaced(doc.name, " | ".join(left[line]), sources[line].label()))
    return findings


def _pieces(recovered: Document, own: Ledger) -> tuple[set[int], dict[int, list[str]], dict]:
    """Lines with a placed cell; each line's unplaced pieces; where each line's first stands."""
    taken = own.taken
    placed: set[int] = set()
    left: dict[int, list[str]] = {}
    sources = {}
    for block in recovered:
        for i, text in block.filled:
            cell = block.cells[i]
            if cell.copy_of is not None:
                continue
            line = cell.source.line or 0
            if (block.index, i) in taken:
                placed.add(line)
            elif line in left:
                left[line].append(text)
            else:
                left[line], sources[line] = [text], cell.source
    return placed, left, sources
