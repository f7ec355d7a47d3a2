"""A value wrapped onto a line of its own in text copied out of a PDF, outside the tables.

A lone line under a line of label and value pairs carries on the last value. (A cell of an
indicator row wrapped onto lines of its own, ``改进措施：…`` under a deviation too, is joined
to its row when the cells are recovered: ``jixiao.io.cellsplit.wraps``.)
"""

from jixiao.io.document import Block, Ledger
from jixiao.io.structure.labels import label_of, opens_with_label
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
    if ledger.is_taken(block, i):
        return False  # placed already (the lower half of a centred value)
    above = blocks[at - 1]
    if vocab.is_label(text) or opens_with_label(text, vocab):  # 项目资金：500万元 is a pair
        return False
    if above.blank or len(above.filled) < 2:
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


def centred_value(blocks: list[Block], at: int, draft, vocab: Vocabulary, ledger: Ledger) -> bool:
    """A value centred on its label's row, broken over the lines above and below it.

    ``示范区住房和城乡建`` / ``主管部门 实施单位 示范区城市更新中心`` / ``设局``: the label with no
    value beside it (主管部门) takes the lone lines around its row.
    """
    if draft.funds or draft.tables or at + 2 >= len(blocks):
        return False
    above, row, below = blocks[at : at + 3]
    if not (_lone_text(above, vocab) and _lone_text(below, vocab)):
        return False
    keys = [label_of(t, vocab) for _, t in row.filled]
    followers = [*keys[1:], "-"] if keys else []  # a label followed by a label has no value
    empty = [k for k, after in zip(keys, followers, strict=True) if k and k != "-" and after]
    if not empty or empty[0] in draft.fields.values:
        return False
    text = above.filled[0][1].strip() + below.filled[0][1].strip()
    if draft.fields.put(empty[0], text):
        ledger.take(above)
        ledger.take(below)
    return True


def _lone_text(block: Block, vocab: Vocabulary) -> bool:
    return len(block.filled) == 1 and not vocab.is_label(block.filled[0][1])
