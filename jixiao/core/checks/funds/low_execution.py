"""low-execution: less than 90 % of the budget spent, and no word on why.

The rate is executed ÷ budget, recomputed (a printed rate that disagrees with the amounts is
``rate-mismatch``'s; the printed one stands in only where amounts are missing). An explanation
is a passage of a deviation, note, 主要问题, 改进措施 or 实际完成情况 text that says why less was
spent (``explanation_patterns``: ``…款待审计后拨付``, ``降低了预算执行率``, ``政府采购节约资金…``),
recognised by what it says about the deviation: an unrelated ``厉行节约`` in 改进措施 explains
nothing.

The threshold is the rule set's own where it states one (四川 表510000_0013zp: "预算执行率未达到
90%的需说明原因"), else the ``threshold`` setting.

Fires:
    seed 001 合作交流工作业务费: 80.88 %, nothing said about it.

    the same with 改进措施 "厉行节约，提高资金使用效益" (nothing about this year's spending).

Passes:
    seed 000 合作交流工作业务费: 65.37 %, 主要问题 says "…降低了预算执行率".
    80.88 % with a deviation "部分工程款待审计后拨付".
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.indicators.reasons import explains_by
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import half_up


def run(ctx: Context) -> Iterator[Finding]:
    """Low spending needs a reason."""
    computed = ctx.score.execution_rate
    # The amounts decide: a printed rate that disagrees with them is rate-mismatch's finding.
    rate = half_up(computed) if computed is not None else ctx.form.funds.execution_rate
    threshold = ctx.ruleset.execution.explain_below
    if threshold is None:
        threshold = Decimal(ctx.setting("threshold"))
    if rate is None or rate >= threshold:
        return
    if explains_by(ctx.form, ctx.setting("explanation_patterns")):
        return
    printed = ctx.form.funds.execution_rate
    aside = f"（表中印为 {printed}%）" if printed is not None and printed != rate else ""
    aside_en = f" (printed {printed}%)" if aside else ""
    yield ctx.report(
        "funds.execution_rate",
        f"预算执行率 {rate}%{aside} 低于 {threshold}%，未说明原因",
        f"execution rate {rate}%{aside_en} is below {threshold}% with no explanation",
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
    settings=("threshold", "explanation_patterns"),
    doc=__doc__,
)
