"""over-budget: more spent than the budget.

全年执行数 above 全年预算数 (the adjusted budget): spending without a budget is not allowed, so
either a figure is wrong or the budget was adjusted without the form saying so.

Fires:
    seed 001 合作交流工作业务费 with 全年执行数 626,600 against a budget of 626,500.

Passes:
    seed 001 驻外办驻外工作经费: 306,600 of 306,600 (all of it, no more).
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import to_text


def run(ctx: Context) -> Iterator[Finding]:
    """Executed must not exceed the budget."""
    funds = ctx.form.funds
    if funds.executed is None or funds.budget is None or funds.executed <= funds.budget:
        return
    yield ctx.report(
        "funds.executed",
        f"全年执行数 {to_text(funds.executed)} 超过全年预算数 {to_text(funds.budget)}",
        f"spent {to_text(funds.executed)}, more than the budget {to_text(funds.budget)}",
        expected=f"≤ {to_text(funds.budget)}",
        found=funds.executed,
    )


CHECK = Check(
    code="over-budget",
    severity=Severity.ERROR,
    title_zh="执行数超过预算数",
    title_en="More spent than budgeted",
    basis="《预算法》: 各级预算支出应当按照预算执行，不得超预算支出",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
