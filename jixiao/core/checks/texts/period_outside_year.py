"""period-outside-year: a target or period that runs past the budget year.

A form is about one budget year: a 时效 target ``2025年6月底前完成`` on a 2024 form, or an annual
goal naming a later year, promises what this year's money does not buy; a 项目期限 that starts
after the year or ends before it is not this year's project. A multi-year period that includes
the year (2024-01 to 2026-12 on a 2024 form) is a project's life, not a slip, and passes.

Fires:
    a 2024 form with the target 2025年6月底前完成.
    a 2024 form whose period starts 2025-01-01.

Passes:
    seed 003 (2020): 2020-01-01 to 2020-12-31.
    广东 city target 2024: 2024-01 to 2026-12.
"""

import re
from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.needs import Need
from jixiao.core.findings import Finding, Severity

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


def _later_year(text: str | None, year: int) -> int | None:
    later = [int(y) for y in _YEAR.findall(text or "") if int(y) > year]
    return max(later) if later else None


def _period(ctx: Context, year: int) -> Iterator[Finding]:
    start, end = ctx.form.project.start_date, ctx.form.project.end_date
    if start is not None and start.year > year:
        yield ctx.report(
            "project.start_date",
            f"项目期限自 {start.isoformat()} 起，晚于 {year} 预算年度",
            f"the period starts {start.isoformat()}, after the budget year {year}",
            expected=str(year),
            found=start.isoformat(),
        )
    if end is not None and end.year < year:
        yield ctx.report(
            "project.end_date",
            f"项目期限至 {end.isoformat()} 止，早于 {year} 预算年度",
            f"the period ends {end.isoformat()}, before the budget year {year}",
            expected=str(year),
            found=end.isoformat(),
        )


def run(ctx: Context) -> Iterator[Finding]:
    """Targets and the annual goal within the year; the period covering it."""
    year = ctx.form.year
    assert year is not None  # Need.YEAR
    yield from _period(ctx, year)
    texts = [("goals.annual", ctx.form.goals.annual)]
    texts += [(f"indicators[{i}].target", ind.target) for i, ind in enumerate(ctx.form.indicators)]
    for path, text in texts:
        later = _later_year(text, year)
        if later is None:
            continue
        yield ctx.report(
            path,
            f"“{text}”写到 {later} 年，超出 {year} 预算年度",
            f"{text!r} runs to {later}, past the budget year {year}",
            expected=f"{year} 年度内 / within {year}",
            found=text,
        )


CHECK = Check(
    code="period-outside-year",
    severity=Severity.WARNING,
    title_zh="目标或期限超出预算年度",
    title_en="Target or period outside the budget year",
    basis="财预〔2015〕88号: 年度绩效目标是预算年度内预期达到的产出和效果",
    run=run,
    needs=(Need.YEAR,),
    doc=__doc__,
)
