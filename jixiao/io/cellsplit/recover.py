"""The document pass: each one-cell line split into its cells (a line may become several rows)."""

from dataclasses import dataclass, replace
from typing import NamedTuple

from jixiao.core.findings import Finding
from jixiao.io.cellsplit.labels import LabelSet, Matcher, from_vocabulary, matcher
from jixiao.io.cellsplit.shapes import Shape
from jixiao.io.cellsplit.table import FITS, Segment, Table, token_class
from jixiao.io.cellsplit.tokens import line_tokens
from jixiao.io.cellsplit.wraps import Wraps
from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.problems import problem

REASONS = {
    "alignment": (
        "这一行的值可以放入不同的列，文字不能确定",
        "the row's values fit more than one set of columns",
    ),
    "run-together": (
        "单元格之间没有分隔，一个单元格可能包含相邻空列的内容",
        "cells ran together: this cell may hold the text of an empty column beside it",
    ),
}


@dataclass(frozen=True, slots=True)
class UncertainSplit:
    """A place where the text does not settle the split: the cells chosen and the others."""

    source: Source  # the line
    text: str  # the stretch of the line concerned, as printed
    why: str  # a key of ``REASONS``
    chosen: tuple[str, ...]  # the cells returned, column by column ("" for an empty column)
    candidates: tuple[tuple[str, ...], ...] = ()  # every reading considered, the chosen first


class Recovery(NamedTuple):
    """What ``recover_cells`` returns: the new document and the places it was unsure of."""

    document: Document
    uncertain: tuple[UncertainSplit, ...]

    @property
    def wrapped(self) -> dict[int, int]:
        """Each wrapped line joined to its table row → the row's line (``wraps``)."""
        return {
            cell.source.line or 0: cell.copy_of.line or 0
            for block in self.document
            if block.blank
            for cell in block.cells
            if cell.copy_of is not None
        }

    def findings(self, form: int | None = None) -> list[Finding]:
        """The ``uncertain-value`` findings of the uncertain places, for the document."""
        return [
            problem(
                "uncertain-value",
                self.document.name,
                f"{REASONS[place.why][0]}：{place.text}",
                f"{REASONS[place.why][1]}: {place.text}",
                form=form,
                source=place.source.label(),
                found=" | ".join(place.chosen),
                expected=" / ".join(" | ".join(r) for r in place.candidates or (place.chosen,)),
            )
            for place in self.uncertain
        ]


def recover_cells(doc: Document, labels: LabelSet | None = None) -> Recovery:
    """A document's lines split into cells; ``labels`` by default the vocabulary's."""
    found = matcher(from_vocabulary() if labels is None else labels)
    table = Table()
    blocks: list[Block] = []
    uncertain: list[UncertainSplit] = []
    wraps = Wraps(found)
    for block in doc.blocks:
        if len(block.cells) != 1 or block.blank:
            blocks.append(_renumbered(block, len(blocks)))
            wraps.passed(block, blocks)
        elif not wraps.join(block, blocks, table.kinds):
            kinds = table.kinds
            _split_line(block, found, table, blocks, uncertain)
            row = kinds is not None and table.kinds is kinds and len(blocks[-1].cells) > 1
            wraps.passed(block, blocks, row=row)  # a row, not a header
    return Recovery(replace(doc, blocks=tuple(blocks)), tuple(uncertain))


def _renumbered(block: Block, index: int) -> Block:  # itself until a split line moves it
    return block if block.index == index else Block(index, block.cells)


def _split_line(
    block: Block, found: Matcher, table: Table, blocks: list[Block], uncertain: list[UncertainSplit]
) -> None:
    """Append the blocks a one-cell line becomes, and its uncertain places."""
    text, source = block.cells[0].text, block.cells[0].source
    tokens, as_rows = line_tokens(text, found, table.kinds is not None)
    if len(tokens) == 1 and tokens[0].label is None and table.kinds is None:
        blocks.append(_renumbered(block, len(blocks)))
        return
    segments = table.group(text, tokens)  # explicit cells stay as printed but open or close tables
    where = (source.file, source.page, source.line, source.sheet, source.row)
    for segment in segments if as_rows else [Segment(tokens)]:
        cells = segment.cells(text)
        columns = range(1, len(cells) + 1)
        sources = [Source(*where, column) for column in columns] if len(cells) > 1 else [source]
        blocks.append(Block(len(blocks), tuple(map(Cell, cells, sources))))
        uncertain.extend(_uncertain(segment, text, source))


def _uncertain(segment: Segment, text: str, source: Source) -> list[UncertainSplit]:
    """The uncertain place of a row: a cell that may hold two, or several placements."""
    if not segment.placements:
        return []
    stretch = text[segment.tokens[0].start : segment.tokens[-1].end]
    chosen = segment.cells(text)
    readings: tuple[tuple[str, ...], ...] = ()
    kept = [i for i, t in enumerate(segment.tokens) if t.shape is not Shape.MARK]
    if segment.others:  # digits that ran together were split
        readings = (chosen, *(other.cells(text) for other in segment.others))
    elif len({tuple(p[i] for i in kept) for p in segment.placements}) > 1:  # beyond marks' places
        readings = tuple(segment.cells(text, i) for i in range(len(segment.placements)))
    if segment.others or _run_together(segment, text):
        return [UncertainSplit(source, stretch, "run-together", chosen, readings)]
    return [UncertainSplit(source, stretch, "alignment", chosen, readings)] if readings else []


def _run_together(segment: Segment, text: str) -> bool:
    """Whether a glued text or number cell has an empty column beside it it could fill."""
    placed, tokens, kinds = segment.placements[0], segment.tokens, segment.kinds
    for i, token in enumerate(tokens):
        glued = token.glued or (i + 1 < len(tokens) and tokens[i + 1].glued)
        if not glued or token.shape not in (Shape.TEXT, Shape.NUMBER):
            continue
        for column in (placed[i] - 1, placed[i] + 1):
            empty = 0 <= column < len(kinds) and column not in placed
            if empty and FITS[kinds[column]].get(token_class(token, text), 0):
                return True
    return False
