"""duplicate-indicator: the same indicator twice in one form.

Names are compared after folding full-width forms and spaces, so ``丢包率（主会场）`` and
``丢包率(主会场)`` are one indicator. The second and later rows are reported.

Fires:
    two rows named 服务对象满意度 in one form.

Passes:
    seed 001 合作交流工作业务费: ten distinct indicators.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.names import name_key


def run(ctx: Context) -> Iterator[Finding]:
    """Report every repeated indicator name."""
    first: dict[str, int] = {}
    for index, ind in enumerate(ctx.form.indicators):
        key = name_key(ind.name)
        if not key:
            continue
        if key in first:
            yield ctx.report(
                f"indicators[{index}].name",
                f"指标“{ind.name}”重复（第 {first[key] + 1} 行已有）",
                f"indicator {ind.name} appears twice (already row {first[key] + 1})",
                expected=None,
                found=ind.name,
                indicator=ind.name,
            )
        else:
            first[key] = index


CHECK = Check(
    code="duplicate-indicator",
    severity=Severity.WARNING,
    title_zh="指标重复",
    title_en="Duplicate indicator",
    basis="财预〔2015〕88号: 指标应全面、独立，不重复",
    run=run,
    doc=__doc__,
)
