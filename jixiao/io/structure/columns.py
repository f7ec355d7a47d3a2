"""The indicator table's header (one row, or two with sub-headings): each column's field."""

from dataclasses import dataclass, replace
from functools import cache

from jixiao.io.document import Block
from jixiao.io.structure.values import group_label, weight
from jixiao.io.vocabulary import Vocabulary, vocabulary

SECTION = "indicators.columns"
NAMES = frozenset({"level1", "level2", "name"})
VALUES = frozenset({"target", "actual", "weight", "score"})
# Columns whose field the canonical form has no place for: their values are reported.
REPORTED = frozenset(
    {"direction", "standard", "collected", "initial_target", "level2_weight", "project_weight"}
)
BLOCK = "block"  # a label cell merged down the table's side (绩效指标): not a column
_APART = REPORTED | {BLOCK, None}
_LEVEL_WEIGHTS = {"level1": "group_weight", "level2": "level2_weight", "project": "project_weight"}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the indicator table."""

    index: int
    field: str | None  # a field of indicators.columns, BLOCK, or None (an unknown heading)
    heading: str  # the printed heading (top and sub-heading joined by ``/``)
    long_term: bool = False
    part: int = 0  # > 0: a later cell of the value the heading to its left names


class Header:
    """An indicator table's header rows (``blocks``) and columns; ``long_term``: 长期绩效指标."""

    def __init__(
        self, blocks: tuple[int, ...], columns: tuple[Column, ...], long_term: bool = False
    ) -> None:
        self.blocks, self.columns, self.long_term = blocks, columns, long_term
        # asked on every row: field → columns, first (annual, not a part) column, annual columns
        of: dict[str | None, tuple[Column, ...]] = {}
        self._first: dict[str | None, Column] = {}
        for column in columns:
            of[column.field] = (*of.get(column.field, ()), column)
            found = self._first.get(column.field)
            if not column.part and (found is None or (found.long_term and not column.long_term)):
                self._first[column.field] = column
        self._of = of
        self.annual = {name: tuple(c for c in cs if not c.long_term) for name, cs in of.items()}
        self.apart = tuple(c for c in columns if c.field in _APART or c.long_term)

    def of(self, field: str) -> tuple[Column, ...]:
        """Columns of a field, annual before long-term, parts in printed order."""
        return self._of.get(field, ())

    def first(self, field: str) -> Column | None:
        """The (annual) column of a field, if any."""
        return self._first.get(field)


def is_header(block: Block, vocab: Vocabulary) -> bool:
    """Whether a row's own cells (not merged from above) name a level or name and a value."""
    if len(block.filled) < 3:  # three fields need three cells: most lines end here
        return False
    fields = {vocab.field(SECTION, t) for i, t in block.filled if block.cells[i].copy_of is None}
    return bool(fields & NAMES) and bool(fields & VALUES) and len(fields) >= 3


def _is_subheader(block: Block, top: Block, vocab: Vocabulary) -> bool:
    """A second header row: headings, or mostly the first row's merged headings repeated."""
    own = [t for i, t in block.filled if block.cells[i].copy_of is None]
    copies = [(i, t) for i, t in block.filled if block.cells[i].copy_of is not None]
    repeated = sum(1 for i, t in copies if i < len(top.texts) and top.texts[i] == t)
    return bool(own) and (all(vocab.field(SECTION, t) for t in own) or repeated > len(own))


def read_header(blocks: list[Block], at: int, vocab: Vocabulary) -> Header:
    """The header starting at ``blocks[at]`` (which ``is_header``), with its sub-header row."""
    top = blocks[at]
    sub = blocks[at + 1] if at + 1 < len(blocks) else None
    if sub is not None and (is_header(sub, vocab) or not _is_subheader(sub, top, vocab)):
        sub = None
    long_words = vocab.names["indicators.periods"]["long_term"]
    columns: list[Column] = []
    for i, cell in enumerate(top.cells):
        heading, below = cell.text.strip(), ""
        if sub is not None and i < len(sub.cells) and sub.cells[i].copy_of is None:
            below = sub.cells[i].text.strip()
        previous = columns[-1] if columns else None
        if not heading and not below:
            if previous is not None and previous.field not in (None, BLOCK):
                columns.append(replace(previous, index=i, part=previous.part + 1))
            else:
                columns.append(Column(i, None, ""))
            continue
        if not heading and previous is not None:  # under a heading spanning columns
            heading = previous.heading.split("/")[0]
        field = (vocab.field(SECTION, below) if below else None) or _field(heading, vocab)
        printed = f"{heading}/{below}" if below and below != heading else heading
        columns.append(Column(i, field, printed, any(w in printed for w in long_words)))
    blocks_used = (top.index,) if sub is None else (top.index, sub.index)
    long_term = any(c.field == BLOCK and c.long_term for c in columns)
    return Header(blocks_used, _bind_weights(columns), long_term)


def _field(heading: str, vocab: Vocabulary) -> str | None:
    """A heading's field; BLOCK for a side label of the table (绩效指标)."""
    found = vocab.field(SECTION, heading)
    return found or (BLOCK if vocab.field("indicators", heading) else None)


def _bind_weights(columns: list[Column]) -> tuple[Column, ...]:
    """A weight right after the level-1 (level-2, project) column is that level's weight."""
    out: list[Column] = []
    for printed in columns:
        owner = next((c.field for c in reversed(out) if c.field and not c.part), None)
        column = printed
        if printed.field == "weight" and not printed.part and owner in _LEVEL_WEIGHTS:
            column = replace(printed, field=_LEVEL_WEIGHTS[owner])
        elif printed.part and out and out[-1].field != printed.field:
            column = replace(printed, field=out[-1].field)  # a part follows its renamed heading
        out.append(column)
    return tuple(out)


def is_header_row(block: Block, vocab: Vocabulary) -> bool:
    """Whether a row is the layout's ``header_row`` (blank cells after it, or for a side label)."""
    headings = vocab.words("indicators", "header_row")
    texts = block.texts[: block.filled[-1][0] + 1] if block.filled else []  # blank cells after
    if not headings or len(texts) != len(headings):
        return False
    return all(
        "".join(text.split()) == heading
        or (not text and bool(heading) and vocab.field("indicators", heading) is not None)
        for text, heading in zip(texts, headings, strict=True)
    )


@cache
def _layout_columns(layout_id: str) -> tuple[Column, ...]:
    """The layout's own column order (``column_order``), bound once per layout."""
    vocab = vocabulary(layout_id)
    headings = vocab.words("indicators", "column_order")
    return _bind_weights([Column(i, _field(h, vocab), h) for i, h in enumerate(headings)])


def printed_columns(block: Block, vocab: Vocabulary) -> Header | None:
    """The layout's columns for its ``header_row``, or a row (a level-1 name first) without one."""
    filled = block.filled
    if not filled or not vocab.words("indicators", "column_order"):
        return None
    columns = _layout_columns(vocab.layout.id)
    if is_header_row(block, vocab):
        return Header((block.index,), columns)
    if filled[0][0] != 0 or len(block.cells) not in (1, len(columns)):
        return None
    level1 = word_set(vocab, "indicators.levels", "level1")
    return Header((), columns) if "".join(filled[0][1].split()) in level1 else None


def positions(block: Block, header: Header, vocab: Vocabulary) -> dict[int, int] | None:
    """Column → cell of a row off its columns (anchored on weight and score, else on its name)."""
    if any(c.copy_of is not None for c in block.cells):
        return None
    texts = block.texts
    shift = _anchor(texts, header, vocab)
    if shift == 0:
        return None
    placed = {
        i + shift: i for i, t in enumerate(texts) if t and 0 <= i + shift < len(header.columns)
    }
    name = header.first("name")
    if name is None:
        return placed
    levels = {c.index: c.field for c in (header.first("level1"), header.first("level2")) if c}
    for column, cell in [(c, placed.pop(c)) for c in sorted(placed) if c < name.index]:
        # its own level column if its name fits, else the first free one it fits, else the name's
        fits = _levels_of(texts[cell], vocab)
        free = [i for i, level in levels.items() if level in fits and i not in placed]
        if levels.get(column) in fits:
            placed[column] = cell
        elif free:
            placed[free[0]] = cell
        else:
            placed[column if name.index in placed else name.index] = cell
    return placed


def _anchor(texts: tuple[str, ...], header: Header, vocab: Vocabulary) -> int:
    """How far the row stands from its columns (cells to add on the left; may be negative)."""
    points, score = header.first("weight"), header.first("score")
    if points is not None and score is not None and score.index == points.index + 1:
        after = False  # the last two neighbouring numbers: whether the cell after ``i`` is one
        for i in range(len(texts) - 1, -1, -1):
            number = weight(texts[i]) is not None
            if number and after:
                return points.index - i
            after = number
    name = header.first("name")
    first = next((i for i, t in enumerate(texts) if t and not _levels_of(t, vocab)), None)
    return 0 if name is None or first is None else name.index - first


def _levels_of(text: str, vocab: Vocabulary) -> tuple[str, ...]:
    """The levels whose names a text prints (its points aside)."""
    name = "".join(group_label(text).name.split())
    levels = ("level1", "level2")
    return tuple(level for level in levels if name in word_set(vocab, "indicators.levels", level))


def word_set(vocab: Vocabulary, section: str, field: str) -> frozenset[str]:
    """``vocab.words`` as a set, built once per layout (asked on every row)."""
    return _word_set(vocab.layout.id, section, field)


@cache
def _word_set(layout_id: str, section: str, field: str) -> frozenset[str]:
    return frozenset(vocabulary(layout_id).words(section, field))
