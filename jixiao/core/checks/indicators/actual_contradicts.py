"""actual-contradicts-target: a qualitative actual that says the target was not reached, at full score.

``长效机制健全`` declared, ``长效机制尚未建立`` achieved, 10 of 10: the text and the score cannot
both be right. An actual says "not reached" when it holds one of ``negation_patterns`` (尚未,
未建立, 不健全, 有待 …) that its target does not; the check looks at full scores only (a
deduction is ``tier-inconsistent``'s to judge).

Fires:
    长效机制建立情况: 长效机制健全 → 长效机制尚未建立, 5 of 5.

Passes:
    seed 001 环保达标: 无环保部门整改通知或警告 → 无整改通知或警告, 10 of 10.
    seed 001 后勤保障质量: 后勤保障好 → 保障质量较好, 8 of 10 (a deduction, with its reason).
"""

import re
from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.values import ValueKind, normalize


def _negation(text: str, patterns: list[str]) -> str | None:
    return next((m.group() for p in patterns if (m := re.search(p, text))), None)


def run(ctx: Context) -> Iterator[Finding]:
    """A full score next to an actual that negates its target."""
    patterns = ctx.setting("negation_patterns")
    for row in ctx.score.indicators:
        ind = ctx.form.indicators[row.index]
        if row.target.kind is not ValueKind.QUALITATIVE or row.actual.kind is ValueKind.INVALID:
            continue
        if ind.weight is None or ind.score is None or ind.score < ind.weight:
            continue
        said = _negation(normalize(ind.actual or ""), patterns)
        if said is None or _negation(normalize(ind.target or ""), patterns):
            continue
        yield ctx.report(
            f"indicators[{row.index}].actual",
            f"“{ind.name}”的目标为“{ind.target}”，实际完成值“{ind.actual}”（{said}）表明未达成，"
            f"却得满分 {ind.score}",
            f"{ind.name}: the target {ind.target!r} is not reached by the actual {ind.actual!r} "
            f"({said}), yet it scores full marks ({ind.score})",
            expected="低于满分并说明原因 / less than full marks, with a reason",
            found=ind.actual,
            indicator=ind.name,
        )


CHECK = Check(
    code="actual-contradicts-target",
    severity=Severity.ERROR,
    title_zh="定性实际完成值表明未达成，却得满分",
    title_en="Qualitative actual says the target was missed, at full score",
    basis="财预〔2020〕10号: 定性指标按达成、部分达成、未达成三档评分",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("negation_patterns",),
    doc=__doc__,
)
