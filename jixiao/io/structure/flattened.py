"""PDF text that lost its table's cells and order, put back into rows of cells (``restore``).

The grid (seed 000: rows wrapped, ended by number columns) is read here, the label column (seed
004) by ``label_column``. A cell keeps its lines; what the text does not settle is a doubt.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from itertools import groupby

from jixiao.core.rulesets import RuleSet, load_config
from jixiao.io.document import Block, Document
from jixiao.io.problems import problem
from jixiao.io.structure.flattened_head import (
    PROSE_SECTIONS,
    Doubt,
    Entry,
    Piece,
    Restored,
    cell_of,
    doubt,
    ends_cell,
    head_field,
    join_lines,
    leading_words,
    line_entries,
    orphan_pieces,
    place_orphans,
    printed_layout,
    printed_width,
    rows_document,
    title_lines,
)
from jixiao.io.structure.label_column import restore_column
from jixiao.io.vocabulary import Layout, Vocabulary, layouts, normalise, vocabulary

MIN_HEADER_WORDS = 3
MIN_ROWS = 2
MAX_ORPHANS = 10  # values printed before a table: at most a head grid's (Shanghai's has 8)
NUMBER_FIELDS = ("weight", "score")  # the trailing number columns of a row
WRAP_SLACK = 2  # a wrapped line is as wide as its column, give or take a narrow character
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
# A level-1 group and its points, printed as one cell wrapped over one or two lines.
GROUP_POINTS = re.compile(r"^(?P<name>\S+?)\s*[（(]\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]$")
POINTS_LINE = re.compile(r"^[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")


@dataclass
class WrappedRow:
    """One indicator row rebuilt from its lines."""

    name: Piece
    explanation: Piece
    numbers: list[Piece]
    note: Piece | None = None
    group: str = ""
    unsettled: bool = False  # more than two paragraphs: where the name ends is a guess


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
    apart: dict[str, list[Piece]] = field(default_factory=dict)  # lines after a group's label
    last_group: str | None = None


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
    fields = [vocab.field("indicators.columns", w) for w in blocks[headers[0]].text.split()]
    count = sum(1 for f in fields if f in NUMBER_FIELDS)
    rows = sum(1 for b in blocks if trailing_numbers(b.text, count))
    if rows < MIN_ROWS or not _printed_apart(vocab, blocks, count):
        return None  # a row-per-line table keeps its order: cellsplit's
    titles = title_lines(blocks)
    header_lines = frozenset(blocks[n].index for n in headers)
    starts = [0] + [
        _orphans_start(vocab, blocks, h, headers[k], titles) for k, h in enumerate(headers[1:])
    ]
    stops = [*starts[1:], len(blocks)]
    forms = [
        _Sorter(vocab, blocks[start:stop], count, titles, header_lines).sort()
        for start, stop in zip(starts, stops, strict=True)
    ]
    layout = _layout(blocks, titles, forms)
    order = vocabulary(layout.id if layout else "national").words("indicators.levels", "level1")
    doubts: list[tuple[int, Doubt]] = []
    for n, form in enumerate(f for f in forms if f.header):
        placed = place_rows(form.rows, form.groups, order, layout.id if layout else None)
        _cells_apart(form)
        orphans = place_orphans(form.entries, form.orphans)
        doubts.extend((n, d) for d in [*orphans, *placed, *_unsettled_names(form.rows)])
    restored = rebuild(doc, forms, doubts)
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
    title = next((b for b in blocks if b.index in titles), None)
    return printed_layout(title, [b.text for b in blocks])


def _unsettled_names(rows: list[WrappedRow]) -> list[Doubt]:
    return [
        doubt(
            f"indicators[{i}].name",
            r.name.text,
            [r.name.text, r.name.text + r.explanation.text],
            "name",
        )
        for i, r in enumerate(rows)
        if r.unsettled
    ]


def _printed_apart(vocab: Vocabulary, blocks: list[Block], count: int) -> bool:
    """Whether numbers or points stand alone (a group's label counts after the total only)."""
    after_total = False
    for block in blocks:
        text = block.text
        words = text.split()
        after_total = after_total or bool(words and vocab.field("totals", words[0]))
        split = trailing_numbers(text, count)
        if (split and not split[0] and not split[2]) or POINTS_LINE.match(text):
            return True
        if after_total and GROUP_POINTS.match(text):
            return True
    return False


def _orphans_start(
    vocab: Vocabulary, blocks: list[Block], header: int, floor: int, titles: frozenset[int]
) -> int:
    """Where a form begins: the lone values its table is preceded by (printed off their labels)."""
    start = header
    for n in range(header - 1, floor, -1):
        text = blocks[n].text
        words = text.split()
        if (
            header - n > MAX_ORPHANS
            or len(words) != 1
            or head_field(vocab, words[0]) is not None
            or blocks[n].index in titles
            or POINTS_LINE.match(text)
            or GROUP_POINTS.match(text)
            or vocab.field("indicators.columns", text) is not None
        ):
            break
        start = n
    return start


def _piece(block: Block) -> Piece:
    return Piece(block.text, [block.index])


@dataclass
class _Sorter:
    """The walk over one form's lines (``sort``): what the line before opened decides the next."""

    vocab: Vocabulary
    blocks: list[Block]
    count: int  # number columns at the end of a row
    titles: frozenset[int]
    headers: frozenset[int]  # the lines that are a table's header
    form: FlatForm = field(default_factory=FlatForm)
    mode: str = "orphans"  # orphans | table | head | apart (after a group's label)
    rows: list[Piece] = field(default_factory=list)  # the lines of the row read so far
    prose: Entry | None = None  # the label whose value may go on in the next line
    previous: int = -1
    para: int = 0  # runs of lines between blank lines, counted
    widest: int = 0  # the widest line of a row so far
    apart: str = ""  # the group whose label was printed last

    def sort(self) -> FlatForm:
        """The form's lines sorted into orphans, head entries, header, rows, groups and total."""
        for n in range(len(self.blocks)):
            self.line(n)
        return self.form

    def line(self, n: int) -> None:
        """Sort line ``n``."""
        vocab, form, block = self.vocab, self.form, self.blocks[n]
        after_blank, self.previous = block.index > self.previous + 1, block.index
        numbered = trailing_numbers(block.text, self.count) is not None
        if block.index in self.headers:
            form.header = [Piece(w, [block.index]) for w in block.text.split()]
            self.mode, self.prose = "table", None
        elif block.index in self.titles and form.title is None:
            form.title = _piece(block)
            self.mode, self.prose = "head", None
        elif self._furniture(n):
            self._after_furniture()
        elif not numbered and head_field(vocab, block.text.split(maxsplit=1)[0]) is not None:
            self.prose, self.mode = self._head_line(block), "head"  # a line opening with a label
        elif self.prose is not None and self._takes(n):
            self.prose = self.prose if self.prose.field.section in PROSE_SECTIONS else None
        elif not numbered and 0 < len(lead := leading_words(vocab, block.text)) < len(
            block.text.split()
        ):  # a value printed before a label on its line (``医务科 是否为经常性项目 是``)
            form.orphans.extend(orphan_pieces(block, lead))
            self.prose, self.mode = self._head_line(block), "head"
        elif self.mode == "apart" and not numbered:
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
            spaced = self.blocks[-1].index - self.blocks[0].index >= len(self.blocks)
            row = build_row(self.rows, self.count, spaced)
            self.form.rows.extend([row] if row is not None else [])
            self.rows = []

    def _furniture(self, n: int) -> bool:
        """Group labels, the total row and a column name printed apart, taken into the form."""
        form, block = self.form, self.blocks[n]
        words = block.text.split(maxsplit=1)
        if words and self.vocab.field("totals", words[0]) == "total_score":
            split = trailing_numbers(block.text, self.count)
            if split is not None and not split[2] and normalise(split[0]) == normalise(words[0]):
                numbers = [Piece(x, [block.index]) for x in split[1]]
                form.total = (Piece(words[0], [block.index]), numbers)
                return True
        if self.mode == "orphans" and not form.header:
            return False
        form.last_group = None
        if self._group_label(n):
            return True
        if POINTS_LINE.match(block.text) and n and self._group_label(n - 1):
            return True  # taken with its name
        if form.header and self.vocab.field("indicators.columns", block.text):
            form.header.append(_piece(block))  # a column name printed apart (备注)
            return True
        return False

    def _takes(self, n: int) -> bool:
        """Whether the label ``self.prose`` takes line ``n`` as (more of) its value."""
        entry = self.prose
        if entry.field.section in PROSE_SECTIONS or (not entry.values and self._value_after(n)):
            entry.values.append(_piece(self.blocks[n]))
            return True
        return False

    def _head_line(self, block: Block) -> Entry | None:
        """A line's entries added to the form; the last one, which may take the next lines."""
        entries = line_entries(self.vocab, _piece(block))
        self.form.entries.extend(entries)
        return entries[-1] if entries else None

    def _value_after(self, n: int) -> bool:
        """Whether line ``n`` is the value of the label before (text: if a label or title follows)."""
        text, entry = self.blocks[n].text, self.prose
        if len(text.split()) != 1 or not entry.field.fits(text):
            return False
        if entry.field.shape != "text":
            return True
        following = self.blocks[n + 1] if n + 1 < len(self.blocks) else None
        if following is None or following.index in self.titles:
            return True
        first = following.text.split()[0]
        return head_field(self.vocab, first) is not None and not trailing_numbers(following.text, 2)

    def _group_label(self, n: int) -> bool:
        """A level-1 group with its points, on one line or two (``投入与管理`` / ``（36分）``)."""
        blocks, form = self.blocks, self.form
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
    """Explanations printed after their group's label, to its rows without one (if as many)."""
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


@lru_cache(maxsize=4096)  # every line is asked several times, as a row, a label, a total
def trailing_numbers(text: str, count: int) -> tuple[str, tuple[str, ...], str] | None:
    """``(text before, numbers, note)`` when ``text`` ends in ``count`` numbers (and a 备注)."""
    words = text.split()
    for note in (0, 1):
        end = len(words) - note
        numbers = words[end - count : end]
        if end >= count and all(NUMBER.match(w) for w in numbers):
            if note and NUMBER.match(words[-1]):
                return None
            return " ".join(words[: end - count]), tuple(numbers), " ".join(words[end:])
    return None


def build_row(lines: list[Piece], count: int, spaced: bool = True) -> WrappedRow | None:
    """The row whose last line ends in ``count`` numbers; ``spaced``: a blank line ends a name."""
    last = lines[-1]
    split = trailing_numbers(last.text, count)
    if split is None:
        return None
    before, numbers, note = split
    printed = [p for p in [*lines[:-1], Piece(before, last.lines, last.para)] if p.text.strip()]
    paragraphs = [list(p) for _, p in groupby(printed, key=lambda p: p.para)]
    if not paragraphs:
        return None
    if len(paragraphs) > 1:
        name, explanation = paragraphs[0], [line for p in paragraphs[1:] for line in p]
    elif " " in paragraphs[0][0].text.strip():  # a row printed on one line: name, explanation
        first = paragraphs[0][0]
        head, _, rest = first.text.strip().partition(" ")
        name = [Piece(head, first.lines)]
        explanation = [Piece(rest, first.lines), *paragraphs[0][1:]]
    else:
        cut = 1 if spaced else _name_lines([p.text for p in paragraphs[0]])
        name, explanation = paragraphs[0][:cut], paragraphs[0][cut:]
    numbers_cells = [Piece(n, last.lines) for n in numbers]
    note_cell = Piece(note, last.lines) if note else None
    row = WrappedRow(cell_of(name), cell_of(explanation), numbers_cells, note_cell)
    # more than name and explanation, or a name wrapped with no blank line after it
    row.unsettled = len(paragraphs) > 2 or (len(paragraphs) == 1 and len(name) > 1)
    return row


def _name_lines(texts: list[str]) -> int:
    """How many lines of a row are the name's: as wide as the first, up to one ending its cell."""
    first = printed_width(texts[0])
    for n, text in enumerate(texts[1:], 1):
        if printed_width(text) > first + WRAP_SLACK:
            return n
        if ends_cell(text, first):
            return n + 1
    return 1


@cache
def _rules(template: str) -> RuleSet | None:
    """The rule set of a layout (its group weights and fixed indicators), loaded once."""
    return load_config().ruleset_for(template)


def _key(name: str) -> str:
    return "".join(name.split()).replace("（", "(").replace("）", ")")


def place_rows(
    rows: list[WrappedRow],
    printed: dict[str, Decimal],
    order: tuple[str, ...],
    template: str | None,
) -> list[Doubt]:
    """Give every row its group; what the text does not settle about them."""
    rules = _rules(template) if template else None
    sizes: dict[str, Decimal] = dict(printed)
    unprinted: list[tuple[str, Decimal]] = []
    for rule in rules.groups if rules else ():
        if any(rule.matches(name) for name in printed) or rule.weight is None:
            continue
        sizes[rule.name] = rule.weight
        unprinted.append((rule.name, rule.weight))
    order = (*order, *(g.name for g in rules.groups)) if rules else order
    names = sorted(sizes, key=lambda n: order.index(n) if n in order else len(order))
    settled = assign_groups(rows, sizes, names)
    doubts = []
    for name, weight in unprinted:
        path = f"groups[{names.index(name)}].weight"
        doubts.append(doubt(path, None, [str(weight)], "unprinted", name=name, weight=weight))
    for i in range(len(rows)) if not settled else _misplaced(rows, rules):
        row = rows[i]
        candidates = list(dict.fromkeys([row.group, *names]))
        path = f"indicators[{i}].level1"
        doubts.append(doubt(path, row.group or None, candidates, "weights", name=row.name.text))
    return doubts


def _misplaced(rows: list[WrappedRow], rules: RuleSet | None) -> list[int]:
    """Rows in a group of fixed indicators they are not one of, or fixed in another group."""
    if rules is None:
        return []
    fixed = {g.name: {_key(n) for n, _ in g.fixed} for g in rules.groups}
    anywhere = set().union(*fixed.values()) if fixed else set()
    out = []
    for i, row in enumerate(rows):
        own = fixed.get(row.group, set())
        name = _key(row.name.text)
        if (own and name not in own) or (name in anywhere and name not in own):
            out.append(i)
    return out


def assign_groups(rows: list[WrappedRow], points: dict[str, Decimal], names: list[str]) -> bool:
    """Each row's group, the groups (``names``) filled in order by their points; whether exactly."""
    if not names:
        return not rows
    group, filled, settled = 0, Decimal(0), True
    for row in rows:
        row.group = names[group]
        filled += Decimal(row.numbers[0].text) if row.numbers else Decimal(0)
        if filled != points[names[group]]:
            settled = settled and filled < points[names[group]]
        if filled >= points[names[group]] and group < len(names) - 1:
            group, filled = group + 1, Decimal(0)
    return settled and group == len(names) - 1 and filled == points[names[-1]]


def rebuild(doc: Document, forms: list[FlatForm], doubts: list) -> Restored:
    """Rows of cells for every form, in a table copy's order."""
    out: list[list[Piece]] = []
    for form in forms:
        if form.title is not None:
            out.append([form.title])
        out.extend([entry.label, entry.value or Piece("")] for entry in form.entries)
        out.extend([o] for o in form.orphans)  # values no label took: reported as unplaced
        if form.header:
            out.extend(_table(form))
    return rows_document(doc, out, doubts)


def _table(form: FlatForm) -> list[list[Piece]]:
    """The header, the rows (each group's name on its first row) and the total."""
    fields = [vocabulary().field("indicators.columns", p.text) for p in form.header]
    numbered = [i for i, f in enumerate(fields) if f in NUMBER_FIELDS]
    out, seen = [form.header], set()
    for row in form.rows:
        group = None
        if row.group and row.group not in seen:
            seen.add(row.group)
            group = form.group_pieces.get(row.group, Piece(row.group))
        printed = {
            "level1": group,
            "name": row.name,
            "explanation": row.explanation,
            "note": row.note,
        }
        out.append(_cells([printed.get(f) for f in fields], numbered, row.numbers))
    out.extend([piece] for name, piece in form.group_pieces.items() if name not in seen)
    if form.total is not None:
        label, numbers = form.total
        out.append(_cells([label] + [None] * (len(fields) - 1), numbered, numbers))
    return out


def _cells(printed: list[Piece | None], numbered: list[int], numbers: list[Piece]) -> list[Piece]:
    """A row's cells: the printed ones, its numbers in the number columns, the rest empty."""
    cells = [p or Piece("") for p in printed]
    for at, number in zip(numbered, numbers, strict=False):
        cells[at] = number
    return cells
