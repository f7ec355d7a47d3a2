"""tier-inconsistent: a qualitative score whose tier the texts contradict.

财预〔2020〕10号 scores qualitative indicators in three tiers of the weight: 达成 (100 %–80 %),
部分达成并具有一定效果 (80 %–60 %), 未达成且效果较差 (below 60 %). The tier cannot be read from
text alone, but the texts can contradict it: an actual that repeats the target (claiming the
target was reached) with a score below the 达成 tier, or a deviation saying the target was not
reached (``not_reached_words``) with a score in the 达成 tier.

Fires:
    target 长效机制健全, actual 长效机制健全, 3 of 5 (60 %: 部分达成) — the actual claims 达成.

Passes:
    seed 001 驻外办驻外工作经费 后勤保障质量: 后勤保障好 → 保障质量较好, 8 of 10 (达成), with a reason.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind
from jixiao.core.names import same_name
from jixiao.core.numbers import to_text
from jixiao.core.values import ValueKind


def _contradiction(ctx: Context, index: int) -> tuple[str, str] | None:
    row, ind = ctx.score.indicators[index], ctx.form.indicators[index]
    top = ctx.ruleset.tiers[0] if ctx.ruleset.tiers else None
    if top is None or row.tier is None or row.target.kind is not ValueKind.QUALITATIVE:
        return None
    reached = row.tier is top
    if not reached and ind.actual and same_name(ind.actual, ind.target):
        return (
            "实际完成值与指标值相同（即已达成），得分却不在“达成”档",
            "the actual repeats the target (reached) but the score is below the top tier",
        )
    words = ctx.setting("not_reached_words")
    if reached and ind.deviation and any(word in ind.deviation for word in words):
        return (
            "偏差说明称未达成，得分却在“达成”档",
            "the deviation says the target was not reached but the score is in the top tier",
        )
    return None


def run(ctx: Context) -> Iterator[Finding]:
    """Compare each qualitative score's tier with what the texts say."""
    for index, ind in enumerate(ctx.form.indicators):
        said = _contradiction(ctx, index)
        if said is None:
            continue
        tier = ctx.score.indicators[index].tier
        yield ctx.report(
            f"indicators[{index}].score",
            f"“{ind.name}”：{said[0]}（{to_text(ind.score)}/{to_text(ind.weight)}，{tier.name_zh}）",
            f"{ind.name}: {said[1]} ({to_text(ind.score)} of {to_text(ind.weight)}, {tier.name_en})",
            expected=None,
            found=tier.name_zh,
            indicator=ind.name,
        )


CHECK = Check(
    code="tier-inconsistent",
    severity=Severity.WARNING,
    title_zh="定性指标得分档次与说明不符",
    title_en="Qualitative score tier contradicted by the texts",
    basis="财预〔2020〕10号: 定性指标按达成、部分达成并具有一定效果、未达成且效果较差三档评分",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("not_reached_words",),
    doc=__doc__,
)
