"""misplaced-indicator: a fund-management indicator filed under outputs or effects.

预算执行率, 资金到位率 and the like measure how money is managed; they belong to 投入与管理
(or, in mof-2020, to the funds row), not to 产出 / 效益 / 效果 / 影响力 / 满意度.

Fires:
    seed 003 合作交流工作业务费: 预算执行率 under 产出目标 / 数量.

Passes:
    seed 004 合作交流工作业务费: 预算执行率 under 投入和管理目标.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.names import name_key


def run(ctx: Context) -> Iterator[Finding]:
    """Fund indicators must not sit under output or effect groups."""
    funds_words = [name_key(w) for w in ctx.setting("fund_indicators")]
    output_words = ctx.setting("output_groups")
    for index, ind in enumerate(ctx.form.indicators):
        key = name_key(ind.name)
        if not any(word in key for word in funds_words):
            continue
        if ind.level1 and any(word in ind.level1 for word in output_words):
            place = " / ".join(p for p in (ind.level1, ind.level2) if p)
            yield ctx.report(
                f"indicators[{index}].level1",
                f"资金管理类指标“{ind.name}”放在了“{place}”下，应属投入与管理",
                f"the fund-management indicator {ind.name} is filed under {place}; "
                "it belongs to inputs and management",
                expected="投入与管理",
                found=place,
                indicator=ind.name,
            )


CHECK = Check(
    code="misplaced-indicator",
    severity=Severity.WARNING,
    title_zh="资金管理类指标放在产出或效益指标下",
    title_en="Fund-management indicator under outputs or effects",
    basis="财预〔2020〕10号 附件: 预算执行率单列，产出、效益指标反映项目产出和效果",
    run=run,
    settings=("fund_indicators", "output_groups"),
    doc=__doc__,
)
