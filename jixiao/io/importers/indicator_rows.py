"""Splitting one indicator row of a score table into its parts, by content.

A row prints, left to right: the level-1 and level-2 cells (blank or missing where merged
with the row above), the indicator, the target, the actual, the weight, the score, and a
deviation text. Merged cells shift the cells, so the row is read from its numbers: the
rightmost pair of numeric cells is weight and score; what follows is the deviation; the
two cells before are target and actual; what remains is the level cells and the name.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.io.document import Block
from jixiao.io.text import amount, is_amount, squeeze

POINTS_SUFFIX = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$")


@dataclass(frozen=True)
class LevelVocabulary:
    """How to tell a level-1 cell from a level-2 cell."""

    level1: tuple[str, ...]
    level2_suffix: str | None = None

    def is_level1(self, text: str) -> bool:
        """Whether a cell names a first-level group (points suffix ignored)."""
        return POINTS_SUFFIX.sub("", squeeze(text)) in self.level1


@dataclass(frozen=True)
class IndicatorRow:
    """One row's parts, as printed (text not yet normalised)."""

    level1: str | None
    level1_weight: Decimal | None
    level2: str | None
    name: str
    target: str | None
    actual: str | None
    weight: Decimal | None
    score: Decimal | None
    deviation: str | None


def _level1(text: str) -> tuple[str, Decimal | None]:
    key = squeeze(text)
    match = POINTS_SUFFIX.search(key)
    if match:
        return key[: match.start()], Decimal(match[1])
    return key, None


def _weight_position(texts: list[str]) -> int | None:
    for i in range(len(texts) - 2, -1, -1):
        if is_amount(texts[i]) and is_amount(texts[i + 1]) and texts[i].strip() not in ("-", ""):
            return i
    return None


def split_row(
    block: Block, levels: LevelVocabulary, previous: IndicatorRow | None
) -> IndicatorRow | None:
    """Read one row; None when the row has no weight and score (not an indicator row)."""
    texts = [t for _, t in block.filled]
    at = _weight_position(texts)
    if at is None or at < 1:
        return None
    deviation = " ".join(texts[at + 2 :]) or None
    before = texts[:at]
    # name, target, actual; with only two cells the actual is taken as missing.
    kept = 2 if len(before) >= 3 else len(before) - 1
    head, values = before[: len(before) - kept], [*before[len(before) - kept :], None, None][:2]
    name = head[-1]
    levels_printed = head[:-1]
    level1 = previous.level1 if previous else None
    level1_weight = previous.level1_weight if previous else None
    level2 = previous.level2 if previous else None
    if len(levels_printed) >= 2:
        (level1, level1_weight), level2 = _level1(levels_printed[0]), squeeze(levels_printed[1])
    elif len(levels_printed) == 1:
        if levels.is_level1(levels_printed[0]):
            (level1, level1_weight), level2 = _level1(levels_printed[0]), None
        else:
            level2 = squeeze(levels_printed[0])
    return IndicatorRow(
        level1=level1,
        level1_weight=level1_weight,
        level2=level2,
        name=name,
        target=values[0],
        actual=values[1],
        weight=amount(texts[at]),
        score=amount(texts[at + 1]),
        deviation=deviation,
    )
