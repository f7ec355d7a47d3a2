"""Splitting one indicator row of a score table into its parts, by content.

A row prints, left to right: the level-1 and level-2 cells (blank or missing where merged
with the row above), the indicator, the target, the actual, the weight, the score, and a
deviation text. Merged cells shift the cells, so the row is read from its numbers: the
rightmost pair of numeric cells is weight and score; what follows is the deviation; the
two cells before are target and actual; what remains is the level cells and the name.

Which level a level cell is comes from the rule set's vocabulary, not from its position
alone: a merged label such as ``绩效指标`` may be printed on any row of its block, and a
level-1 label may stand below the first rows of its group. ``split_row`` only records what
a row prints; settling a blank level-1 cell needs the whole table.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from jixiao.core.rulesets import GroupRule
from jixiao.io.document import Block
from jixiao.io.importers.cells import label_key
from jixiao.io.text import amount, squeeze

POINTS_SUFFIX = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$")
LEVEL_WORD_END = "指标"


class LevelKind(Enum):
    """What a cell in the level columns is."""

    LEVEL1 = "level1"
    LEVEL2 = "level2"
    LABEL = "label"  # a label of the layout (绩效指标) printed in a merged cell


@dataclass(frozen=True)
class LevelVocabulary:
    """The level-1 groups and their level-2 words (from a rule set), and the layout's labels."""

    groups: tuple[GroupRule, ...]
    labels: frozenset[str] = frozenset()

    def level1_of(self, text: str | None) -> GroupRule | None:
        """The group a cell names as a level-1 label (points suffix ignored)."""
        if not text:
            return None
        name = POINTS_SUFFIX.sub("", squeeze(text))
        return next((g for g in self.groups if g.matches(name)), None)

    def group_of_level2(self, text: str | None) -> GroupRule | None:
        """The group whose level-2 words include ``text`` (``社会效益`` counts as ``社会效益指标``)."""
        if not text:
            return None
        bare = POINTS_SUFFIX.sub("", squeeze(text)).removesuffix(LEVEL_WORD_END)
        return next(
            (g for g in self.groups if bare in {w.removesuffix(LEVEL_WORD_END) for w in g.level2}),
            None,
        )

    def kind(self, text: str) -> LevelKind | None:
        """Level-1 word, level-2 word, layout label, or None for any other text."""
        if self.level1_of(text):
            return LevelKind.LEVEL1
        if self.group_of_level2(text):
            return LevelKind.LEVEL2
        if label_key(text) in self.labels:
            return LevelKind.LABEL
        return None

    def words(self) -> frozenset[str]:
        """Every level-1 and level-2 word: printed labels of the level columns."""
        return frozenset(w for g in self.groups for w in (g.name, *g.aliases, *g.level2))


@dataclass(frozen=True)
class Levels:
    """The level cells a row prints; None where a cell is blank (merged with its neighbours)."""

    level1: str | None = None
    level1_weight: Decimal | None = None
    level2: str | None = None
    # A cell in the level-1 position that is not a level-1 word of the vocabulary.
    unknown_level1: bool = False


@dataclass(frozen=True)
class IndicatorRow:
    """One row's parts, as printed (text not yet normalised)."""

    printed: Levels
    name: str
    target: str | None
    actual: str | None
    weight: Decimal | None
    score: Decimal | None
    deviation: str | None
    cells: tuple[int, ...] = ()  # the block's cells read into this row (labels included)


def level1_parts(text: str) -> tuple[str, Decimal | None]:
    """A level-1 cell without its points suffix, and the points: ``产出指标(50分)`` → 50."""
    key = squeeze(text)
    match = POINTS_SUFFIX.search(key)
    if match:
        return key[: match.start()], Decimal(match[1])
    return key, None


def is_points(text: str) -> bool:
    """Whether a cell holds a weight or a score: a real number, not a dash, ``无`` or a rate."""
    return "%" not in text and "％" not in text and amount(text) is not None


def weight_position(texts: list[str]) -> int | None:
    """Index of the weight in the rightmost pair of adjacent weight/score cells."""
    for i in range(len(texts) - 2, -1, -1):
        if is_points(texts[i]) and is_points(texts[i + 1]):
            return i
    return None


def _levels(cells: list[tuple[int, str]], vocabulary: LevelVocabulary) -> tuple[Levels, list[int]]:
    """Read the level cells before the name; labels are read (taken) but are not levels.

    At most two cells are levels: level 1, then level 2. Any further cell is not read, so
    that it is reported rather than dropped.
    """
    labels = [i for i, text in cells if vocabulary.kind(text) is LevelKind.LABEL]
    kept = [(i, text) for i, text in cells if i not in labels][:2]
    read = sorted(labels + [i for i, _ in kept])
    if len(kept) == 2:
        (level1, weight), level2 = level1_parts(kept[0][1]), squeeze(kept[1][1])
        unknown = vocabulary.kind(kept[0][1]) is not LevelKind.LEVEL1
        return Levels(level1, weight, level2, unknown_level1=unknown), read
    if kept and vocabulary.kind(kept[0][1]) is LevelKind.LEVEL1:
        level1, weight = level1_parts(kept[0][1])
        return Levels(level1, weight), read
    if kept:
        return Levels(level2=squeeze(kept[0][1])), read
    return Levels(), read


def split_row(block: Block, vocabulary: LevelVocabulary) -> IndicatorRow | None:
    """Read one row; None when the row has no weight and score (not an indicator row)."""
    filled = block.filled
    at = weight_position([t for _, t in filled])
    if at is None or at < 1:
        return None
    before = filled[:at]
    # name, target, actual; with only two cells the actual is taken as missing.
    kept = 2 if len(before) >= 3 else len(before) - 1
    head, values = before[: len(before) - kept], before[len(before) - kept :]
    levels, level_cells = _levels(head[:-1], vocabulary)
    texts = [t for _, t in values] + [None, None]
    deviation = filled[at + 2 :]
    return IndicatorRow(
        printed=levels,
        name=head[-1][1],
        target=texts[0],
        actual=texts[1],
        weight=amount(filled[at][1]),
        score=amount(filled[at + 1][1]),
        deviation=" ".join(t for _, t in deviation) or None,
        cells=(
            *level_cells,
            head[-1][0],
            *(i for i, _ in values),
            filled[at][0],
            filled[at + 1][0],
            *(i for i, _ in deviation),
        ),
    )


def level_row(block: Block, vocabulary: LevelVocabulary) -> Levels | None:
    """The levels of a row that prints only level words and labels (an empty group), or None."""
    kinds = [(vocabulary.kind(text), text) for _, text in block.filled]
    if not kinds or any(kind is None for kind, _ in kinds):
        return None
    level1 = [text for kind, text in kinds if kind is LevelKind.LEVEL1]
    level2 = [text for kind, text in kinds if kind is LevelKind.LEVEL2]
    if len(level1) > 1 or len(level2) > 1:
        return None
    name, weight = level1_parts(level1[0]) if level1 else (None, None)
    return Levels(name, weight, squeeze(level2[0]) if level2 else None)
