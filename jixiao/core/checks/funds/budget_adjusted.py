"""budget-adjusted: the budget was changed during the year by more than 10 %, unexplained.

The execution rate is measured against the adjusted budget (全年预算数), so a large cut
makes a low spend look complete; the change needs a word of explanation.

Fires:
    seed 001 合作交流专项工作经费: 年初预算数 380,000 → 全年预算数 190,000 (−50 %).

Passes:
    seed 001 合作交流工作业务费: 636,500 → 626,500 (−1.57 %).
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.indicators.reasons import explains
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import HUNDRED, half_up


def run(ctx: Context) -> Iterator[Finding]:
    """A large change between initial and adjusted budget needs a reason."""
    initial, budget = ctx.form.funds.initial_budget, ctx.form.funds.budget
    if not initial or budget is None:
        return
    change = (budget - initial) * HUNDRED / initial
    if abs(change) <= Decimal(ctx.setting("threshold_pct")):
        return
    if explains(ctx.form, ctx.setting("explanation_words")):
        return
    shown = half_up(change)
    yield ctx.report(
        "funds.budget",
        f"全年预算数 {budget} 较年初预算数 {initial} 变动 {shown}%，未说明调整原因",
        f"the budget went from {initial} to {budget} ({shown}%) with no explanation",
        expected=initial,
        found=budget,
    )


CHECK = Check(
    code="budget-adjusted",
    severity=Severity.WARNING,
    title_zh="预算年中大幅调整且未说明",
    title_en="Budget changed during the year without explanation",
    basis="财预〔2020〕10号: 预算执行率按调整后预算计算；调整幅度较大的应说明原因",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("threshold_pct", "explanation_words"),
    doc=__doc__,
)
