"""Which group each indicator row of a 财政项目支出绩效自评表 belongs to.

A merged level cell is printed once for the rows it spans: usually on its first row, but
a PDF or a copied table may print it on the middle row (a centred label), so a row with a
blank level-1 cell may belong to the group above it or to the one printed below it. The
rule set ``mof-2020`` lists each group's level-2 words (数量指标 … under 产出指标), which
settle most rows; what they do not settle is reported, with the candidates.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from jixiao.core.model import Group
from jixiao.core.rulesets import RuleSet, load_config
from jixiao.io.importers.indicator_rows import IndicatorRow, Levels, LevelVocabulary

TEMPLATE = "mof-2020-self-eval"
# Labels of the layout that a merged cell may print in the level columns.
LEVEL_COLUMN_LABELS = frozenset({"绩效指标", "一级指标", "二级指标"})


@cache
def ruleset() -> RuleSet | None:
    """The shipped rule set of the layout (read once)."""
    return load_config().ruleset_for(TEMPLATE)


@cache
def vocabulary() -> LevelVocabulary:
    """The rule set's groups and level-2 words, and the labels of the level columns."""
    found = ruleset()
    return LevelVocabulary(found.groups if found else (), LEVEL_COLUMN_LABELS)


@cache
def grade_words() -> frozenset[str]:
    """Every printed spelling of a grade (优, 优秀 …)."""
    found = ruleset()
    return frozenset(w for g in (found.grades if found else ()) for w in (g.word, *g.aliases))


@dataclass(frozen=True)
class Unsettled:
    """A row whose level cell the text does not settle: the choice and the candidates."""

    row: int  # index among the indicator rows
    level: str  # "level1" or "level2"
    chosen: str | None
    candidates: tuple[str, ...]
    why: str


@dataclass
class Settled:
    """Each indicator row's (level1, level2), the groups in table order, and open questions."""

    levels: list[tuple[str | None, str | None]] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    unsettled: list[Unsettled] = field(default_factory=list)


def _printed(item: IndicatorRow | Levels) -> Levels:
    return item.printed if isinstance(item, IndicatorRow) else item


@dataclass(frozen=True)
class _Around:
    """What is printed around a row: the labels below it, and label lines next to it.

    A label on a line of its own between two rows is centred on both: it covers them.
    """

    below1: str | None = None
    below2: str | None = None
    next_to_above2: str | None = None
    next_to_below2: str | None = None


def _neighbour_label(items: list[IndicatorRow | Levels], at: int, step: int) -> str | None:
    """The level-2 label of the nearest item printing a level, when it is a label line."""
    at += step
    while 0 <= at < len(items):
        printed = _printed(items[at])
        if printed.level1 or printed.level2:
            return printed.level2 if isinstance(items[at], Levels) else None
        at += step
    return None


def _upcoming(items: list[IndicatorRow | Levels], level: str) -> list[str | None]:
    """For each item, the next label of ``level`` printed at or below it."""
    out: list[str | None] = []
    following = None
    for item in reversed(items):
        following = getattr(_printed(item), level) or following
        out.append(following)
    return out[::-1]


class _Walk:
    """One pass down the table, carrying the merged cells' values.

    A blank cell takes the value above it (a merged cell), unless the table shows that
    its labels are centred (a label printed below rows of its own group): then a row
    between two labels may belong to either, and the vocabulary or a finding decides.
    """

    def __init__(self, vocabulary: LevelVocabulary) -> None:
        self.vocabulary = vocabulary
        self.level1: str | None = None
        self.level2: str | None = None
        self.centred = False  # a label has been seen printed below rows of its group
        self.settled = Settled()
        self.weights: dict[str, Decimal] = {}
        self.row = 0
        self.report = False

    def item(self, item: IndicatorRow | Levels, around: _Around) -> None:
        printed = _printed(item)
        self.row, self.report = len(self.settled.levels), isinstance(item, IndicatorRow)
        if printed.level1:
            self._printed_level1(printed)
        else:
            level2, doubtful = printed.level2, False
            if level2 is None:
                level2, doubtful = self._blank_level2(around)
            self.level2 = level2
            self.level1 = self._blank_level1(around.below1, doubtful)
        if self.level1 and all(g.name != self.level1 for g in self.settled.groups):
            self.settled.groups.append(Group(self.level1))
        if self.report:
            self.settled.levels.append((self.level1, self.level2))

    def _printed_level1(self, printed: Levels) -> None:
        same = self._group(printed.level1) == self._group(self.level1) and self.level1
        self.level1 = printed.level1
        # A new group starts with its own level-2 cells; a label printed again inside its
        # group (a centred label on a line of its own) keeps the level-2 cell above.
        self.level2 = printed.level2 or (self.level2 if same else None)
        if printed.level1 and printed.level1_weight is not None:
            self.weights.setdefault(printed.level1, printed.level1_weight)
        if printed.unknown_level1 and self.report:
            by_words = self.vocabulary.group_of_level2(printed.level2)
            candidates = (printed.level1 or "", *([by_words.name] if by_words else []))
            self._unsettle("level1", printed.level1, candidates, "not a level-1 word")

    def _group(self, level1: str | None) -> str | None:
        found = self.vocabulary.level1_of(level1)
        return found.name if found else level1

    def _blank_level2(self, around: _Around) -> tuple[str | None, bool]:
        """A blank level-2 cell: the one above, or (centred labels) the one printed below.

        Returns the choice and whether it is a guess between the two.
        """
        above, below = self.level2, around.below2
        if above is None and self.level1 is None and below:
            self.centred = True  # the first rows: their label can only be below them
            if around.next_to_below2 != below:
                self._unsettle("level2", below, (below,), "no level-2 cell above")
            return below, False
        if not (self.centred and below and above and below != above):
            return above, False
        if around.next_to_above2 == above and around.next_to_below2 != below:
            return above, False
        if around.next_to_below2 == below and around.next_to_above2 != above:
            return below, False
        self._unsettle("level2", above, (above, below), "centred labels")
        return above, True

    def _blank_level1(self, below: str | None, doubtful: bool) -> str | None:
        """The group of a row whose level-1 cell is blank."""
        group = self.vocabulary.group_of_level2(self.level2)
        above = self.vocabulary.level1_of(self.level1)
        if group is not None and not doubtful:
            if above is None or above is group or self.vocabulary.level1_of(below) is group:
                self.centred = self.centred or above is not group
                return self.level1 if above is group else group.name
            self._unsettle("level1", group.name, (group.name, self.level1), "level-2 vs merge")
            return group.name
        if self.level1 is None:
            self.centred = self.centred or below is not None
            self._unsettle("level1", below, (below,) if below else (), "no level-1 cell above")
            return below
        if (self.centred or doubtful) and below and below != self.level1:
            self._unsettle("level1", self.level1, (self.level1, below), "centred labels")
        return self.level1

    def _unsettle(self, level: str, chosen: str | None, candidates: tuple, why: str) -> None:
        if self.report:
            kept = tuple(c for c in candidates if c)
            self.settled.unsettled.append(Unsettled(self.row, level, chosen, kept, why))


def settle(items: list[IndicatorRow | Levels], vocabulary: LevelVocabulary) -> Settled:
    """Each indicator row's levels, the groups (weights from the printed points), the doubts.

    ``items`` are the table's indicator rows and level-only rows (an empty group), in order.
    """
    walk = _Walk(vocabulary)
    below = zip(_upcoming(items, "level1"), _upcoming(items, "level2"), strict=True)
    for at, (item, (below1, below2)) in enumerate(zip(items, below, strict=True)):
        around = _Around(
            below1, below2, _neighbour_label(items, at, -1), _neighbour_label(items, at, 1)
        )
        walk.item(item, around)
    settled = walk.settled
    settled.groups = [Group(g.name, walk.weights.get(g.name)) for g in settled.groups]
    return settled
