"""A merged label's bracket closed on a later line (``产出指标（50分`` … ``）``), moved back.

A PDF breaks a tall merged cell's label over the lines of the rows beside it.
"""

import re
from dataclasses import replace

from jixiao.io.document import Block, Document

# A word whose bracket stays open: points (产出指标（50分) or a unit to come (项目资金（).
_UNCLOSED = re.compile(r"^\S*[（(](?:\d+(?:\.\d+)?分?)?$")
_CLOSING = re.compile(r"^(?:分|万元|元)?[)）]$")
REACH = 3  # lines: how far below the closing piece may stand


def _words(block: Block) -> list[str] | None:
    return block.cells[0].text.split() if len(block.cells) == 1 and not block.blank else None


def rejoin_brackets(doc: Document) -> Document:
    """The document with each label's closing bracket moved back onto its line."""
    blocks = list(doc.blocks)
    changed = False
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
                changed = True
                break
    return replace(doc, blocks=tuple(blocks)) if changed else doc


def _with_text(block: Block, text: str) -> Block:
    return Block(block.index, (replace(block.cells[0], text=text),))
