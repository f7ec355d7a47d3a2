"""A label cell merged down over several rows: each row's cells continue the label's value.

A file that keeps its merged cells repeats the label into the rows below it (``Cell.copy_of``
set); their value cells are further lines of the same value, as a second line of check
boxes under 项目类型 (``结转项目□ … | 经常性专项业务费□ 其他经常性项目√``).
"""

from jixiao.io.document import Block, Ledger


def continue_label(
    block: Block,
    own: list[tuple[int, str]],
    key: str | None,
    values: dict[str, str],
    ledger: Ledger,
) -> bool:
    """Add a row's own cells to the value of the label merged over it; whether they were."""
    if not own or key is None or key == "-" or key not in values:
        return False
    values[key] = "\n".join([values[key], *(t for _, t in own)])
    for i, _ in own:
        ledger.take(block, i)
    return True


def merged_text(block: Block) -> str | None:
    """The text a row repeats from a merged cell above (its label cell), if any."""
    return next((t for i, t in block.filled if block.cells[i].copy_of is not None), None)
