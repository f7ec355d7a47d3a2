"""target-missing: no target, or the indicator's own name where the target belongs.

Only for layouts with a target column (not the 2019 self-evaluation). A mark that says nothing
(``/``, ``-``, ``—``, ``无``, ``不适用``) is no target either (issue 11 §1); a self-evaluation row
whose target and actual both say 不适用 is an indicator left out on purpose (SPEC §4: the rest
are rescaled) and passes.

Fires:
    seed 004 视频会议系统（运维）: 项目计划完成率 → "项目计划完成率".
    a target printed "/".

Passes:
    seed 004 视频会议系统（运维）: 主会场网络丢包率 → "≤2%".
    a self-evaluation row 不适用 → 不适用.
    安徽 天长 2022 (tests/io/fixtures/corpus): 生态效益指标 / "/" (no indicator under it).
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.scoring import NOT_APPLICABLE
from jixiao.core.values import InvalidReason, normalize, parse_value


def _left_out(target: str | None, actual: str | None) -> bool:
    """Target and actual both say the indicator does not apply."""
    return all(normalize(v or "") in NOT_APPLICABLE for v in (target, actual))


def run(ctx: Context) -> Iterator[Finding]:
    """Every indicator needs a target of its own."""
    if not ctx.ruleset.has_targets:
        return
    for row in ctx.score.indicators:
        if row.target.reason not in (InvalidReason.EMPTY, InvalidReason.NAME):
            continue
        ind = ctx.form.indicators[row.index]
        if ctx.form.is_self_evaluation and _left_out(ind.target, ind.actual):
            continue
        if ind.name and parse_value(ind.name).is_missing:
            continue  # a row "/" under a level 2: no indicator there, nothing to measure
        empty = row.target.reason is InvalidReason.EMPTY
        levels = " / ".join(p for p in (ind.level1, ind.level2) if p)
        label = f"“{ind.name}”" if ind.name else f"“{levels}”下一行（无指标名称）"
        label_en = ind.name or f"a row with no name under {levels}"
        yield ctx.report(
            f"indicators[{row.index}].target",
            label + ("没有指标值" if empty else "的指标值只是重复了指标名称"),
            f"{label_en}: "
            + ("no target value" if empty else "the target merely repeats the indicator's name"),
            expected="可衡量的指标值 / a measurable target",
            found=ind.target,
            indicator=ind.name,
        )


CHECK = Check(
    code="target-missing",
    severity=Severity.ERROR,
    title_zh="缺少指标值",
    title_en="Target missing",
    basis="财预〔2015〕88号: 绩效指标应细化、量化，可衡量",
    run=run,
    doc=__doc__,
)
