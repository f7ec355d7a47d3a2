"""Walk a form's blocks into a ``Draft``: title, label rows, the funds block, indicator tables."""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

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
from jixiao.io.structure.labels import (
    Fields,
    carries_value,
    centred_value,
    goal_heads,
    label_of,
    opens_with_label,
    read_goal_lines,
    read_labels,
)
from jixiao.io.structure.rows import Row, Table, read_cut_row, report_long_term
from jixiao.io.structure.sentences import read_sentences
from jixiao.io.structure.stacked import join_stacked, take_pieces
from jixiao.io.structure.values import YEAR, weight
from jixiao.io.text import is_page_footer, squeeze
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


@dataclass
class Draft:
    """What one form's blocks gave, in the order read."""

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
        return Draft(fields=Fields(typed=typed), table=table, plain=kind == PLAIN)

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
            _title(draft, block, found, ledger)
            at += 1
        else:
            if drafts[-1].tables and _names_project(block, vocab):  # a form with no title
                drafts.append(new())
            at = _read_part(blocks, at, vocab, ledger, drafts[-1])
    if not typed:
        for draft in drafts:
            settle_level2s(draft.table)
    take_pieces(stacked, ledger)
    # A title with nothing under it (a sheet's name in a workbook's overview) is no form.
    return [d for d in drafts if d.tables or d.fields.values or d.funds]


def _read_part(
    blocks: list[Block], at: int, vocab: Vocabulary, ledger: Ledger, draft: Draft
) -> int:
    """Read what starts at ``blocks[at]`` into the draft; the index of the next block."""
    block = blocks[at]
    header = is_header(block, vocab)
    if header or (not draft.tables and (printed := printed_columns(block, vocab))):
        return _table(blocks, at, vocab, ledger, draft, None if header else printed)
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
    stop = draft.plain and _plain_line(blocks, at, vocab, ledger, draft)
    # a tree written as sentences (a notice) ends past ``at``, so its index is never 0
    stop = stop or read_sentences(blocks, at, vocab, ledger, draft)
    return stop or read_labels(blocks, at, vocab, ledger, draft.fields)


def _plain_line(
    blocks: list[Block], at: int, vocab: Vocabulary, ledger: Ledger, draft: Draft
) -> int | None:
    """Lines of plain text: a value wrapped onto a line, goal cells over several lines."""
    if centred_value(blocks, at, draft, vocab, ledger) or carries_value(
        blocks, at, draft, vocab, ledger
    ):
        return at + 1
    if heads := goal_heads(blocks[at], vocab):
        ledger.take(blocks[at])
        return read_goal_lines(blocks, at + 1, heads, vocab, ledger, draft)
    return None


def _title(draft: Draft, block: Block, found: tuple[str, str | None, bool], ledger: Ledger):
    """The title's kind and year; taken unless it prints more (a unit's name, for a finding)."""
    draft.title, draft.kind, draft.department_wide = found
    draft.year = draft.year or year_in(found[0])
    rest = _TITLE_YEAR.sub("", found[0])
    for word in title_words():
        rest = rest.replace(word, "")
    if not rest.strip("()（）:：〔〕"):
        ledger.take(block)


def _furniture(block: Block, vocab: Vocabulary, ledger: Ledger, draft: Draft) -> bool:
    """A line of furniture: a year, the form's number, a unit (单位：万元, also among cells)."""
    if len(block.filled) == 1 and _YEAR_LINE.match(squeeze(block.text)):
        draft.year = draft.year or year_in(block.text)
        ledger.take(block)
        return True
    if len(block.filled) != 1:
        for i, text in block.filled:
            if vocab.field("funds", text) == "currency_labels" and (unit := currency_in(text)):
                draft.currency = draft.currency or unit
                ledger.take(block, i)
        return False
    text = block.filled[0][1]
    if normalise(text) not in {normalise(w) for w in vocab.layout.title_words}:
        if label_of(text, vocab) != "-" or not (unit := currency_in(text)):
            return False
        draft.currency = draft.currency or unit
    ledger.take(block)
    return True


def _names_project(block: Block, vocab: Vocabulary) -> bool:
    """Whether a row prints the 项目名称 label, alone or before its value (项目名称：…)."""
    heads = (t.replace("：", ":").partition(":")[0] for _, t in block.filled)
    return any(vocab.field("project", head) == "name" for head in heads)  # label_of, one section


def _table(
    blocks: list[Block],
    at: int,
    vocab: Vocabulary,
    ledger: Ledger,
    draft: Draft,
    header: Header | None = None,
) -> int:
    """Read an indicator table from its header row ``blocks[at]`` or ``header``; the next index."""
    if header is not None and header.blocks:  # the layout's own header row, by its column order
        ledger.take(blocks[at])
        at += 1
    draft.tables += 1
    table = draft.table
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
        key = label_of(own, vocab) if vocab.is_label(own) else None  # most rows print none
        if key == "totals.total_score":
            return "total"
        if (key and key.startswith(ENDING_SECTIONS)) or is_funds_header(block, vocab):
            return "end"
        if title_of(block, vocab):
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
