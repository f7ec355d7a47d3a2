"""Which level-1 group each row belongs to when the text has lost the merged cells.

The template fixes the groups and their order (投入与管理 36, 产出目标 34, 效果目标 15,
影响力目标 15 in the sh-2019 rule set) and prints every row of a group before the next
group's. So the rows, in printed order, fill the groups one after the other: a group is
complete when its rows' weights add up to its weight (printed ``（36分）``, else the rule
set's). Where that fails, or a zero-weight row sits on a boundary, or the fixed
投入与管理 indicators do not land in their group, the reading is reported as uncertain.
"""

from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.findings import Finding
from jixiao.core.model import Group
from jixiao.core.rulesets import RuleSet
from jixiao.io.importers.base import uncertain
from jixiao.io.importers.sh_2019_self_eval_table import PrintedGroup, Row
from jixiao.io.text import squeeze


@dataclass(frozen=True)
class Where:
    """The document and the form (index in the importer's result) findings are about."""

    document: str
    form: int


@dataclass(frozen=True)
class _Plan:
    """A group as it will be output: name, weight, whether printed, fixed indicator names."""

    name: str
    weight: Decimal | None
    printed: bool
    fixed: frozenset[str] = frozenset()


def name_key(name: str) -> str:
    """An indicator name for comparison: no spaces, half-width brackets."""
    return squeeze(name).replace("（", "(").replace("）", ")")


def _plans(printed: list[PrintedGroup], rules: RuleSet) -> list[_Plan]:
    plans = []
    for rule in rules.groups:
        hit = next((p for p in printed if rule.matches(p.name)), None)
        weight = hit.weight if hit is not None and hit.weight is not None else rule.weight
        fixed = frozenset(name_key(n) for n, _ in rule.fixed)
        plans.append(_Plan(hit.name if hit else rule.name, weight, hit is not None, fixed))
    known = {p.name for p in plans if p.printed}
    # Groups the rule set does not know keep their printed order, after the known ones.
    plans.extend(_Plan(p.name, p.weight, True) for p in printed if p.name not in known)
    return plans


def _partition(weights: list[Decimal], sizes: list[Decimal | None]) -> list[int] | None:
    """Group index of each row, filling groups in order; None when the sums do not meet."""
    out: list[int] = []
    group, filled = 0, Decimal(0)
    for weight in weights:
        if group >= len(sizes) or sizes[group] is None:
            return None
        filled += weight
        out.append(group)
        if filled == sizes[group]:
            group, filled = group + 1, Decimal(0)
        elif filled > sizes[group]:  # type: ignore[operator]
            return None
    return out if group == len(sizes) else None


def _greedy(weights: list[Decimal], sizes: list[Decimal | None]) -> list[int]:
    """A best guess when the sums do not meet: move on once a group is full or over."""
    out: list[int] = []
    group, filled = 0, Decimal(0)
    for weight in weights:
        out.append(group)
        filled += weight
        size = sizes[group]
        if size is not None and filled >= size and group < len(sizes) - 1:
            group, filled = group + 1, Decimal(0)
    return out


def assign(
    rows: list[Row], printed: list[PrintedGroup], rules: RuleSet, where: Where
) -> tuple[tuple[Group, ...], list[Finding]]:
    """Set each row's ``level1`` from the weights; the groups in template order, findings."""
    plans = _plans(printed, rules)
    sizes = [p.weight for p in plans]
    weights = [r.weight for r in rows]
    findings = [
        uncertain(
            where.document,
            where.form,
            f"groups[{n}].weight",
            None,
            [str(p.weight)] if p.weight is not None else [],
            f"未印出“{p.name}”及其分值；按规则集的分值 {p.weight} 分配指标",
            f"{p.name} and its points are not printed: rows placed by the rule set's {p.weight}",
        )
        for n, p in enumerate(plans)
        if not p.printed
    ]
    settled = _partition(weights, sizes)
    chosen = settled if settled is not None else _greedy(weights, sizes)
    for row, group in zip(rows, chosen, strict=True):
        row.level1 = plans[group].name
    for i in _doubtful(rows, chosen, plans, settled is not None):
        findings.append(_level1_finding(where, i, rows[i], plans))
    # A weight the form does not print stays null: the rule set's was only used to place rows.
    groups = tuple(Group(p.name, p.weight if p.printed else None) for p in plans)
    return groups, findings


def _doubtful(rows: list[Row], chosen: list[int], plans: list[_Plan], settled: bool) -> list[int]:
    """Rows whose group the weights do not settle."""
    if not settled:
        return list(range(len(rows)))
    out = []
    for i, (row, group) in enumerate(zip(rows, chosen, strict=True)):
        on_boundary = row.weight == 0 and i > 0 and chosen[i - 1] != group
        fixed_here = name_key(row.name) in plans[group].fixed
        fixed_elsewhere = any(name_key(row.name) in p.fixed for p in plans)
        misplaced = bool(plans[group].fixed) != fixed_here or (fixed_elsewhere and not fixed_here)
        if on_boundary or misplaced:
            out.append(i)
    return out


def _level1_finding(where: Where, index: int, row: Row, plans: list[_Plan]) -> Finding:
    by_name = [p.name for p in plans if name_key(row.name) in p.fixed]
    candidates = list(dict.fromkeys([row.level1 or "", *by_name, *(p.name for p in plans)]))
    return uncertain(
        where.document,
        where.form,
        f"indicators[{index}].level1",
        row.level1,
        candidates,
        f"“{row.name}”的一级指标由分值推断，文字未能确定",
        f"the level-1 group of {row.name!r} is inferred from the weights; the text does not settle it",
    )
