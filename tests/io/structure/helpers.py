"""Reading small hand-built grids with the structure importer."""

from jixiao.io.document import Ledger
from jixiao.io.structure.importer import ImportResult, extract
from tests.io.grids import grid


def read(rows: list[list[str]]) -> tuple[ImportResult, list[str]]:
    """The forms and findings of a grid (``^text``: a merged cell repeated), and the texts of
    the cells it did not place (left for ``unplaced-text`` findings)."""
    ledger = Ledger()
    doc = grid(rows)
    result = extract(doc, ledger)
    return result, [cell.text for _, _, cell in ledger.leftovers(doc)]


def codes(result: ImportResult) -> list[str]:
    """The finding codes, in order."""
    return [f.code for f in result.findings]


HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
