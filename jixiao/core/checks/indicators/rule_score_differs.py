"""rule-score-differs: a self-assigned score differs from the rule's score.

For a quantitative indicator with a measured actual, the rule gives full weight when the
target is met and actual ÷ target × weight (reverse: target ÷ actual × weight) otherwise.
The self-assigned score is never overwritten; this note shows the rule's figure beside it.
Where a deployment configures the sh-2019 execution-rate points, the 预算执行率 row is
compared with them too.

Fires:
    seed 001 机关服务费 服务对象满意度: target 100%, actual 99%, weight 10 → rule 9.9, printed 9.

Passes:
    seed 001 合作交流工作业务费 赴对口支援地区工作次数: ≥60 次 → 70 次, 10 of 10.
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import to_text


def _rule_for_row(ctx: Context, index: int) -> Decimal | None:
    ind, row = ctx.form.indicators[index], ctx.score.indicators[index]
    execution = ctx.ruleset.execution
    if execution.placement == "indicator" and ind.name == execution.indicator:
        return ctx.score.execution_score
    if row.actual.is_inequality:
        return None
    return row.rule_score


def run(ctx: Context) -> Iterator[Finding]:
    """Put the rule's score beside each differing self-assigned one."""
    tolerance = Decimal(ctx.setting("tolerance"))
    for index, ind in enumerate(ctx.form.indicators):
        rule = _rule_for_row(ctx, index)
        if rule is None or ind.score is None or abs(rule - ind.score) <= tolerance:
            continue
        yield ctx.report(
            f"indicators[{index}].score",
            f"“{ind.name}”：目标 {ind.target or '—'}，完成 {ind.actual or '—'}，"
            f"按规则得 {to_text(rule.normalize())} 分，自评 {to_text(ind.score)} 分",
            f"{ind.name}: target {ind.target or '—'}, actual {ind.actual or '—'}: "
            f"the rule gives {to_text(rule.normalize())}, self-assigned {to_text(ind.score)}",
            expected=rule,
            found=ind.score,
            indicator=ind.name,
        )


CHECK = Check(
    code="rule-score-differs",
    severity=Severity.INFO,
    title_zh="自评分与规则计算分不同",
    title_en="Self-assigned score differs from the rule's score",
    basis="财预〔2020〕10号: 定量指标完成则得满分，未完成按实际完成值/指标值×分值（反向指标相反）",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("tolerance",),
    doc=__doc__,
)
