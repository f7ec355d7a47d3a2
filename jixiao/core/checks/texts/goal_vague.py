"""goal-vague: a year's goal with nothing to count.

年度绩效目标 says how much this year's money achieves: ``完成12个老旧小区配套设施改造，加装电梯20部``.
A goal with no number at all (``进一步提高博物馆纪念馆运行效率和免费开放服务水平``) states a
direction, not a goal a reviewer could check the year against. Numbers are digits or Chinese
numerals before a measure word (``三个``, ``两座``).

Fires:
    甘肃 嘉峪关 2023 (tests/io/fixtures/corpus): 进一步提高博物馆纪念馆运行效率和免费开放服务水平.

Passes:
    seed 004 合作交流工作业务费: "…满意度争取达到85%以上".
"""

import re
from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.values import normalize

_NUMBER = re.compile(
    r"\d|[一二两三四五六七八九十百千万]+(?:个|项|次|家|所|座|场|期|人|户|条|处|批|篇|本|部|辆|台|套"
    r"|公里|千米|米|亩|吨|天|月|年|件|名|万|成)"
)


def run(ctx: Context) -> Iterator[Finding]:
    """The annual goal must hold some quantity."""
    annual = ctx.form.goals.annual
    if not annual or not annual.strip() or _NUMBER.search(normalize(annual)):
        return
    yield ctx.report(
        "goals.annual",
        f"年度目标“{annual}”没有任何数量，无法据以考核",
        f"the annual goal {annual!r} holds no quantity to check the year against",
        expected="细化量化的年度目标 / a goal with quantities",
        found=annual,
    )


CHECK = Check(
    code="goal-vague",
    severity=Severity.WARNING,
    title_zh="年度目标未量化",
    title_en="Annual goal holds no quantity",
    basis="财预〔2015〕88号: 绩效目标应当清晰、可衡量，尽量细化量化",
    run=run,
    doc=__doc__,
)
