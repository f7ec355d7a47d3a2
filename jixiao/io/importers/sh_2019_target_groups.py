"""Which level-1 group each indicator of a sh-2019-target table belongs to, and loose values.

The level-1 cells are merged over their rows, and PDF text prints a merged cell's label
wherever its vertical position falls: before, among or after its rows, and the
投入和管理目标 label often far from its block. So:

- an indicator of the standard 投入和管理 vocabulary (预算执行率, 资金使用合规性, 财务制度
  健全性 …) belongs to 投入和管理目标 wherever it is printed; one printed apart from that
  block (after an 产出 / 效果 / 影响力 label, no management row next to it) with no
  投入和管理 label next to it either is reported as uncertain;
- any other indicator belongs to the 产出 / 效果 / 影响力 label printed last before it
  (rows before the first such label: to that first label). It is reported as uncertain
  where its meaning points to another group (满意度 → 效果, 长效 / 预案 / 完备 → 影响力)
  and where it is a rate of bad events (故障率: an output's quality or an effect). One
  that stands inside the 投入和管理 block (both neighbours management rows) and whose
  words point nowhere is given to 投入和管理目标, reported as uncertain.

Indicators printed without a value take the loose values: one of each is a match; with
more, by shared characters then in order, each reported as uncertain.
"""

import re
from dataclasses import dataclass

from jixiao.core.model import Group, Indicator
from jixiao.core.values import BAD_EVENT_WORDS
from jixiao.io.importers import sh_2019_target_vocab as vocab
from jixiao.io.importers.sh_2019_target_form import FormText
from jixiao.io.importers.sh_2019_target_lines import join_wrapped
from jixiao.io.importers.sh_2019_target_table import GroupLabel, Item, Loose, Row

_BAD_RATE = re.compile(rf"(?:{'|'.join(BAD_EVENT_WORDS)}){vocab.RATE_SUFFIX}")
ORDER = tuple(vocab.GROUPS)


@dataclass
class _Table:
    """The rows with what is known of each: position group, management, label nearby."""

    rows: list[Row]
    positions: list[str | None]
    after_label: list[bool]  # printed after the first 产出 / 效果 / 影响力 label
    management: list[bool]
    near_input_label: list[bool]
    printed: dict[str, str]

    def name_of(self, key: str | None) -> str | None:
        """The printed level-1 name of a group key (the template's name if not printed)."""
        return None if key is None else self.printed.get(key, vocab.GROUPS[key][0])


def is_management(name: str) -> bool:
    """Whether an indicator is one of the 投入和管理 block's fund / management items."""
    return any(word in name for word in vocab.MANAGEMENT_WORDS)


def meaning_group(name: str) -> str | None:
    """The group an indicator's words point to, if any (satisfaction and impact first)."""
    for key, words in sorted(vocab.MEANING_WORDS.items(), key=lambda kv: kv[0] == "output"):
        if any(word in name for word in words):
            return key
    return None


def _table(items: list[Item]) -> _Table:
    rows = [item for item in items if isinstance(item, Row)]
    positions: dict[int, str | None] = {}
    waiting: list[Row] = []
    last: str | None = None
    near: set[int] = set()
    previous: Row | None = None
    printed: dict[str, str] = {}
    for item in items:
        if isinstance(item, GroupLabel):
            printed.setdefault(item.group, item.printed)
            if item.group == vocab.INPUT:
                _mark_near(near, previous, item, items)
                continue
            if last is None:  # rows printed before the first label are its rows
                positions.update((id(r), item.group) for r in waiting)
            last = item.group
        elif isinstance(item, Row):
            positions[id(item)] = last
            if last is None:
                waiting.append(item)
            previous = item
    return _Table(
        rows=rows,
        positions=[positions.get(id(r)) for r in rows],
        after_label=[id(r) not in {id(w) for w in waiting} for r in rows],
        management=[is_management(r.name) for r in rows],
        near_input_label=[id(r) in near for r in rows],
        printed=printed,
    )


def _mark_near(near: set[int], previous: Row | None, label: GroupLabel, items: list[Item]) -> None:
    """The rows printed right before and right after a 投入和管理 label."""
    if previous is not None:
        near.add(id(previous))
    following = next((i for i in items[items.index(label) + 1 :] if isinstance(i, Row)), None)
    if following is not None:
        near.add(id(following))


def _decide(form: FormText, table: _Table, i: int) -> str | None:
    """The group key of row ``i``; reports the places the text does not settle."""
    rows, management = table.rows, table.management
    before = management[i - 1] if i > 0 else None
    after = management[i + 1] if i + 1 < len(rows) else None
    position = table.positions[i]
    if management[i]:
        apart = before is not True and after is not True and table.after_label[i]
        if apart and not table.near_input_label[i]:
            _doubt_group(form, table, i, vocab.INPUT, position or "output", "apart")
        return vocab.INPUT
    name = rows[i].name
    hint = meaning_group(name)
    if before and after and hint is None:
        _doubt_group(form, table, i, vocab.INPUT, position, "inside")
        return vocab.INPUT
    if hint and hint != position:
        _doubt_group(form, table, i, position, hint, "meaning")
    elif _BAD_RATE.search(name) and position in vocab.OUTPUT_OR_EFFECT:
        other = next(k for k in vocab.OUTPUT_OR_EFFECT if k != position)
        _doubt_group(form, table, i, position, other, "rate")
    return position


_WHY = {
    "apart": (
        "投入和管理类指标印在投入和管理目标的行之外，旁边没有该标签",
        "a fund/management indicator printed apart from the 投入和管理目标 rows, no such label next to it",
    ),
    "inside": (
        "非管理类指标印在投入和管理目标的行之间",
        "an indicator that is no fund/management item printed among the 投入和管理目标 rows",
    ),
    "meaning": (
        "指标的含义指向另一个一级指标，与其印刷位置不符",
        "the indicator's meaning points to another level-1 group than where it is printed",
    ),
    "rate": (
        "不良事件发生率既可作产出（质量）也可作效果",
        "a rate of bad events may be an output (quality) or an effect",
    ),
}


def _doubt_group(
    form: FormText, table: _Table, i: int, chosen: str | None, other: str | None, why: str
) -> None:
    zh, en = _WHY[why]
    names = [n for n in (table.name_of(chosen), table.name_of(other)) if n]
    form.doubt(
        f"indicators[{i}].level1",
        table.name_of(chosen),
        names,
        f"“{table.rows[i].name}”的一级指标：{zh}",
        f"level 1 of {table.rows[i].name!r}: {en}",
    )


def _overlap(a: str, b: str) -> int:
    """Length of the longest common substring (names and values are short)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def loose_targets(form: FormText, rows: list[Row], loose: list[Loose]) -> dict[int, Loose]:
    """Loose values for the rows printed without one: ``{row index: value}``."""
    empty = [i for i, row in enumerate(rows) if not row.target]
    if not empty or not loose:
        return {}
    if len(empty) == 1 and len(loose) == 1:
        return {empty[0]: loose[0]}
    pairs = sorted(
        ((_overlap(rows[i].name, v.text), -i, -k) for i in empty for k, v in enumerate(loose)),
        reverse=True,
    )
    chosen: dict[int, Loose] = {}
    used: set[int] = set()
    for score, neg_i, neg_k in pairs:
        if score and -neg_i not in chosen and -neg_k not in used:
            chosen[-neg_i] = loose[-neg_k]
            used.add(-neg_k)
    rest = iter(v for k, v in enumerate(loose) if k not in used)
    for i in empty:
        if i not in chosen and (value := next(rest, None)) is not None:
            chosen[i] = value
    candidates = [v.text for v in loose]
    for i in empty:
        form.doubt(
            f"indicators[{i}].target",
            chosen[i].text if i in chosen else None,
            candidates,
            f"“{rows[i].name}”没有印出目标值；散落的值不止一个",
            f"no value printed with {rows[i].name!r}; more than one loose value could be its",
        )
    return chosen


def indicators(
    form: FormText, items: list[Item]
) -> tuple[tuple[Indicator, ...], tuple[Group, ...]]:
    """The indicators and the level-1 groups of a table's items."""
    table = _table(items)
    keys = [_decide(form, table, i) for i in range(len(table.rows))]
    loose = loose_targets(form, table.rows, [item for item in items if isinstance(item, Loose)])
    out = []
    for i, row in enumerate(table.rows):
        form.take(row.lines)
        target = join_wrapped(row.target) or None
        if i in loose:
            form.take([loose[i].line])
            target = loose[i].text
        out.append(
            Indicator(
                level1=table.name_of(keys[i]),
                level2=None,
                name=row.name,
                explanation=join_wrapped(row.explanation) or None,
                target=target,
            )
        )
    for item in items:
        if isinstance(item, GroupLabel):
            form.take(item.lines)
    present = set(keys) | set(table.printed)
    groups = tuple(Group(table.name_of(key) or key) for key in ORDER if key in present)
    return tuple(out), groups
