"""near-duplicate-indicator: one indicator written twice under two spellings.

Two names that differ only by a generic ending (``generic_suffixes``: 指标, 情况, 程度 …)
measure one thing (``服务对象满意度`` / ``服务对象满意度指标``); so do two
satisfaction rates (``satisfaction_words``) filed under different level-1 groups. The later
row is reported; exact repeats are ``duplicate-indicator``.

Fires:
    服务对象满意度 and 服务对象满意度指标 in one form.
    群众满意度 under 效益指标 and 服务对象满意度 under 满意度指标.

Passes:
    seed 004 各地来沪投资数据采集与统计分析系统: 运维工作完成率 and 运维工作完成及时率.
    学生满意度 and 家长满意度, both under 满意度指标.
    吉林 预算执行进度(7月) and 预算执行进度（11月）: two checkpoints, not one indicator.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Indicator
from jixiao.core.names import name_key


def _key(name: str | None, suffixes: list[str]) -> str:
    key = name_key(name)
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                key, changed = key[: -len(suffix)], True
    return key


def _satisfaction(ind: Indicator, words: list[str]) -> bool:
    return any(word in (ind.name or "") for word in words)


def _earlier(ctx: Context, index: int, ind: Indicator) -> tuple[int, str] | None:
    """The earlier row ``ind`` repeats, and how (in Chinese)."""
    suffixes, words = ctx.setting("generic_suffixes"), ctx.setting("satisfaction_words")
    for before in range(index):
        other = ctx.form.indicators[before]
        if name_key(other.name) == name_key(ind.name):
            continue  # the same name: duplicate-indicator's
        if _key(other.name, suffixes) == _key(ind.name, suffixes):
            return before, "名称只差通用字样"
        apart = bool(other.level1 and ind.level1) and name_key(other.level1) != name_key(ind.level1)
        if apart and _satisfaction(ind, words) and _satisfaction(other, words):
            return before, f"两项满意度分列“{other.level1}”与“{ind.level1}”"
    return None


def run(ctx: Context) -> Iterator[Finding]:
    """Report each row that repeats an earlier one under another spelling."""
    for index, ind in enumerate(ctx.form.indicators):
        if not name_key(ind.name):
            continue
        earlier = _earlier(ctx, index, ind)
        if earlier is None:
            continue
        before, how = earlier
        other = ctx.form.indicators[before].name
        yield ctx.report(
            f"indicators[{index}].name",
            f"指标“{ind.name}”与第 {before + 1} 行“{other}”实为同一指标（{how}）",
            f"indicator {ind.name} repeats row {before + 1}, {other}, under another spelling",
            expected=None,
            found=ind.name,
            indicator=ind.name,
        )


CHECK = Check(
    code="near-duplicate-indicator",
    severity=Severity.WARNING,
    title_zh="指标近似重复",
    title_en="Indicator repeated under another spelling",
    basis="财预〔2015〕88号: 指标应全面、独立，不重复",
    run=run,
    settings=("generic_suffixes", "satisfaction_words"),
    doc=__doc__,
)
