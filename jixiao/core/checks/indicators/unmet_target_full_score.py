"""unmet-target-full-score: a quantitative target was missed but full points claimed.

Fires:
    服务对象满意度 target ≥95%, actual 90%, 10 of 10.

Passes:
    seed 001 机关服务费 服务对象满意度: 100% → 99%, scored 9 of 10.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind


def run(ctx: Context) -> Iterator[Finding]:
    """A missed target cannot earn the full weight."""
    for row in ctx.score.indicators:
        ind = ctx.form.indicators[row.index]
        if row.met is False and ind.weight and ind.score is not None and ind.score >= ind.weight:
            yield ctx.report(
                f"indicators[{row.index}].score",
                f"“{ind.name}”未达到目标（目标 {ind.target}，完成 {ind.actual}），却得满分 {ind.score}",
                f"{ind.name}: target {ind.target} not met (actual {ind.actual}) yet full points {ind.score}",
                expected=f"< {ind.weight}",
                found=ind.score,
                indicator=ind.name,
            )


CHECK = Check(
    code="unmet-target-full-score",
    severity=Severity.ERROR,
    title_zh="定量目标未完成却得满分",
    title_en="Quantitative target missed, yet full score",
    basis="财预〔2020〕10号: 未完成的定量指标按完成比例计分",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
