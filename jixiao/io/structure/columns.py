"""The indicator table's header: which column holds which field, read through the vocabulary.

A header is one row, or two where a heading spans sub-headings (``采集数据项`` over ``数据项1``
and ``数据项2``). A blank heading continues the heading to its left (a merged, colspan cell):
its cells are parts of the same value (``≧ | 120 | 人次``). A weight column right after the
level-1 column is the group's weight, after the level-2 column a level-2 weight (no canonical
field: reported). Headings naming a long-term period (长期 / 中期) mark columns read apart.
"""

from dataclasses import dataclass, field, replace

from jixiao.io.document import Block
from jixiao.io.structure.header_row import is_header_row
from jixiao.io.vocabulary import Vocabulary

SECTION = "indicators.columns"
NAMES = frozenset({"level1", "level2", "name"})
VALUES = frozenset({"target", "actual", "weight", "score"})
# Columns whose field the canonical form has no place for: their values are reported.
REPORTED = frozenset(
    {"direction", "standard", "collected", "initial_target", "level2_weight", "project_weight"}
)
BLOCK = "block"  # a label cell merged down the table's side (绩效指标): not a column


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the indicator table."""

    index: int
    field: str | None  # a field of indicators.columns, BLOCK, or None (an unknown heading)
    heading: str  # the printed heading (top and sub-heading joined by ``/``)
    long_term: bool = False
    part: int = 0  # > 0: a later cell of the value the heading to its left names


@dataclass(frozen=True, slots=True)
class Header:
    """The header rows of an indicator table and its columns."""

    blocks: tuple[int, ...]  # indexes of the header blocks (one or two)
    columns: tuple[Column, ...]
    long_term: bool = False  # the whole table is long-term (长期绩效指标): reported, not read
    # field → its columns and its first column, found once: every row asks several times
    _of: dict[str | None, tuple[Column, ...]] = field(init=False, repr=False, compare=False)
    _first: dict[str | None, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        of: dict[str | None, tuple[Column, ...]] = {}
        for column in self.columns:
            of[column.field] = (*of.get(column.field, ()), column)
        first = {}
        for name, columns in of.items():
            found = [c for c in columns if not c.part]
            annual = [c for c in found if not c.long_term]
            if annual or found:
                first[name] = (annual or found)[0]
        object.__setattr__(self, "_of", of)
        object.__setattr__(self, "_first", first)

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
    own = [(i, t) for i, t in block.filled if block.cells[i].copy_of is None]
    if not own:
        return False
    if all(vocab.field(SECTION, t) for _, t in own):
        return True
    texts = top.texts
    repeated = sum(
        1
        for i, t in block.filled
        if block.cells[i].copy_of is not None and i < len(texts) and texts[i] == t
    )
    return repeated > len(own)


def read_header(blocks: list[Block], at: int, vocab: Vocabulary) -> Header:
    """The header starting at ``blocks[at]`` (which ``is_header``), with its sub-header row."""
    top = blocks[at]
    sub = blocks[at + 1] if at + 1 < len(blocks) else None
    if sub is not None and (is_header(sub, vocab) or not _is_subheader(sub, top, vocab)):
        sub = None
    periods = vocab.names["indicators.periods"]
    columns: list[Column] = []
    for i, cell in enumerate(top.cells):
        heading = cell.text.strip()
        below = ""
        if sub is not None and i < len(sub.cells) and sub.cells[i].copy_of is None:
            below = sub.cells[i].text.strip()
        columns.append(_column(i, heading, below, columns, vocab, periods["long_term"]))
    blocks_used = (top.index,) if sub is None else (top.index, sub.index)
    long_term = any(c.field == BLOCK and c.long_term for c in columns)
    return Header(blocks_used, _bind_weights(columns), long_term)


def _column(
    index: int,
    heading: str,
    below: str,
    left: list[Column],
    vocab: Vocabulary,
    long_words: tuple[str, ...],
) -> Column:
    previous = left[-1] if left else None
    if not heading and not below:
        if previous is not None and previous.field not in (None, BLOCK):
            return replace(previous, index=index, part=previous.part + 1)
        return Column(index, None, "")
    if not heading and previous is not None:  # under a heading spanning columns
        heading = previous.heading.split("/")[0]
    field = vocab.field(SECTION, below) if below else None
    field = field or vocab.field(SECTION, heading)
    if field is None and vocab.field("indicators", heading):
        field = BLOCK
    printed = f"{heading}/{below}" if below and below != heading else heading
    long_term = any(w in printed for w in long_words)
    return Column(index, field, printed, long_term)


def _bind_weights(columns: list[Column]) -> tuple[Column, ...]:
    """A weight right after the level-1 (level-2) column belongs to that level."""
    out: list[Column] = []
    for column in columns:
        out.append(_bound(column, out))
    return tuple(out)


_LEVEL_WEIGHTS = {"level1": "group_weight", "level2": "level2_weight", "project": "project_weight"}


def _bound(column: Column, left: list[Column]) -> Column:
    owner = next((c.field for c in reversed(left) if c.field and not c.part), None)
    if column.field == "weight" and not column.part and owner in _LEVEL_WEIGHTS:
        return replace(column, field=_LEVEL_WEIGHTS[owner])
    if column.part and left and left[-1].field != column.field:
        return replace(column, field=left[-1].field)  # a part follows its renamed heading
    return column


def printed_columns(block: Block, vocab: Vocabulary) -> Header | None:
    """The layout's own column order for a table printed without its header row.

    Used when a row is the layout's ``header_row`` (headings spanning columns), or starts with
    a level-1 name and has as many cells as the layout's columns (``column_order``, the table
    printed without its header) or is that name alone (its merged cell on a line of its own, as
    a PDF's text prints it); None otherwise.
    """
    headings = vocab.words("indicators", "column_order")
    filled = block.filled
    if not headings or not filled:
        return None
    alone = len(block.cells) == 1  # a merged level-1 cell on its own line
    own_header = is_header_row(block, vocab)
    if not own_header and (not (alone or len(block.cells) == len(headings)) or filled[0][0] != 0):
        return None
    columns = [
        Column(i, vocab.field(SECTION, h) or (BLOCK if vocab.field("indicators", h) else None), h)
        for i, h in enumerate(headings)
    ]
    if own_header:
        return Header((block.index,), _bind_weights(columns))  # the layout's own header row
    first = "".join(filled[0][1].split())
    if first not in vocab.words("indicators.levels", "level1"):
        return None
    return Header((), _bind_weights(columns))
