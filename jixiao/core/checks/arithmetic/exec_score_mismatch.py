"""exec-score-mismatch: the funds row's points are not min(分值, 分值 × 执行率).

Only where the rule set puts the execution points on the funds row (mof-2020). The rule
uses the unrounded rate and rounds the points half-up to 2 decimals.

Fires:
    分值 10, 全年预算数 626,500, 全年执行数 506,745.04, 得分 printed 8.90 (rule 8.09).

Passes:
    seed 001 机关服务费: 172,492.71 ÷ 175,000 × 10 = 9.857… → 9.86, printed 9.86.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind


def run(ctx: Context) -> Iterator[Finding]:
    """Compare the printed execution points with the rule's."""
    printed, computed = ctx.form.funds.execution_score, ctx.score.execution_score
    if ctx.ruleset.execution.placement != "row" or printed is None or computed is None:
        return
    if printed != computed:
        yield ctx.report(
            "funds.execution_score",
            f"预算执行得分印为 {printed}，按 min(分值, 分值×执行率) 应为 {computed}",
            f"execution points printed {printed}, min(weight, weight × rate) gives {computed}",
            expected=computed,
            found=printed,
        )


CHECK = Check(
    code="exec-score-mismatch",
    severity=Severity.ERROR,
    title_zh="预算执行得分与规则不符",
    title_en="Execution points differ from the rule",
    basis="财预〔2020〕10号: 预算执行率得分 = 分值 × 执行率，最高不超过分值",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
