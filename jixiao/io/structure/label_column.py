"""PDF text that printed a form's label column apart from its values (seed 004), put back.

Labels wait in a queue; each value fills the first waiting label of its shape, else the label
the layout prints before the next one (``[project] label_order``). In the name | target table
(``table``) a row's group is the one whose words its name holds, else the label printed last.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from itertools import chain, pairwise

from jixiao.core.values import BAD_EVENT_WORDS
from jixiao.io.cellsplit.wraps import SENTENCE_END
from jixiao.io.document import Block, Document
from jixiao.io.structure.flattened_head import (
    BOXED,
    BOXES,
    ENUMERATED,
    Doubt,
    Entry,
    HeadField,
    Piece,
    Restored,
    cell_of,
    doubt,
    ends_cell,
    head_field,
    join_lines,
    leading_words,
    line_entries,
    printed_layout,
    printed_width,
    rows_document,
    title_lines,
)
from jixiao.io.structure.stacked import join_stacked
from jixiao.io.text import PAGE_FOOTER
from jixiao.io.vocabulary import BOX_FIELDS, Vocabulary, labels, layouts, normalise, vocabulary

MIN_COLUMN = 2
# Check boxes are printed by the template like labels: placed when their choice is read.
BOX_LABELS = frozenset(BOXES) | frozenset(
    word
    for layout in layouts()
    for key in BOX_FIELDS
    for word in vocabulary(layout.id).words("project.boxes", key)
)
YEAR = re.compile(r"^[(（]\s*\d{4}\s*年度?\s*[)）]$")  # the title's (2019年 )
_VALUE_START = re.compile(r"^(?:[≥≤><=＞＜＝]|不低于|不少于|不高于|不超过|\d)")
_INNER = re.compile(r"[，、；：,;]")
_OPEN, _CLOSE = re.compile("[（(]"), re.compile("[）)]")
_BAD_RATE = re.compile(f"(?:{'|'.join(BAD_EVENT_WORDS)})率")
WRAPPED_WIDTH = 12  # a target line shorter than this ends its cell
SHORTER = 0.7  # a line this much shorter than the long line below it is a name
BUDGET = HeadField("funds.columns", "budget")  # a 子项目's amount


def restore_column(doc: Document, blocks: list[Block]) -> Restored | None:
    """The rebuilt rows of text printed with a label column, or None when ``doc`` is not."""
    national = vocabulary()
    if not any(_header(national, b.text) for b in blocks):
        return None  # most text ends here: no name | target table
    titled = title_lines(blocks)
    if not titled:
        return None  # a label column is printed before a title
    texts, raw = head_lines(national, blocks)
    titles = [n for n, t in enumerate(texts) if t.lines[0] in titled]
    starts = [_column_start(national, texts, n) for n in titles]
    if not titles or None in starts:
        return None
    title = doc.blocks[texts[titles[0]].lines[0] - doc.blocks[0].index]
    bounds = [0, *starts[1:], len(texts)]
    # the forms of one copy share their layout: the first one's lines match it
    layout = printed_layout(title, [t.text for t in texts[: bounds[1]]])
    vocab = vocabulary(layout.id if layout else "national")
    flowing = blocks[-1].index - blocks[0].index < len(blocks)  # no blank line between
    rows: list[list[Piece]] = []
    doubts = []
    for n, (start, stop) in enumerate(pairwise(bounds)):
        form_rows, form_doubts = _form(flowing, vocab, texts[start:stop], raw, titled)
        rows.extend(form_rows)
        doubts.extend((n, d) for d in form_doubts)
    return rows_document(doc, rows, doubts)


def _reflow(vocab: Vocabulary, texts: list[Piece]) -> list[Piece]:
    """Paragraphs of a head without blank lines: a label or a cell's end closes one (1、 2、 go on)."""
    out: list[Piece] = []
    para, width = 0, 0
    for n, text in enumerate(texts):
        out.append(replace(text, para=para))
        following = texts[n + 1].text if n + 1 < len(texts) else ""
        width = max(width, printed_width(text.text))
        labelled = _label(vocab, text.text.split()[0])
        items = ENUMERATED.match(text.text) and ENUMERATED.match(following)
        if (labelled or ends_cell(text.text, width)) and not items:
            para, width = para + 1, 0
    return out


def head_lines(vocab: Vocabulary, blocks: list[Block]) -> tuple[list[Piece], list[Piece]]:
    """Lines with paragraphs, a stacked label as one; and the lines as printed (no page footers)."""
    joined, pieces = join_stacked(blocks, vocab, partial(_is_label, vocab.layout.id))
    printed: dict[int, Piece] = {}  # a line's piece, by its index
    para, previous = 0, -2
    for block in blocks:
        if PAGE_FOOTER.match(block.text):  # a page footer interrupts a paragraph, not ends it
            continue
        para += block.index > previous + 1
        previous = block.index
        printed[previous] = Piece(block.text, [previous], para)
    texts = []
    for block in joined:  # a stacked label's paragraph is its last piece's
        if block.index not in pieces:
            texts.extend([printed[block.index]] if block.index in printed else [])
        elif (last := pieces[block.index][-1].index) in printed:
            run = [b.index for b in pieces[block.index]]
            texts.append(Piece(block.text, run, printed[last].para))
    return texts, list(printed.values())


@lru_cache(maxsize=4096)
def _is_label(layout_id: str, text: str) -> bool:
    return vocabulary(layout_id).is_label(text) or "".join(text.split()) in labels()


def _label(vocab: Vocabulary, text: str) -> bool:
    """A label of this vocabulary or of any layout's."""
    return _is_label(vocab.layout.id, text)


def _column_start(vocab: Vocabulary, texts: list[Piece], title: int) -> int | None:
    """The first of the lone labels printed right before a title, or None (fewer than two)."""
    start = title
    while start > 0 and _label(vocab, texts[start - 1].text):
        start -= 1
    count = sum(1 for t in texts[start:title] if head_field(vocab, t.text))
    return start if count >= MIN_COLUMN else None


def _header(vocab: Vocabulary, text: str) -> bool:
    """An indicator header of a name and a target column (``绩效指标 指标目标值``)."""
    words = text.split()
    return (
        len(words) == 2
        and vocab.field("indicators.columns", words[1]) == "target"
        and bool(vocab.field("indicators", words[0]) or vocab.field("indicators.columns", words[0]))
    )


@dataclass
class _Head:
    """What one form's head lines were sorted into."""

    vocab: Vocabulary
    queue: list[Entry] = field(default_factory=list)  # labels of a column, waiting
    entries: list[list[Entry]] = field(default_factory=list)  # a row each
    pending: Entry | None = None  # a label printed alone, waiting for the next paragraph
    prose: Entry | None = None  # the label whose text the paragraph goes on with
    rows: list[list[Piece]] = field(default_factory=list)  # title and year
    early: list[tuple[Piece, int]] = field(default_factory=list)  # values before their label
    spare: list[list[Piece]] = field(default_factory=list)  # labels printed twice (分解目标内容)
    components: list[tuple[Piece, Piece]] = field(default_factory=list)
    wrapped: Piece | None = None  # the first line of a 子项目 name wrapped over two
    block: Piece | None = None  # 项目当年投入资金构成
    header: list[Piece] | None = None  # 子项目名称 | 预算金额

    def printed_again(self, found: HeadField) -> None:
        """A label of the column printed again with its value: the column's is spare."""
        queued = next((e for e in self.queue if e.field == found), None)
        if queued is not None:
            self.queue.remove(queued)
            self.spare.append([queued.label])
            self.entries = [[e for e in row if e is not queued] for row in self.entries]

    def labelled(self, text: Piece, row: list[Entry]) -> None:
        """A line of labels and values; values before the first label go to waiting labels."""
        for entry in row:
            self.printed_again(entry.field)
        lead = leading_words(self.vocab, text.text)
        if lead:
            self.give(Piece(" ".join(lead), text.lines, text.para))
        self.entries.append(row)
        self.pending = None if row[-1].values else row[-1]
        self.prose = row[-1] if row[-1].values and row[-1].prose(self.vocab) else None

    def column(self, texts: list[Piece]) -> None:
        """A column of labels: they wait for their values, the early ones first."""
        for text in texts:
            found = head_field(self.vocab, text.text)
            known = any(e.field == found for row in self.entries for e in row)
            if found is not None and not known:
                self.queue.append(Entry(text, found))
                self.entries.append([self.queue[-1]])
            elif self.vocab.field("funds", text.text) == "block":
                self.block = text
            else:
                self.spare.append([text])
        early, self.early = self.early, []
        for text, _ in early:
            self.give(text)

    def give(self, text: Piece) -> None:
        """A value printed without its label, to the label waiting for it (boxes: by name)."""
        waiting = [e for e in [self.pending, *self.queue] if e is not None and not e.values]
        if BOXED.search(text.text):
            waiting = [*waiting, *(e for row in self.entries for e in row)]
        taker = next((e for e in waiting if e.fits(self.vocab, text.text)), None)
        if taker is None:
            self.early.append((text, len(self.entries)))
            return
        taker.values.append(text)
        if taker in self.queue:
            self.queue.remove(taker)
        if taker is self.pending and not self.vocab.words("project.boxes", taker.field.key):
            self.pending = None  # check boxes may go on over lines
        self.prose = taker if taker.prose(self.vocab) else None

    def left_out(self) -> None:
        """Values no label took, to the label of the layout's order left out before the next."""
        order = [normalise(w) for w in self.vocab.words("project", "label_order")]
        printed = {e.field for row in self.entries for e in row}
        for text, at in list(self.early):
            after = next((e for row in self.entries[at:] for e in row), None)
            name = normalise(after.label.text) if after else ""
            k = order.index(name) if name in order else 0
            found = head_field(self.vocab, order[k - 1]) if k else None
            if found is not None and found not in printed and found.fits(text.text):
                self.entries.append([Entry(Piece(order[k - 1]), found, [text])])
                self.early.remove((text, at))
                printed.add(found)

    def cells(self) -> list[list[Piece]]:
        """The head's rows of cells: title, labels and values, 子项目 rows, what is left."""
        rows = list(self.rows)
        rows.extend(
            [p for e in row for p in (e.label, e.value or Piece(""))] for row in self.entries if row
        )
        rows.extend(self.spare)
        if self.header or self.components:
            first = self.block or Piece(self.vocab.words("funds", "block")[0])
            header = self.header or [Piece(self.vocab.words("funds", "component_name")[0])]
            rows.append([first, header[0], Piece(""), header[-1] if len(header) > 1 else Piece("")])
            rows.extend([Piece(first.text), n, Piece(""), a] for n, a in self.components)
        rows.extend([t] for t, _ in self.early)
        rows.extend([[self.wrapped]] if self.wrapped else [])
        return rows


def _form(
    flowing: bool, vocab: Vocabulary, texts: list[Piece], raw: list[Piece], titles: frozenset[int]
) -> tuple[list, list]:
    """One form's rows of cells and doubts; ``flowing`` when the copy has no blank lines."""
    at = next((n for n, t in enumerate(texts) if _header(vocab, t.text)), len(texts))
    if flowing:  # paragraphs from the shapes of the head's lines
        texts = [*_reflow(vocab, texts[:at]), *texts[at:]]
    block = texts[at - 1] if 0 < at < len(texts) else None
    if block is not None and not vocab.field("indicators", block.text):
        block = None  # else 分解目标, the table's first cell
    end = at - (block is not None)
    head = _Head(vocab)
    n = 0
    while n < end:
        run = n
        while run < end and _label(vocab, texts[run].text) and not _inline(vocab, texts, run):
            run += 1
        if run - n >= MIN_COLUMN:
            head.column(texts[n:run])
            n = run
            continue
        if n and texts[n - 1].para != texts[n].para:
            head.prose = head.wrapped = None
        following = texts[n + 1] if n + 1 < end and texts[n + 1].para == texts[n].para else None
        _line(head, texts[n], titles, following)
        n += 1
    head.left_out()
    rows = head.cells()
    if at >= len(texts):
        return rows, []
    name, target = (Piece(w, texts[at].lines) for w in texts[at].text.split())
    rows.append([block or Piece(""), name, Piece(""), target])
    start, stop = (bisect_right(raw, t.lines[-1], key=_first_line) for t in (texts[at], texts[-1]))
    indicators, doubts = table(vocab, raw[start:stop])
    return rows + indicators, doubts


def _first_line(piece: Piece) -> int:
    return piece.lines[0]


def _inline(vocab: Vocabulary, texts: list[Piece], n: int) -> bool:
    """A label whose value follows in its paragraph (项目类型 over its boxes)."""
    return (
        n + 1 < len(texts)
        and texts[n + 1].para == texts[n].para
        and not _label(vocab, texts[n + 1].text)
    )


def _line(head: _Head, text: Piece, titles: frozenset[int], following: Piece | None) -> None:
    """A line of the head: a title, a label, a value, check boxes, a 子项目 row."""
    vocab = head.vocab
    words = text.text.split()
    found = head_field(vocab, text.text)
    if text.lines[0] in titles or YEAR.match(text.text):
        head.rows.append([text])
    elif vocab.field("funds", text.text) == "block":
        head.block = text
    elif vocab.field("funds", words[0]) == "component_name":
        head.header = [Piece(w, text.lines) for w in words]
    elif found is not None:
        head.printed_again(found)
        head.pending, head.prose = Entry(text, found), None
        head.entries.append([head.pending])
    elif head.prose is not None:
        head.prose.values.append(text)
    elif _component(vocab, words):
        name = Piece(" ".join(words[:-1]), text.lines)
        if head.wrapped is not None:
            name = Piece(head.wrapped.text + name.text, head.wrapped.lines + text.lines)
        head.components.append((name, Piece(words[-1], text.lines)))
        head.wrapped = None
    elif (
        head.components
        and len(words) == 1
        and following
        and _component(vocab, following.text.split())
    ):
        head.wrapped = text  # a 子项目 name wrapped over two lines
    elif row := line_entries(vocab, text):
        head.labelled(text, row)
    else:
        head.give(text)


def _component(vocab: Vocabulary, words: list[str]) -> bool:
    """A 子项目 row: a name and an amount."""
    if len(words) < 2 or head_field(vocab, words[0]):
        return False
    return BUDGET.fits(words[-1]) and words[-1] != "-"


class Label(Piece):
    """A level-1 label printed among the rows (a cell merged over them)."""


@dataclass
class Row:
    """One indicator as printed: its name (with any definition), target and group."""

    name: list[Piece]
    target: list[Piece] = field(default_factory=list)
    open: bool = False  # the definition's closing bracket is still to come
    bracketed: bool = False
    label_since: bool = False  # a level-1 label was printed after the row's last line
    group: str = ""
    label: Piece | None = None  # the printed label, on the group's first row

    @property
    def para(self) -> int:
        """The paragraph of the row's last line."""
        return (self.target or self.name)[-1].para

    @cached_property
    def name_text(self) -> str:
        """The name as printed, definition included, lines joined."""
        return join_lines([line.text for line in self.name])


@lru_cache(maxsize=4096)
def value_like(text: str) -> bool:
    """Whether text starts like a number or a comparison (``100%``, ``≥85%``)."""
    return bool(_VALUE_START.match(text.strip()))


def name_like(vocab: Vocabulary, text: str) -> bool:
    """Whether text ends like an indicator name (``…性``, ``…率``, ``…情况``)."""
    endings = vocab.words("indicators", "name_endings")
    return not value_like(text) and normalise(text).endswith(endings)


@lru_cache(maxsize=4096)  # a line is asked as a row, a target and the line below
def _bracket(text: str) -> tuple[str, str] | None:
    """``name（definition…`` → (name, rest), unless the bracket closes inside the name."""
    for opening in _OPEN.finditer(text, 1):
        rest = text[opening.end() :]
        close = _CLOSE.search(rest)
        if close is None or not rest[close.end() :].strip():
            return text[: opening.start()].strip(), rest
    return None


@lru_cache(maxsize=4096)
def _definition_row(text: str) -> bool:
    split = _bracket(text)
    return split is not None and bool(split[0]) and not value_like(split[0])


@lru_cache(maxsize=4096)
def _starts_row(text: str) -> bool:
    name, space, _ = " ".join(text.split()).partition(" ")
    return bool(space and not value_like(name)) or _definition_row(text)


def table(vocab: Vocabulary, lines: list[Piece]) -> tuple[list[list[Piece]], list[Doubt]]:
    """The rows of cells (``| level 1 | name | target``, the first cell empty) of a table's lines."""
    items = _items(vocab, lines)
    rows = [i for i in items if isinstance(i, Row)]
    doubts = _groups(vocab, items, rows)
    doubts += _loose(rows, [i for i in items if isinstance(i, Piece) and not isinstance(i, Label)])
    cells = [(r.label or Piece(r.group), cell_of(r.name), cell_of(r.target)) for r in rows]
    return [[Piece(""), *row] for row in cells], doubts


def _labels(vocab: Vocabulary, lines: list[Piece]) -> list[Piece]:
    """Lines, with level-1 labels (wrapped, or first on a row's line) as ``Label``s."""
    out: list[Piece] = []
    i = 0
    while i < len(lines):
        joined = ""
        for k in range(i, min(i + 2, len(lines))):
            joined += lines[k].text
            if lines[k].para == lines[i].para and vocab.field("indicators.levels", joined):
                out.append(Label(joined, [line.lines[0] for line in lines[i : k + 1]]))
                i = k + 1
                break
        else:
            first, *rest = lines[i].text.split(maxsplit=1)
            if vocab.field("indicators.levels", first) and rest:
                out.append(Label(first, lines[i].lines))
                out.append(Piece(rest[0], lines[i].lines, lines[i].para))
            else:
                out.append(lines[i])
            i += 1
    return out


def _items(vocab: Vocabulary, lines: list[Piece]) -> list[Row | Piece]:
    """Rows, level-1 labels (pieces) and loose values (lines) in printed order."""
    items: list[Row | Piece] = []
    row: Row | None = None
    parts = _labels(vocab, lines)
    for k, part in enumerate(parts):
        if isinstance(part, Label):
            items.append(part)
            if row is not None:
                row.label_since = True
            continue
        following = parts[k + 1] if k + 1 < len(parts) else Label("")  # a label ends the cell
        same = not isinstance(following, Label) and following.para == part.para
        below = following.text if same else None
        placed = _place(vocab, row, part, below)
        if placed is not None:
            items.append(placed)
            row = placed if isinstance(placed, Row) else row
    return items


def _place(
    vocab: Vocabulary, row: Row | None, line: Piece, below: str | None
) -> Row | Piece | None:
    """Where a line goes: a new row, a loose value, or (None) into ``row``."""
    text = " ".join(line.text.split())
    if row is not None and row.open:
        close = _CLOSE.search(text)
        at = close.end() if close else len(text)
        row.name.append(Piece(text[:at], line.lines, line.para))
        row.open = close is None
        if text[at:].strip():
            row.target.append(Piece(text[at:].strip(), line.lines, line.para))
        return None
    name, space, target = text.partition(" ")
    split = _bracket(name)
    if space and not value_like(name) and not (split and not _CLOSE.search(split[1])):
        return Row([Piece(name, line.lines, line.para)], [Piece(target, line.lines, line.para)])
    heads = below is not None and not value_like(text) and not _starts_row(below)
    if row is not None and _belongs(vocab, row, line, below, heads):
        row.target.append(line)
        row.label_since = False
        return None
    if _definition_row(text) or heads or name_like(vocab, text):
        split = _bracket(line.text)
        opened = split is not None and not _CLOSE.search(split[1])
        return Row([line], open=opened, bracketed=split is not None)
    return line


def _belongs(vocab: Vocabulary, row: Row, line: Piece, below: str | None, heads: bool) -> bool:
    """Whether a line is (more of) the target of the row above it (``heads`` one below)."""
    text = line.text
    if _definition_row(text):
        return False
    if line.para == row.para and not row.label_since:  # right below the row: a wrapped target?
        if not row.target:
            return True
        last = row.target[-1].text
        wide_below = (
            below is not None
            and len(below) >= WRAPPED_WIDTH
            and _INNER.search(below)
            and len(text) < len(below) * SHORTER
            and not _starts_row(below)
        )
        ended = last.endswith(tuple(SENTENCE_END)) or value_like(last) or wide_below
        if (
            not ended
            and len(last) >= WRAPPED_WIDTH
            and not (name_like(vocab, text) and len(text) > 3)
        ):
            return True
    if row.bracketed and not row.target:
        return True  # the value cell of a wrapped definition row, in its own paragraph
    if heads or not row.target or row.label_since or line.para != row.para + 1:
        return False
    last = join_lines([t.text for t in row.target])  # a target wrapped across a blank line
    return (
        not last.endswith(tuple(SENTENCE_END))
        and not value_like(last)
        and bool(_INNER.search(text))
        and not name_like(vocab, text)
    )


def _groups(vocab: Vocabulary, items: list[Row | Piece], rows: list[Row]) -> list[Doubt]:
    """Each row's group (see the module's docstring); the places the text does not settle."""
    fixed = vocab.names["indicators.group_words"]
    level1 = {normalise(n): n for n in vocab.words("indicators.levels", "level1")}
    last, waiting, early, near, labels = "", [], set(), set(), []
    previous: Row | None = None
    for k, item in enumerate(items):
        if isinstance(item, Label):
            group = level1.get(normalise(item.text), item.text)
            labels.append((k, Piece(group, item.lines)))
            if group in fixed:  # a fixed group's label only marks the rows next to it
                following = next((r for r in items[k + 1 :] if isinstance(r, Row)), None)
                near.update(id(r) for r in (previous, following) if r is not None)
                continue
            for r in waiting:
                r.group = group
            waiting, last = [], group
        elif isinstance(item, Row):
            item.group = last
            if not last:
                waiting.append(item)
                early.add(id(item))
            previous = item
    own = [_holding(vocab.layout.id, "group_words", r.name_text) for r in rows]  # never its group
    doubts = [d for i in range(len(rows)) if (d := _decide(rows, i, own, vocab, near, early))]
    for k, label in labels:  # each label printed goes to its group's first row after it
        order = chain((r for r in items[k:] if isinstance(r, Row)), rows)
        owner = next((r for r in order if r.group == label.text and r.label is None), None)
        if owner is not None:
            owner.label = label
    return doubts


@lru_cache(maxsize=4096)
def _holding(layout_id: str, words_of: str, name: str) -> str:
    """The group whose words (``[indicators.group_words]``, ``.meaning``) a name holds, or ''."""
    groups = vocabulary(layout_id).names["indicators." + words_of]
    return next((g for g, words in groups.items() if any(w in name for w in words)), "")


def _decide(
    rows: list[Row], i: int, own: list[str], vocab: Vocabulary, near: set, early: set
) -> Doubt | None:
    row = rows[i]
    position = row.group
    before = bool(own[i - 1]) if i > 0 else None
    after = bool(own[i + 1]) if i + 1 < len(rows) else None
    name = row.name_text
    hint = _holding(vocab.layout.id, "meaning", name)
    if own[i]:
        row.group = own[i]
        apart = before is not True and after is not True and id(row) not in early
        return _doubt(i, row, position, "apart") if apart and id(row) not in near else None
    if before and after and not hint:
        row.group = next(iter(vocab.names["indicators.group_words"]))
        return _doubt(i, row, position, "inside")
    if hint and hint != position:
        return _doubt(i, row, hint, "meaning")
    either = vocab.words("indicators", "bad_rate_groups")
    if _BAD_RATE.search(name) and position in either:
        return _doubt(i, row, next(g for g in either if g != position), "rate")
    return None


def _doubt(i: int, row: Row, other: str, why: str) -> Doubt:
    names = list(dict.fromkeys(n for n in (row.group, other) if n))
    return doubt(
        f"indicators[{i}].level1", row.group or None, names, why, group=row.group, other=other
    )


def _overlap(a: str, b: str) -> int:
    """Length of the longest common substring."""
    best = 0
    for i in range(len(a)):
        while i + best < len(a) and a[i : i + best + 1] in b:  # a longer one only
            best += 1
    return best


def _loose(rows: list[Row], loose: list[Piece]) -> list[Doubt]:
    """Loose values into the rows printed without a target; doubts when there is a choice."""
    empty = [i for i, row in enumerate(rows) if not row.target]
    if not empty or not loose:
        return []
    chosen: dict[int, Piece] = {}
    names = {i: rows[i].name_text for i in empty}
    pairs = [(_overlap(names[i], v.text), -i, -k) for i in empty for k, v in enumerate(loose)]
    used: set[int] = set()
    for score, i, k in sorted(pairs, reverse=True):
        if score and -i not in chosen and -k not in used:
            chosen[-i] = loose[-k]
            used.add(-k)
    rest = iter(v for k, v in enumerate(loose) if k not in used)
    for i in empty:
        if i not in chosen and (value := next(rest, None)) is not None:
            chosen[i] = value
    for i, value in chosen.items():
        rows[i].target = [value]
    if len(empty) == len(loose) == 1:
        return []
    return [
        doubt(
            f"indicators[{i}].target",
            chosen[i].text if i in chosen else None,
            [v.text for v in loose],
            "target",
        )
        for i in empty
    ]
