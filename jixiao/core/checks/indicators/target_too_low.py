"""target-too-low: the actual far exceeds a positive quantitative target.

An actual at least ``ratio`` (1.5) times its target suggests the target was set too low;
the rule asks for the reason and, if so, a reduced score.

Fires:
    seed 001 合作交流工作业务费 开展服务企业工作的次数: ≥50 次 → 139 次 (2.78 ×).

Passes:
    seed 001 合作交流工作业务费 赴对口支援地区工作次数: ≥60 次 → 70 次 (1.17 ×).
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import half_up
from jixiao.core.scoring import in_unit
from jixiao.core.values import Direction


def run(ctx: Context) -> Iterator[Finding]:
    """Flag actuals of at least ratio × target."""
    ratio = Decimal(ctx.setting("ratio"))
    for row in ctx.score.indicators:
        goal = row.target.number
        if (
            row.direction is not Direction.POSITIVE
            or not goal
            or goal <= 0
            or row.actual.is_inequality
        ):
            continue
        measured = in_unit(row.actual, row.target.unit)
        if measured is None or measured < ratio * goal:
            continue
        ind = ctx.form.indicators[row.index]
        times = half_up(measured / goal)
        yield ctx.report(
            f"indicators[{row.index}].target",
            f"“{ind.name}”完成 {ind.actual}，为目标 {ind.target} 的 {times} 倍：目标值可能设定偏低",
            f"{ind.name}: actual {ind.actual} is {times} × the target {ind.target}: "
            "the target may have been set too low",
            expected=f"< {ratio} × {ind.target}",
            found=ind.actual,
            indicator=ind.name,
        )


CHECK = Check(
    code="target-too-low",
    severity=Severity.WARNING,
    title_zh="完成值远高于指标值（目标偏低）",
    title_en="Actual far above the target (target set too low)",
    basis="财预〔2020〕10号: 对完成值高于指标值较多的，要分析原因，如果是由于年初指标值设定明显偏低"
    "造成的，要按照偏离度适度调减分值",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("ratio",),
    doc=__doc__,
)
