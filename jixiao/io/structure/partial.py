"""A line of text split into cells of which some were placed and some not.

The line is taken, and what was not placed of it is reported as ``unplaced-text`` with just
those pieces (``年度资金总额 36.00 … 9.50 见说明``: only ``见说明``), not the whole line again.
"""

from jixiao.core.findings import Finding, Severity
from jixiao.io.document import Document, Ledger
from jixiao.io.problems import problem


def partly_placed(doc: Document, recovered: Document, own: Ledger, ledger: Ledger) -> list:
    """Take each line of ``doc`` split into cells partly placed; the findings for the rest."""
    placed: dict[int, bool] = {}
    left: dict[int, list[str]] = {}
    sources = {}
    for block in recovered:
        for i, text in block.filled:
            cell = block.cells[i]
            if cell.copy_of is not None:
                continue
            line = cell.source.line
            if own.is_taken(block, i):
                placed[line] = True
            else:
                left.setdefault(line, []).append(text.strip())
                sources.setdefault(line, cell.source.label())
    findings: list[Finding] = []
    for block in doc:
        line = block.cells[0].source.line if block.cells else None
        if line not in left or not placed.get(line) or len(block.filled) != 1:
            continue
        ledger.take(block)
        text = " | ".join(left[line])
        findings.append(
            problem(
                "unplaced-text",
                Severity.WARNING,
                doc.name,
                f"未能归入任何字段的文字：“{text[:80]}”",
                f"text not placed in any field: {text[:80]!r}",
                source=sources[line],
                found=text,
            )
        )
    return findings
