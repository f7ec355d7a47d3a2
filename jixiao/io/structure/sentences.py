"""Indicator trees written as sentences (a budget notice, a 绩效目标公开 page), not as a table.

``产出指标：数量指标：培训人次≥200人次；质量指标：…`` on one line, or numbered lines
(``1.产出指标`` / ``（1）数量指标：全年培训不少于200人次，…``, ``一是……；二是……``): a level name of
the vocabulary followed by ``：`` (or alone on a numbered heading) opens its group, and every
clause under it (between ，；。) is one indicator. A clause is split where the value grammar
(SPEC §3) reads a value at its end, the comparator as printed: ``培训人次≥200人次`` → 培训人次 /
``≥200人次``, ``全年培训不少于200人次`` → 全年培训 / ``不少于200人次``. A clause with no such value is
kept whole as the name and reported (``uncertain-value``). Funds sentences: ``funds_sentence``.
"""

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from jixiao.core.model import Indicator
from jixiao.core.values import COMPARATORS_BEFORE, ValueKind, parse_value
from jixiao.io.document import Block, Ledger
from jixiao.io.structure.funds_sentence import read_funds_sentence
from jixiao.io.structure.rows import GroupEntry
from jixiao.io.structure.values import group_label
from jixiao.io.vocabulary import Vocabulary, alternation

if TYPE_CHECKING:
    from jixiao.io.structure.reader import Draft

# Heading numbers by depth: 一、 > （一） > 1. > （1） > ①; 0 is an unnumbered line.
_NUMBERING = re.compile(
    r"^\s*(?:(?P<d1>[一二三四五六七八九十]+[、.．])|(?P<d2>[(（][一二三四五六七八九十]+[)）])"
    r"|(?P<d3>\d{1,2}[、.．](?!\d))|(?P<d4>[(（]\d{1,2}[)）]|\d{1,2}[)）])|(?P<d5>[①-⑳]))\s*"
)
_ORDINAL = re.compile(r"^\s*[一二三四五六七八九十]+是")  # 一是……；二是……
# A number before a level name inside a line: （一）产出指标。1.数量指标：…；2.质量指标：…
_MARK = r"(?:[(（]?(?:[一二三四五六七八九十]+|\d{1,2})[)）、.．](?!\d)|[①-⑳])?"
ITEM_MAX = 40  # characters: a longer unnumbered line under a heading is prose, not an item
_CLAUSES = re.compile(r"[；;。！!，]|(?<!\d),|,(?!\d)")
_POINTS = r"(?:[(（][\d.\s\-－—~～至]+分?[)）]分?)?"
# A value ends its clause: a number, a short unit, a comparator word after it (≥45万平方米,
# 达到90%以上); 3个村道路硬化 goes on past its unit and is no value of its own.
_VALUE_END = re.compile(
    r"\d\s*(?:[%％‰]|[\u4e00-\u9fffA-Za-z/²³]{0,5})\s*(?:及?以上|及?以下|[以之]内)?$"
)
_DATE_PART = re.compile(r"\d\s*[年月]?$")  # a name ending inside a date: 2024年 | 10月底前完成
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")  # a budget year, not a date
LABELLED = ("goals", "project")  # labels a notice may number: （一）年度绩效目标：…
OPENER_WORD = "指标"  # every level name that can open a tree has it: lines without it end early
UNCERTAIN = (
    "句子中未能分开指标名称和指标值，整句作为指标名称",
    "the sentence does not part the indicator's name from its value: kept whole as the name",
)


def _levels(vocab: Vocabulary) -> tuple[re.Pattern, re.Pattern, frozenset]:
    """The opener at a line's start, a level name after ``：`` or a clause mark, level-1 names."""
    if vocab.layout.id not in _LEVELS:
        _LEVELS[vocab.layout.id] = _compiled(vocab)
    return _LEVELS[vocab.layout.id]


_LEVELS: dict[str, tuple[re.Pattern, re.Pattern, frozenset]] = {}


def _compiled(vocab: Vocabulary) -> tuple[re.Pattern, re.Pattern, frozenset]:
    tree = vocab.names["indicators.tree"]
    level1 = frozenset(vocab.words("indicators.levels", "level1")) | frozenset(tree)
    names = level1 | set(vocab.words("indicators.levels", "level2"))
    names |= {n for under in tree.values() for n in under}
    names -= set(vocab.words("indicators", "block"))  # 绩效指标 heads a tree, it is no group
    alternatives = alternation(names)
    blocks = alternation(vocab.words("indicators", "block"))
    # 绩效指标：产出指标：… — the block's label first (绩效指标 is also 四川's level 1)
    # (a table's label cell before the sentence cell: 绩效指标 | 产出指标：…, joined without ：)
    opener = re.compile(rf"^(?>(?:{blocks})\s*[：:]?\s*|)({alternatives}){_POINTS}\s*([：:。.]|$)")
    inline = re.compile(rf"(?:^|(?<=[；;。，,：:]))\s*{_MARK}\s*({alternatives}){_POINTS}\s*[：:]")
    return opener, inline, level1


class _Tree:
    """The tree read so far: the current groups, the depth of the last level heading."""

    def __init__(self, vocab: Vocabulary, draft: "Draft") -> None:
        self.vocab, self.table = vocab, draft.table
        self.level1: str | None = None
        self.level2: str | None = None
        self.depth = 0  # numbering depth of the last level heading (0: unnumbered)
        self.depth1 = 0  # … of the last level-1 heading
        self.item_depth = 0  # … of the numbered lines read as items of the current level
        self.filled = False  # the current level has an indicator
        self.carry = ""  # a clause the line's end may have cut
        self.bare = False  # the last level line printed its name only

    def level(self, printed: str, depth: int, level1_names: frozenset) -> None:
        """A level name (with its points) opens a group or a level 2 under the current one.

        A name of both levels is a group where the tree has it as one (成本指标) unless the tree
        puts it under the current group or its heading is numbered deeper than the group's;
        a level 2 of the tree only (服务对象满意度指标) is a level 2.
        """
        self.flush()
        label = group_label(printed)
        name, tree = label.name, self.vocab.names["indicators.tree"]
        numbered_as_group = bool(depth and depth <= self.depth1)
        under_current = (name in tree.get(self.level1 or "", ()) and not numbered_as_group) or bool(
            self.level1 and self.depth1 and depth > self.depth1
        )
        group = name in tree or (name in level1_names and not self.vocab.group_of(name))
        if group and not under_current:
            self.level1, self.level2, self.depth1 = name, None, depth
            entry = self.table.groups.setdefault(name, GroupEntry(name))
            entry.weight, entry.band = entry.weight or label.points, entry.band or label.band
        else:
            group = self.level1 if under_current else self.vocab.group_of(name) or self.level1
            if group != self.level1 or group is None:
                self.table.groups.setdefault(
                    group or name, GroupEntry(group or name, printed=False)
                )
                self.level1 = group
            self.level2 = name
        self.item_depth, self.filled = 0, False

    def clauses(self, text: str) -> None:
        """Each clause of ``text`` an indicator.

        A last clause with no mark after it and no value (``培训合`` | ``格率≥95%；``) is held: a
        line may break inside it, and the next line of the level continues it.
        """
        self.flush()
        *done, last = _CLAUSES.split(text)
        for printed in done:
            self._clause(printed)
        if split_clause(last.strip())[1] is None and last.strip():
            self.carry = last
        else:
            self._clause(last)

    def flush(self) -> None:
        """The clause held at a line's end is whole: the tree goes on with a heading or ends."""
        carry, self.carry = self.carry, ""
        self._clause(carry)

    def _clause(self, printed: str) -> None:
        if clause := _ORDINAL.sub("", _NUMBERING.sub("", printed)).strip():
            self._indicator(clause)

    def _indicator(self, clause: str) -> None:
        name, target = split_clause(clause)
        column = self.vocab.field("indicators.columns", name) if target else None
        if column == "name":  # 指标名称：培训人次
            name, target = target, None
        elif column == "target" and self._give_target(target):  # 培训人次，指标值≥200人次
            return
        index = len(self.table.indicators)
        if target is None:
            self.table.uncertain.append(
                (f"indicators[{index}].name", clause, [clause, f"target: {clause}"], *UNCERTAIN)
            )
        self.table.indicators.append(Indicator(self.level1, self.level2, name, target=target))
        self.table.projects.append(None)
        self.filled = True

    def _give_target(self, target: str | None) -> bool:
        """A 指标值 clause's value is the target of the indicator before it, if it has none."""
        indicators = self.table.indicators
        if not self.filled or indicators[-1].target is not None:
            return False
        indicators[-1] = replace(indicators[-1], target=target)
        path = f"indicators[{len(indicators) - 1}].name"
        self.table.uncertain = [u for u in self.table.uncertain if u[0] != path]
        return True


def split_clause(clause: str) -> tuple[str, str | None]:
    """``(name, target)`` of a clause: parted where a value the grammar reads ends it.

    The value starts at a printed comparator or a number; a name ending inside a date
    (``2024年`` before ``10月底前完成``) is no name. No value: the clause whole and None.
    """
    head, colon, value = clause.replace("：", ":").partition(":")
    if colon and head.strip() and value.strip():
        return head.strip(), value.strip()
    for start in range(1, len(clause)):
        rest = clause[start:]
        if not (rest[0].isdigit() or rest.startswith(COMPARATORS_BEFORE)):
            continue
        if clause[start - 1].isdigit() or _DATE_PART.search(clause[:start]):
            continue
        if _VALUE_END.search(rest) and parse_value(rest).kind is ValueKind.QUANTITATIVE:
            return clause[:start].strip(), rest.strip()
    return clause, None


def read_sentences(
    blocks: list[Block], at: int, vocab: Vocabulary, ledger: Ledger, draft: "Draft"
) -> int | None:
    """Read a tree (or a funds sentence) written as sentences from ``blocks[at]``.

    Returns the index of the first block after it, or None when ``blocks[at]`` opens none.
    """
    line = _line(blocks[at])
    if read_funds_sentence(blocks[at], vocab, ledger, draft) or _numbered_label(
        blocks, at, vocab, draft
    ):
        ledger.take(blocks[at])
        return at + 1
    if OPENER_WORD not in line:  # most lines of a form end here
        return None
    if not _heads_tree(blocks, at, vocab):
        return None
    stop = at
    if vocab.field("indicators", _numbered(line)[1]) == "block":  # （二）绩效指标 over it
        ledger.take(blocks[at])
        stop = _following(blocks, at)
    opener, inline, level1 = _levels(vocab)
    tree = _Tree(vocab, draft)
    while stop < len(blocks):
        block = blocks[stop]
        if not block.blank and not _read_line(block, tree, opener, inline, level1):
            break
        ledger.take(block)
        stop += 1
    tree.flush()
    draft.tables += 1
    draft.written = True
    _kind_and_year(draft, blocks)
    return stop


def _numbered_label(blocks: list[Block], at: int, vocab: Vocabulary, draft: "Draft") -> bool:
    """``（一）年度绩效目标：…`` in a notice whose tree is written as sentences: the label's value.

    Elsewhere a numbered label line is an instruction about the label (一、项目名称：填写…),
    which the label reader leaves alone.
    """
    depth, rest = _numbered(_line(blocks[at]))
    head, colon, value = rest.replace("：", ":").partition(":")
    if not depth or not colon or not value.strip():
        return False
    key = next((f"{s}.{k}" for s in LABELLED if (k := vocab.field(s, head))), None)
    if key is None or not any(opens_tree(_line(b), vocab) for b in blocks):
        return False
    return draft.fields.put(key, value.strip())


def _line(block: Block) -> str:
    """A line's text, its cells (recovered from a text copy) joined back as printed."""
    return "".join(t for _, t in block.filled)


def opens_tree(line: str, vocab: Vocabulary) -> bool:
    """Whether a line opens a tree: a level name and ``：``, or a level's numbered heading.

    A level name alone on an unnumbered line is a table's cell, not a heading.
    """
    if OPENER_WORD not in line:
        return False
    depth, rest = _numbered(line)
    found = _levels(vocab)[0].match(rest)
    return bool(found) and (found[2] in ("：", ":") or bool(depth))


def is_tree_heading(line: str, vocab: Vocabulary) -> bool:
    """Whether a line is a level name alone (产出指标, 1.产出指标): a heading when a tree follows."""
    return OPENER_WORD in line and bool(_levels(vocab)[0].fullmatch(_numbered(line)[1]))


def _heads_tree(blocks: list[Block], at: int, vocab: Vocabulary, headings: int = 2) -> bool:
    """Whether a tree starts at ``blocks[at]``.

    It does at a line that opens one, or at up to ``headings`` headings (绩效指标, a level name
    alone) over such a line.
    """
    line = _line(blocks[at])
    if opens_tree(line, vocab):
        return True
    heading = vocab.field("indicators", _numbered(line)[1]) == "block"
    if not headings or not (heading or is_tree_heading(line, vocab)):
        return False
    following = _following(blocks, at)
    return following < len(blocks) and _heads_tree(blocks, following, vocab, headings - 1)


def _following(blocks: list[Block], at: int) -> int:
    """The index of the first line after ``at`` that is not blank (``len(blocks)``: none)."""
    return next((n for n in range(at + 1, len(blocks)) if not blocks[n].blank), len(blocks))


def _read_line(block: Block, tree: _Tree, opener, inline, level1: frozenset) -> bool:
    """Read one line into the tree; False when the line is no part of it."""
    depth, rest = _numbered(_line(block))
    if found := opener.match(rest):
        tree.level(found[1] + rest[found.end(1) : found.start(2)], depth, level1)
        tree.depth, rest = depth, rest[found.end() :]
        tree.bare = not rest  # a heading alone: its items follow on lines of their own
    elif _continues(tree, depth, rest):
        if not depth:  # the clause the line before broke off goes on here (质量指 | 标：…)
            rest, tree.carry = tree.carry + rest, ""
        tree.item_depth = depth
    else:
        return False
    at = 0
    for marker in inline.finditer(rest):
        tree.clauses(rest[at : marker.start()])
        tree.level(rest[marker.start(1) : marker.end()].rstrip("：: "), 0, level1)
        at = marker.end()
    tree.clauses(rest[at:])
    return True


def _continues(tree: _Tree, depth: int, rest: str) -> bool:
    """Whether an unheaded line belongs to the current level.

    It does when numbered deeper than the level's heading, or when it is the first line
    under a heading that printed nothing of its own.
    """
    head = rest.replace("：", ":").partition(":")[0]
    if tree.vocab.is_label(head):
        return False  # 项目名称：… after the tree
    if depth:  # under an unnumbered heading, only a run of items it printed nothing before
        return depth > tree.depth and (tree.depth or not tree.filled or depth == tree.item_depth)
    return not tree.filled or bool(tree.carry) or (tree.bare and _item_like(rest))


def _item_like(line: str) -> bool:
    """Whether an unnumbered line reads as an indicator: short, with a colon or a value."""
    first = _CLAUSES.split(line)[0]
    return len(line) <= ITEM_MAX and (":" in first or "：" in first or bool(split_clause(first)[1]))


def _numbered(line: str) -> tuple[int, str]:
    """``(depth of the line's heading number, the line without it)``; depth 0 when none."""
    found = _NUMBERING.match(line)
    if not found:
        return 0, line.strip()
    depth = next(int(k[1]) for k, v in found.groupdict().items() if v)
    return depth, line[found.end() :].strip()


def _kind_and_year(draft: "Draft", blocks: list[Block]) -> None:
    """The kind and the budget year of a notice.

    A self-evaluation when a heading says 自评 (2023年度项目绩效自评情况; a sentence asking for
    one, 年度终了开展绩效自评, does not). The year is the one year its headings print, else
    the one year it prints, that is not a date's (``2024年度``, not ``2024年3月5日``).
    """
    headings = [b.text for b in blocks if not _CLAUSES.search(b.text)]
    draft.kind = draft.kind or (
        "self_evaluation" if any("自评" in h for h in headings) else "target"
    )
    for texts in (headings, [b.text for b in blocks]):
        years = set(_YEAR.findall("\n".join(texts)))
        if draft.year is None and len(years) == 1:
            draft.year = int(years.pop())
