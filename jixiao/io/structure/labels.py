"""Label cells and their values outside the tables: project block, goals, totals, narrative.

A label (项目名称, 实施单位, 总分, 主要问题 …) is followed by its value in the cells to its right,
up to the next label (``项目名称 | X | 主管部门 | Y``), or written in the same cell after a
colon (``填报单位（盖章）：X``). A row of goal headings with no values (``年度总体目标 | 预期目标
| 实际完成情况``) gives the columns of the row below it. A label alone on its row takes the
next row when that row holds no label (a paragraph under its heading).
"""

import re
from dataclasses import dataclass, field

from jixiao.io.document import Block, Ledger
from jixiao.io.structure.merged_labels import continue_label, merged_text
from jixiao.io.structure.sentences import is_tree_heading, opens_tree
from jixiao.io.structure.values import paragraphs
from jixiao.io.text import clean
from jixiao.io.vocabulary import Vocabulary

VALUE_SECTIONS = ("project", "goals", "totals", "narrative")
FURNITURE = (("funds", "block"), ("funds", "currency_labels"), ("indicators", "block"))
FURNITURE += (("goals", "block"), ("furniture", "labels"))
_COLONS = (":", "：")
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+|\d+)[、.．]|^\s*[(（][一二三四五六七八九十\d]+[)）]"
)


@dataclass
class Fields:
    """Values found by label: ``"project.name"`` → printed text, first reading kept."""

    values: dict[str, str] = field(default_factory=dict)
    typed: bool = False  # line breaks in cells were typed: paragraphs kept
    uncertain: list[tuple[str, str, str]] = field(default_factory=list)  # key, chosen, other

    def put(self, key: str, text: str | None) -> bool:
        """Keep a value unless the field has one already; whether it was kept.

        In extracted text a break after a full stop may be a paragraph or a wrapped line:
        read as a paragraph, the other reading noted.
        """
        chosen, other = paragraphs(text, self.typed)
        if not chosen or key in self.values:
            return False
        settled = self.typed or other or "\n" in chosen  # numbered items keep their breaks
        self.values[key] = chosen if settled else clean(text) or chosen
        if other and "\n" in (text or ""):
            self.uncertain.append((key, chosen, other))
        return True


def opens_with_label(text: str, vocab: Vocabulary) -> bool:
    """Whether a text starts with a label and its colon (``项目资金：500万元``, ``填报人：李四``)."""
    head, colon, _ = text.replace("：", ":").partition(":")
    return bool(colon) and vocab.is_label(head)


def label_of(text: str, vocab: Vocabulary) -> str | None:
    """``"section.field"`` of a label cell, ``"-"`` for furniture (a label of no field)."""
    for section in VALUE_SECTIONS:
        if found := vocab.field(section, text):
            return f"{section}.{found}"
    for section, key in FURNITURE:
        if vocab.field(section, text) == key:
            return "-"
    return None


def _inline(text: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """``label：value`` written in one cell → ``(key, value)``.

    A numbered line (``一、项目名称：填写…``) is an instruction about the label, not its value.
    """
    if _NUMBERED.match(text):
        return None
    for colon in _COLONS:
        head, sep, rest = text.partition(colon)
        if sep and rest.strip() and (key := label_of(head, vocab)) and key != "-":
            return key, rest
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
    nxt = blocks[at + 1] if at + 1 < len(blocks) else None
    if not values and len(goal_heads) >= 2 and nxt is not None:
        _columns_below(goal_heads, nxt, ledger, fields)
        return at + 2
    if len(own) >= 3 and all(vocab.is_label(t) for _, t in own):
        for i, _ in labelled:  # the header of a list of forms (目录), not a form's fields
            ledger.taken.discard((block.index, i))
        return at + 1
    key = _key(labelled[0][1], labelled)
    below = next_text(blocks, at)  # a PDF copy leaves a blank line under a label
    if not values and len(labelled) == 1 and key != "-" and below is not None:
        if _is_paragraph(blocks[below], vocab):
            return _paragraphs(blocks, below, key, vocab, ledger, fields)
    _pairs(block, labelled, values, ledger, fields)
    return at + 1


def _paragraphs(
    blocks: list[Block], at: int, key: str, vocab: Vocabulary, ledger: Ledger, fields: Fields
) -> int:
    """The one-cell rows under a label alone on its row, up to the next label: its value."""
    stop = at
    while stop < len(blocks) and _is_paragraph(blocks[stop], vocab):
        stop += 1
    if fields.put(key, "\n".join(t for b in blocks[at:stop] for _, t in b.filled)):
        for block in blocks[at:stop]:
            ledger.take(block)
    return stop


def _unlabelled(
    block: Block, own: list[tuple[int, str]], vocab: Vocabulary, ledger: Ledger, fields: Fields
) -> None:
    """A row with no label of its own: empty labels, a merged label's next value, or inline."""
    if own and all(_left_empty(t, vocab) for _, t in own):
        for i, _ in own:  # labels whose values were left empty: nothing to read
            ledger.take(block, i)
        return
    merged = label_of(text, vocab) if (text := merged_text(block)) else None
    if not continue_label(block, own, merged, fields.values, ledger):
        _inline_cells(block, own, vocab, ledger, fields)


def _left_empty(text: str, vocab: Vocabulary) -> bool:
    """A label printed with its colon and no value (``同名项目上年预算额（万元）：``)."""
    return text.rstrip().endswith(_COLONS) and vocab.is_label(text)


def _key(key: str, labelled: list[tuple[int, str]]) -> str:
    """A goals block label (年度总体目标) alone stands for the overall goal."""
    return "goals.overall" if key in ("goals.block", "-") and len(labelled) == 1 else key


def _is_paragraph(block: Block, vocab: Vocabulary) -> bool:
    """A row of one cell (a row of several is a table's), no label, level name or tree line."""
    own = [t for i, t in block.filled if block.cells[i].copy_of is None]
    if len(own) != 1 or label_of(own[0], vocab):
        return False
    if vocab.field("indicators.levels", own[0]):  # 产出目标: a table without header
        return False
    return not opens_tree(own[0], vocab) and not is_tree_heading(own[0], vocab)


def _pairs(
    block: Block,
    labelled: list[tuple[int, str]],
    values: list[tuple[int, str]],
    ledger: Ledger,
    fields: Fields,
) -> None:
    """Each label's value: the cells after it up to the next label.

    Labels with nothing between them and as many values after the last (a flattened copy
    prints a row's labels, then their values) take one value each, in order.
    """
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
            _put_cells(
                "goals.overall" if key == "goals.block" else key, block, mine, ledger, fields
            )


def _columns_below(
    heads: list[tuple[int, str]], below: Block, ledger: Ledger, fields: Fields
) -> None:
    """Goal headings over a row of values: each heading's value is under it.

    A row with as many texts as headings, shifted off them (a merged label lost), gives one
    text to each heading in order.
    """
    own = [(j, t) for j, t in below.filled if below.cells[j].copy_of is None]
    if len(own) == len(heads) and own[0][0] < heads[0][0]:
        for (_, key), cell in zip(heads, own, strict=True):
            _put_cells(key, below, [cell], ledger, fields)
        return
    bounds = [i for i, _ in heads] + [len(below.cells)]
    for n, (i, key) in enumerate(heads):
        cells = [(j, t) for j, t in own if i <= j < bounds[n + 1]]
        _put_cells(key, below, cells, ledger, fields)


def _put_cells(
    key: str, block: Block, cells: list[tuple[int, str]], ledger: Ledger, fields: Fields
) -> None:
    """The cells' texts, one per line, as a field's value; the cells taken when it is kept."""
    if fields.put(key, "\n".join(t for _, t in cells)):
        for j, _ in cells:
            ledger.take(block, j)


def _inline_cells(
    block: Block, own: list[tuple[int, str]], vocab: Vocabulary, ledger: Ledger, fields: Fields
) -> None:
    for i, text in own:
        if (found := _inline(text, vocab)) and fields.put(*found):
            ledger.take(block, i)


def next_text(blocks: list[Block], at: int) -> int | None:
    """The index of the first block after ``at`` that holds text."""
    return next((i for i in range(at + 1, len(blocks)) if not blocks[i].blank), None)
