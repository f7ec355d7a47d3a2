"""actual-not-measured: the actual is an inequality or a copy of the target.

An actual is a measurement; ``≥320 天`` or ``≥95%`` in the 实际完成值 column says only
that the target was claimed, and ``已完成`` for the target ``≥60 次`` gives no number to compare. A qualitative actual copied from the target word for word at full
score (``长效机制健全`` → ``长效机制健全``, 5 of 5) repeats the target and is no evidence of what
was achieved (issue 11 §2); ``flag_copied_qualitative = false`` turns that part off.

Fires:
    seed 001 驻外办驻外工作经费 服务保障天数: target ≥320 天, actual ≥320 天.
    seed 001 合作交流工作业务费 长效机制建立情况: 长效机制健全 → 长效机制健全, 5 of 5.
    赴对口支援地区工作次数: ≥60 次 → 已完成.

Passes:
    seed 001 合作交流工作业务费 服务对象满意度: target ≥95%, actual 98%.
    seed 001 成本控制: 成本控制在预算内 → 预算内 (said in other words).
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind, Indicator
from jixiao.core.names import same_name
from jixiao.core.scoring import IndicatorScore
from jixiao.core.values import ValueKind


def _why(ctx: Context, ind: Indicator, row: IndicatorScore) -> tuple[str, str] | None:
    """Why the actual is no measurement, in Chinese and English, or None."""
    actual = row.actual
    if actual.is_inequality:
        return "是不等式，不是实测值", "is an inequality, not a measurement"
    if row.target.kind is ValueKind.QUANTITATIVE and actual.kind is ValueKind.QUALITATIVE:
        return "是文字，定量指标应填实测数值", "is words where a quantitative target asks a number"
    full = ind.score is None or ind.weight is None or ind.score >= ind.weight
    copied = actual.kind is ValueKind.QUALITATIVE and same_name(ind.actual, ind.target)
    if ctx.setting("flag_copied_qualitative") and full and copied:
        return "照抄了目标值", "copies the target"
    return None


def run(ctx: Context) -> Iterator[Finding]:
    """Flag actuals that do not report a measurement."""
    for row in ctx.score.indicators:
        ind = ctx.form.indicators[row.index]
        why = _why(ctx, ind, row)
        if why is None:
            continue
        yield ctx.report(
            f"indicators[{row.index}].actual",
            f"“{ind.name}”的实际完成值“{ind.actual}”{why[0]}",
            f"{ind.name}: the actual {ind.actual!r} {why[1]}",
            expected="实测值 / a measured value",
            found=ind.actual,
            indicator=ind.name,
        )


CHECK = Check(
    code="actual-not-measured",
    severity=Severity.WARNING,
    title_zh="实际完成值不是实测值",
    title_en="Actual is not a measured value",
    basis="财预〔2020〕10号: 实际完成值应为指标的实际完成情况",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("flag_copied_qualitative",),
    doc=__doc__,
)
