"""weight-concentrated: one indicator carries more than half of the indicator points.

A form whose points sit on one indicator says little about the others: missing every other
target costs next to nothing. The share is the indicator's weight over all indicator weights
(the funds row's 分值 left out); the threshold is the rule set's (``[weights] max_share``).

Fires:
    a target with 产出指标 / 数量指标 培训人次 weighing 60 of 90.

Passes:
    seed 001 合作交流工作业务费: ten indicators of 5 or 10 points, 90 in all (at most 11 %).
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.numbers import HUNDRED, ZERO, half_up, to_text


def run(ctx: Context) -> Iterator[Finding]:
    """Report each indicator whose weight exceeds the rule set's share of all indicator points."""
    limit = ctx.ruleset.weights.max_share
    weights = [(i, ind.weight) for i, ind in enumerate(ctx.form.indicators) if ind.weight]
    total = sum((w for _, w in weights), ZERO)
    if limit is None or total <= ZERO or len(weights) < 2:
        return
    for index, weight in weights:
        share = weight * HUNDRED / total
        if share <= limit:
            continue
        ind = ctx.form.indicators[index]
        yield ctx.report(
            f"indicators[{index}].weight",
            f"“{ind.name}”的权重 {to_text(weight)} 占指标总分 {to_text(total)} 的 "
            f"{to_text(half_up(share))}%，超过 {to_text(limit)}%",
            f"{ind.name} weighs {to_text(weight)} of {to_text(total)} indicator points "
            f"({to_text(half_up(share))}%), more than {to_text(limit)}%",
            expected=f"≤ {to_text(limit)}%",
            found=weight,
            indicator=ind.name,
        )


CHECK = Check(
    code="weight-concentrated",
    severity=Severity.WARNING,
    title_zh="单个指标权重过高",
    title_en="One indicator carries most of the points",
    basis="财预〔2020〕10号: 指标权重根据指标重要程度合理设置；阈值见规则集 weights.max_share",
    run=run,
    doc=__doc__,
)
