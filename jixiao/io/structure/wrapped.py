"""A text cell wrapped onto a line of its own in text copied out of a PDF.

A long explanation or deviation cell goes on over the next line, which holds nothing else
(``…更新不及时。下`` / ``一步优先保障教学设备更新支出。``). Such a line carries on the last text
field of the indicator above. A line after a cell that ends a sentence may be a paragraph of
it or open the next row: it is joined as a paragraph and the place reported as uncertain.
"""

from dataclasses import replace

from jixiao.io.document import Block, Ledger
from jixiao.io.structure.labels import label_of
from jixiao.io.structure.rows import TEXT_FIELDS, Row, Table
from jixiao.io.structure.values import weight
from jixiao.io.text import clean
from jixiao.io.vocabulary import Vocabulary

SENTENCE_END = "。！？；.!?;"
WRAP = ("折行还是下一行的开头", "a wrapped line or the start of the next row")


def carries_on(row: Row, table: Table, vocab: Vocabulary, same_line: bool = False) -> bool:
    """Join a lone line of text to the last text field of the indicator above; whether it was.

    ``same_line``: the text stands on the line the field's last piece came from (cut apart
    by the cell recovery): no break between them.
    """
    filled = row.block.filled
    if table.typed or not filled or not table.indicators:
        return False
    if len(filled) > 1 and row.header.first("score") is None:
        return False  # a target's row of texts may be an indicator with no figures
    for i, text in filled:
        if row.block.cells[i].copy_of is not None or weight(text) is not None:
            return False
        heading = text.rstrip().endswith((":", "：")) and len(filled) > 1  # 改进措施：…
        if (vocab.is_label(text) and not heading) or vocab.field("indicators.levels", text):
            return False
    text = "".join(t.strip() for _, t in filled)
    last = table.indicators[-1]
    printed = [(c.index, c.field) for c in row.header.columns if c.field in TEXT_FIELDS]
    field = next((f for _, f in sorted(printed, reverse=True) if getattr(last, f)), None)
    if field is None:
        return False
    before = getattr(last, field)
    ends = before.rstrip()[-1:] in SENTENCE_END and not same_line
    table.indicators[-1] = replace(last, **{field: f"{before}\n{text}" if ends else before + text})
    if ends:
        path = f"indicators[{len(table.indicators) - 1}].{field}"
        table.uncertain.append((path, f"{before}\n{text}", [before, f"{before}\n{text}"], *WRAP))
    for i, _ in filled:
        row.ledger.take(row.block, i)
    return True


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
