"""A value wrapped onto a line of its own in text copied out of a PDF, outside the rows.

A lone line under a line of label and value pairs carries on the last value; a label-like
line between two indicator rows (``改进措施：…``) is a piece of the text cell above. (A text
cell of an indicator row wrapped onto lines of its own is joined to its row when the cells
are recovered: ``jixiao.io.cellsplit.wraps``.)
"""

from jixiao.io.document import Block, Ledger
from jixiao.io.structure.labels import label_of
from jixiao.io.structure.rows import Table
from jixiao.io.structure.values import weight
from jixiao.io.text import clean
from jixiao.io.vocabulary import Vocabulary

EITHER = (
    "续行不能确定属于同一行的哪一个值",
    "a wrapped line may continue either value of the line above",
)


def carries_value(blocks: list[Block], at: int, draft, vocab: Vocabulary, ledger: Ledger) -> bool:
    """A lone line under a line of label and value pairs carries on the last value.

    ``项目名称 城乡河道与水库`` / ``库区保洁服务``. After a line of two pairs it may carry on
    either: the last is chosen and the place reported as uncertain.
    """
    block = blocks[at]
    if draft.fields.typed or draft.funds or draft.tables or len(block.filled) != 1 or at == 0:
        return False
    i, text = block.filled[0]
    above = blocks[at - 1]
    if vocab.is_label(text) or above.blank or len(above.filled) < 2:
        return False
    keys = [k for _, t in above.filled if (k := label_of(t, vocab)) and k != "-"]
    last = above.filled[-1][1]
    if not keys or label_of(last, vocab) or draft.fields.values.get(keys[-1]) != clean(last):
        return False
    value = draft.fields.values[keys[-1]] + text.strip()
    draft.fields.values[keys[-1]] = value
    if len(keys) > 1:
        draft.table.uncertain.append((keys[-1], value, keys, *EITHER))
    ledger.take(block, i)
    return True


def between_rows(blocks: list[Block], at: int, table: Table, vocab: Vocabulary) -> bool:
    """Whether a line that looks like a label (``改进措施：…``) stands between two rows.

    In plain text (lines of level labels aside) it is then a piece of the text cell above,
    not the table's end.
    """
    if table.typed or not table.indicators or not table.indicators[-1].deviation:
        return False
    below = next(
        (
            b
            for b in blocks[at + 1 :]
            if not b.blank and not all(vocab.field("indicators.levels", t) for _, t in b.filled)
        ),
        None,
    )
    if below is None:
        return False
    figures = sum(1 for _, t in below.filled if weight(t) is not None)
    return figures >= 2 and len(below.filled) > 3
