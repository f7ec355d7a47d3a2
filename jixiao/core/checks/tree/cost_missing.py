"""cost-indicator-missing: no cost indicator on a national form from budget year 2022.

财预〔2021〕101号 (2021-08-18) adds 成本指标 to every project's targets: as a level 1
(经济 / 社会 / 生态环境成本指标 under it) or, in the 2020 tree, as a level 2 under 产出. The rule
set says from which budget year (``[cost] required_from_year``) and by which names; the check
needs the year, and holds a form to it when its tree is the rule set's (not a province's own).

Fires:
    a 2023 mof-2021 target with 产出 / 效益 / 满意度 and no 成本指标.

Passes:
    seed 001 (2022): 产出指标 / 成本指标 成本控制.
    a 2021 form with no cost indicator (before 101号 applied).
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.needs import Need
from jixiao.core.checks.tree.levels import follows_tree, level_key
from jixiao.core.findings import Finding, Severity


def run(ctx: Context) -> Iterator[Finding]:
    """From the rule set's year on, some level 1 or level 2 must be a cost indicator."""
    rule = ctx.ruleset.cost
    year = ctx.form.year
    if rule.required_from_year is None or year is None or year < rule.required_from_year:
        return
    if not ctx.form.indicators or not follows_tree(ctx.form, ctx.ruleset):
        return  # cut before its indicator table (truncated-form), or a tree of its own
    names = {level_key(n) for n in rule.names}
    levels = [g.name for g in ctx.form.groups]
    levels += [n for i in ctx.form.indicators for n in (i.level1, i.level2)]
    if any(level_key(n) in names for n in levels if n):
        return
    yield ctx.report(
        "groups",
        f"{year} 年度的表中没有成本指标（{rule.required_from_year} 年度起应设）",
        f"no cost indicator on a {year} form (required from budget year {rule.required_from_year})",
        expected="成本指标",
    )


CHECK = Check(
    code="cost-indicator-missing",
    severity=Severity.WARNING,
    title_zh="缺少成本指标",
    title_en="No cost indicator",
    basis="财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》: 设置成本指标",
    run=run,
    needs=(Need.YEAR,),
    doc=__doc__,
)
