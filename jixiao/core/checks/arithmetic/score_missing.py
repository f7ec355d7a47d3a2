"""score-missing: no total, or a blank score the total counts.

A self-evaluation that scores its indicators prints their total; a row with a weight and no
score, on a form whose total is printed, leaves the total adding up to something else than its
rows say. A form with nothing evaluated is ``form-unfilled``'s.

Fires:
    seed 001 合作交流工作业务费 with its 总分 cell blank.
    seed 001 合作交流工作业务费 with the score of 赴对口支援地区工作次数 blank, 总分 98.09 printed.

Passes:
    seed 001 合作交流工作业务费: every score and the total printed.
"""

from collections.abc import Iterator

from jixiao.core.checks.arithmetic.filled import is_unfilled
from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import to_text


def run(ctx: Context) -> Iterator[Finding]:
    """A printed total needs every weighted row's score; printed scores need a total."""
    form = ctx.form
    if not ctx.ruleset.scored or is_unfilled(form):
        return
    scored = [i for i in form.indicators if i.score is not None]
    if form.total_score is None and scored:
        yield ctx.report(
            "total_score",
            f"{len(scored)} 项指标已打分，但没有总分",
            f"{len(scored)} indicators are scored, but no total is printed",
            expected=ctx.score.declared_sum,
            found=None,
        )
    if form.total_score is None:
        return
    for index, ind in enumerate(form.indicators):
        if ind.weight is not None and ind.weight > 0 and ind.score is None:
            yield ctx.report(
                f"indicators[{index}].score",
                f"“{ind.name}”分值 {to_text(ind.weight)}，得分空白，而总分已计",
                f"{ind.name} weighs {to_text(ind.weight)} and has no score, yet the total is "
                "printed",
                expected=f"0–{to_text(ind.weight)}",
                found=None,
                indicator=ind.name,
            )


CHECK = Check(
    code="score-missing",
    severity=Severity.ERROR,
    title_zh="缺少总分或得分",
    title_en="Total or score missing",
    basis="财预〔2020〕10号: 逐项打分，总分为各项得分之和",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
