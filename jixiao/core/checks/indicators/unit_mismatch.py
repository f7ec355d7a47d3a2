"""unit-mismatch: the actual counted in another unit than its target.

``≥30座`` declared, ``30个`` achieved: the two cannot be compared, and the score given rests on a
comparison nobody can make. Money units convert (``万元`` and ``元``); any other pair of
different units is reported.

Fires:
    维修养护小型水库座数: ≥30座 → 30个.

Passes:
    seed 001 赴对口支援地区工作次数: ≥60 次 → 70 次.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.scoring import in_unit
from jixiao.core.values import ValueKind


def run(ctx: Context) -> Iterator[Finding]:
    """Compare the units of each quantitative target and its actual."""
    for row in ctx.score.indicators:
        target, actual = row.target, row.actual
        quantities = (target.kind, actual.kind) == (ValueKind.QUANTITATIVE, ValueKind.QUANTITATIVE)
        if not quantities:
            continue
        if target.unit is None or actual.unit is None or in_unit(actual, target.unit) is not None:
            continue
        ind = ctx.form.indicators[row.index]
        yield ctx.report(
            f"indicators[{row.index}].actual",
            f"“{ind.name}”的指标值以“{target.unit}”计，实际完成值却以“{actual.unit}”计",
            f"{ind.name}: the target counts in {target.unit}, the actual in {actual.unit}",
            expected=target.unit,
            found=ind.actual,
            indicator=ind.name,
        )


CHECK = Check(
    code="unit-mismatch",
    severity=Severity.WARNING,
    title_zh="实际完成值与指标值计量单位不一致",
    title_en="Actual in another unit than its target",
    basis="财预〔2020〕10号: 定量指标以实际完成值与指标值对比计分，计量单位应一致",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
