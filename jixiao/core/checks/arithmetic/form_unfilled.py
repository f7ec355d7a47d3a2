"""form-unfilled: a self-evaluation published with nothing evaluated.

No actual, no score and no total: the table of targets was published as its own
self-evaluation. One clear error says so, at the indicators; the checks that read scores and
totals (a recomputed total of 10 for the funds row alone, grade 差) stay silent on such a form.

Fires:
    a mof-2020 self-evaluation whose 实际完成值, 得分 and 总分 cells are all blank or ``/``.

Passes:
    seed 001 合作交流工作业务费: actuals, scores and the total 98.09 printed.
"""

from collections.abc import Iterator

from jixiao.core.checks.arithmetic.filled import is_unfilled
from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind


def run(ctx: Context) -> Iterator[Finding]:
    """One error for a self-evaluation with nothing evaluated."""
    if not is_unfilled(ctx.form):
        return
    count = len(ctx.form.indicators)
    yield ctx.report(
        "indicators",
        f"自评表未填写：{count} 项指标均无实际完成值和得分，也没有总分",
        f"the self-evaluation was not filled in: none of its {count} indicators has an actual "
        "or a score, and there is no total",
        expected="实际完成值、得分、总分 / actuals, scores and a total",
        found=None,
    )


CHECK = Check(
    code="form-unfilled",
    severity=Severity.ERROR,
    title_zh="自评表未填写",
    title_en="Self-evaluation not filled in",
    basis="财预〔2020〕10号: 单位自评应填写实际完成值并逐项打分",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
