"""achieved-copies-goal: 实际完成情况 is the goal text, word for word.

The achieved-results text says what happened; repeating the goal says only what was meant to.
Compared without spaces, punctuation and width differences with the overall and annual goals.

Fires:
    goals.achieved = goals.overall.

Passes:
    seed 001 合作交流工作业务费: 总目标 "通过设立…"; 完成情况 "该项目的实施，…".
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.texts.fields import text_key
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind


def run(ctx: Context) -> Iterator[Finding]:
    """The achieved text must not be a goal text."""
    achieved = text_key(ctx.form.goals.achieved)
    if not achieved:
        return
    goals = ctx.form.goals
    for zh, en, text in (
        ("总目标", "overall", goals.overall),
        ("年度目标", "annual", goals.annual),
    ):
        if text_key(text) == achieved:
            yield ctx.report(
                "goals.achieved",
                f"实际完成情况与{zh}一字不差，未说明实际完成了什么",
                f"the achieved-results text repeats the {en} goal word for word",
                expected="实际完成情况 / what was achieved",
                found=goals.achieved,
            )
            return


CHECK = Check(
    code="achieved-copies-goal",
    severity=Severity.WARNING,
    title_zh="实际完成情况照抄目标",
    title_en="Achieved-results text copies the goal",
    basis="财预〔2020〕10号: 自评应对照年度目标说明实际完成情况",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
)
