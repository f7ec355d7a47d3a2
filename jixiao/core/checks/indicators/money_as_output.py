"""money-as-output: money spent or paid filed as an output.

An output (产出) counts what the money bought; ``项目资金支付金额 50 → 46.5`` under 数量指标
counts the money itself, which is the execution rate's job. An indicator under an output group
(not under its 成本 level 2) whose target is an amount of money is reported: a currency unit
(``50万元``), or a name about money (``money_words``) over a bare number. A rate is not an
amount: ``补助资金拨付及时率 100%`` under 时效指标 measures how fast a subsidy reached its
recipients, a real output of a subsidy programme. Fund-management names (预算执行率, 资金到位率
…) are ``misplaced-indicator``'s.

Fires:
    产出指标 / 数量指标 项目资金支付金额: 50 → 46.5.

Passes:
    seed 001 产出指标 / 成本指标 成本控制: 成本控制在预算内.
    四川 2023 产出指标 / 时效指标 补助资金拨付及时率: 100%.
    seed 001 产出指标 / 数量指标 接待团组数量: ≥60 批.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.tree.levels import level_key
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Indicator
from jixiao.core.names import name_key
from jixiao.core.scoring import IndicatorScore

_CURRENCIES = frozenset({"元", "千元", "万元", "亿元"})


def _is_output(ind: Indicator, cost_words: list[str]) -> bool:
    level2 = level_key(ind.level2)
    return "产出" in level_key(ind.level1) and not any(w in level2 for w in cost_words)


def _about_money(ctx: Context, ind: Indicator, row: IndicatorScore) -> bool:
    key = name_key(ind.name)
    if any(
        name_key(w) in key for w in ctx.config.setting("misplaced-indicator", "fund_indicators")
    ):
        return False
    if row.target.unit in _CURRENCIES or row.actual.unit in _CURRENCIES:
        return True
    bare = row.target.number is not None and row.target.unit is None
    return bare and any(word in key for word in ctx.setting("money_words"))


def run(ctx: Context) -> Iterator[Finding]:
    """Report money indicators among the outputs."""
    cost_words = ctx.setting("cost_words")
    for row in ctx.score.indicators:
        ind = ctx.form.indicators[row.index]
        if not _is_output(ind, cost_words) or not _about_money(ctx, ind, row):
            continue
        place = " / ".join(p for p in (ind.level1, ind.level2) if p)
        yield ctx.report(
            f"indicators[{row.index}].name",
            f"“{ind.name}”衡量的是资金本身，不是产出，却放在“{place}”下",
            f"{ind.name} measures the money itself, not an output, yet sits under {place}",
            expected="产出的数量、质量、时效 / what the money bought",
            found=ind.name,
            indicator=ind.name,
        )


CHECK = Check(
    code="money-as-output",
    severity=Severity.WARNING,
    title_zh="以资金指标充当产出指标",
    title_en="Money posing as an output",
    basis="财预〔2020〕10号: 产出指标反映预算资金所形成的产品和服务，预算执行率单列",
    run=run,
    settings=("money_words", "cost_words"),
    doc=__doc__,
)
