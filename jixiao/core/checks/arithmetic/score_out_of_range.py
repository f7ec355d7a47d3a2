"""score-out-of-range: a score below 0 or above its weight.

Fires:
    an indicator of weight 10 scored 12; the funds row scored 10.5 of 10.

Passes:
    seed 001 驻外办驻外工作经费 后勤保障质量: 8 of 10.
"""

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import ZERO


def _outside(score: Decimal | None, weight: Decimal | None) -> bool:
    if score is None:
        return False
    return score < ZERO or (weight is not None and score > weight)


def run(ctx: Context) -> Iterator[Finding]:
    """Every score must lie between 0 and its weight."""
    funds = ctx.form.funds
    if _outside(funds.execution_score, funds.execution_weight):
        yield ctx.report(
            "funds.execution_score",
            f"预算执行得分 {funds.execution_score} 超出 0–{funds.execution_weight}",
            f"execution points {funds.execution_score} lie outside 0–{funds.execution_weight}",
            expected=f"0–{funds.execution_weight}",
            found=funds.execution_score,
        )
    for index, ind in enumerate(ctx.form.indicators):
        if _outside(ind.score, ind.weight):
            yield ctx.report(
                f"indicators[{index}].score",
                f"“{ind.name}”得分 {ind.score} 超出 0–{ind.weight}",
                f"{ind.name}: score {ind.score} lies outside 0–{ind.weight}",
                expected=f"0–{ind.weight}",
                found=ind.score,
                indicator=ind.name,
            )


CHECK = Check(
    code="score-out-of-range",
    severity=Severity.ERROR,
    title_zh="得分小于0或大于分值",
    title_en="Score below 0 or above its weight",
    basis="财预〔2020〕10号: 各指标得分不超过其分值",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
