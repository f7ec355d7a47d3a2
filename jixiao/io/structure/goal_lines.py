"""Goal cells side by side over several lines, in text copied out of a PDF.

Under the headings ``预期目标 | 实际完成情况`` each goal cell wraps onto further lines, and a
line holds a piece of each cell (``保持全县主要河道水面 全年保洁河道46公里，`` /
``清洁，无成片漂浮物。 水面无成片漂浮物。``). The merged label 年度总体目标 may be printed among
them in pieces (``年度总体`` … ``目标``). Each heading's text is its cells' pieces in order; a
line of one piece goes on the cell that is left open (not ended by a full stop), and where both
or neither are open, on the first, reported as uncertain.
"""

from jixiao.io.cellsplit.wraps import SENTENCE_END
from jixiao.io.document import Block, Ledger
from jixiao.io.structure.columns import is_header
from jixiao.io.structure.funds import is_funds_header
from jixiao.io.structure.labels import Fields, label_of
from jixiao.io.vocabulary import Vocabulary, normalise

EITHER = (
    "目标文字的续行不能确定属于预期目标还是实际完成情况",
    "a wrapped goal line may continue either goal cell",
)


def _label_piece(text: str, vocab: Vocabulary, before: str = "") -> bool:
    """A piece of the goals block's merged label (``年度总体`` of 年度总体目标).

    ``before``: the pieces met so far; a piece that goes on from them may be one character
    (``年度总体目`` … ``标``).
    """
    key = normalise(text)
    words = [normalise(w) for w in vocab.words("goals", "block")]
    if before and key and any(w.startswith(before + key) for w in words):
        return True
    return len(key) >= 2 and any(
        key != word and (word.startswith(key) or word.endswith(key)) for word in words
    )


def _ends(block: Block, vocab: Vocabulary) -> bool:
    """Whether a line is no goal line: a header or a piece of one, a label, a title."""
    if is_header(block, vocab) or is_funds_header(block, vocab):
        return True
    return any(
        label_of(t, vocab) or (vocab.is_label(t) and not _label_piece(t, vocab))
        for _, t in block.filled
    )


def read_goal_lines(
    blocks: list[Block],
    at: int,
    heads: list[tuple[int, str]],
    vocab: Vocabulary,
    ledger: Ledger,
    fields: Fields,
    uncertain: list,
) -> int:
    """The goal texts of the lines from ``blocks[at]``; the index of the first other line.

    ``uncertain`` receives the place a line of one piece does not settle (the table's list).
    """
    cells: list[list[str]] = [[] for _ in heads]
    taken: list[tuple[Block, int]] = []
    doubt = False
    label = ""  # the pieces of the block's label met so far
    stop = at
    while stop < len(blocks) and not _ends(block := blocks[stop], vocab):
        stop += 1
        own = []
        for i, t in block.filled:
            if not own and _label_piece(t, vocab, label):
                label += normalise(t)
                taken.append((block, i))
            else:
                own.append((i, t))
        taken.extend((block, i) for i, _ in own)
        parts = _parts([t for _, t in own], len(heads))
        if len(parts) == len(heads):
            for cell, text in zip(cells, parts, strict=True):
                cell.append(text)
        elif parts:
            open_cells = [n for n, c in enumerate(cells) if c and c[-1][-1:] not in SENTENCE_END]
            doubt = doubt or len(open_cells) != 1
            cells[open_cells[0] if len(open_cells) == 1 else 0].append(parts[0])
    for (_, key), pieces in zip(heads, cells, strict=True):
        fields.put(key, "".join(pieces) or None)
    if doubt and (value := fields.values.get(heads[0][1])):
        uncertain.append((heads[0][1], value, [key for _, key in heads], *EITHER))
    for block, i in taken:
        ledger.take(block, i)
    return stop


def _parts(texts: list[str], columns: int) -> list[str]:
    """A line's pieces of the goal cells: one per column, else the whole line as one piece.

    Cells the recovery split more finely are split again after the only full stop between
    them (``完成保洁任务。 全年保洁46公里。``), else kept as one piece (``完成 60 次任务``).
    """
    if len(texts) <= 1 or len(texts) == columns:
        return texts
    ends = [k for k in range(len(texts) - 1) if texts[k][-1:] in SENTENCE_END]
    if columns == 2 and len(ends) == 1:
        return [" ".join(texts[: ends[0] + 1]), " ".join(texts[ends[0] + 1 :])]
    return [" ".join(texts)]


def goal_heads(block: Block, vocab: Vocabulary) -> list[tuple[int, str]]:
    """``(cell, field)`` of a row of two goal headings or more and nothing else; else empty.

    The block's merged label printed on the row (年度总体目标), or a piece of it, is no heading
    of a column.
    """
    if len(block.filled) < 2:  # most lines end here
        return []
    block_words = {normalise(w) for w in vocab.words("goals", "block")}
    keys = [(i, t, label_of(t, vocab)) for i, t in block.filled if not _label_piece(t, vocab)]
    if not all(k and k.startswith("goals.") for _, _, k in keys):
        return []
    heads = [(i, k) for i, t, k in keys if normalise(t) not in block_words]
    return heads if len(heads) >= 2 else []
