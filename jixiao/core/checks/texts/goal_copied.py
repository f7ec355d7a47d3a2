"""goal-copied: the year's goal is the overall goal, or the project overview, word for word.

年度绩效目标 says what this year's money achieves; copying the overall (or long-term) goal or the
project overview into it states no annual goal at all. Texts are compared without spaces,
punctuation and width differences.

Fires:
    goals.annual = goals.overall.

Passes:
    seed 004 合作交流工作业务费: 年度目标 lists this year's tasks, 总目标 the purpose.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.texts.fields import text_key
from jixiao.core.findings import Finding, Severity


def run(ctx: Context) -> Iterator[Finding]:
    """The annual goal must differ from the overall goal and the overview."""
    annual = text_key(ctx.form.goals.annual)
    if not annual:
        return
    sources = (
        ("goals.overall", "总目标", "the overall goal", ctx.form.goals.overall),
        ("project.overview", "项目概况", "the project overview", ctx.form.project.overview),
    )
    for _, zh, en, text in sources:
        if text_key(text) == annual:
            yield ctx.report(
                "goals.annual",
                f"年度目标与{zh}一字不差，未写出本年度要达到的目标",
                f"the annual goal repeats {en} word for word: it states no goal for the year",
                expected="本年度的目标 / this year's goal",
                found=ctx.form.goals.annual,
            )
            return


CHECK = Check(
    code="goal-copied",
    severity=Severity.WARNING,
    title_zh="年度目标照抄总目标或项目概况",
    title_en="Annual goal copied from the overall goal or the overview",
    basis="财预〔2015〕88号: 年度绩效目标应明确项目当年预期达到的产出和效果",
    run=run,
    doc=__doc__,
)
