"""PDF text that lost its table's cells and order, put back into rows of cells: one entry point.

Plain text extracted from a PDF form keeps the words but not the grid. The family prints it
in two ways, and ``restore`` recognises and reads both:
- the grid (Shanghai's 2019 self-evaluation, seed 000): an indicator header line (every word
  a column name), rows wrapped over lines that end in number columns (``wrapped_rows``),
  level-1 groups printed after the table with their points (``flattened_groups``), and head
  values printed before the table, far from their labels;
- the label column (Shanghai's 2019 target, seed 004): the head's labels printed as a run of
  lines before the title, their values later (``label_column``), and a name | target table
  whose level-1 labels print among its rows (``target_rows``).
Both cut head lines at their labels and give values back to labels by their shapes
(``flattened_head``), and rebuild each form as the rows of cells a table copy would give
(``flattened_rebuild``); the structure reader then reads it like any tabbed text. Every
rebuilt cell remembers the lines it came from, so that a line counts as placed only when all
the cells it went into were placed; what the text does not settle is an ``uncertain-value``.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.io.document import Block, Document
from jixiao.io.problems import problem
from jixiao.io.structure.flattened_groups import Doubt, place_rows
from jixiao.io.structure.flattened_head import (
    PROSE_SECTIONS,
    Entry,
    head_field,
    leading_words,
    line_entries,
    orphan_pieces,
    place_orphans,
    title_lines,
)
from jixiao.io.structure.flattened_rebuild import NUMBER_FIELDS, FlatForm, Restored, rebuild
from jixiao.io.structure.label_column import restore_column
from jixiao.io.structure.match import match_layout
from jixiao.io.structure.reader import title_of
from jixiao.io.structure.wrapped_rows import (
    GROUP_POINTS,
    Piece,
    WrappedRow,
    build_row,
    cell_of,
    ends_cell,
    join_lines,
    printed_width,
    trailing_numbers,
)
from jixiao.io.vocabulary import Layout, Vocabulary, layouts, normalise, vocabulary

MIN_HEADER_WORDS = 3


MIN_ROWS = 2
MAX_ORPHANS = 10  # values printed before a table: at most a head grid's (Shanghai's has 8)


POINTS_LINE = re.compile(r"^[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")


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
    blocks = [b for b in doc if not b.blank]
    return (_restore_grid(doc, blocks) or restore_column(doc, blocks)) if blocks else None


def _restore_grid(doc: Document, blocks: list[Block]) -> Restored | None:
    """A form whose rows end in number columns, its groups printed apart (seed 000)."""
    vocab = vocabulary()
    headers = [n for n, b in enumerate(blocks) if header_words(vocab, b.text)]
    if not headers:
        return None
    count = _number_columns(vocab, blocks[headers[0]].text)
    rows = sum(1 for b in blocks if trailing_numbers(b.text, count))
    if rows < MIN_ROWS or not _printed_apart(vocab, blocks, count):
        return None  # a row-per-line table keeps its order: cellsplit's
    titles = title_lines(blocks)
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
        _cells_apart(form)
        doubts.extend((n, d) for d in [*place_orphans(form.entries, form.orphans), *placed])
        doubts.extend((n, d) for d in _unsettled_names(form.rows))
    restored = rebuild(doc, forms)
    restored.doubts = doubts
    if len(titles) != len(headers):
        restored.findings.append(
            problem(
                "form-boundaries",
                doc.name,
                f"标题 {len(titles)} 个、指标表头 {len(headers)} 个，按表头分表",
                f"{len(titles)} titles but {len(headers)} table headers: forms cut at the headers",
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
    for n in range(header - 1, floor, -1):
        if header - n > MAX_ORPHANS or not _value_like(vocab, blocks[n], titles):
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
    spaced = blocks[-1].index - blocks[0].index >= len(blocks) if blocks else True
    sorter = _Sorter(vocab, blocks, count, titles, spaced)
    for n in range(len(blocks)):
        sorter.line(n)
    return sorter.form


@dataclass
class _Sorter:
    """The walk over one form's lines: what the line before opened decides the next."""

    vocab: Vocabulary
    blocks: list[Block]
    count: int  # number columns at the end of a row
    titles: frozenset[int]
    spaced: bool  # blank lines stand between cells
    form: FlatForm = field(default_factory=FlatForm)
    mode: str = "orphans"  # orphans | table | head | apart (after a group's label)
    rows: list[Piece] = field(default_factory=list)  # the lines of the row read so far
    prose: Entry | None = None  # the label whose value may go on in the next line
    previous: int = -1
    para: int = 0  # runs of lines between blank lines, counted
    widest: int = 0  # the widest line of a row so far
    apart: str = ""  # the group whose label was printed last

    def line(self, n: int) -> None:
        """Sort line ``n``."""
        vocab, form, block = self.vocab, self.form, self.blocks[n]
        after_blank, self.previous = block.index > self.previous + 1, block.index
        if header_words(vocab, block.text):
            form.header = [Piece(w, [block.index]) for w in block.text.split()]
            self.mode, self.prose = "table", None
        elif block.index in self.titles and form.title is None:
            form.title = _piece(block)
            self.mode, self.prose = "head", None
        elif _furniture(vocab, form, self.blocks, n, self.count, self.mode):
            self._after_furniture()
        elif _label_line(vocab, block.text, self.count):
            self.prose, self.mode = _head_line(vocab, form, block), "head"
        elif self.prose is not None and _takes(vocab, self.prose, self.blocks, n, self.titles):
            self.prose = self.prose if self.prose.field.section in PROSE_SECTIONS else None
        elif _labelled_after(vocab, block.text, self.count):
            form.orphans.extend(orphan_pieces(block, leading_words(vocab, block.text)))
            self.prose, self.mode = _head_line(vocab, form, block), "head"
        elif self.mode == "apart" and not trailing_numbers(block.text, self.count):
            form.apart.setdefault(self.apart, []).append(_piece(block))
        elif self._off_the_table(block):
            form.orphans.extend(orphan_pieces(block, block.text.split()))
            self.prose = None
        else:
            self._row_line(block, after_blank)

    def _after_furniture(self) -> None:
        self.prose = None
        if self.form.last_group and self.form.header:  # lines after a group's label: its cells
            self.mode, self.apart = "apart", self.form.last_group
        elif self.form.total:
            self.mode = "orphans"  # what follows the total is off its label

    def _off_the_table(self, block: Block) -> bool:
        """A line that is no row: before the header, after the total, or wider than a row."""
        wide = self.mode == "head" and self.widest and len(block.text) > self.widest
        return self.mode == "orphans" or not self.form.header or bool(self.form.total or wide)

    def _row_line(self, block: Block, after_blank: bool) -> None:
        self.widest = max(self.widest, len(block.text))
        self.prose, self.mode = None, "table"
        self.para += after_blank
        self.rows.append(Piece(block.text, [block.index], self.para))
        if trailing_numbers(block.text, self.count) is not None:
            row = build_row(self.rows, self.count, self.spaced)
            self.form.rows.extend([row] if row is not None else [])
            self.rows = []


def _labelled_after(vocab: Vocabulary, text: str, count: int) -> bool:
    """A value printed before a label on its line (``医务科 是否为经常性项目 是``)."""
    return not trailing_numbers(text, count) and 0 < len(leading_words(vocab, text)) < len(
        text.split()
    )


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
    form.last_group = None
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
        entry.values.append(_piece(blocks[n]))
        return True
    if not entry.values and _value_after(vocab, entry, blocks, n, titles):
        entry.values.append(_piece(blocks[n]))
        return True
    return False


def _head_line(vocab: Vocabulary, form: FlatForm, block: Block) -> Entry | None:
    """A line's entries added to the form; the last one, which may take the next lines."""
    entries = line_entries(vocab, _piece(block))
    form.entries.extend(entries)
    return entries[-1] if entries else None


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
    piece = form.group_pieces.setdefault(name, Piece(join_lines([b.text for b in lines])))
    piece.lines.extend(b.index for b in lines if b.index not in piece.lines)  # once a page
    form.last_group = name
    return True


def _cells_apart(form: FlatForm) -> None:
    """Explanations printed after their group's label, given to its rows that print none.

    The lines are a column's wrapped cells, each ending where ``ends_cell`` says. When their
    number is not the number of rows without one, they stay unplaced (reported).
    """
    for name, lines in form.apart.items():
        widest = max(printed_width(p.text) for p in lines)
        cells: list[list[Piece]] = [[]]
        for piece in lines:
            cells[-1].append(piece)
            if ends_cell(piece.text, widest):
                cells.append([])
        cells = [c for c in cells if c]
        rows = [r for r in form.rows if r.group == name and not r.explanation.text]
        if len(cells) != len(rows):
            continue
        for row, cell in zip(rows, cells, strict=True):
            row.explanation = cell_of(cell)
