"""impossible-value: a satisfaction, completion, coverage or pass rate above 100 %.

A share of a whole cannot pass the whole: 满意度 102 %, 完成率 120 %, 覆盖率 105 % are slips or
mismeasures. An indicator is a bounded rate when its name holds one of ``bounded_words`` and
none of ``unbounded_words`` (a growth rate, 增长率 130 %, may pass 100). Targets and actuals are
both read.

Fires:
    服务对象满意度: actual 102%.
    任务完成率: target ≥110%.

Passes:
    seed 001 服务对象满意度: 98%.
    营业收入增长率: 130%.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.findings import Finding, Severity
from jixiao.core.numbers import HUNDRED
from jixiao.core.values import Value, ValueKind, normalize


def _bounded(ctx: Context, name: str | None) -> bool:
    key = normalize(name or "")
    return any(w in key for w in ctx.setting("bounded_words")) and not any(
        w in key for w in ctx.setting("unbounded_words")
    )


def _over(value: Value) -> bool:
    return (
        value.kind is ValueKind.QUANTITATIVE
        and value.unit == "%"
        and value.number is not None
        and value.number > HUNDRED
    )


def run(ctx: Context) -> Iterator[Finding]:
    """A bounded rate printed above 100 %."""
    for row in ctx.score.indicators:
        ind = ctx.form.indicators[row.index]
        if not _bounded(ctx, ind.name):
            continue
        for field, value in (("target", row.target), ("actual", row.actual)):
            if not _over(value):
                continue
            yield ctx.report(
                f"indicators[{row.index}].{field}",
                f"“{ind.name}”是不会超过 100% 的比率，表中印为“{value.text}”",
                f"{ind.name} is a share that cannot pass 100%, printed {value.text!r}",
                expected="≤ 100%",
                found=value.text,
                indicator=ind.name,
            )


CHECK = Check(
    code="impossible-value",
    severity=Severity.ERROR,
    title_zh="比率超过100%",
    title_en="A share above 100 %",
    basis="满意度、完成率、覆盖率、合格率为部分占全体之比，不超过100%",
    run=run,
    settings=("bounded_words", "unbounded_words"),
    doc=__doc__,
)
