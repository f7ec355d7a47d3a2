"""weight-sum: the weights do not add up to 100, or a group's weights not to its weight.

All indicator weights and the funds row's 分值 must give 100 (self-evaluations: only they
print the funds row's points). Each group's indicators must add up to the group weight
printed beside its name (``投入与管理（36分）``) or, where the rule set fixes the group weights
(sh-2019), to the required one; a group printed with a point range (``产出指标(30-50)分``,
2021+ national forms) must fall in that band.

On targets of a tree of their own only printed bands are checked: such a printed group weight
may weight the group as a whole over indicator points of its own (吉林 2016 evaluation trees:
预算绩效 50 over indicators adding up to 100), while a band is printed to bound the indicators'
points. On the rule set's tree (产出指标(50分) over 产出 rows) a target's group weight is the sum
of its rows, as on a self-evaluation. A
target's weights in all, where its tree is the rule set's, give 100 or, where the rule set keeps
points for 预算执行 off the targets (national and 四川: 10), 100 less those (90).

Fires:
    投入与管理 printed (36分) over indicators weighing 6 + 8 + 5 + 8 + 5 + 5 = 37.
    产出指标 printed (30-50)分 over indicators weighing 20 + 20 + 15 = 55.

    a national target whose indicators weigh 95 in all.

Passes:
    seed 000 合作交流工作业务费: 36 + 34 + 15 + 15 = 100, each group adding up.
    产出指标 printed (30-50)分 over indicators weighing 20 + 15 + 10 = 45.
    a 四川 target whose indicators weigh 90 (预算执行 10 kept off them), or 100.
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.arithmetic.groups import (
    has_weights,
    tree_is_the_rulesets,
    weight_of_level1,
)
from jixiao.core.checks.base import BOTH_KINDS, Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Group
from jixiao.core.numbers import to_text


def _band(ctx: Context, index: int, group: Group, summed: Decimal) -> Iterator[Finding]:
    assert group.band is not None
    low, high = group.band
    if low <= summed <= high:
        return
    band = f"{to_text(low)}–{to_text(high)}"
    yield ctx.report(
        f"groups[{index}].band",
        f"“{group.name}”的分值区间为 {band}，其下指标权重合计 {to_text(summed)}",
        f"group {group.name} has the band {band}, its indicators add up to {to_text(summed)}",
        expected=band,
        found=summed,
    )


def _groups(ctx: Context) -> Iterator[Finding]:
    # A target's printed group weight bounds its indicators only on the rule set's own tree.
    weighs_rows = ctx.form.is_self_evaluation or tree_is_the_rulesets(ctx.form, ctx.ruleset)
    for index, group in enumerate(ctx.form.groups):
        summed = weight_of_level1(ctx.form, group.name)
        if group.band is not None:
            yield from _band(ctx, index, group, summed)
            continue
        if not weighs_rows:
            continue
        rule = ctx.ruleset.group_for(group.name)
        required = group.weight
        if required is None and ctx.ruleset.fixed_group_weights and rule is not None:
            required = rule.weight
        if required is not None and summed != required:
            yield ctx.report(
                f"groups[{index}].weight",
                f"“{group.name}”的分值为 {required}，其下指标权重合计 {summed}",
                f"group {group.name} weighs {required}, its indicators add up to {summed}",
                expected=required,
                found=summed,
            )


def _target_totals(ctx: Context, expected: Decimal) -> tuple[Decimal, ...]:
    """What a target's weights may add up to: 100, or 100 less the points kept for 预算执行."""
    reserved = ctx.ruleset.weights.reserved_for_execution
    if reserved is None or ctx.form.funds.execution_weight is not None:
        return (expected,)
    return (expected - reserved, expected)


def _total(ctx: Context) -> Iterator[Finding]:
    expected = Decimal(ctx.setting("expected_total"))
    total = ctx.score.weight_sum
    if total is None:
        return
    if ctx.form.is_self_evaluation:
        allowed: tuple[Decimal, ...] = (expected,)
    elif tree_is_the_rulesets(ctx.form, ctx.ruleset):
        allowed = _target_totals(ctx, expected)
    else:
        return
    if total not in allowed:
        want = " 或 ".join(to_text(a) for a in allowed)
        yield ctx.report(
            "indicators",
            f"权重合计为 {to_text(total)}，应为 {want}",
            f"weights add up to {to_text(total)}, expected {want.replace(' 或 ', ' or ')}",
            expected=" / ".join(to_text(a) for a in allowed),
            found=total,
        )


def run(ctx: Context) -> Iterator[Finding]:
    """Add the weights up: in all and by group (self-evaluations), within bands (all forms)."""
    if not has_weights(ctx.form):
        return
    yield from _total(ctx)
    yield from _groups(ctx)


CHECK = Check(
    code="weight-sum",
    severity=Severity.ERROR,
    title_zh="权重合计不为100或与一级指标分值（区间）不符",
    title_en="Weights do not add up to 100 or to their group's weight or band",
    basis="财预〔2020〕10号: 指标权重合计100分（预算执行率10分单列时，绩效指标合计90分）；一级指标分值为其下指标权重之和；"
    "一级指标印有分值区间（如 产出指标(30-50)分，2021年起全国表样）的，其下权重之和应在区间内",
    run=run,
    kinds=BOTH_KINDS,
    settings=("expected_total",),
    doc=__doc__,
)
