"""deduction-without-reason: points deducted and no reason given.

A score below the weight needs a reason: the row's 偏差原因分析及改进措施 or, in the
2019 layout that has no such column, the form's 主要问题.

Fires:
    服务对象满意度 weight 10, score 9, deviation cell empty.

Passes:
    seed 001 机关服务费 服务对象满意度: 9 of 10 with "偏差原因：工作精细化程度还有待提高。…".
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.indicators.reasons import reason_for
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import to_text


def run(ctx: Context) -> Iterator[Finding]:
    """Every deduction must be explained."""
    for index, ind in enumerate(ctx.form.indicators):
        if ind.score is None or ind.weight is None or ind.score >= ind.weight:
            continue
        if reason_for(ctx.form, ind, ctx.ruleset.has_targets) is None:
            lost = to_text(ind.weight - ind.score)
            yield ctx.report(
                f"indicators[{index}].deviation",
                f"“{ind.name}”扣 {lost} 分（{to_text(ind.score)}/{to_text(ind.weight)}），未说明偏差原因",
                f"{ind.name}: {lost} points deducted ({to_text(ind.score)} of {to_text(ind.weight)}) "
                "with no reason given",
                expected="偏差原因 / a reason",
                found=None,
                indicator=ind.name,
            )


CHECK = Check(
    code="deduction-without-reason",
    severity=Severity.ERROR,
    title_zh="扣分未说明原因",
    title_en="Points deducted with no reason",
    basis="财预〔2020〕10号: 未完成绩效目标的，应分析偏离原因并提出改进措施",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
