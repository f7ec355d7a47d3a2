"""Recover the cells of text lines that lost their boundaries.

``recover_cells`` reads a ``Document`` line by line. A block that already has several cells (a
tab-separated line, a spreadsheet row) is kept as it is. A one-cell line is split:

1. at explicit separators (``|``, runs of spaces, ideographic spaces): those are the cells;
2. else, when single spaces separate its words, at the spaces the shapes do not join;
3. else, when its text runs together and holds at least three labels, stands in a table or
   starts with a field label and its value, at labels and values.

Lines of 2 and 3 after an indicator or funds header are rows: their cells are placed in the
header's columns (an empty cell where a column was not printed), and a line holding a whole
table becomes one block per row. Nothing but separators is dropped: the cells of a block,
joined, give the line without its separators, and each cell keeps the line's source.
"""

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from jixiao.core.findings import Finding
from jixiao.io.cellsplit.columns import FITS, token_class
from jixiao.io.cellsplit.labels import FIELD, Hit, LabelSet, Matcher, from_vocabulary, matcher
from jixiao.io.cellsplit.rows import Segment, TableState, group
from jixiao.io.cellsplit.separators import has_separators, pieces
from jixiao.io.cellsplit.shapes import Shape, classify
from jixiao.io.cellsplit.spaced import RUN_TOGETHER_LABELS, spaced_tokens
from jixiao.io.cellsplit.tokens import Token, cut
from jixiao.io.cellsplit.uncertain import UncertainSplit
from jixiao.io.cellsplit.wraps import Wraps, wrapped_lines
from jixiao.io.document import Block, Cell, Document, Source

_TEXT = re.compile(r"\S(?:.*\S)?")  # a line's text, without the whitespace around it
_SPACE = re.compile(r"\s")
_SENTENCE = re.compile(r"[，。；,;]")


class Recovery(NamedTuple):
    """What ``recover_cells`` returns: the new document and the places it was unsure of."""

    document: Document
    uncertain: tuple[UncertainSplit, ...]

    @property
    def wrapped(self) -> dict[int, int]:
        """Each wrapped line joined to its table row → the row's line (``wraps``)."""
        return wrapped_lines(self.document)

    def findings(self, form: int | None = None) -> list[Finding]:
        """The ``uncertain-value`` findings of the uncertain places, for the document."""
        return [place.to_finding(self.document.name, form) for place in self.uncertain]


def _whole(
    text: str, start: int, stop: int, found: Matcher, hits: list[Hit] | None = None
) -> Token:
    """One cell's token: a label when the whole stretch is one, else by its shape."""
    if hits is None:
        hits = found.find(text, start, stop) if start < stop else []
    if len(hits) == 1 and hits[0].start == start and hits[0].end == stop:
        return Token(start, stop, Shape.LABEL, hits[0].info)
    return Token(start, stop, classify(text[start:stop]))


def _explicit(text: str, found: Matcher) -> list[Token]:
    """Tokens of a line with explicit separators: its cells, a cell spaced inside cut too."""
    tokens: list[Token] = []
    for start, stop in pieces(text):
        if " " in text[start:stop]:
            tokens.extend(spaced_tokens(text, start, stop, found))
        else:
            tokens.append(_whole(text, start, stop, found))
    return tokens


def line_tokens(text: str, found: Matcher, in_table: bool = False) -> tuple[list[Token], bool]:
    """A line's tokens, and whether they may be read as table rows (not explicit cells).

    A line with no separator at all is cut when it holds a run-together table (three labels
    or more), when it stands in a table (a row whose cells ran together), or when it starts
    with a field label followed by no sentence (a label and its value).
    """
    if has_separators(text):
        return _explicit(text, found), False
    start, stop = _TEXT.search(text).span()
    if _SPACE.search(text, start, stop):
        return spaced_tokens(text, start, stop, found), True
    hits = found.find(text, start, stop)
    label_then_value = _label_then_value(text, hits, start)
    if in_table or len(hits) >= RUN_TOGETHER_LABELS or label_then_value:
        tokens = cut(text, start, stop, found, table=in_table, hits=hits)  # the same stretch
        labels = sum(t.shape is Shape.LABEL for t in tokens)
        if in_table or labels >= RUN_TOGETHER_LABELS or label_then_value:
            return tokens, True
    return [_whole(text, start, stop, found, hits)], True


def _label_then_value(text: str, hits: list[Hit], start: int) -> bool:
    """Whether a line starts with a field label and goes on with no sentence: its value.

    ``项目名称合作交流工作业务费`` is a label and its value; ``项目单位有人员分工机制，…`` is a
    sentence that starts with a label's words.
    """
    if not hits or hits[0].start != start or hits[0].weak or FIELD not in hits[0].info.roles:
        return False
    return _SENTENCE.search(text, hits[0].end) is None


def _block(index: int, cells: tuple[str, ...], source: Source) -> Block:
    if len(cells) == 1:
        return Block(index, (Cell(cells[0], source),))
    file, page, line, sheet, row = source.file, source.page, source.line, source.sheet, source.row
    return Block(
        index,
        tuple(
            Cell(text, Source(file, page, line, sheet, row, column))
            for column, text in enumerate(cells, start=1)
        ),
    )


def _renumbered(block: Block, index: int) -> Block:
    """The block as block ``index``: itself until a line split before it moves it (frozen)."""
    return block if block.index == index else Block(index, block.cells)


def _line_blocks(
    block: Block, found: Matcher, state: TableState, start_index: int
) -> tuple[list[Block], list[UncertainSplit]]:
    """The blocks a one-cell line becomes, and its uncertain places."""
    text = block.cells[0].text
    source = block.cells[0].source
    tokens, as_rows = line_tokens(text, found, state.kinds is not None)
    if len(tokens) == 1 and tokens[0].label is None and (state.kinds is None or not as_rows):
        if state.kinds is not None:
            group(text, tokens, state)  # a line that stays one cell outside a table: kept as is
        return [_renumbered(block, start_index)], []
    if not as_rows:
        segments = [Segment(tokens)]
        group(text, tokens, state)  # explicit cells stay as printed but open or close tables
    else:
        segments = group(text, tokens, state)
    blocks, uncertain = [], []
    for segment in segments:
        cells = segment.cells(text)
        blocks.append(_block(start_index + len(blocks), cells, source))
        uncertain.extend(_uncertain(segment, text, source))
    return blocks, uncertain


def recover_cells(doc: Document, labels: LabelSet | Iterable[str] | None = None) -> Recovery:
    """Split the lines of a text document into cells by separators, labels and value shapes.

    Args:
        doc: a document read from text (``jixiao.io.readers.txt``), or any document: blocks
            with several cells are kept as they are.
        labels: the printed labels and what each is; plain strings are field labels (no
            column order is then known); by default every label of ``jixiao.io.vocabulary``.

    Returns:
        The document with one block per recovered row (block indexes renumbered, sources
        kept), and the places where the split is a choice the text does not settle.
    """
    if labels is None:
        labels = from_vocabulary()
    elif not isinstance(labels, LabelSet):
        labels = LabelSet.build(fields=labels)
    found = matcher(labels)
    state = TableState()
    blocks: list[Block] = []
    uncertain: list[UncertainSplit] = []
    wraps = Wraps(found)
    for block in doc.blocks:
        if len(block.cells) != 1 or block.blank:
            blocks.append(_renumbered(block, len(blocks)))
            wraps.passed(block, blocks)
            continue
        if wraps.join(block, blocks, state.kinds):
            continue
        kinds = state.kinds
        new, places = _line_blocks(block, found, state, len(blocks))
        blocks.extend(new)
        uncertain.extend(places)
        row = kinds is not None and state.kinds is kinds and len(new[-1].cells) > 1  # no header
        wraps.passed(block, blocks, row=row)
    return Recovery(replace(doc, blocks=tuple(blocks)), tuple(uncertain))


def _uncertain(segment: Segment, text: str, source: Source) -> list[UncertainSplit]:
    """The uncertain place of a row: cells that may hold two, or several placements."""
    if not segment.placements:
        return []
    stretch = text[segment.tokens[0].start : segment.tokens[-1].end]
    chosen = segment.cells(text)
    readings: tuple[tuple[str, ...], ...] = ()
    if segment.others:  # digits that ran together were split
        readings = (chosen, *(other.cells(text) for other in segment.others))
    elif _readings_differ(segment):
        readings = tuple(segment.cells(text, i) for i in range(len(segment.placements)))
    if segment.others or _run_together(segment, text):
        return [UncertainSplit(source, stretch, "run-together", chosen, readings)]
    if readings:
        return [UncertainSplit(source, stretch, "alignment", chosen, readings)]
    return []


def _readings_differ(segment: Segment) -> bool:
    """Whether the best placements differ in more than where printed blanks (`-`) go."""
    kept = [i for i, t in enumerate(segment.tokens) if t.shape is not Shape.MARK]
    readings = {tuple(p[i] for i in kept) for p in segment.placements}
    return len(readings) > 1


def _run_together(segment: Segment, text: str) -> bool:
    """Whether a glued text or number cell has an empty column beside it it could fill."""
    placed = segment.placements[0]
    taken = set(placed)
    tokens = segment.tokens
    for i, token in enumerate(tokens):
        glued = token.glued or (i + 1 < len(tokens) and tokens[i + 1].glued)
        if not glued or token.shape not in (Shape.TEXT, Shape.NUMBER):
            continue
        cls = token_class(token, text)
        for column in (placed[i] - 1, placed[i] + 1):
            if 0 <= column < len(segment.kinds) and column not in taken:
                if FITS[segment.kinds[column]].get(cls, 0):
                    return True
    return False
