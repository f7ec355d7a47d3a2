"""target-vague: a target that cannot be measured against.

A bare direction (降低, 提升, 及时), a definition of the indicator (考核…的程度) or a yes/no
question (是否符合…) states no level to reach.

Fires:
    seed 004 综合信息服务平台 平台运行故障率: "降低".
    seed 003 项目启动及时性: "考核项目发挥影响作用的时间早晚及合适程度".

Passes:
    seed 003 课题转化成果率: "=100%".
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.values import InvalidReason

_WHY = {
    InvalidReason.DIRECTION: (
        "只是一个方向词，没有目标水平",
        "is a bare direction with no level to reach",
    ),
    InvalidReason.DEFINITION: (
        "是指标的定义，不是指标值",
        "is the indicator's definition, not a target",
    ),
    InvalidReason.QUESTION: ("是一个是非问句，不是指标值", "is a yes/no question, not a target"),
}


def run(ctx: Context) -> Iterator[Finding]:
    """Flag targets that state no measurable level."""
    if not ctx.ruleset.has_targets:
        return
    for row in ctx.score.indicators:
        if row.target.reason not in _WHY:
            continue
        ind = ctx.form.indicators[row.index]
        zh, en = _WHY[row.target.reason]
        yield ctx.report(
            f"indicators[{row.index}].target",
            f"“{ind.name}”的指标值“{ind.target}”{zh}",
            f"{ind.name}: the target {ind.target!r} {en}",
            expected="可衡量的指标值 / a measurable target",
            found=ind.target,
            indicator=ind.name,
        )


CHECK = Check(
    code="target-vague",
    severity=Severity.WARNING,
    title_zh="指标值含糊，无法衡量",
    title_en="Target too vague to measure",
    basis="财预〔2021〕101号: 指标值应明确、可衡量；财预〔2015〕88号: 细化量化",
    run=run,
    doc=__doc__,
)
