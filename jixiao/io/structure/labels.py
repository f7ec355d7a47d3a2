"""Label cells and their values: to their right, after their colon, or in the paragraphs under."""

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from jixiao.io.cellsplit.wraps import SENTENCE_END
from jixiao.io.document import Block, Ledger
from jixiao.io.structure.columns import is_header
from jixiao.io.structure.funds import is_funds_header
from jixiao.io.structure.sentences import (
    following,
    is_tree_heading,
    numbered,
    opens_tree,
    split_label,
)
from jixiao.io.structure.values import paragraphs
from jixiao.io.text import clean
from jixiao.io.vocabulary import Vocabulary, normalise, vocabulary

VALUE_SECTIONS = ("project", "goals", "totals", "narrative")
FURNITURE = (("funds", "block"), ("funds", "currency_labels"), ("indicators", "block"))
FURNITURE += (("goals", "block"), ("furniture", "labels"))
Cells = list[tuple[int, str]]  # (cell index, text) or (cell index, field)
EITHER = (
    "续行不能确定属于同一行的哪一个值",
    "a wrapped line may continue either value of the line above",
)
EITHER_GOAL = (
    "目标文字的续行不能确定属于预期目标还是实际完成情况",
    "a wrapped goal line may continue either goal cell",
)


@dataclass
class Fields:
    """Values found by label: ``"project.name"`` → printed text, first reading kept."""

    values: dict[str, str] = field(default_factory=dict)
    typed: bool = False  # line breaks in cells were typed: paragraphs kept
    uncertain: list[tuple[str, str, str]] = field(default_factory=list)  # key, chosen, other

    def put(self, key: str, text: str | None, ledger: Ledger | None = None, *cells) -> bool:
        """Keep a value unless the field has one, its ``(block, cell)`` then taken; whether kept."""
        chosen, other = paragraphs(text, self.typed)
        if not chosen or key in self.values:
            return False
        settled = self.typed or other or "\n" in chosen  # numbered items keep their breaks
        self.values[key] = chosen if settled else clean(text) or chosen
        if other and "\n" in (text or ""):
            self.uncertain.append((key, chosen, other))
        for block, i in cells:
            ledger.take(block, i)
        return True


def opens_with_label(text: str, vocab: Vocabulary) -> bool:
    """Whether a text starts with a label and its colon (``项目资金：500万元``, ``填报人：李四``)."""
    head, rest = split_label(text)
    return rest is not None and vocab.is_label(head)


def label_of(text: str, vocab: Vocabulary) -> str | None:
    """``"section.field"`` of a label cell, ``"-"`` for furniture (a label of no field)."""
    return _label_of(text, vocab.layout.id)


@lru_cache(maxsize=12_000)  # a cell is asked several times, and most are no label
def _label_of(text: str, layout_id: str) -> str | None:
    vocab = vocabulary(layout_id)
    if not vocab.is_label(text):  # one lookup, not one a section
        return None
    for section in VALUE_SECTIONS:
        if found := vocab.field(section, text):
            return f"{section}.{found}"
    for section, key in FURNITURE:
        if vocab.field(section, text) == key:
            return "-"
    return None


def read_labels(
    blocks: list[Block], at: int, vocab: Vocabulary, ledger: Ledger, fields: Fields
) -> int:
    """Read the labels of ``blocks[at]``; the index of the next block to read."""
    block = blocks[at]
    own = [(i, t) for i, t in block.filled if block.cells[i].copy_of is None]
    keys = [(i, t, label_of(t, vocab)) for i, t in own]
    labelled = [(i, k) for i, _, k in keys if k]
    if not labelled:
        _unlabelled(block, own, vocab, ledger, fields)
        return at + 1
    for i, _ in labelled:
        ledger.take(block, i)
    values = [(i, t) for i, t, k in keys if not k]
    goal_heads = [(i, k) for i, k in labelled if k.startswith("goals.") and k != "goals.block"]
    if not values and len(goal_heads) >= 2 and at + 1 < len(blocks):
        _columns_below(goal_heads, blocks[at + 1], ledger, fields)
        return at + 2
    if len(own) >= 3 and all(vocab.is_label(t) for _, t in own):
        for i, _ in labelled:  # the header of a list of forms (目录), not a form's fields
            ledger.taken.discard((block.index, i))
        return at + 1
    if not values and len(labelled) == 1:
        key = "goals.overall" if labelled[0][1] in ("goals.block", "-") else labelled[0][1]
        below = stop = following(blocks, at)  # a PDF copy leaves a blank line under a label
        while stop < len(blocks) and _is_paragraph(blocks[stop], vocab):
            stop += 1
        if stop > below:  # the one-cell rows under it, up to the next label: its value
            text = "\n".join(t for b in blocks[below:stop] for _, t in b.filled)
            fields.put(key, text, ledger, *((b, None) for b in blocks[below:stop]))
            return stop
    _pairs(block, labelled, values, ledger, fields)
    return at + 1


def _unlabelled(block: Block, own: Cells, vocab: Vocabulary, ledger: Ledger, fields: Fields):
    """A row with no label of its own: empty labels, a merged label's next value, or inline."""
    merged = next((t for i, t in block.filled if block.cells[i].copy_of is not None), None)
    key = merged and label_of(merged, vocab)
    if own and all(t.endswith((":", "：")) and vocab.is_label(t) for _, t in own):
        pass  # labels printed with a colon and no value (同名项目上年预算额（万元）：)
    elif own and key in fields.values:  # a label merged down its rows: more lines of its value
        fields.values[key] = "\n".join([fields.values[key], *(t for _, t in own)])
    else:
        for i, text in own:  # ``label：value`` in one cell; a numbered line is an instruction
            head, rest = split_label(text)
            found = None if numbered(text)[0] or not (rest or "").strip() else label_of(head, vocab)
            if found not in (None, "-"):
                fields.put(found, rest, ledger, (block, i))
        return
    for i, _ in own:
        ledger.take(block, i)


def _is_paragraph(block: Block, vocab: Vocabulary) -> bool:
    """A row of one cell (a row of several is a table's), no label, level name or tree line."""
    own = [t for i, t in block.filled if block.cells[i].copy_of is None]
    return len(own) == 1 and not (
        label_of(own[0], vocab)
        or vocab.field("indicators.levels", own[0])  # 产出目标: a table without its header
        or opens_tree(own[0], vocab)
        or is_tree_heading(own[0], vocab)
    )


def _pairs(block: Block, labelled: Cells, values: Cells, ledger: Ledger, fields: Fields):
    """Each label's value: the cells up to the next label; labels then as many values, one each."""
    bounds = [i for i, _ in labelled] + [len(block.cells)]
    after = [
        [(j, t) for j, t in values if i < j < bounds[n + 1]] for n, (i, _) in enumerate(labelled)
    ]
    run = 0  # labels with no value so far
    for n, mine in enumerate(after):
        if mine and len(mine) == run + 1 > 1:
            after[n - run : n + 1] = [[value] for value in mine]
        run = 0 if mine else run + 1
    for (_, key), mine in zip(labelled, after, strict=True):
        if mine and key != "-":
            name = "goals.overall" if key == "goals.block" else key
            fields.put(name, "\n".join(t for _, t in mine), ledger, *((block, j) for j, _ in mine))


def _columns_below(heads: Cells, below: Block, ledger: Ledger, fields: Fields) -> None:
    """Each goal heading's value is under it, or in order when shifted off (a merged label lost)."""
    own = [(j, t) for j, t in below.filled if below.cells[j].copy_of is None]
    shifted = len(own) == len(heads) and own[0][0] < heads[0][0]
    bounds = [i for i, _ in heads] + [len(below.cells)]
    for n, (i, key) in enumerate(heads):
        cells = [own[n]] if shifted else [(j, t) for j, t in own if i <= j < bounds[n + 1]]
        fields.put(key, "\n".join(t for _, t in cells), ledger, *((below, j) for j, _ in cells))


def carries_value(blocks: list[Block], at: int, draft, vocab: Vocabulary, ledger: Ledger) -> bool:
    """A lone line under label and value pairs carries on the last (``库区保洁服务``), uncertain."""
    block = blocks[at]
    if draft.fields.typed or draft.funds or draft.tables or len(block.filled) != 1 or at == 0:
        return False
    i, text = block.filled[0]
    above = blocks[at - 1]
    if ledger.is_taken(block, i) or len(above.filled) < 2:  # placed: a centred value's half
        return False
    if vocab.is_label(text) or opens_with_label(text, vocab):  # 项目资金：500万元 is a pair
        return False
    keys = [k for _, t in above.filled if (k := label_of(t, vocab)) and k != "-"]
    last = above.filled[-1][1]
    if not keys or label_of(last, vocab) or draft.fields.values.get(keys[-1]) != clean(last):
        return False
    value = draft.fields.values[keys[-1]] = draft.fields.values[keys[-1]] + text
    if len(keys) > 1:
        draft.table.uncertain.append((keys[-1], value, keys, *EITHER))
    ledger.take(block, i)
    return True


def centred_value(blocks: list[Block], at: int, draft, vocab: Vocabulary, ledger: Ledger) -> bool:
    """A label with no value beside it takes the lone lines around its row (a centred value)."""
    if draft.funds or draft.tables or at + 2 >= len(blocks):
        return False
    above, row, below = blocks[at : at + 3]
    if any(len(b.filled) != 1 or vocab.is_label(b.filled[0][1]) for b in (above, below)):
        return False
    keys = [label_of(t, vocab) for _, t in row.filled]
    # a label followed by a label (or by nothing) has no value beside it
    empty = [k for k, after in pairwise([*keys, "-"]) if k and k != "-" and after]
    if not empty or empty[0] in draft.fields.values:
        return False
    text = above.filled[0][1] + below.filled[0][1]  # filled texts are stripped
    draft.fields.put(empty[0], text, ledger, (above, None), (below, None))
    return True


def _label_piece(text: str, vocab: Vocabulary, before: str = "") -> bool:
    """A piece of the goals block's label (``年度总体``; one character after ``before``)."""
    key = normalise(text)
    words = [normalise(w) for w in vocab.words("goals", "block")]
    if before and key and any(w.startswith(before + key) for w in words):
        return True
    return len(key) >= 2 and any(key != w and (w.startswith(key) or w.endswith(key)) for w in words)


def _ends_goal_lines(block: Block, vocab: Vocabulary) -> bool:
    """Whether a line is no goal line: a header or a piece of one, a label, a title."""
    if is_header(block, vocab) or is_funds_header(block, vocab):
        return True
    return any(
        label_of(t, vocab) or (vocab.is_label(t) and not _label_piece(t, vocab))
        for _, t in block.filled
    )


def read_goal_lines(
    blocks: list[Block], at: int, heads: Cells, vocab: Vocabulary, ledger: Ledger, draft
) -> int:
    """Goal cells side by side from ``blocks[at]``, a piece of each a line; the index after."""
    cells: list[list[str]] = [[] for _ in heads]
    doubt = False
    label = ""  # the pieces of the block's label met so far
    stop = at
    while stop < len(blocks) and not _ends_goal_lines(block := blocks[stop], vocab):
        stop += 1
        ledger.take(block)
        texts = []
        for _, t in block.filled:
            if not texts and _label_piece(t, vocab, label):
                label += normalise(t)
            else:
                texts.append(t)
        if len(texts) == len(heads):
            for cell, text in zip(cells, texts, strict=True):
                cell.append(text)
        elif texts:  # one piece (``完成 60 次任务``) goes on the cell left open, else the first
            open_cells = [n for n, c in enumerate(cells) if c and c[-1][-1:] not in SENTENCE_END]
            doubt = doubt or len(open_cells) != 1
            cells[open_cells[0] if len(open_cells) == 1 else 0].append(" ".join(texts))
    for (_, key), pieces in zip(heads, cells, strict=True):
        draft.fields.put(key, "".join(pieces) or None)
    if doubt and (value := draft.fields.values.get(heads[0][1])):
        draft.table.uncertain.append((heads[0][1], value, [key for _, key in heads], *EITHER_GOAL))
    return stop


def goal_heads(block: Block, vocab: Vocabulary) -> Cells:
    """``(cell, field)`` of a row of two goal headings or more (and the block's label); else []."""
    if len(block.filled) < 2:  # most lines end here
        return []
    keys = [(i, label_of(t, vocab)) for i, t in block.filled if not _label_piece(t, vocab)]
    if not all(k and k.startswith("goals.") for _, k in keys):
        return []
    heads = [(i, k) for i, k in keys if k != "goals.block"]
    return heads if len(heads) >= 2 else []
