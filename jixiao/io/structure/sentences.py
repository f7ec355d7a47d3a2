"""Indicator trees written as sentences (a budget notice, a 绩效目标公开 page), not as a table.

A level name and ``：`` (or ``1.产出指标``) opens its group; each clause under it is an indicator.
"""

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from jixiao.core.model import Indicator
from jixiao.core.values import COMPARATORS_BEFORE, ValueKind, parse_value
from jixiao.io.document import Block, Ledger
from jixiao.io.structure.funds import read_funds_sentence
from jixiao.io.structure.rows import GroupEntry
from jixiao.io.structure.values import group_label
from jixiao.io.vocabulary import Vocabulary, alternation, vocabulary

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


@cache
def _levels(layout_id: str) -> tuple[re.Pattern, re.Pattern, frozenset]:
    """The opener at a line's start, a level name after ``：`` or a clause mark, level-1 names."""
    vocab = vocabulary(layout_id)
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
        self.opener, self.inline, self.level1_names = _levels(vocab.layout.id)
        self.level1: str | None = None
        self.level2: str | None = None
        self.depth = 0  # numbering depth of the last level heading (0: unnumbered)
        self.depth1 = 0  # … of the last level-1 heading
        self.item_depth = 0  # … of the numbered lines read as items of the current level
        self.filled = False  # the current level has an indicator
        self.carry = ""  # a clause the line's end may have cut
        self.bare = False  # the last level line printed its name only

    def level(self, printed: str, depth: int) -> None:
        """A level name (with its points) opens a group, or a level 2 under the current one."""
        self.flush()
        label = group_label(printed)
        name, tree = label.name, self.vocab.names["indicators.tree"]
        # a name of both levels (成本指标) is a group unless under the current one or numbered deeper
        numbered_as_group = bool(depth and depth <= self.depth1)
        under_current = (name in tree.get(self.level1 or "", ()) and not numbered_as_group) or bool(
            self.level1 and self.depth1 and depth > self.depth1
        )
        group = name in tree or (name in self.level1_names and not self.vocab.group_of(name))
        if group and not under_current:
            self.level1, self.level2, self.depth1 = name, None, depth
            entry = self.table.groups.setdefault(name, GroupEntry(name))
            entry.weight, entry.band = entry.weight or label.points, entry.band or label.band
        else:
            group = self.level1 if under_current else self.vocab.group_of(name) or self.level1
            if group != self.level1 or group is None:
                key = group or name
                self.table.groups.setdefault(key, GroupEntry(key, printed=False))
                self.level1 = group
            self.level2 = name
        self.item_depth, self.filled = 0, False

    def read_line(self, block: Block) -> bool:
        """Read one line into the tree; False when the line is no part of it."""
        depth, rest = numbered(_line(block))
        if found := self.opener.match(rest):
            self.level(found[1] + rest[found.end(1) : found.start(2)], depth)
            self.depth, rest = depth, rest[found.end() :]
            self.bare = not rest  # a heading alone: its items follow on lines of their own
        elif self._continues(depth, rest):
            if not depth:  # the clause the line before broke off goes on here (质量指 | 标：…)
                rest, self.carry = self.carry + rest, ""
            self.item_depth = depth
        else:
            return False
        at = 0
        for marker in self.inline.finditer(rest):
            self.clauses(rest[at : marker.start()])
            self.level(rest[marker.start(1) : marker.end()].rstrip("：: "), 0)
            at = marker.end()
        self.clauses(rest[at:])
        return True

    def _continues(self, depth: int, rest: str) -> bool:
        """Whether an unheaded line is the current level's: numbered deeper, or first under it."""
        if self.vocab.is_label(split_label(rest)[0]):
            return False  # 项目名称：… after the tree
        if depth:  # under an unnumbered heading, only a run of items it printed nothing before
            return depth > self.depth and (
                self.depth or not self.filled or depth == self.item_depth
            )
        if not self.filled or self.carry:
            return True
        first = _CLAUSES.split(rest)[0]  # a short line with a colon or a value reads as an item
        item = ":" in first or "：" in first or bool(split_clause(first)[1])
        return self.bare and len(rest) <= ITEM_MAX and item

    def clauses(self, text: str) -> None:
        """Each clause an indicator; a last one with no value held (``培训合`` | ``格率≥95%；``)."""
        self.flush()
        *done, self.carry = _CLAUSES.split(text)
        for printed in done:
            self._clause(printed)
        if split_clause(self.carry.strip())[1] is not None or not self.carry.strip():
            self.flush()

    def flush(self) -> None:
        """The clause held at a line's end is whole: the tree goes on with a heading or ends."""
        carry, self.carry = self.carry, ""
        self._clause(carry)

    def _clause(self, printed: str) -> None:
        if not (clause := _ORDINAL.sub("", _NUMBERING.sub("", printed)).strip()):
            return
        name, target = split_clause(clause)
        column = self.vocab.field("indicators.columns", name) if target else None
        indicators = self.table.indicators
        if column == "name":  # 指标名称：培训人次
            name, target = target, None
        elif column == "target" and self.filled and indicators[-1].target is None:
            indicators[-1] = replace(indicators[-1], target=target)  # 培训人次，指标值≥200人次
            path = f"indicators[{len(indicators) - 1}].name"
            self.table.uncertain = [u for u in self.table.uncertain if u[0] != path]
            return
        if target is None:
            path = f"indicators[{len(indicators)}].name"
            self.table.uncertain.append((path, clause, [clause, f"target: {clause}"], *UNCERTAIN))
        indicators.append(Indicator(self.level1, self.level2, name, target=target))
        self.table.projects.append(None)
        self.filled = True


def split_label(text: str) -> tuple[str, str | None]:
    """``(head, rest)`` of a text at its first colon (either width); rest None without one."""
    head, colon, _ = text.replace("：", ":").partition(":")
    return head, text[len(head) + 1 :] if colon else None


def split_clause(clause: str) -> tuple[str, str | None]:
    """``(name, target)`` of a clause: parted at a colon or where a value ends it, else target None."""
    head, value = split_label(clause)
    if value and head.strip() and value.strip():
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
    """Read a tree (or a funds sentence) from ``blocks[at]``; the index after, or None: none."""
    line = _line(blocks[at])
    funds = read_funds_sentence(blocks[at], vocab, ledger, draft)
    if funds or _numbered_label(blocks, at, vocab, draft):
        ledger.take(blocks[at])
        return at + 1
    if OPENER_WORD not in line or not _heads_tree(blocks, at, vocab):  # most lines end here
        return None
    stop = at
    if vocab.field("indicators", numbered(line)[1]) == "block":  # （二）绩效指标 over it
        ledger.take(blocks[at])
        stop = following(blocks, at)
    tree = _Tree(vocab, draft)
    while stop < len(blocks) and (blocks[stop].blank or tree.read_line(blocks[stop])):
        ledger.take(blocks[stop])
        stop += 1
    tree.flush()
    draft.tables += 1
    draft.written = True
    _kind_and_year(draft, blocks)
    return stop


def _numbered_label(blocks: list[Block], at: int, vocab: Vocabulary, draft: "Draft") -> bool:
    """``（一）年度绩效目标：…`` in a notice with a tree written as sentences (else an instruction)."""
    depth, rest = numbered(_line(blocks[at]))
    head, value = split_label(rest)
    if not depth or not value or not value.strip():
        return False
    key = next((f"{s}.{k}" for s in LABELLED if (k := vocab.field(s, head))), None)
    if key is None or not any(opens_tree(_line(b), vocab) for b in blocks):
        return False
    return draft.fields.put(key, value.strip())


def _line(block: Block) -> str:
    """A line's text, its cells (recovered from a text copy) joined back as printed."""
    return "".join(t for _, t in block.filled)


def opens_tree(line: str, vocab: Vocabulary) -> bool:
    """Whether a line opens a tree: a level name and ``：``, or a level's numbered heading."""
    if OPENER_WORD not in line:
        return False
    depth, rest = numbered(line)
    found = _levels(vocab.layout.id)[0].match(rest)
    return bool(found) and (found[2] in ("：", ":") or bool(depth))


def is_tree_heading(line: str, vocab: Vocabulary) -> bool:
    """Whether a line is a level name alone (产出指标, 1.产出指标): a heading when a tree follows."""
    return OPENER_WORD in line and bool(_levels(vocab.layout.id)[0].fullmatch(numbered(line)[1]))


def _heads_tree(blocks: list[Block], at: int, vocab: Vocabulary, headings: int = 2) -> bool:
    """Whether a tree starts at ``blocks[at]``: a line opening one, under up to two headings."""
    line = _line(blocks[at])
    if opens_tree(line, vocab):
        return True
    heading = vocab.field("indicators", numbered(line)[1]) == "block"  # 绩效指标
    if not headings or not (heading or is_tree_heading(line, vocab)):
        return False
    after = following(blocks, at)
    return after < len(blocks) and _heads_tree(blocks, after, vocab, headings - 1)


def following(blocks: list[Block], at: int) -> int:
    """The index of the first block after ``at`` that is not blank (``len(blocks)``: none)."""
    return next((n for n in range(at + 1, len(blocks)) if not blocks[n].blank), len(blocks))


def numbered(line: str) -> tuple[int, str]:
    """``(depth of the line's heading number, the line without it)``; depth 0 when none."""
    found = _NUMBERING.match(line)  # one group matches: its number is the depth
    return (found.lastindex, line[found.end() :].strip()) if found else (0, line.strip())


def _kind_and_year(draft: "Draft", blocks: list[Block]) -> None:
    """A notice's kind (自评 in a heading) and year: the one its headings, else its text, print."""
    headings = [b.text for b in blocks if not _CLAUSES.search(b.text)]
    kind = "self_evaluation" if any("自评" in h for h in headings) else "target"
    draft.kind = draft.kind or kind
    for texts in (headings, [b.text for b in blocks]):
        years = set(_YEAR.findall("\n".join(texts)))
        if draft.year is None and len(years) == 1:
            draft.year = int(years.pop())
