"""Walk a form's blocks into a ``Draft``: title, label rows, the funds block, indicator tables."""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

from jixiao.io.cellsplit.wraps import SENTENCE_END
from jixiao.io.document import Block, Ledger
from jixiao.io.structure.centred import read_text_row, settle_level2s
from jixiao.io.structure.columns import Header, is_header, positions, printed_columns, read_header
from jixiao.io.structure.funds import (
    FundsReading,
    currency_in,
    is_funds_header,
    read_components,
    read_funds,
    read_funds_line,
    read_funds_sentence,
)
from jixiao.io.structure.rows import Row, Table, read_cut_row, report_long_term
from jixiao.io.structure.sentences import (
    following,
    is_tree_heading,
    numbered,
    opens_tree,
    read_sentences,
    split_label,
)
from jixiao.io.structure.stacked import join_stacked, take_pieces
from jixiao.io.structure.values import YEAR, paragraphs, weight
from jixiao.io.text import clean, is_page_footer, squeeze
from jixiao.io.vocabulary import Vocabulary, normalise, title_words, vocabulary

_YEAR_LINE = re.compile(r"^[(（]?\s*(\d{4})\s*年度?\s*[)）]?$")
_YEAR = re.compile(rf"({YEAR})\s*年")
_TITLE_YEAR = re.compile(rf"{YEAR}\s*年度?")
_SENTENCE = re.compile(r"[，。；,;]")
TYPED_BREAKS = ("xlsx", "docx", "html")  # a line break in a cell there was typed
PLAIN = "recovered"  # the kind of a text whose cells were recovered from its lines
TEXT_KINDS = ("text", PLAIN)  # text copies: a PDF prints a tall or narrow label down its cell
TITLE_MAX = 60  # characters: a longer line is text, not a title
ENDING_SECTIONS = ("project.", "goals.", "narrative.", "totals.grade", "totals.evaluated_on")


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
        self.values[key] = chosen  # a reading with no break to settle is the text cleaned
        if other and "\n" in (text or ""):
            self.uncertain.append((key, chosen, other))
        for block, i in cells:
            ledger.take(block, i)
        return True


@dataclass
class Draft:
    """What one form's blocks gave, in the order read (and the blocks, vocabulary, ledger)."""

    blocks: list[Block]
    vocab: Vocabulary
    ledger: Ledger
    title: str = ""
    kind: str | None = None
    department_wide: bool = False
    year: int | None = None
    fields: Fields = field(default_factory=Fields)
    funds: FundsReading | None = None
    table: Table = field(default_factory=Table)
    tables: int = 0  # indicator tables read
    ended_in_table: bool = False  # the blocks ran out inside an indicator table
    currency: str | None = None  # printed outside the funds block (单位：万元)
    title_of_layout: bool = False  # the title prints the matched layout's own title words
    written: bool = False  # the tree was written as sentences (a notice): no printed layout
    plain: bool = False  # cells recovered from plain text (lines, not a table's cells)


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


def read_labels(draft: Draft, at: int) -> int:
    """Read the labels of ``blocks[at]``; the index of the next block to read."""
    blocks, vocab, ledger, fields = draft.blocks, draft.vocab, draft.ledger, draft.fields
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
    heads = [(i, k) for i, k in labelled if k.startswith("goals.") and k != "goals.block"]
    if not values and len(heads) >= 2 and at + 1 < len(blocks):
        _columns_below(heads, blocks[at + 1], ledger, fields)
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


def carries_value(draft: Draft, at: int) -> bool:
    """A lone line under label and value pairs carries on the last (``库区保洁服务``), uncertain."""
    blocks, vocab, ledger = draft.blocks, draft.vocab, draft.ledger
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


def centred_value(draft: Draft, at: int) -> bool:
    """A label with no value beside it takes the lone lines around its row (a centred value)."""
    if draft.funds or draft.tables or at + 2 >= len(draft.blocks):
        return False
    vocab, ledger = draft.vocab, draft.ledger
    above, row, below = draft.blocks[at : at + 3]
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


def read_goal_lines(draft: Draft, at: int, heads: Cells) -> int:
    """Goal cells side by side from ``blocks[at]``, a piece of each a line; the index after."""
    blocks, vocab, ledger = draft.blocks, draft.vocab, draft.ledger
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


def title_of(block: Block, vocab: Vocabulary) -> tuple[str, str | None, bool] | None:
    """``(title, kind, department-wide)`` of a title row, or None."""
    filled = block.filled
    if not filled or len(filled) > 2:
        return None
    return _title_in(block.text, vocab.layout.id)


@lru_cache(maxsize=4096)  # a line is asked three times a parse or more: by each reading of it
def _title_in(text: str, layout_id: str) -> tuple[str, str | None, bool] | None:
    # most lines print no title word's last character (表, 价): let go before being squeezed
    if not _title_ends(layout_id).search(text):
        return None
    titles = vocabulary(layout_id).names["titles"]
    text = squeeze(text)
    if len(text) > TITLE_MAX or _SENTENCE.search(text) or any(w in text for w in titles["listing"]):
        return None
    department = any(w in text for w in titles["department"])
    for kind in ("self_evaluation", "target"):
        if any(w in text for w in titles[kind]):
            return text, kind, department
    return None


@cache
def _title_ends(layout_id: str) -> re.Pattern[str]:
    """The last character of each title word of a layout, as one class (built once a layout)."""
    titles = vocabulary(layout_id).names["titles"]
    ends = {w[-1] for kind in ("self_evaluation", "target") for w in titles[kind] if w}
    return re.compile(f"[{re.escape(''.join(sorted(ends)))}]" if ends else "(?!)")


def year_in(text: str) -> int | None:
    """The year a title or a year line prints (``（2022年度）``)."""
    match = _YEAR.search(text) or _YEAR_LINE.match(squeeze(text))
    return int(match[1]) if match else None


def read_blocks(
    blocks: list[Block], vocab: Vocabulary, ledger: Ledger, kind: str = "xlsx"
) -> list[Draft]:
    """Every form in ``blocks`` (one segment of a document of ``kind``), as drafts."""
    typed = kind in TYPED_BREAKS
    blocks, stacked = join_stacked(blocks, vocab) if kind in TEXT_KINDS else (blocks, {})

    def new() -> Draft:
        table = Table(typed=typed, shifting=kind == "text")
        fields = Fields(typed=typed)
        return Draft(blocks, vocab, ledger, fields=fields, table=table, plain=kind == PLAIN)

    drafts = [new()]
    at = 0
    while at < len(blocks):
        block = blocks[at]
        if block.blank:
            at += 1
        elif found := title_of(block, vocab):
            draft = drafts[-1]
            if draft.tables or draft.fields.values or draft.funds:
                drafts.append(draft := new())
            _title(draft, block, found)
            at += 1
        else:
            if drafts[-1].tables and _names_project(block, vocab):  # a form with no title
                drafts.append(new())
            at = _read_part(drafts[-1], at)
    if not typed:
        for draft in drafts:
            settle_level2s(draft.table)
    take_pieces(stacked, ledger)
    # A title with nothing under it (a sheet's name in a workbook's overview) is no form.
    return [d for d in drafts if d.tables or d.fields.values or d.funds]


def _read_part(draft: Draft, at: int) -> int:
    """Read what starts at ``blocks[at]`` into the draft; the index of the next block."""
    blocks, vocab, ledger = draft.blocks, draft.vocab, draft.ledger
    block = blocks[at]
    header = is_header(block, vocab)
    if header or (not draft.tables and (printed := printed_columns(block, vocab))):
        return _table(draft, at, None if header else printed)
    reading = draft.funds or FundsReading()
    if (stop := read_components(blocks, at, vocab, ledger, reading)) is not None:
        draft.funds = reading  # 子项目名称 | 预算金额: before a funds header, which it resembles
        return stop
    if is_funds_header(block, vocab):
        draft.funds, stop = read_funds(blocks, at, vocab, ledger)
        return stop
    if _furniture(block, vocab, ledger, draft) or (
        _SENTENCE.search(block.text) and read_funds_sentence(block, vocab, ledger, draft)
    ):  # a sentence (年度预算 500 万元，其中…) before the cells its recovery split apart
        return at + 1
    if read_funds_line(block, vocab, ledger, reading):
        draft.funds = reading
        return at + 1
    stop = draft.plain and _plain_line(draft, at)
    # a tree written as sentences (a notice) ends past ``at``, so its index is never 0
    stop = stop or read_sentences(blocks, at, vocab, ledger, draft)
    return stop or read_labels(draft, at)


def _plain_line(draft: Draft, at: int) -> int | None:
    """Lines of plain text: a value wrapped onto a line, goal cells over several lines."""
    if centred_value(draft, at) or carries_value(draft, at):
        return at + 1
    if heads := goal_heads(draft.blocks[at], draft.vocab):
        draft.ledger.take(draft.blocks[at])
        return read_goal_lines(draft, at + 1, heads)
    return None


def _title(draft: Draft, block: Block, found: tuple[str, str | None, bool]):
    """The title's kind and year; taken unless it prints more (a unit's name, for a finding)."""
    draft.title, draft.kind, draft.department_wide = found
    draft.year = draft.year or year_in(found[0])
    rest = _TITLE_YEAR.sub("", found[0])
    for word in title_words():
        rest = rest.replace(word, "")
    if not rest.strip("()（）:：〔〕"):
        draft.ledger.take(block)


def _furniture(block: Block, vocab: Vocabulary, ledger: Ledger, draft: Draft) -> bool:
    """A line of furniture: a year, the form's number, a unit (单位：万元, also among cells)."""
    if len(block.filled) != 1:
        for i, text in block.filled:
            if vocab.field("funds", text) == "currency_labels" and (unit := currency_in(text)):
                draft.currency = draft.currency or unit
                ledger.take(block, i)
        return False
    text = block.filled[0][1]
    if _YEAR_LINE.match(squeeze(block.text)):
        draft.year = draft.year or year_in(block.text)
    elif normalise(text) not in {normalise(w) for w in vocab.layout.title_words}:
        if label_of(text, vocab) != "-" or not (unit := currency_in(text)):
            return False
        draft.currency = draft.currency or unit
    ledger.take(block)
    return True


def _names_project(block: Block, vocab: Vocabulary) -> bool:
    """Whether a row prints the 项目名称 label, alone or before its value (项目名称：…)."""
    heads = (t.replace("：", ":").partition(":")[0] for _, t in block.filled)
    return any(vocab.field("project", head) == "name" for head in heads)  # label_of, one section


def _table(draft: Draft, at: int, header: Header | None) -> int:
    """Read an indicator table from its header row ``blocks[at]`` or ``header``; the next index."""
    blocks, vocab, ledger, table = draft.blocks, draft.vocab, draft.ledger, draft.table
    if header is not None and header.blocks:  # the layout's own header row, by its column order
        ledger.take(blocks[at])
        at += 1
    draft.tables += 1
    while at < len(blocks):
        block = blocks[at]
        if block.blank or is_page_footer(block.text):  # a page's number inside the table
            at += 1
            continue
        if is_header(block, vocab):  # its header, or repeated (a page or a group of its own)
            header = read_header(blocks, at, vocab)
            for taken in blocks[at : at + len(header.blocks)]:
                ledger.take(taken)
            at += len(header.blocks)
            continue
        ending = _ending(blocks, at, vocab, table.typed)
        # rows of text, or of a table printed without its header, may stand off its columns
        shifting = table.shifting or not header.blocks
        row = Row(block, header, ledger, positions(block, header, vocab) if shifting else None)
        if ending == "total":
            _total(row, table, vocab)
            return at + 1
        if ending:
            return at
        if header.long_term:
            report_long_term(row, table)
        elif draft.plain:  # label lines and wrapped lines among the rows
            read_text_row(blocks, at, row, table, vocab)
        else:
            read_cut_row(row, table, vocab)
        at += 1
    draft.ended_in_table = True
    return at


def _ending(blocks: list[Block], at: int, vocab: Vocabulary, typed: bool) -> str | None:
    """``"total"`` for a 总分/合计 row, ``"end"`` for a row outside the table, else None."""
    block = blocks[at]
    own = next((t for i, t in block.filled if block.cells[i].copy_of is None), None)
    if own is not None:
        if opens_with_label(own, vocab):
            return "end"  # 填报人：李四 — a signature line after the table
        key = label_of(own, vocab)  # asks is_label first: most rows print none
        if key == "totals.total_score":
            return "total"
        ends = bool(key) and key.startswith(ENDING_SECTIONS)
        if ends or is_funds_header(block, vocab) or title_of(block, vocab):
            return "end"
    # whole cells (not PDF lines): a line of text after the table (a sheet's name, a note)
    if typed and block.cells[0].source.row is None:
        return "end" if blocks[at - 1].cells[0].source.row is not None else None
    return None


def _total(row: Row, table: Table, vocab: Vocabulary) -> None:
    """The 总分 row: weight total and total score (a target's: the weight total), then a grade."""
    block = row.block
    figures = []
    for i, text in block.filled:
        if vocab.is_label(text):
            row.ledger.take(block, i)
        elif (value := weight(text.removesuffix("分"))) is not None:
            figures.append((i, value))
    if not figures:
        return
    *before, (last, value) = figures
    if row.header.first("score") is not None:
        table.total_score = value
        table.weight_total = before[-1][1] if before else None
    else:
        table.weight_total = value
    for i, _ in figures[-2:]:
        row.ledger.take(block, i)
    after = [(i, t) for i, t in block.filled if i > last]
    if len(after) == 1 and after[0][1] in vocab.words("totals", "grade_words"):
        table.grade = after[0][1]
        row.ledger.take(block, after[0][0])
