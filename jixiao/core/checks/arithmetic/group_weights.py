"""group-weights: the split of weights between groups differs from the rule set's.

mof-2020 asks, in principle (原则上), for 预算执行率 10, 产出指标 50, 效益指标 30,
满意度指标 10; a unit may vary it, so this is a warning for a reviewer. sh-2019 fixes
投入与管理 36, 产出目标 34, 效果目标 15, 影响力目标 15, and the six 投入与管理 indicators
with their weights.

Fires:
    a mof-2020 form with 产出指标 60, 效益指标 20.

Passes:
    seed 001 合作交流专项工作经费: 10 / 50 / 30 / 10.
"""

from collections.abc import Iterator

from jixiao.core.checks.arithmetic.groups import has_weights, weight_of_group
from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.names import same_name
from jixiao.core.numbers import to_text


def _split(ctx: Context) -> Iterator[Finding]:
    expected, found = [], []
    rule = ctx.ruleset.execution
    if (
        rule.placement == "row"
        and rule.weight is not None
        and ctx.form.funds.execution_weight is not None
    ):
        expected.append(("预算执行率", rule.weight))
        found.append(("预算执行率", ctx.form.funds.execution_weight))
    for group in ctx.ruleset.groups:
        if group.weight is not None:
            expected.append((group.name, group.weight))
            found.append((group.name, weight_of_group(ctx.form, group)))
    if expected != found:
        want = " / ".join(f"{n} {to_text(w)}" for n, w in expected)
        got = " / ".join(f"{n} {to_text(w)}" for n, w in found)
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
    """Compare the form's split with the rule set's."""
    if not has_weights(ctx.form):
        return
    yield from _split(ctx)
    yield from _fixed(ctx)


CHECK = Check(
    code="group-weights",
    severity=Severity.WARNING,
    title_zh="一级指标权重分配与规则集默认值不同",
    title_en="Group weights differ from the rule set's default split",
    basis="财预〔2020〕10号: 原则上预算执行率10分、产出50分、效益30分、满意度10分；沪2019自评价表固定分值",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
