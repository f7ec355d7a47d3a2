"""name-holds-value: an indicator name that carries its own value.

``培训教师120人`` names the value the target column should hold: the indicator is ``培训教师人数``
with the target ``120人``. A name ending in a number and a unit (``KNOWN_UNITS`` of the value
grammar and ``extra_units``), with or without a comparator, is reported; a number inside a
name that defines the indicator (``故障24小时内修复率``) is not at its end and passes.

Fires:
    培训教师120人.
    年度资金支付完成率100% (a real 安徽 2022 form, tests/io/fixtures/corpus).

Passes:
    seed 001 赴对口支援地区工作次数; 故障24小时内修复率.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.values import KNOWN_UNITS, normalize

# Calendar words after a number are dates or periods, not values (2023年, 12月).
_CALENDAR = frozenset({"年", "月", "日", "周"})


@lru_cache(maxsize=16)
def _pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    units = sorted(
        {re.escape(u) for u in (*KNOWN_UNITS, *extra) if u not in _CALENDAR}, key=len, reverse=True
    )
    return re.compile(
        rf"(?:[≥≤<>=]|不低于|不少于|达到)?\s*\d[\d,.]*\s*(?:{'|'.join(units)})"
        r"\s*(?:以上|以下|及以上|及以下)?$"
    )


def run(ctx: Context) -> Iterator[Finding]:
    """Report names that end in a number and a unit."""
    pattern = _pattern(tuple(ctx.setting("extra_units")))
    for index, ind in enumerate(ctx.form.indicators):
        name = normalize(ind.name or "")
        match = pattern.search(name)
        if match is None or match.start() == 0:
            continue
        yield ctx.report(
            f"indicators[{index}].name",
            f"指标名称“{ind.name}”含有指标值“{match.group().strip()}”，应写在指标值栏",
            f"the indicator name {ind.name!r} carries its value {match.group().strip()!r}; "
            "it belongs in the target column",
            expected=name[: match.start()].strip(),
            found=ind.name,
            indicator=ind.name,
        )


CHECK = Check(
    code="name-holds-value",
    severity=Severity.WARNING,
    title_zh="指标名称含有指标值",
    title_en="Indicator name carries its own value",
    basis="财预〔2021〕101号: 指标名称与指标值分列，指标值应填入指标值栏",
    run=run,
    settings=("extra_units",),
    doc=__doc__,
)
