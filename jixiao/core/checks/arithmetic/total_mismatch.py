"""total-mismatch: the printed total is not the sum of the printed scores.

The sum takes every indicator's self-assigned score and, where the layout has one, the
funds row's execution points; not-applicable indicators are left out.

Fires:
    indicator scores 10 + 10 + 8, execution 9.86, total printed 38.

Passes:
    seed 001 合作交流工作业务费: 8.09 + 90 = 98.09, printed 98.09.
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind


def run(ctx: Context) -> Iterator[Finding]:
    """Compare the printed total with the sum of the printed scores."""
    total, summed = ctx.form.total_score, ctx.score.declared_sum
    if total is None or summed is None:
        return
    if abs(total - summed) > Decimal(ctx.setting("tolerance")):
        yield ctx.report(
            "total_score",
            f"总分印为 {total}，各项得分合计为 {summed}",
            f"total printed {total}, the scores add up to {summed}",
            expected=summed,
            found=total,
        )


CHECK = Check(
    code="total-mismatch",
    severity=Severity.ERROR,
    title_zh="总分不等于各项得分之和",
    title_en="Total differs from the sum of scores",
    basis="财预〔2020〕10号: 总分 = 预算执行率得分 + 各指标得分",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("tolerance",),
    doc=__doc__,
)
