"""target-unmeasurable: a target that reads as a value but cannot be measured against.

The shapes a reviewer sends back (issue 11 §1), each recognised by data in defaults.toml:

- a rate on a notion with no denominator: a percentage target on an indicator whose name
  counts nothing (``促进社会和谐稳定 ≥95%``: 95 % of what?). A name with a rate word
  (``rate_words``: 比例, 占比, 覆盖 …) or ending in one (``rate_endings``: 率, 度, 性; ``年度``
  inside a name is no rate), or a target naming what is counted after the number
  (``90%以上功能得到应用``), has one;
- a number with no unit (``3``, ``100``) where the name carries none either (``（人）``); zero
  needs none;
- a statement in place of a value (``按政府采购价格执行``, ``不超过预算``: ``statement_patterns``);
- a count for a rate (``验收合格率 30个``), or words under a level 2 that counts
  (``counting_level2``: 数量指标 ``按计划完成``).

Bare directions, definitions and questions are ``target-vague``; empty targets and marks
(``/``, ``无``) ``target-missing``.

Fires:
    促进社会和谐稳定: target ``≥95%``.
    福建 宁德 2019 (tests/io/fixtures/corpus): 按年度发放绩效奖、文明奖… ``≥60%``.
    培训场次: target ``3``.
    设备采购成本: target ``按政府采购价格执行``.
    数量指标 培训场次: target ``按计划完成``.

Passes:
    seed 001 服务对象满意度: target ``≥95%`` (满意度 is a rate).
    seed 004 系统功能充分应用: ``90%以上功能得到应用`` (the functions are counted).
    seed 001 成本控制: ``成本控制在预算内`` (a graded statement of a level, SPEC §3).
"""

import re
from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Indicator
from jixiao.core.values import Value, ValueKind, normalize

_UNIT_IN_NAME = re.compile(r"[（(][^（()）]{1,6}[)）]\s*$")
_GENERIC_END = re.compile(r"(?:指标|情况|\([^()]*\))+$")
_COUNTED_AFTER = re.compile(r"[%％]\s*(?:以上|以下|以内|及以上|及以下)?\s*[\u4e00-\u9fff]{2,}")


def _names_a_rate(ctx: Context, name: str) -> bool:
    if any(word in name for word in ctx.setting("rate_words")):
        return True
    head = _GENERIC_END.sub("", name)
    return head.endswith(tuple(ctx.setting("rate_endings")))


def _no_denominator(ctx: Context, ind: Indicator, target: Value) -> bool:
    if target.unit not in ("%", "‰"):
        return False
    if _names_a_rate(ctx, normalize(ind.name or "")):
        return False
    return not _COUNTED_AFTER.search(normalize(target.text))


def _no_unit(ind: Indicator, target: Value) -> bool:
    return (
        target.unit is None
        and target.number is not None
        and target.number != 0
        and not _UNIT_IN_NAME.search(ind.name or "")
    )


def _statement(ctx: Context, target: Value) -> bool:
    text = normalize(target.text)
    return any(re.search(pattern, text) for pattern in ctx.setting("statement_patterns"))


def _count_for_rate(ind: Indicator, target: Value) -> bool:
    """A rate (``…率``) given a count (``验收合格率 30个``)."""
    name = _GENERIC_END.sub("", normalize(ind.name or ""))
    per = any(mark in target.text for mark in ("/", "／", "每"))  # 5人/10万人 is a rate too
    return name.endswith("率") and target.unit not in (None, "%", "‰") and not per


def _words_for_quantity(ctx: Context, ind: Indicator, target: Value) -> bool:
    """Words under a level 2 that counts (数量指标: ``按计划完成``)."""
    level2 = normalize(ind.level2 or "")
    counting = any(level2.startswith(word) for word in ctx.setting("counting_level2"))
    return counting and target.kind is ValueKind.QUALITATIVE


def _quantitative_why(ctx: Context, ind: Indicator, target: Value) -> tuple[str, str] | None:
    if _no_denominator(ctx, ind, target):
        return "是百分比，但指标衡量的事项没有分母（何者的百分之几？）", (
            "is a percentage of a notion with no denominator (a share of what?)"
        )
    if _no_unit(ind, target):
        return "只有数字，没有计量单位", "is a number with no unit"
    if _count_for_rate(ind, target):
        return "是数量，而指标是比率", "is a count for an indicator that is a rate"
    return None


def _why(ctx: Context, ind: Indicator, target: Value) -> tuple[str, str] | None:
    if target.kind is ValueKind.QUANTITATIVE:
        return _quantitative_why(ctx, ind, target)
    if target.kind is ValueKind.QUALITATIVE and _statement(ctx, target):
        return (
            "是一句做法或约束的陈述，不是指标值",
            "states a practice or a constraint, not a value",
        )
    if _words_for_quantity(ctx, ind, target):
        return "是文字，而数量指标应量化", "is words under a level 2 that counts (数量指标)"
    return None


def run(ctx: Context) -> Iterator[Finding]:
    """Flag targets that read as values yet give nothing to measure against."""
    if not ctx.ruleset.has_targets:
        return
    for row in ctx.score.indicators:
        ind = ctx.form.indicators[row.index]
        why = _why(ctx, ind, row.target)
        if why is None:
            continue
        yield ctx.report(
            f"indicators[{row.index}].target",
            f"“{ind.name}”的指标值“{ind.target}”{why[0]}",
            f"{ind.name}: the target {ind.target!r} {why[1]}",
            expected="可衡量的指标值 / a measurable target",
            found=ind.target,
            indicator=ind.name,
        )


CHECK = Check(
    code="target-unmeasurable",
    severity=Severity.WARNING,
    title_zh="指标值无法衡量（无分母的比率、无单位的数字、以陈述代替指标值）",
    title_en="Target cannot be measured (a rate of nothing, a bare number, a statement)",
    basis="财预〔2021〕101号: 指标值应明确、可衡量，定量指标应有计量单位；财预〔2015〕88号: 细化量化",
    run=run,
    settings=("rate_words", "rate_endings", "statement_patterns", "counting_level2"),
    doc=__doc__,
)
