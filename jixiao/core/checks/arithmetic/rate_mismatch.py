"""rate-mismatch: the printed execution rate is not 全年执行数 ÷ 全年预算数.

The rate is recomputed on the adjusted budget and compared with the printed one. A gap of at
most ``rounding_tolerance_pp`` points is a rounding slip (warning); a larger gap is an error.
A rate printed with fewer decimals than the rule set's (``rate_places``: two) is compared at
those: ``91%`` printed for 90.64 % hides a gap of 0.36 points (issue 11 §2); a rate exact at
fewer decimals (``100`` for 100.00 %) is no slip.

Fires:
    seed 001 合作交流工作业务费: 506,745.04 ÷ 626,500 = 80.885…% → 80.89, printed 80.88%.

    91% printed for 90.64 %.

Passes:
    seed 000 合作交流工作业务费: 1,649,758 ÷ 2,523,747 = 65.37%, printed 65.37%.
    seed 001 驻外办驻外工作经费: 306,600 ÷ 306,600, printed 100.
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import half_up


def _places(printed: Decimal) -> int:
    return max(0, -int(printed.as_tuple().exponent))


def _agrees(printed: Decimal, rate: Decimal, places: int | None) -> bool:
    """Whether the printed rate is the recomputed one at the precision the rule set asks."""
    shown = _places(printed)
    if places is not None and shown < places:
        return printed == half_up(rate, places)  # 100 for 100.00 %, not 91 for 90.64 %
    return printed == half_up(rate, shown)


def run(ctx: Context) -> Iterator[Finding]:
    """Compare the printed rate with executed ÷ budget."""
    printed, rate = ctx.form.funds.execution_rate, ctx.score.execution_rate
    places = ctx.ruleset.execution.rate_places
    if printed is None or rate is None or _agrees(printed, rate, places):
        return
    computed = half_up(rate, places if places is not None else 2)
    gap = abs(printed - computed)
    # Rounded right but to fewer decimals than the rule set's: the form hides, it does not err.
    coarse = printed == half_up(rate, _places(printed))
    slip = coarse or gap <= Decimal(ctx.setting("rounding_tolerance_pp"))
    why_zh = f"（只印到 {_places(printed)} 位小数）" if coarse else "（舍入误差）" if slip else ""
    why_en = (
        f" (printed to {_places(printed)} decimals)"
        if coarse
        else (" (a rounding slip)" if slip else "")
    )
    yield ctx.report(
        "funds.execution_rate",
        f"执行率印为 {printed}%，按全年执行数÷全年预算数应为 {computed}%{why_zh}",
        f"execution rate printed {printed}%, executed ÷ budget gives {computed}%{why_en}",
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
