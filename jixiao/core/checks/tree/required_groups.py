"""required-groups: a group the rule set requires is not on the form.

The national and 四川 rule sets require 产出 / 效益 (and 满意度 on targets: 10号 lets a
self-evaluation move its weight to 产出 and 效益), with 数量 / 质量 / 时效 under 产出; Shanghai's
layouts print their own four groups. Only a rule set the form's template names requires
anything (``Need.TEMPLATE``): an inferred one is a guess at a province's tree.

Fires:
    a mof-2020 target with 产出指标 and 效益指标 only: 满意度指标 missing.
    seed 001 合作交流工作业务费 without its 时效指标 row: 时效 missing under 产出.

Passes:
    seed 001 合作交流工作业务费: 产出 (数量, 质量, 时效, 成本) / 效益 / 满意度.
    seed 004: 投入和管理目标 / 产出目标 / 效果目标 / 影响力目标.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.needs import Need
from jixiao.core.checks.tree.levels import group_keys, level1_keys, level2_keys_under, level_key
from jixiao.core.findings import Finding, Severity


def run(ctx: Context) -> Iterator[Finding]:
    """Every required level 1, and every required level 2 under it, must be printed."""
    if not ctx.form.indicators:
        return  # a form cut before its indicator table: the import says so (truncated-form)
    present = level1_keys(ctx.form)
    kind = str(ctx.form.kind)
    for rule in ctx.ruleset.groups:
        if kind not in rule.required:
            continue
        if not group_keys(rule) & present:
            yield ctx.report(
                "groups",
                f"缺少一级指标“{rule.name}”（{ctx.ruleset.title_zh}要求）",
                f"the level-1 group {rule.name} is missing (required by {ctx.ruleset.title_en})",
                expected=rule.name,
                found=" / ".join(g.name for g in ctx.form.groups) or None,
            )
            continue
        below = level2_keys_under(ctx.form, rule)
        for name in rule.required_level2:
            if level_key(name) not in below:
                yield ctx.report(
                    "groups",
                    f"“{rule.name}”下缺少二级指标“{name}”",
                    f"{rule.name} has no level-2 {name}",
                    expected=f"{rule.name} / {name}",
                )


CHECK = Check(
    code="required-groups",
    severity=Severity.WARNING,
    title_zh="缺少规则集要求的一级或二级指标",
    title_en="A group the rule set requires is missing",
    basis="财预〔2020〕10号、〔2021〕101号: 产出、效益、满意度指标，产出下设数量、质量、时效；"
    "上海市绩效目标表：投入和管理、产出、效果、影响力四类目标",
    run=run,
    needs=(Need.TEMPLATE,),
    doc=__doc__,
)
