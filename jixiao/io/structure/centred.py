"""Level labels a PDF prints mid-way down their merged cells: they name the rows above and below."""

from dataclasses import replace

from jixiao.io.cellsplit.wraps import SENTENCE_END
from jixiao.io.document import Block
from jixiao.io.structure.columns import positions, word_set
from jixiao.io.structure.rows import AFTER_LINE, AFTER_ROW, PRINTED, Row, Table, _group, read_row
from jixiao.io.structure.values import group_label, weight
from jixiao.io.text import is_page_footer
from jixiao.io.vocabulary import Vocabulary

CENTRED = ("二级指标的合并单元格居中还是顶端对齐", "a merged level-2 cell centred or top-aligned")


def read_text_row(blocks: list[Block], at: int, row: Row, table: Table, vocab: Vocabulary):
    """One row of an indicator table: a label line, a text cell's first line, or a row."""
    if _label_line(blocks, at, row, table, vocab) or _opens_next(blocks, at, row, table, vocab):
        return
    count = len(table.indicators)
    _place_levels(row, vocab)
    read_row(row, table, vocab)
    if len(table.indicators) > count and table.pending:
        last = table.indicators[-1]
        text = "".join(b.texts[i].strip() for b, i in table.pending) + (last.deviation or "")
        table.indicators[-1] = replace(last, deviation=text)
        for block, i in table.pending:
            row.ledger.take(block, i)
        table.pending.clear()


def _opens_next(blocks: list[Block], at: int, row: Row, table: Table, vocab: Vocabulary) -> bool:
    """A lone unfinished line above a row: the first line of its centred deviation cell."""
    filled = row.block.filled
    if len(filled) != 1 or row.header.first("deviation") is None:
        return False
    text = filled[0][1].strip()
    if text[-1:] in SENTENCE_END or weight(text) is not None or _open_text(table):
        return False
    if text.startswith(("(", "（")) or vocab.is_label(text) or vocab.placeholder.match(text):
        return False  # a group's points (50分), a label, a placeholder row (……)
    if text in word_set(vocab, "indicators", "ellipsis"):
        return False
    below = _below(blocks, at)
    if below is None or sum(1 for _, t in below.filled if weight(t) is not None) < 2:
        return False
    table.pending.append((row.block, filled[0][0]))
    return True


def _below(blocks: list[Block], at: int) -> Block | None:
    """The next line of the table after ``blocks[at]`` (a page's number is none)."""
    return next((b for b in blocks[at + 1 :] if not b.blank and not is_page_footer(b.text)), None)


def _open_text(table: Table) -> bool:
    """Whether the last indicator's deviation goes on (printed, no full stop at its end)."""
    last = table.indicators[-1].deviation if table.indicators else None
    return bool(last) and last.rstrip()[-1:] not in SENTENCE_END


def _place_levels(row: Row, vocab: Vocabulary) -> None:
    """Put back a row whose level cells the recovery misplaced (a side label is no cell of it)."""
    one, two = row.header.first("level1"), row.header.first("level2")
    if row.at is not None or one is None or two is None:
        return
    filled = row.block.filled
    if len(filled) > 2 and _kind(filled[0][1], vocab) == "block":
        row.ledger.take(row.block, filled[0][0])  # the side label (绩效指标) centred onto a row
        cells = list(row.block.cells)
        cells[filled[0][0]] = replace(cells[filled[0][0]], text="")
        row.block = Block(row.block.index, tuple(cells))
        row.texts = row.block.texts
    level1 = row.text(one)
    points = level1.lstrip().startswith(("(", "（"))  # a group's points: (50分)
    if level1 and not points and _kind(level1, vocab) != "level1":
        row.at = positions(row.block, row.header, vocab)
    level2 = row.text(two)
    if not row.text(one) and level2 and _kind(level2, vocab) == "level1":
        at = row.at or {c.index: c.index for c in row.header.columns}
        at[one.index] = at.pop(two.index)
        row.at = at


def _kind(text: str, vocab: Vocabulary) -> str | None:
    """``block``, ``level1`` (a group of the tree) or ``level2`` for a level label; else None."""
    if vocab.field("indicators", text) == "block":
        return "block"
    label = group_label(text)
    name = "".join(label.name.split())
    field = vocab.field("indicators.levels", name)
    if not field:
        return None
    if name in vocab.names["indicators.tree"]:
        # a group of the tree with its points printed (成本指标(10分), 2021) is a level 1
        grouped = vocab.group_of(name) is not None and label.points is None
        return "level2" if grouped else "level1"
    return "level2" if vocab.group_of(name) or field == "level2" else "level1"


def _own_level2(block: Block | None, vocab: Vocabulary) -> bool:
    """Whether a row prints a level-2 name of its own (or ends the table)."""
    if block is None or not block.filled:
        return True
    first = block.filled[0][1]
    ends = vocab.is_label(first) and _kind(first, vocab) is None  # 总分, a header, a label
    return ends or any(_kind(t, vocab) in ("level2", "block") for _, t in block.filled)


def _label_line(blocks: list[Block], at: int, row: Row, table: Table, vocab: Vocabulary) -> bool:
    """Read a line of level labels (and a text cell's start); a level 2 with no rows names none."""
    labels, rest = _labels_of(row.block, vocab)
    if not labels or any(weight(t) is not None for _, t in rest):
        return False
    if rest and (len(rest) > 1 or row.header.first("deviation") is None):
        return False  # a row: only a deviation's first line shares a label's line
    below = _below(blocks, at)
    level2 = [t for _, t, k in labels if k == "level2"]
    empty = bool(level2) and _own_level2(below, vocab)
    if rest and (empty or not (table.indicators or level2)):
        return False
    for _, text, kind in labels:
        if kind == "level1":
            _group(table, text)
        elif kind == "level2":
            _level2(table, vocab, "".join(text.split()), fill=not empty)
    if rest and _open_text(table):  # the deviation above goes on beside the label
        last = table.indicators[-1]
        table.indicators[-1] = replace(last, deviation=last.deviation + rest[0][1].strip())
        row.ledger.take(row.block, rest[0][0])
    else:
        table.pending.extend((row.block, i) for i, _ in rest)
    for i, _, _ in labels:
        row.ledger.take(row.block, i)
    return True


def _labels_of(block: Block, vocab: Vocabulary) -> tuple[list, list]:
    """The leading level labels of a line ``(cell, text, kind)``, and its other cells."""
    labels = []
    for i, text in block.filled:
        kind = _kind(text, vocab)
        if kind is None:
            break
        labels.append((i, text, kind))
    return labels, block.filled[len(labels) :]


def _level2(table: Table, vocab: Vocabulary, name: str, fill: bool = True) -> None:
    """A level-2 label: the rows above with no name of their own (once centred, half) take it."""
    group = vocab.group_of(name)
    if group and group != table.level1:
        _group(table, group, printed_cell=False)
    ready = fill and len(table.level2_from) == len(table.indicators)
    rows = _above(table, (None, AFTER_ROW)) if ready else []
    shared = _above(table, (AFTER_LINE,)) if ready and table.centred and not rows else []
    table.centred = table.centred or bool(rows)
    for k in rows + shared[: len(shared) // 2]:
        found = table.indicators[k]
        table.indicators[k] = replace(found, level1=group or found.level1, level2=name)
        if (k in shared or table.level2_from[k] == AFTER_ROW) and found.level2 not in (None, name):
            # named by a label above: a top-aligned cell would take this row
            path = f"indicators[{k}].level2"
            table.uncertain.append((path, name, [name, found.level2], *CENTRED))
        table.level2_from[k] = AFTER_LINE
    table.level2 = name
    table.set_by = AFTER_LINE


def _above(table: Table, kinds: tuple) -> list[int]:
    """The last indicators, latest first, whose level-2 name was settled one of these ways."""
    out = []
    for k in range(len(table.level2_from) - 1, -1, -1):
        if table.level2_from[k] not in kinds:
            break
        out.append(k)
    return out


INHERITED = (
    "二级指标为合并单元格，文字未说明本行属于上方还是下方的二级指标",
    "merged level-2 cell: the text does not say whether this row belongs to the level-2 "
    "above or below",
)


def settle_level2s(table: Table) -> None:
    """Report each inherited level-2 name the next printed one in its group contradicts."""
    rows, settled, found = table.indicators, table.level2_from, []
    below = None  # walking up: the level-2 name of the next row in the group that prints one
    for k in range(len(settled) - 1, -1, -1):
        if k + 1 < len(settled) and rows[k + 1].level1 != rows[k].level1:
            below = None
        above = rows[k].level2
        if settled[k] not in (PRINTED, AFTER_LINE) and below not in (None, above):
            chosen = above or "(空)"
            found.append((f"indicators[{k}].level2", chosen, [chosen, below], *INHERITED))
        if settled[k] == PRINTED:
            below = above
    table.uncertain.extend(reversed(found))
