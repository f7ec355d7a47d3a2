"""actual-missing: a scored row with no actual.

A self-evaluation scores what was achieved; a row scored with its 实际完成值 blank (or ``/``)
gives points for nothing shown. Rows left out on purpose (不适用 as target and actual) and
forms with nothing evaluated (``form-unfilled``) are not reported.

Fires:
    安徽 天长 2022 (tests/io/fixtures/corpus): 工程质量合格, actual blank, 10 of 10.

Passes:
    seed 001 合作交流工作业务费: every scored row has its actual.
"""

from collections.abc import Iterator

from jixiao.core.checks.arithmetic.filled import is_unfilled
from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.numbers import to_text


def run(ctx: Context) -> Iterator[Finding]:
    """Every scored row must say what was achieved."""
    if not ctx.ruleset.has_targets or is_unfilled(ctx.form):
        return
    for row in ctx.score.indicators:
        ind = ctx.form.indicators[row.index]
        if ind.score is None or row.not_applicable or not row.actual.is_missing:
            continue
        yield ctx.report(
            f"indicators[{row.index}].actual",
            f"“{ind.name}”没有实际完成值，却得 {to_text(ind.score)} 分",
            f"{ind.name} has no actual, yet scores {to_text(ind.score)}",
            expected="实际完成值 / the value achieved",
            found=ind.actual,
            indicator=ind.name,
        )


CHECK = Check(
    code="actual-missing",
    severity=Severity.ERROR,
    title_zh="已打分但没有实际完成值",
    title_en="Scored with no actual",
    basis="财预〔2020〕10号: 自评应填写各项指标的实际完成值，并据以打分",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
