"""PDF text that lost its table's cells and order, put back into rows of cells.

Plain text extracted from a PDF form (Shanghai's 2019 self-evaluation, seed 000) keeps the
words but not the grid: the head's labels and values print in another order than the grid's
(some values before the indicator table, far from their labels), a value may stand on the
line after its label, indicator rows wrap their cells over several lines
(``wrapped_rows``), and level-1 groups print after the table with their points.

``restore`` recognises such text by its indicator header line (every word a column name)
and rows that end in number columns, and rebuilds each form as the rows of cells a table
copy would give: title, one row per head label and its value, the header, the indicator
rows and the total. The structure reader then reads it like any tabbed text. Every rebuilt
cell remembers the lines it came from, so that a line counts as placed only when all the
cells it went into were placed.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jixiao.core.findings import Finding, Severity
from jixiao.io.document import Block, Cell, Document, Ledger, Source
from jixiao.io.problems import problem
from jixiao.io.structure.flattened_groups import Doubt, place_rows
from jixiao.io.structure.match import match_layout
from jixiao.io.structure.reader import title_of
from jixiao.io.structure.wrapped_rows import (
    GROUP_POINTS,
    Piece,
    RowLines,
    WrappedRow,
    build_row,
    join_lines,
    trailing_numbers,
)
from jixiao.io.vocabulary import Layout, Vocabulary, layouts, normalise, vocabulary

HEAD_SECTIONS = ("project", "funds.columns", "goals", "totals", "narrative")
PROSE_SECTIONS = frozenset({"goals", "narrative"})  # a value of several lines
NUMBER_FIELDS = ("weight", "score")  # the trailing number columns of a row
MIN_HEADER_WORDS = 3
MIN_ROWS = 2
POINTS_LINE = re.compile(r"^[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")
SHAPES = {
    "yes_no": re.compile(r"^[是否]$"),
    "percent": re.compile(r"^\d+(?:\.\d+)?\s*[%％]$"),
    "amount": re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$"),
    "date": re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?$"),
}
FIELD_SHAPES = {
    "recurring": "yes_no",
    "purchases_services": "yes_no",
    "execution_rate": "percent",
    "evaluated_on": "date",
}


@dataclass(frozen=True)
class HeadField:
    """A head label's field: the section and key of the vocabulary."""

    section: str
    key: str

    @property
    def shape(self) -> str:
        """The shape its value must have (``text`` takes anything)."""
        if self.key in FIELD_SHAPES:
            return FIELD_SHAPES[self.key]
        return "amount" if self.section == "funds.columns" else "text"

    @property
    def path(self) -> str:
        """The field's path in the canonical form."""
        section = {"funds.columns": "funds", "totals": ""}.get(self.section, self.section)
        return f"{section}.{self.key}" if section else self.key

    def fits(self, text: str) -> bool:
        """Whether ``text`` can be this field's value (a dash where a number is left empty)."""
        shape = self.shape
        if shape == "text":
            return True
        empty = shape != "yes_no" and text.strip() in vocabulary().words("furniture", "empty")
        return empty or bool(SHAPES[shape].match(text.strip()))


@dataclass
class Entry:
    """A head label and its value, as printed."""

    label: Piece
    field: HeadField
    value: Piece | None = None


@dataclass
class FlatForm:
    """What one form's lines were sorted into."""

    title: Piece | None = None
    entries: list[Entry] = field(default_factory=list)
    header: list[Piece] = field(default_factory=list)
    rows: list[WrappedRow] = field(default_factory=list)
    groups: dict[str, Decimal] = field(default_factory=dict)
    group_pieces: dict[str, Piece] = field(default_factory=dict)
    total: tuple[Piece, list[Piece]] | None = None
    orphans: list[Piece] = field(default_factory=list)
    points: dict[str, Decimal | None] = field(default_factory=dict)  # the groups, in order


@dataclass
class Restored:
    """The rebuilt document and, for each rebuilt cell, the original lines it came from."""

    document: Document
    origins: dict[tuple[int, int], list[int]]
    doubts: list[tuple[int, Doubt]] = field(default_factory=list)  # (form, doubt)
    findings: list[Finding] = field(default_factory=list)

    def take(self, own: Ledger, original: Document, ledger: Ledger) -> None:
        """Take from ``ledger`` each original line all of whose rebuilt cells were placed."""
        placed: dict[int, bool] = {}
        for (block, cell), lines in self.origins.items():
            taken = (block, cell) in own.taken
            for line in lines:
                placed[line] = placed.get(line, True) and taken
        for block in original:
            if placed.get(block.index):
                ledger.take(block)


def head_field(vocab: Vocabulary, word: str) -> HeadField | None:
    """The head field a printed label stands for, or None."""
    return _head_field(vocab.layout.id, word)


@lru_cache(maxsize=4096)  # every line's first word is asked several times
def _head_field(layout_id: str, word: str) -> HeadField | None:
    vocab = vocabulary(layout_id)
    for section in HEAD_SECTIONS:
        key = vocab.field(section, word)
        if key is not None:
            return HeadField(section, key)
    return None


def header_words(vocab: Vocabulary, text: str) -> list[str] | None:
    """The words of an indicator header line (each a column name), or None."""
    words = text.split()
    if len(words) < MIN_HEADER_WORDS or not vocab.field("indicators.columns", words[0]):
        return None  # most lines end here
    fields = [vocab.field("indicators.columns", w) for w in words]
    if None in fields or "name" not in fields:
        return None
    return words if any(f in NUMBER_FIELDS for f in fields) else None


def restore(doc: Document) -> Restored | None:
    """The rebuilt rows of a flattened PDF text, or None when ``doc`` is not one."""
    if doc.kind != "text" or any(len(b.cells) > 1 for b in doc):
        return None
    vocab = vocabulary()
    blocks = [b for b in doc if not b.blank]
    headers = [n for n, b in enumerate(blocks) if header_words(vocab, b.text)]
    if not headers:
        return None
    count = _number_columns(vocab, blocks[headers[0]].text)
    rows = sum(1 for b in blocks if trailing_numbers(b.text, count))
    if rows < MIN_ROWS or not _printed_apart(vocab, blocks, count):
        return None  # a row-per-line table keeps its order: cellsplit's
    titles = frozenset(b.index for b in blocks if title_of(b, vocab))
    starts = [0] + [
        _orphans_start(vocab, blocks, h, headers[k], titles) for k, h in enumerate(headers[1:])
    ]
    stops = [*starts[1:], len(blocks)]
    forms = [
        _sorted(vocab, blocks[start:stop], count, titles)
        for start, stop in zip(starts, stops, strict=True)
    ]
    layout = _layout(blocks, titles, forms)
    order = vocabulary(layout.id if layout else "national").words("indicators.levels", "level1")
    doubts: list[tuple[int, Doubt]] = []
    for n, form in enumerate(f for f in forms if f.header):
        placed = place_rows(form.rows, form.groups, order, layout.id if layout else None)
        form.points = placed.points
        doubts.extend((n, d) for d in [*_place_orphans(form), *placed.doubts])
        doubts.extend((n, d) for d in _unsettled_names(form.rows))
    restored = _rebuild(doc, forms)
    restored.doubts = doubts
    if len(titles) != len(headers):
        restored.findings.append(
            problem(
                "form-boundaries",
                Severity.WARNING,
                doc.name,
                f"标题 {titles} 个、指标表头 {len(headers)} 个，按表头分表",
                f"{titles} titles but {len(headers)} table headers: forms cut at the headers",
            )
        )
    return restored


def _layout(blocks: list[Block], titles: frozenset[int], forms: list[FlatForm]) -> Layout | None:
    """The layout whose tree names every printed group; else the one the text matches."""
    printed = {name for form in forms for name in form.groups}
    if printed:
        for layout in layouts():
            if printed <= set(vocabulary(layout.id).words("indicators.levels", "level1")):
                return layout
    text = "|".join(normalise(b.text) for b in blocks)
    title = next((title_of(b, vocabulary()) for b in blocks if b.index in titles), None)
    return match_layout(title[0] if title else "", text, title[1] if title else None)


def _unsettled_names(rows: list[WrappedRow]) -> list[Doubt]:
    return [
        (
            f"indicators[{i}].name",
            row.name.text,
            [row.name.text, row.name.text + row.explanation.text],
            "指标名称与指标解释之间的分界不确定",
            "where the name ends and the explanation begins is not settled",
        )
        for i, row in enumerate(rows)
        if row.unsettled
    ]


def _number_columns(vocab: Vocabulary, header: str) -> int:
    return sum(1 for w in header.split() if vocab.field("indicators.columns", w) in NUMBER_FIELDS)


def _printed_apart(vocab: Vocabulary, blocks: list[Block], count: int) -> bool:
    """Whether rows' numbers or groups' points stand on lines of their own.

    A group label with its points (``产出指标(40分)``) counts after the total row only: one
    centred among its rows (a plain copy of a row-per-line table) is no sign of lost order.
    """
    after_total = False
    for block in blocks:
        text = block.text
        words = text.split()
        after_total = after_total or bool(words and vocab.field("totals", words[0]))
        if _numbers_only(text, count) or POINTS_LINE.match(text):
            return True
        if after_total and GROUP_POINTS.match(text):
            return True
    return False


def _numbers_only(text: str, count: int) -> bool:
    split = trailing_numbers(text, count)
    return split is not None and not split[0] and not split[2]


def _orphans_start(
    vocab: Vocabulary, blocks: list[Block], header: int, floor: int, titles: frozenset[int]
) -> int:
    """Where a form begins: the values its table is preceded by (printed off their labels)."""
    start = header
    limit = len(HEAD_SECTIONS) * 2
    for n in range(header - 1, floor, -1):
        if header - n > limit or not _value_like(vocab, blocks[n], titles):
            break
        start = n
    return start


def _value_like(vocab: Vocabulary, block: Block, titles: frozenset[int]) -> bool:
    text = block.text
    words = text.split()
    return (
        len(words) == 1
        and head_field(vocab, words[0]) is None
        and block.index not in titles
        and not POINTS_LINE.match(text)
        and not GROUP_POINTS.match(text)
        and vocab.field("indicators.columns", text) is None
    )


def _piece(block: Block, text: str | None = None) -> Piece:
    return Piece(block.text if text is None else text, [block.index])


def _sorted(vocab: Vocabulary, blocks: list[Block], count: int, titles: frozenset[int]) -> FlatForm:
    """One form's lines sorted into orphans, head entries, header, rows, groups and total."""
    form = FlatForm()
    mode = "orphans"
    rows = RowLines()
    prose: Entry | None = None
    previous = -1
    for n, block in enumerate(blocks):
        after_blank = block.index > previous + 1
        previous = block.index
        if header_words(vocab, block.text):
            form.header = [Piece(w, [block.index]) for w in block.text.split()]
            mode, prose = "table", None
        elif block.index in titles and form.title is None:
            form.title = _piece(block)
            mode, prose = "head", None
        elif _furniture(vocab, form, blocks, n, count, mode):
            mode = "orphans" if form.total else mode  # what follows the total is off its label
        elif _label_line(vocab, block.text, count):
            prose, mode = _head_line(vocab, form, block), "head"
        elif prose is not None and _takes(vocab, prose, blocks, n, titles):
            prose = prose if prose.field.section in PROSE_SECTIONS else None
        elif _labelled_after(vocab, block.text, count):
            form.orphans.extend(_orphan_pieces(block, _leading(vocab, block.text)))
            prose, mode = _head_line(vocab, form, block), "head"
        elif mode == "orphans" or not form.header or form.total:  # rows: header to total
            form.orphans.extend(_orphan_pieces(block, block.text.split()))
            prose = None
        else:
            prose, mode = None, "table"
            rows.add(block.index, block.text, after_blank)
            if trailing_numbers(block.text, count) is not None:
                row = build_row(rows, count)
                form.rows.extend([row] if row is not None else [])
                rows = RowLines()
    return form


def _leading(vocab: Vocabulary, text: str) -> list[str]:
    """The words of a line before its first head label."""
    words = text.split()
    at = next((k for k, w in enumerate(words) if head_field(vocab, w)), len(words))
    return words[:at]


def _labelled_after(vocab: Vocabulary, text: str, count: int) -> bool:
    """A value printed before a label on its line (``医务科 是否为经常性项目 是``)."""
    return not trailing_numbers(text, count) and 0 < len(_leading(vocab, text)) < len(text.split())


def _orphan_pieces(block: Block, words: list[str]) -> list[Piece]:
    """Values printed away from their labels: one per word when every word is a number."""
    if len(words) > 1 and all(
        SHAPES["amount"].match(w) or SHAPES["percent"].match(w) for w in words
    ):
        return [Piece(w, [block.index]) for w in words]
    return [Piece(" ".join(words), [block.index])]


def _label_line(vocab: Vocabulary, text: str, count: int) -> bool:
    """A line that opens with a head label (a row ending in numbers may open with one too)."""
    words = text.split()
    return (
        bool(words)
        and head_field(vocab, words[0]) is not None
        and not trailing_numbers(text, count)
    )


def _furniture(
    vocab: Vocabulary, form: FlatForm, blocks: list[Block], n: int, count: int, mode: str
) -> bool:
    """Group labels, the total row and a column name printed apart, taken into ``form``."""
    text = blocks[n].text
    words = text.split()
    if words and vocab.field("totals", words[0]) == "total_score":
        split = trailing_numbers(text, count)
        if split is not None and not split[2] and normalise(split[0]) == normalise(words[0]):
            numbers = [Piece(x, [blocks[n].index]) for x in split[1]]
            form.total = (_piece(blocks[n], words[0]), numbers)
            return True
    if mode == "orphans" and not form.header:
        return False
    if _group_label(form, blocks, n):
        return True
    if POINTS_LINE.match(text) and n and _group_label(form, blocks, n - 1):
        return True  # taken with its name
    if form.header and vocab.field("indicators.columns", text):
        form.header.append(_piece(blocks[n]))  # a column name printed apart (备注)
        return True
    return False


def _takes(
    vocab: Vocabulary, entry: Entry, blocks: list[Block], n: int, titles: frozenset[int]
) -> bool:
    """Whether the label ``entry`` takes line ``n`` as (more of) its value."""
    if entry.field.section in PROSE_SECTIONS:
        _extend(entry, blocks[n])
        return True
    if entry.value is None and _value_after(vocab, entry, blocks, n, titles):
        entry.value = _piece(blocks[n])
        return True
    return False


def _head_line(vocab: Vocabulary, form: FlatForm, block: Block) -> Entry | None:
    """A line's entries added to the form; the last one, which may take the next lines."""
    entries = line_entries(vocab, block)
    form.entries.extend(entries)
    return entries[-1] if entries else None


def line_entries(vocab: Vocabulary, block: Block) -> list[Entry]:
    """A line of labels and values cut at its labels (not inside a narrative's text)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    value: list[str] = []
    words = block.text.split()
    for word in words[len(_leading(vocab, block.text)) :]:
        found = head_field(vocab, word)
        if found is not None and not (entry and entry.field.section in PROSE_SECTIONS and value):
            if entry is not None and value:
                entry.value = Piece(" ".join(value), [block.index])
            entry, value = Entry(Piece(word, [block.index]), found), []
            entries.append(entry)
        else:
            value.append(word)
    if entry is not None and value:
        entry.value = Piece(" ".join(value), [block.index])
    return entries


def _extend(entry: Entry, block: Block) -> None:
    if entry.value is None:
        entry.value = _piece(block)
    else:
        entry.value.text = join_lines([entry.value.text, block.text])
        entry.value.lines.append(block.index)


def _value_after(
    vocab: Vocabulary, entry: Entry, blocks: list[Block], n: int, titles: frozenset[int]
) -> bool:
    """Whether line ``n`` is the value of the label that ended the line before.

    Text could be anything, so a text value must be followed by a label, a title or nothing;
    otherwise the line is a row of the table going on after the head.
    """
    text = blocks[n].text
    if len(text.split()) != 1 or not entry.field.fits(text):
        return False
    if entry.field.shape != "text":
        return True
    following = blocks[n + 1] if n + 1 < len(blocks) else None
    if following is None or following.index in titles:
        return True
    first = following.text.split()[0]
    return head_field(vocab, first) is not None and trailing_numbers(following.text, 2) is None


def _group_label(form: FlatForm, blocks: list[Block], n: int) -> bool:
    """A level-1 group with its points, on one line or two (``投入与管理`` / ``（36分）``)."""
    lines = [blocks[n]]
    if n + 1 < len(blocks) and POINTS_LINE.match(blocks[n + 1].text):
        lines.append(blocks[n + 1])
    elif "分" not in blocks[n].text:
        return False  # most lines end here
    match = GROUP_POINTS.match(join_lines([b.text for b in lines]))
    if match is None or len(blocks[n].text.split()) > 1:
        return False
    name = match["name"]
    form.groups[name] = Decimal(match["points"])
    form.group_pieces[name] = Piece(join_lines([b.text for b in lines]), [b.index for b in lines])
    return True


def _place_orphans(form: FlatForm) -> list[Doubt]:
    """Give the labels printed without a value the values printed before the table.

    The grid is read row by row: project labels before funds labels, each in printed order.
    Each value goes to the first such label whose shape it has, a label of a particular
    shape (是/否, a percentage, an amount, a date) before one that takes any text.
    """
    pending = [e for e in form.entries if e.value is None]
    pending.sort(key=lambda e: HEAD_SECTIONS.index(e.field.section))
    orphans = list(form.orphans)
    in_order = len(orphans) == len(pending) and all(
        e.field.fits(o.text) for e, o in zip(pending, orphans, strict=True)
    )
    placed = []
    for orphan in orphans:
        fitting = [e for e in pending if e.field.fits(orphan.text)]
        fitting.sort(key=lambda e: e.field.shape == "text")
        if fitting:
            fitting[0].value = orphan
            pending.remove(fitting[0])
            form.orphans.remove(orphan)
            placed.append(fitting[0])
    if in_order:
        return []
    return [
        (
            e.field.path,
            e.value.text if e.value else None,
            [o.text for o in orphans if e.field.fits(o.text)],
            "标签旁没有数值，数值印在别处，且数目或类型与标签对不上",
            "the value is printed away from its label, and values and labels do not pair up",
        )
        for e in placed
    ]


def _rebuild(doc: Document, forms: list[FlatForm]) -> Restored:
    """Rows of cells for every form, in a table copy's order."""
    out: list[list[Piece]] = []
    for form in forms:
        if form.title is not None:
            out.append([form.title])
        out.extend([entry.label, entry.value or Piece("")] for entry in form.entries)
        out.extend([o] for o in form.orphans)  # values no label took: reported as unplaced
        if form.header:
            out.extend(_table(form))
    return _document(doc, out)


def _table(form: FlatForm) -> list[list[Piece]]:
    """The header, the rows (each group's name on its first row) and the total."""
    out = [form.header]
    fields = [vocabulary().field("indicators.columns", p.text) for p in form.header]
    seen: set[str] = set()
    for row in form.rows:
        group = None
        if row.group and row.group not in seen:
            seen.add(row.group)
            group = form.group_pieces.get(row.group, Piece(row.group))
        out.append(_row_cells(fields, row, group))
    out.extend([piece] for name, piece in form.group_pieces.items() if name not in seen)
    if form.total is not None:
        label, numbers = form.total
        cells = [Piece("") for _ in fields]
        cells[0] = label
        for at, number in zip(_number_positions(fields), numbers, strict=False):
            cells[at] = number
        out.append(cells)
    return out


def _number_positions(fields: list[str | None]) -> list[int]:
    return [i for i, f in enumerate(fields) if f in NUMBER_FIELDS]


def _row_cells(fields: list[str | None], row: WrappedRow, group: Piece | None) -> list[Piece]:
    cells = [Piece("") for _ in fields]
    for at, f in enumerate(fields):
        if f == "level1" and group is not None:
            cells[at] = group
        elif f == "name":
            cells[at] = row.name
        elif f == "explanation":
            cells[at] = row.explanation
        elif f == "note" and row.note is not None:
            cells[at] = row.note
    for at, number in zip(_number_positions(fields), row.numbers, strict=False):
        cells[at] = number
    return cells


def _document(doc: Document, rows: list[list[Piece]]) -> Restored:
    origins: dict[tuple[int, int], list[int]] = {}
    blocks = []
    lines = {b.index: b.cells[0].source for b in doc}
    for index, row in enumerate(rows):
        cells = []
        for at, piece in enumerate(row):
            source = lines[piece.lines[0]] if piece.lines else Source(doc.name)
            cells.append(Cell(piece.text, source))
            if piece.lines and piece.text.strip():
                origins[(index, at)] = piece.lines
        blocks.append(Block(index, tuple(cells)))
    return Restored(Document(doc.name, tuple(blocks), doc.kind, doc.notes), origins)
