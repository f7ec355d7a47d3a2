"""The printed labels a line is cut at, and the one regular expression that finds them.

A ``LabelSet`` says what each label is: a field label (followed by its value), a total row's label, a block's
label (the heading of a part of the form), a row label of
the funds table, a form title, furniture (``其中``), an indicator or funds column heading (with the canonical
column it names) or a level-1 / level-2 name. ``matcher(labels)`` compiles every label into one
alternation, longest first, once per label set (cached): full- and half-width brackets and
colons match each other, and a label keeps a bracket suffix (``(万元)``, ``(A)``, ``(50分)``)
and a colon that follow it. ``from_vocabulary()`` is the label set of every vocabulary file
(``jixiao.io.vocabulary.roles``); labels are looked up as ``jixiao.io.vocabulary.normalise``
makes them.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

from jixiao.io.cellsplit.shapes import Shape, classify, is_comparator
from jixiao.io.vocabulary import GLUE, alternation, normalise, roles

FIELD, TOTAL, BLOCK, TITLE, ROW, FURNITURE, COLUMN, LEVEL1, LEVEL2 = (
    "field",
    "total",
    "block",
    "title",
    "row",
    "furniture",
    "column",
    "level1",
    "level2",
)
FUNDS = "funds"  # a second role of every label of the funds block (rows, columns, its block)
# Labels this short are cut out of run-together text only where they touch other labels or
# the ends of the text: 项目, 其他, 备注, 指标值 are also ordinary words.
WEAK_LENGTH = 3

_CJK = re.compile(r"[\u3400-\u9fff]")
_SUFFIX = r"(?:[(（][^()（）\s]{0,12}[)）]分?)?[:：]?"


@dataclass(frozen=True)
class LabelSet:
    """Every printed label and what it is. Hashable, so its matcher is built once.

    Attributes:
        fields: labels of single fields and blocks (项目名称, 年度总体目标, 总分 …).
        totals: labels of a table's total row (总分, 合计): the last row of its table.
        blocks: labels that name a block of the form (年度总体目标完成情况, 项目资金 …).
        titles: form titles (项目支出绩效自评表 …): each opens a block of its own.
        rows: row labels of the funds table (年度资金总额, 本年财政拨款, 其他资金 …).
        furniture: words that glue onto the next label (其中).
        columns: ``(heading, canonical column)`` pairs of the indicator and funds tables
            (``("年度指标值", "target")``, ``("年初预算数", "initial_budget")``).
        level1: level-1 names (产出指标 …). level2: level-2 names (数量指标 …).
        funds: the labels above that belong to the funds block (项目总投资, 其他资金 …).
    """

    fields: frozenset[str] = frozenset()
    totals: frozenset[str] = frozenset()
    blocks: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    rows: frozenset[str] = frozenset()
    furniture: frozenset[str] = frozenset()
    columns: frozenset[tuple[str, str]] = frozenset()
    level1: frozenset[str] = frozenset()
    level2: frozenset[str] = frozenset()
    funds: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls, columns: Mapping[str, str] | Iterable[tuple[str, str]] = (), **words: Iterable[str]
    ) -> "LabelSet":
        """A label set from plain lists (``fields=[…]``, ``level1=[…]`` …) and the columns.

        Args:
            columns: heading → canonical column, as a mapping or pairs.
            **words: the labels of each other kind, by attribute name.

        Returns:
            The label set (an unknown kind is a ``TypeError``).
        """
        pairs = columns.items() if isinstance(columns, Mapping) else columns
        return cls(columns=frozenset(pairs), **{k: frozenset(v) for k, v in words.items()})


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """What a printed label is: its roles and, for a column heading, the columns it names."""

    roles: frozenset[str]
    columns: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Hit:
    """A label found in a line: ``line[start:end]``, suffix included."""

    start: int
    end: int
    info: LabelInfo
    weak: bool


@dataclass(frozen=True)
class Matcher:
    """The compiled alternation of a label set and the index of what each label is."""

    pattern: re.Pattern[str]
    index: Mapping[str, LabelInfo] = field(repr=False)
    _printed: dict[str, tuple[LabelInfo | None, bool]] = field(default_factory=dict, repr=False)

    def find(self, text: str, start: int, stop: int) -> list[Hit]:
        """Every label in ``text[start:stop]``, leftmost and longest first, not overlapping."""
        hits = []
        for match in self.pattern.finditer(text, start, stop):
            info, weak = self._lookup(match.group("label"))
            if info is not None:
                hits.append(Hit(match.start(), match.end(), info, weak))
        return hits

    def _lookup(self, printed: str) -> tuple[LabelInfo | None, bool]:
        """What a label as printed is, and whether it is short (remembered per spelling)."""
        found = self._printed.get(printed)
        if found is None:
            key = normalise(printed)
            found = self._printed[printed] = (self.index.get(key), len(key) <= WEAK_LENGTH)
        return found


def is_label_word(word: str) -> bool:
    """Whether a printed word can be a label: it has a CJK character and no value's shape.

    A mark (``-``, ``无``), a comparator (``≥``, ``大于等于``) or an ellipsis is never a cell
    boundary of its own, whatever list it comes from.
    """
    return bool(_CJK.search(word)) and classify(word) is Shape.TEXT and not is_comparator(word)


def _index(labels: LabelSet) -> dict[str, LabelInfo]:
    roles: dict[str, set[str]] = {}
    columns: dict[str, set[str]] = {}
    groups = (
        (FIELD, labels.fields),
        (TOTAL, labels.totals),
        (BLOCK, labels.blocks),
        (TITLE, labels.titles),
        (ROW, labels.rows),
        (FURNITURE, labels.furniture),
        (LEVEL1, labels.level1),
        (LEVEL2, labels.level2),
        (FUNDS, labels.funds),
    )
    for role, words in groups:
        for word in words:
            roles.setdefault(normalise(word), set()).add(role)
    for heading, column in labels.columns:
        key = normalise(heading)
        roles.setdefault(key, set()).add(COLUMN)
        columns.setdefault(key, set()).add(column)
    return {
        key: LabelInfo(frozenset(r), frozenset(columns.get(key, ())))
        for key, r in roles.items()
        if is_label_word(key)
    }


@lru_cache(maxsize=16)
def matcher(labels: LabelSet) -> Matcher:
    """The matcher of a label set: one regex of every label, longest first, built once.

    The labels are one ``vocabulary.alternation``: at each position the longest
    label wins, and matching stays linear in the text.
    """
    index = _index(labels)
    return Matcher(re.compile(f"(?P<label>{alternation(index)}){_SUFFIX}"), index)


@cache
def from_vocabulary() -> LabelSet:
    """Every label of every vocabulary file, with its roles (``jixiao.io.vocabulary.roles``)."""
    return LabelSet.build(furniture=GLUE, **roles())
