"""cost-contradicts-execution: a cost indicator at 100 % while the funds row shows less spent.

A cost indicator printed as a percentage of the budget (``成本控制率 100%``, ``资金使用率 100%``)
that claims all of it while 全年执行数 ÷ 全年预算数 is lower says two things about one sum.
Reported when the actual is at least 100 % and the recomputed rate is more than
``tolerance_pp`` points below 100.

Fires:
    产出指标 / 成本指标 成本控制率: 100% while 93,000 of 100,000 was spent (93 %).

Passes:
    seed 001 驻外办驻外工作经费 成本控制: 预算内 (not a percentage), 100 % spent.
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.tree.levels import level_key
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import HUNDRED, half_up, to_text
from jixiao.core.values import ValueKind


def run(ctx: Context) -> Iterator[Finding]:
    """Compare percentage cost actuals with the execution rate."""
    rate = ctx.score.execution_rate
    if rate is None or rate >= HUNDRED - Decimal(ctx.setting("tolerance_pp")):
        return
    for row in ctx.score.indicators:
        ind = ctx.form.indicators[row.index]
        levels = level_key(ind.level1) + level_key(ind.level2)
        actual = row.actual
        if "成本" not in levels or actual.kind is not ValueKind.QUANTITATIVE:
            continue
        if actual.unit != "%" or actual.number is None or actual.number < HUNDRED:
            continue
        shown = to_text(half_up(rate))
        yield ctx.report(
            f"indicators[{row.index}].actual",
            f"成本指标“{ind.name}”完成 {ind.actual}，而资金执行率只有 {shown}%",
            f"the cost indicator {ind.name} claims {ind.actual} while {shown}% of the budget "
            "was spent",
            expected=f"{shown}%",
            found=ind.actual,
            indicator=ind.name,
        )


CHECK = Check(
    code="cost-contradicts-execution",
    severity=Severity.WARNING,
    title_zh="成本指标完成100%，与资金执行率不符",
    title_en="A cost indicator at 100 % while less was spent",
    basis="财预〔2020〕10号: 自评结果应与预算执行情况相互印证",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("tolerance_pp",),
    doc=__doc__,
)
