"""group-weights: the split of weights between groups differs from the rule set's.

mof-2020 asks, in principle (原则上), for 预算执行率 10, 产出指标 50, 效益指标 30,
满意度指标 10; a unit may vary it, so this is a warning for a reviewer. "如未设置满意度指标，则其
权重相应调整至产出指标和效益指标": a form with no 满意度 group may give its 10 to 产出 and 效益
(each keeps at least its own, together they take the 10). sh-2019 fixes 投入与管理 36, 产出目标
34, 效果目标 15, 影响力目标 15, and the six 投入与管理 indicators with their weights. Rule sets
with no default split (mof-2021, sichuan-2023) compare the execution row only. A target that
prints weights is compared too when its tree is the rule set's (issue 11 §1).

Fires:
    a mof-2020 form with 产出指标 60, 效益指标 20.
    a mof-2020 form with no 满意度指标 and 产出指标 45, 效益指标 45.

Passes:
    seed 001 合作交流专项工作经费: 10 / 50 / 30 / 10.
    a mof-2020 form with no 满意度指标 and 产出指标 55, 效益指标 35.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.checks.arithmetic.groups import (
    has_weights,
    tree_is_the_rulesets,
    weight_of_group,
)
from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Form
from jixiao.core.names import same_name
from jixiao.core.numbers import ZERO, to_text
from jixiao.core.rulesets import GroupRule, RuleSet


def _printed(form: Form, rule: GroupRule) -> bool:
    return any(rule.matches(g.name) for g in form.groups) or any(
        rule.matches(i.level1) for i in form.indicators
    )


@dataclass(frozen=True, slots=True)
class _Absence:
    """Groups the form leaves out whose weight moves to others (满意度 under 10号)."""

    names: frozenset[str]  # the groups left out
    weight: Decimal  # their default weight, moved
    takers: frozenset[str]  # the groups that take it


def _absence(form: Form, ruleset: RuleSet) -> _Absence:
    absent = [
        g
        for g in ruleset.groups
        if g.weight is not None and g.absent_moves_to and not _printed(form, g)
    ]
    return _Absence(
        frozenset(g.name for g in absent),
        sum((g.weight or ZERO for g in absent), ZERO),
        frozenset(n for g in absent for n in g.absent_moves_to),
    )


def _rows(ctx: Context) -> list[tuple[str, Decimal, Decimal]]:
    """``(name, default, found)`` of the execution row and every weighted group."""
    rows = []
    rule = ctx.ruleset.execution
    printed = ctx.form.funds.execution_weight
    if rule.placement == "row" and rule.weight is not None and printed is not None:
        rows.append(("预算执行率", rule.weight, printed))
    for group in ctx.ruleset.groups:
        if group.weight is not None:
            rows.append((group.name, group.weight, weight_of_group(ctx.form, group)))
    return rows


def _agrees(rows: list[tuple[str, Decimal, Decimal]], absence: _Absence) -> bool:
    """Whether the form's split is the rule set's, a moved weight allowed for.

    Each group has its default; groups taking a moved weight have at least their default
    and together their defaults plus the moved weight.
    """
    taking = [(default, found) for name, default, found in rows if name in absence.takers]
    if any(f != d for name, d, f in rows if name not in absence.takers):
        return False
    if any(found < default for default, found in taking):
        return False
    together = sum((d for d, _ in taking), ZERO) + absence.weight
    return not taking or sum((f for _, f in taking), ZERO) == together


def _describe(rows: list[tuple[str, Decimal, Decimal]], absence: _Absence) -> tuple[str, str]:
    """``(want, got)``: the default split (with the moved weight) and the form's."""
    takers = [(n, d) for n, d, _ in rows if n in absence.takers]
    want = " / ".join(f"{n} {'≥' if n in absence.takers else ''}{to_text(d)}" for n, d, _ in rows)
    if takers:
        together = sum((d for _, d in takers), ZERO) + absence.weight
        want += f" ({' + '.join(n for n, _ in takers)} = {to_text(together)})"
    return want, " / ".join(f"{n} {to_text(f)}" for n, _, f in rows)


def _split(ctx: Context) -> Iterator[Finding]:
    absence = _absence(ctx.form, ctx.ruleset)
    rows = [row for row in _rows(ctx) if row[0] not in absence.names]
    if _agrees(rows, absence):
        return
    want, got = _describe(rows, absence)
    yield ctx.report(
        "groups",
        f"权重分配为 {got}，规则集默认为 {want}",
        f"weights are split {got}; the rule set's default is {want}",
        expected=want,
        found=got,
    )


def _fixed(ctx: Context) -> Iterator[Finding]:
    for group in ctx.ruleset.groups:
        for name, weight in group.fixed:
            index = next(
                (i for i, ind in enumerate(ctx.form.indicators) if same_name(ind.name, name)), None
            )
            if index is None:
                yield ctx.report(
                    "indicators",
                    f"缺少“{group.name}”的固定指标“{name}”（权重 {to_text(weight)}）",
                    f"the fixed {group.name} indicator {name} (weight {to_text(weight)}) is missing",
                    expected=name,
                )
            elif ctx.form.indicators[index].weight != weight:
                yield ctx.report(
                    f"indicators[{index}].weight",
                    f"固定指标“{name}”的权重应为 {to_text(weight)}",
                    f"the fixed indicator {name} should weigh {to_text(weight)}",
                    expected=weight,
                    found=ctx.form.indicators[index].weight,
                    indicator=name,
                )


def run(ctx: Context) -> Iterator[Finding]:
    """Compare the form's split with the rule set's (a target's only on the rule set's tree)."""
    if not has_weights(ctx.form):
        return
    if not ctx.form.is_self_evaluation and not tree_is_the_rulesets(ctx.form, ctx.ruleset):
        return
    yield from _split(ctx)
    yield from _fixed(ctx)


CHECK = Check(
    code="group-weights",
    severity=Severity.WARNING,
    title_zh="一级指标权重分配与规则集默认值不同",
    title_en="Group weights differ from the rule set's default split",
    basis="财预〔2020〕10号: 原则上预算执行率10分、产出50分、效益30分、满意度10分，"
    "如未设置满意度指标，则其权重相应调整至产出指标和效益指标；沪2019自评价表固定分值",
    run=run,
    doc=__doc__,
)
