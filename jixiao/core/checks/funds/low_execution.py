"""low-execution: less than 90 % of the budget spent, and no word on why.

The rate is executed ÷ budget (the printed rate where amounts are missing). An explanation
is any deviation, note, 主要问题, 改进措施 or 实际完成情况 text that mentions spending
(``explanation_words``: 执行率, 结余, 未支付 …).

The threshold is the rule set's own where it states one (四川 表510000_0013zp: "预算执行率未达到
90%的需说明原因"), else the ``threshold`` setting.

Fires:
    seed 001 合作交流工作业务费: 80.88 %, nothing said about it.

Passes:
    seed 000 合作交流工作业务费: 65.37 %, 主要问题 says "…降低了预算执行率".
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.indicators.reasons import explains
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import half_up


def run(ctx: Context) -> Iterator[Finding]:
    """Low spending needs a reason."""
    computed = ctx.score.execution_rate
    # What the form claims is what a reader sees; the recomputed rate stands in when none is printed.
    rate = ctx.form.funds.execution_rate
    if rate is None and computed is not None:
        rate = half_up(computed)
    threshold = ctx.ruleset.execution.explain_below
    if threshold is None:
        threshold = Decimal(ctx.setting("threshold"))
    if rate is None or rate >= threshold or explains(ctx.form, ctx.setting("explanation_words")):
        return
    yield ctx.report(
        "funds.execution_rate",
        f"预算执行率 {rate}% 低于 {threshold}%，未说明原因",
        f"execution rate {rate}% is below {threshold}% with no explanation",
        expected=f"≥ {threshold}% 或说明原因 / or a reason",
        found=rate,
    )


CHECK = Check(
    code="low-execution",
    severity=Severity.WARNING,
    title_zh="预算执行率偏低且未说明原因",
    title_en="Low execution rate with no explanation",
    basis="财预〔2020〕10号: 自评应分析预算执行情况及偏差原因；四川 表510000_0013zp: 预算执行率未达到90%的需说明原因",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("threshold", "explanation_words"),
    doc=__doc__,
)
