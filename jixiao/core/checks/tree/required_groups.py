"""required-groups: a group the rule set requires is not on the form.

The national and 四川 rule sets require 产出 / 效益 (and 满意度 on targets: 10号 lets a
self-evaluation move its weight to 产出 and 效益), with 数量 / 质量 / 时效 under 产出; Shanghai's
layouts print their own four groups. A form is held to them when its tree is the rule set's
(every level 1 it prints is one of the rule set's groups): under the national fallback a
province's own tree (广东 预期产出指标 / 效果指标) is not. A group printed as a level 2 counts
(湖南 prints 满意度 under 效益指标).

Fires:
    a mof-2020 target with 产出指标 and 效益指标 only: 满意度指标 missing.
    seed 001 合作交流工作业务费 without its 时效指标 row: 时效 missing under 产出.

Passes:
    seed 001 合作交流工作业务费: 产出 (数量, 质量, 时效, 成本) / 效益 / 满意度.
    广东 city target: 预期产出指标 / 效果指标 (its own tree).
    seed 004: 投入和管理目标 / 产出目标 / 效果目标 / 影响力目标.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.tree.levels import (
    follows_tree,
    group_keys,
    level1_keys,
    level2_keys,
    level2_keys_under,
    level_key,
)
from jixiao.core.findings import Finding, Severity


def run(ctx: Context) -> Iterator[Finding]:
    """Every required level 1, and every required level 2 under it, must be printed."""
    if not ctx.form.indicators or not follows_tree(ctx.form, ctx.ruleset):
        return  # cut before its indicator table (truncated-form), or a tree of its own
    present = level1_keys(ctx.form) | level2_keys(ctx.form)
    kind = str(ctx.form.kind)
    for rule in ctx.ruleset.groups:
        if kind not in rule.required:
            continue
        if not group_keys(rule) & present:
            yield ctx.report(
                "groups",
                f"缺少一级指标“{rule.name}”",
                f"the level-1 group {rule.name} is missing",
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
    doc=__doc__,
)
