"""The target table of 财政项目支出绩效目标表（2020年度）, from plain PDF text or table rows.

The table prints 一级目标 / 二级目标 / 三级目标 / 指标目标值. In the text a level-1 label
(投入与管理, 产出目标, 效果目标, 影响力目标) stands on its own line before its rows; a row
prints its level-2 word, the indicator name and the target, and a long target wraps onto
the following lines. A row whose level-2 cell is merged with its neighbours prints no
level-2 word, and the merged cell's word may stand on a row above or below it, or on a
line of its own. The level-1 and level-2 words come from the rule set ``sh-target``,
never from indicator names.

Where a row ends: a line starting with a level-2 word or a level-1 label starts the
next row. Any other line continues the current target unless its position says it is a
new row: when the text separates rows by blank lines (as a PDF copy does, wrapped lines
of one cell following each other directly), a line after a blank line starts a row;
otherwise (or across a page break) a line shaped like ``名称 目标值`` does.

A table row (XLSX, or a PDF or HTML table) is read cell by cell instead
(``sh_2020_target_rows.split_row``): a merged level-2 cell repeated into the rows below
names their level-2. A PDF prints a merged level-1 cell cut by a page break once, on a line
of its own below rows whose level-1 cells are empty; those rows take that label when their
level-2 words belong to its group.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property

from jixiao.core.findings import Finding
from jixiao.core.model import Group, Indicator
from jixiao.core.rulesets import GroupRule, load_config
from jixiao.io.document import Block, Ledger
from jixiao.io.importers.base import uncertain
from jixiao.io.importers.indicator_rows import POINTS_SUFFIX
from jixiao.io.importers.plain_text import (
    gap_before,
    is_page_footer,
    join_wrapped,
    looks_labelled,
    starts_mid_sentence,
)
from jixiao.io.importers.sh_2020_target_rows import RowCells, is_grid_row, split_row
from jixiao.io.text import CJK, join_lines, squeeze

TEMPLATE = "sh-2020-target"
TABLE_HEADING = re.compile(r"^\d{4}年度?绩效目标$")
HEADER_WORDS = ("一级目标", "二级目标", "三级目标", "指标目标值")
TABLE_LABELS = ("年绩效目标", "年度绩效目标", *HEADER_WORDS)
_ROW_SHAPE = re.compile(rf"^(?P<name>[^\s\d<>=≤≥＜＞＝]\S*[{CJK}]\S*)\s+(?P<target>\S.*)$")
_DEFINITION = re.compile(r"^(?P<name>.+?)\s*[（(](?P<definition>[^（）()]{2,})[)）]$")


@dataclass(frozen=True)
class Vocabulary:
    """The level-1 labels and level-2 words of the layout, from the rule set."""

    groups: tuple[GroupRule, ...]

    def level1(self, text: str) -> tuple[str, Decimal | None] | None:
        """``(label, points)`` when a line is a level-1 label (``投入与管理（20分）``)."""
        key = squeeze(text)
        match = POINTS_SUFFIX.search(key)
        label = key[: match.start()] if match else key
        if any(g.matches(label) for g in self.groups):
            return label, Decimal(match[1]) if match else None
        return None

    @cached_property
    def _level2_start(self) -> re.Pattern[str]:
        words = sorted((w for g in self.groups for w in g.level2), key=len, reverse=True)
        if not words:
            return re.compile(
                r"(?!)"
            )  # a rule set without level-2 words: no line starts a row by one
        return re.compile(rf"^(?P<word>(?:{'|'.join(map(re.escape, words))})(?:指标)?)(?:\s+|$)")

    def level2(self, text: str) -> tuple[str, str] | None:
        """``(level-2 word, rest of the line)`` when a line starts with a level-2 word."""
        match = self._level2_start.match(text.strip())
        return (match["word"], text.strip()[match.end() :]) if match else None

    def group_of_level2(self, word: str | None) -> GroupRule | None:
        """The group whose level-2 choices include ``word`` (``数量指标`` counts as ``数量``)."""
        bare = (word or "").removesuffix("指标")
        return next((g for g in self.groups if bare in g.level2), None)

    def group_of_level1(self, label: str | None) -> GroupRule | None:
        """The group a printed level-1 label names."""
        return next((g for g in self.groups if g.matches(label)), None)


@cache
def vocabulary() -> Vocabulary:
    """The shipped ``sh-target`` rule set's groups (read once)."""
    ruleset = load_config().ruleset_for(TEMPLATE)
    return Vocabulary(ruleset.groups if ruleset else ())


def is_table_start(text: str) -> bool:
    """Whether a line opens the target table: ``2020年绩效目标`` or the column header."""
    key = squeeze(text)
    return bool(TABLE_HEADING.match(key)) or all(w in key for w in HEADER_WORDS[::3])


@dataclass
class _Row:
    """One indicator row as printed: level-2 word (None when merged), name, target lines."""

    level1: str | None
    level2: str | None
    name: str
    target_lines: list[str]
    # A grid row whose level-1 cell is empty: its merged cell's text stands elsewhere
    # (a PDF prints a merged cell cut by a page break once, between the rows).
    level1_elsewhere: bool = False


@dataclass(frozen=True)
class _Anchor:
    """A level-2 word standing on a line of its own (a merged cell's label)."""

    level1: str | None
    level2: str


@dataclass
class Table:
    """What the table gives a form, and the readings the text did not settle."""

    groups: tuple[Group, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    findings: list[Finding] = field(default_factory=list)


class _Scanner:
    """Walks the table's lines once, sorting them into labels, rows and continuations."""

    def __init__(self, blocks: Sequence[Block], ledger: Ledger) -> None:
        self.blocks = blocks
        self.ledger = ledger
        self.words = vocabulary()
        self.items: list[_Row | _Anchor] = []
        self.groups: list[Group] = []
        self.level1: str | None = None
        self.row: _Row | None = None
        self.gaps_mark_rows = self._gaps_mark_rows()

    def scan(self) -> None:
        """Read every line up to the end of the table (the end of the blocks, or trailing text)."""
        for i, block in enumerate(self.blocks):
            if block.blank or is_page_footer(block.text):
                continue
            if not self._line(i, block):
                break

    def _line(self, i: int, block: Block) -> bool:
        text = block.text.strip()
        if is_table_start(text) or squeeze(text) in TABLE_LABELS:
            self.row = None  # the heading, or the column header repeated after a page break
        elif row := split_row(block, self.words.level1, self._level2_word):
            self._grid_row(row)
        elif label := self.words.level1(text):
            self._enter(label)
        elif split := self.words.level2(text):
            self._start(split[0], split[1], block)
        elif self._after_table(i, text):
            return False  # text after the table (填报人：…), left for the report
        elif self.row is not None and self._continues(i, text):
            self.row.target_lines.append(text)
        else:
            self._start(None, text, block)
        self.ledger.take(block)
        return True

    def _enter(self, label: tuple[str, Decimal | None]) -> None:
        """A level-1 label: the rows below are its group's."""
        self.level1, self.row = label[0], None
        if all(g.name != label[0] for g in self.groups):
            self.groups.append(Group(*label))
        self._claim_rows_above(label[0])

    def _claim_rows_above(self, level1: str) -> None:
        """Rows just above whose empty level-1 cell and level-2 word say they are ``level1``'s.

        Their level-1 cell belongs to a merged cell whose text is printed below them; the
        level-2 word of each must belong to that group, or the row keeps its reading.
        """
        group = self.words.group_of_level1(level1)
        for item in reversed(self.items):
            if not (isinstance(item, _Row) and item.level1_elsewhere):
                break
            if group is None or self.words.group_of_level2(item.level2) is not group:
                break
            item.level1 = level1

    def _level2_word(self, text: str) -> str | None:
        split = self.words.level2(text)
        return split[0] if split and not split[1] else None

    def _grid_row(self, row: RowCells) -> None:
        """A table row read cell by cell (XLSX, or a PDF or HTML table)."""
        if row.level1 is not None:
            label = self.words.level1(row.level1)
            if label is not None:
                self._enter(label)
        self.row = _Row(self.level1, row.level2, row.name, row.target_lines, row.level1_blank)
        self.items.append(self.row)

    def _start(self, level2: str | None, rest: str, block: Block) -> None:
        if level2 is not None and not rest:
            self.items.append(_Anchor(self.level1, level2))
            self.row = None
            return
        parts = rest.split(None, 1)
        name, target = parts[0], parts[1] if len(parts) > 1 else ""
        self.row = _Row(self.level1, level2, name, [target] if target else [])
        self.items.append(self.row)

    def _after_table(self, i: int, text: str) -> bool:
        """Whether a ``label：value`` line after a blank line (or grid row) ends the table."""
        return (
            bool(self.items)
            and (is_grid_row(self.blocks[i]) or gap_before(self.blocks, i)[0])
            and looks_labelled(text)
            and not starts_mid_sentence(text)
        )

    def _continues(self, i: int, text: str) -> bool:
        """Whether a line (not a label) continues the current row's target."""
        if starts_mid_sentence(text):
            return True
        blank, footer = gap_before(self.blocks, i)
        if self.gaps_mark_rows and not footer:
            return not blank
        return not _ROW_SHAPE.match(text)

    def _gaps_mark_rows(self) -> bool:
        """Whether every row that prints a level-2 word follows a blank line or a label line."""
        seen = False
        previous = ""
        for i, block in enumerate(self.blocks):
            if block.blank or is_page_footer(block.text):
                continue
            text = block.text.strip()
            split = self.words.level2(text)
            if split and split[1] and not self._is_label_line(previous):
                seen = True
                if not any(gap_before(self.blocks, i)):
                    return False
            previous = text
        return seen

    def _is_label_line(self, text: str) -> bool:
        """A table heading, a level-1 label or a level-2 word alone: no row follows it directly."""
        split = self.words.level2(text)
        return (
            is_table_start(text)
            or squeeze(text) in TABLE_LABELS
            or self.words.level1(text) is not None
            or (split is not None and not split[1])
        )


def read_table(blocks: Sequence[Block], ledger: Ledger, document: str, form: int) -> Table:
    """Groups and indicators of the table in ``blocks`` (from its heading to the form's end)."""
    scanner = _Scanner(blocks, ledger)
    scanner.scan()
    table = Table()
    rows = [item for item in scanner.items if isinstance(item, _Row)]
    level2s = _level2s(scanner.items, document, form, table.findings)
    indicators = []
    for i, row in enumerate(rows):
        level1 = _level1(row, level2s[i], scanner.groups, (document, form, i), table.findings)
        name, explanation = _name(row.name)
        target = join_wrapped(row.target_lines) if row.target_lines else None
        indicators.append(Indicator(level1, level2s[i], name, explanation, target))
    groups = list(scanner.groups)
    for indicator in indicators:
        if indicator.level1 and all(g.name != indicator.level1 for g in groups):
            groups.append(Group(indicator.level1))
    table.groups, table.indicators = tuple(groups), tuple(indicators)
    return table


def _name(printed: str) -> tuple[str, str | None]:
    """A name and its bracketed definition (``预算执行率(执行数/预算数)``), as SPEC §2.1 splits them."""
    match = _DEFINITION.match(printed)
    if match:
        return join_lines(match["name"]), join_lines(match["definition"])
    return join_lines(printed), None


def _level2s(
    items: list[_Row | _Anchor], document: str, form: int, findings: list[Finding]
) -> list[str | None]:
    """Each row's level-2: printed, or the merged cell's word from the nearest printed one.

    A row without a word inherits from the row above (a merged cell); when the next
    printed word in the same group differs, the merged cell may as well be that one (its
    label printed in the middle of its rows), and the choice is reported.
    """
    out: list[str | None] = []
    for k, item in enumerate(items):
        if not isinstance(item, _Row):
            continue
        if item.level2 is not None:
            out.append(item.level2)
            continue
        above = _nearest_word(reversed(items[:k]), item.level1)
        below = _nearest_word(items[k + 1 :], item.level1)
        chosen = above or below
        if below and (above is None or below != above):
            candidates = [c for c in (above, below) if c] + ([] if above else ["(空)"])
            findings.append(
                uncertain(
                    document,
                    form,
                    f"indicators[{len(out)}].level2",
                    chosen,
                    candidates,
                    "二级目标为合并单元格，文字未说明本行属于上方还是下方的二级目标",
                    "merged level-2 cell: the text does not say whether this row belongs "
                    "to the level-2 above or below",
                )
            )
        out.append(chosen)
    return out


def _nearest_word(items: Iterable[_Row | _Anchor], level1: str | None) -> str | None:
    """The first level-2 word among ``items`` before the group changes."""
    for item in items:
        if item.level1 != level1:
            return None
        word = item.level2
        if word:
            return word
    return None


def _level1(
    row: _Row,
    level2: str | None,
    groups: list[Group],
    where: tuple[str, int, int],
    findings: list[Finding],
) -> str | None:
    """The row's level-1 label: the one printed above it, checked against its level-2 word.

    Where the level-2 word belongs to another group of the rule set, the label above is
    kept (units may file a level-2 elsewhere) and the other group is reported; a row
    with no label above takes its level-2 word's group.
    """
    words = vocabulary()
    by_word = words.group_of_level2(level2)
    if by_word is None or by_word is words.group_of_level1(row.level1):
        return row.level1
    other = next((g.name for g in groups if by_word.matches(g.name)), by_word.name)
    chosen = row.level1 or other
    document, form, index = where
    findings.append(
        uncertain(
            document,
            form,
            f"indicators[{index}].level1",
            chosen,
            [chosen, other if row.level1 else "(空)"],
            f"二级目标“{level2}”属于“{other}”，但本行印在“{row.level1 or '（无）'}”之下",
            f"level-2 {level2!r} belongs to {other!r} but the row stands under {row.level1!r}",
        )
    )
    return chosen
