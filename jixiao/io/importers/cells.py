"""Finding labels and their values in table rows, taking what is placed from the ledger."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from jixiao.io.document import Block, Ledger
from jixiao.io.text import squeeze

_LABEL_END = re.compile(r"[:：]$")


@dataclass(frozen=True)
class Hit:
    """A label found in a block: where, and the cell index."""

    block: Block
    cell: int


def label_key(text: str) -> str:
    """A printed label without spaces and trailing colon: ``项目名称:`` → ``项目名称``."""
    return _LABEL_END.sub("", squeeze(text))


def find(blocks: Iterable[Block], *labels: str, start: bool = False) -> Hit | None:
    """The first cell whose label is one of ``labels`` (exactly, or at the start with ``start``)."""
    for block in blocks:
        for i, text in block.filled:
            key = label_key(text)
            if key in labels or (start and key.startswith(labels)):
                return Hit(block, i)
    return None


def after(hit: Hit, skip: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """The non-blank cells after a label in its block, stopping at the next label in ``skip``."""
    out = []
    for i, text in hit.block.filled:
        if i <= hit.cell:
            continue
        if label_key(text) in skip:
            break
        out.append((i, text))
    return out


def value_after(hit: Hit | None, ledger: Ledger, skip: tuple[str, ...] = ()) -> str | None:
    """The first non-blank cell after a label, taking label and value from the ledger."""
    if hit is None:
        return None
    ledger.take(hit.block, hit.cell)
    cells = after(hit, skip)
    if not cells:
        return None
    ledger.take(hit.block, cells[0][0])
    return cells[0][1]
