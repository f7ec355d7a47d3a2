"""A cell's text on later lines (PDF copies), joined back to the line it goes on with.

A line wraps (else a false indicator) after a table row (a page number between allowed) when it
is one word of text and no label; it stays as a blank cell whose ``copy_of`` is the row's source.
A label's bracket closed on a later line (``产出指标（50分`` … ``）``) is moved back first.
"""

import re
from dataclasses import dataclass, replace

from jixiao.io.cellsplit.labels import Matcher
from jixiao.io.cellsplit.shapes import Shape, classify
from jixiao.io.cellsplit.table import TEXT_KIND
from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.text import is_page_footer

_WORD = re.compile(r"\w")
NONE, BLANK, PAGE = "none", "blank", "page"  # what stands between two lines
_OPENS_NEXT = frozenset({"level1", "level2", "name"})  # a row stopping here lacks its value
SENTENCE_END = "。！？；.!?;"
_FIGURES = frozenset({"number", "amount", "rate"})  # columns of figures: no text wraps in them
# A word whose bracket stays open: points (产出指标（50分) or a unit to come (项目资金（).
_UNCLOSED = re.compile(r"^\S*[（(](?:\d+(?:\.\d+)?分?)?$")
_CLOSING = re.compile(r"^(?:分|万元|元)?[)）]$")
REACH = 3  # lines: how far below the closing piece may stand


@dataclass
class Wraps:
    """Follows the lines of a document and joins each wrapped line to its row."""

    found: Matcher
    _row: Source | None = None  # the row a wrapped line would go on with
    _at: int = -1  # the row's (last) block among the recovered blocks
    _gap: str = BLANK  # what stands between the last line and the next

    def passed(self, block: Block, blocks: list[Block], row: bool = False) -> None:
        """Note a line recovered as it is: ``row`` when it became a row of a table."""
        if block.blank:
            self._gap = PAGE if self._gap == PAGE else BLANK
        elif self._row is not None and len(block.cells) == 1 and is_page_footer(block.text):
            self._gap = PAGE  # the cell ran onto the next page
        else:
            spaced = row and len(block.text.split(maxsplit=1)) > 1
            self._row = block.cells[0].source if spaced else None
            self._at, self._gap = len(blocks) - 1, NONE

    def join(self, block: Block, blocks: list[Block], kinds: tuple[str, ...] | None) -> bool:
        """Whether ``block`` is a wrapped line of the row noted last; if so, joined to it."""
        if self._row is None or self._gap == BLANK or kinds is None or "name" not in kinds:
            return False
        text = block.cells[0].text.strip()
        cell = _wrapped_cell(blocks[self._at], kinds, text)
        if cell is None or not self._wraps(text):
            return False
        blocks[self._at] = _continued(blocks[self._at], text, *cell)
        # the line keeps a blank cell of its own, pointing at the row that holds its text
        blocks.append(Block(len(blocks), (Cell("", block.cells[0].source, self._row),)))
        self._gap = NONE
        return True

    def _wraps(self, text: str) -> bool:
        one_word = len(text.split(maxsplit=1)) == 1 and _WORD.search(text)  # ``……``: rows left out
        if not one_word or classify(text) is not Shape.TEXT:
            return False  # a value alone (``(50分)``, ``90%``) is a cell of its own
        hits = self.found.find(text, 0, len(text))
        if hits and hits[0].start == 0:  # a label, or label：value; else a sentence's words
            return hits[0].end != len(text) and text[hits[0].end] not in ":："
        return True


def _wrapped_cell(row: Block, kinds: tuple[str, ...], text: str) -> tuple[int, bool] | None:
    """Which cell of ``row`` a wrapped line goes on: ``(index, opens)``, None if none."""
    last = max((i for i, c in enumerate(row.cells) if c.text.strip()), default=0)
    kind = kinds[last] if last < len(kinds) else TEXT_KIND
    if kind in _OPENS_NEXT:
        return (last + 1, True) if last + 1 < len(kinds) else None
    if kind in _FIGURES:
        after = next((k for k in range(last + 1, len(kinds)) if kinds[k] == TEXT_KIND), None)
        return None if after is None else (after, after >= len(row.cells) or row.cells[after].blank)
    finished = row.cells[last].text.rstrip()[-1:] in SENTENCE_END
    if finished and text[-1:] not in SENTENCE_END and _FIGURES & set(kinds):
        return None  # an unfinished line is the next row's, not a finished cell's among figures
    return last, False


def _continued(row: Block, text: str, at: int, opens: bool) -> Block:
    """The row with a wrapped line's text opening cell ``at`` or going on in it."""
    cells = list(row.cells)
    while len(cells) <= at:
        cells.append(Cell("", replace(cells[-1].source, column=len(cells) + 1)))
    joined = text if opens else f"{cells[at].text}\n{text}"
    cells[at] = replace(cells[at], text=joined)
    return Block(row.index, tuple(cells))


def _words(block: Block) -> list[str] | None:
    return block.cells[0].text.split() if len(block.cells) == 1 and not block.blank else None


def rejoin_brackets(doc: Document) -> Document:
    """The document with each label's closing bracket moved back onto its line."""
    blocks = list(doc.blocks)
    for n, block in enumerate(blocks):
        words = _words(block)
        open_at = next((k for k, w in enumerate(words or []) if _UNCLOSED.match(w)), None)
        if open_at is None:
            continue
        for m in range(n + 1, min(n + 1 + REACH, len(blocks))):
            below = _words(blocks[m])
            if below and _CLOSING.match(below[0]):
                words[open_at] += below[0]
                blocks[n] = _with_text(block, " ".join(words))
                blocks[m] = _with_text(blocks[m], " ".join(below[1:]))
                break
    return doc if tuple(blocks) == doc.blocks else replace(doc, blocks=tuple(blocks))


def _with_text(block: Block, text: str) -> Block:
    return Block(block.index, (replace(block.cells[0], text=text),))
