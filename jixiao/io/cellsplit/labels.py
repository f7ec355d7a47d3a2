"""The printed labels a line is cut at, and the one regex that finds them as tokens (per set)."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from typing import NamedTuple

from jixiao.io.cellsplit.shapes import Shape, classify, is_comparator
from jixiao.io.vocabulary import GLUE, alternation, normalise, roles

# The roles of a label: the lists of a ``LabelSet`` it is in (its columns: column headings).
FIELD, TOTAL, BLOCK, TITLE, ROW = "fields", "totals", "blocks", "titles", "rows"
FURNITURE, COLUMN, LEVEL1, LEVEL2 = "furniture", "columns", "level1", "level2"
LEVELS = (LEVEL1, LEVEL2)
FUNDS = "funds"  # a second role of every label of the funds block (rows, columns, its block)
# Labels this short are cut out of run-together text only where they touch other labels or
# the ends of the text: 项目, 其他, 备注, 指标值 are also ordinary words.
WEAK_LENGTH = 3

_CJK = re.compile(r"[\u3400-\u9fff]")
_SUFFIX = r"(?:[(（][^()（）\s]{0,12}[)）]分?)?[:：]?"  # a label keeps its bracket (万元) and colon


@dataclass(frozen=True)
class LabelSet:
    """Every printed label, by what it is (hashable, so that its matcher is built once)."""

    fields: frozenset[str] = frozenset()  # fields and blocks (项目名称, 年度总体目标, 总分 …)
    totals: frozenset[str] = frozenset()  # a table's total row (总分, 合计): its last row
    blocks: frozenset[str] = frozenset()  # a block of the form (年度总体目标完成情况 …)
    titles: frozenset[str] = frozenset()  # form titles: each opens a block of its own
    rows: frozenset[str] = frozenset()  # row labels of the funds table (年度资金总额 …)
    furniture: frozenset[str] = frozenset()  # words that glue onto the next label (其中)
    columns: frozenset[tuple[str, str]] = frozenset()  # (heading, canonical column) pairs
    level1: frozenset[str] = frozenset()  # level-1 names (产出指标 …)
    level2: frozenset[str] = frozenset()  # level-2 names (数量指标 …)
    funds: frozenset[str] = frozenset()  # the labels above of the funds block (其他资金 …)

    @classmethod
    def build(
        cls, columns: Mapping[str, str] | Iterable[tuple[str, str]] = (), **words: Iterable[str]
    ) -> "LabelSet":
        """A label set from lists by attribute (``fields=[…]``), columns as a mapping or pairs."""
        pairs = columns.items() if isinstance(columns, Mapping) else columns
        return cls(columns=frozenset(pairs), **{k: frozenset(v) for k, v in words.items()})


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """What a printed label is: its roles and, for a column heading, the columns it names."""

    roles: frozenset[str]
    columns: frozenset[str] = frozenset()
    weak: bool = False  # short (``WEAK_LENGTH``)


class Token(NamedTuple):
    """A stretch ``line[start:end]`` that becomes one cell."""

    start: int
    end: int
    shape: Shape
    label: LabelInfo | None = None  # set for a label
    glued: bool = False  # cut out of text with no separator: the boundary was inferred

    def has(self, role: str) -> bool:
        """Whether the token is a label with this role."""
        return self.label is not None and role in self.label.roles


@dataclass(frozen=True)
class Matcher:
    """The compiled alternation of a label set and the index of what each label is."""

    pattern: re.Pattern[str]
    index: Mapping[str, LabelInfo] = field(repr=False)
    _printed: dict[str, LabelInfo | None] = field(default_factory=dict, repr=False)

    def find(self, text: str, start: int, stop: int) -> list[Token]:
        """Every label in ``text[start:stop]`` (suffix included), leftmost and longest first."""
        hits = []
        for match in self.pattern.finditer(text, start, stop):
            printed = match["label"]
            if printed not in self._printed:  # what a label as printed is
                self._printed[printed] = self.index.get(normalise(printed))
            if (info := self._printed[printed]) is not None:
                hits.append(Token(match.start(), match.end(), Shape.LABEL, info))
        return hits


def is_label_word(word: str) -> bool:
    """Whether a word can be a label: CJK text, no value, mark or comparator (``无``, ``≥``)."""
    return bool(_CJK.search(word)) and classify(word) is Shape.TEXT and not is_comparator(word)


@lru_cache(maxsize=16)
def matcher(labels: LabelSet) -> Matcher:
    """The matcher of a label set: one ``alternation`` of every label (the longest wins)."""
    roles: dict[str, set[str]] = {}
    columns: dict[str, set[str]] = {}
    for role in (f.name for f in fields(labels) if f.name != COLUMN):
        for word in getattr(labels, role):
            roles.setdefault(normalise(word), set()).add(role)
    for heading, column in labels.columns:
        key = normalise(heading)
        roles.setdefault(key, set()).add(COLUMN)
        columns.setdefault(key, set()).add(column)
    index = {
        key: LabelInfo(frozenset(r), frozenset(columns.get(key, ())), len(key) <= WEAK_LENGTH)
        for key, r in roles.items()
        if is_label_word(key)
    }
    return Matcher(re.compile(f"(?P<label>{alternation(index)}){_SUFFIX}"), index)


@cache
def from_vocabulary() -> LabelSet:
    """Every label of every vocabulary file, with its roles (``jixiao.io.vocabulary.roles``)."""
    return LabelSet.build(furniture=GLUE, **roles())
