"""Level-2 names inherited in flattened text, where the text does not settle which.

A merged level-2 cell prints its name once, on any row of its block: a PDF copy prints it on
the block's middle row as often as on its first. A row that prints no level-2 name takes the
one above it; when the next name printed in the same group differs, the merged cell may as
well be that one, and the choice is reported (issue 9: level cells lost in flattened text).
"""

from jixiao.core.model import Indicator
from jixiao.io.structure.rows import AFTER_LINE, PRINTED, Table

WHY = (
    "二级指标为合并单元格，文字未说明本行属于上方还是下方的二级指标",
    "merged level-2 cell: the text does not say whether this row belongs to the level-2 "
    "above or below",
)
NONE_ABOVE = "(空)"  # the reading of a row with no level-2 name above it in its group


def settle_level2s(table: Table) -> None:
    """Report each inherited level-2 name the next printed one contradicts.

    A row with no name above it in its group keeps none (the cell may be empty). A row named by
    a label line centred among its rows is ``centred``'s to report.
    """
    rows = table.indicators
    printed = [settled == PRINTED for settled in table.level2_from]
    for k, indicator in enumerate(rows):
        if k >= len(printed) or table.level2_from[k] in (PRINTED, AFTER_LINE):
            continue
        above, below = indicator.level2, _printed_below(rows, printed, k)
        if below is None or below == above:
            continue
        chosen = above or NONE_ABOVE
        path = f"indicators[{k}].level2"
        table.uncertain.append((path, chosen, [chosen, below], *WHY))


def _printed_below(rows: list[Indicator], printed: list[bool], k: int) -> str | None:
    """The level-2 name of the next row after row ``k`` that prints one, in its group."""
    for row, own in zip(rows[k + 1 :], printed[k + 1 :], strict=False):
        if row.level1 != rows[k].level1:
            return None
        if own:
            return row.level2
    return None
