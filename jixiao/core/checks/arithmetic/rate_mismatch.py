"""rate-mismatch: the printed execution rate is not 全年执行数 ÷ 全年预算数.

The rate is recomputed on the adjusted budget and compared with the printed one at the
printed precision. A gap of at most ``rounding_tolerance_pp`` points is a rounding slip
(warning); a larger gap is an error.

Fires:
    seed 001 合作交流工作业务费: 506,745.04 ÷ 626,500 = 80.885…% → 80.89, printed 80.88%.

Passes:
    seed 000 合作交流工作业务费: 1,649,758 ÷ 2,523,747 = 65.37%, printed 65.37%.
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import half_up


def _places(printed: Decimal) -> int:
    return max(0, -int(printed.as_tuple().exponent))


def run(ctx: Context) -> Iterator[Finding]:
    """Compare the printed rate with executed ÷ budget."""
    printed, rate = ctx.form.funds.execution_rate, ctx.score.execution_rate
    if printed is None or rate is None or printed == half_up(rate, _places(printed)):
        return
    computed = half_up(rate)
    gap = abs(printed - computed)
    slip = gap <= Decimal(ctx.setting("rounding_tolerance_pp"))
    yield ctx.report(
        "funds.execution_rate",
        f"执行率印为 {printed}%，按全年执行数÷全年预算数应为 {computed}%"
        + ("（舍入误差）" if slip else ""),
        f"execution rate printed {printed}%, executed ÷ budget gives {computed}%"
        + (" (a rounding slip)" if slip else ""),
        expected=computed,
        found=printed,
        severity=Severity.WARNING if slip else Severity.ERROR,
    )


CHECK = Check(
    code="rate-mismatch",
    severity=Severity.ERROR,
    title_zh="执行率与执行数÷预算数不符",
    title_en="Printed execution rate differs from executed ÷ budget",
    basis="财预〔2020〕10号: 预算执行率 = 全年执行数 ÷ 全年预算数",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("rounding_tolerance_pp",),
    doc=__doc__,
)
