"""template-debris: the template's own words left in a cell.

A form published with ``请对照年度目标说明完成情况（100字以内）`` in 实际完成情况, ``……`` in a row
or ``0`` typed as the deviation reason was not filled in at that place. Instruction text and
placeholders are recognised by ``instruction_patterns`` and ``placeholder_patterns`` (regular
expressions); ``deviation_marks`` are what a deviation cell must not hold alone.

Fires:
    goals.achieved: ``请对照年度目标说明完成情况（100字以内）``.
    a deviation reason ``0`` beside 8 of 10 points.

Passes:
    seed 001 机关服务费 服务对象满意度: ``偏差原因：工作精细化程度还有待提高。…``.
"""

import re
from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.texts.fields import text_fields
from jixiao.core.findings import Finding, Severity
from jixiao.core.values import normalize


def _debris(ctx: Context, path: str, text: str) -> str | None:
    """What kind of debris ``text`` is, in Chinese, or None."""
    folded = normalize(text)
    if any(re.search(p, folded) for p in ctx.setting("instruction_patterns")):
        return "填表说明"
    if any(re.fullmatch(p, folded) for p in ctx.setting("placeholder_patterns")):
        return "占位符"
    if path.endswith(".deviation") and folded in ctx.setting("deviation_marks"):
        return "无意义的偏差原因"
    return None


def run(ctx: Context) -> Iterator[Finding]:
    """Report each field that still holds the template's words."""
    for path, text in text_fields(ctx.form):
        if not text:
            continue
        kind = _debris(ctx, path, text)
        if kind is None:
            continue
        yield ctx.report(
            path,
            f"“{text}”是模板留下的{kind}，未按实际情况填写",
            f"{text!r} is left over from the template ({kind}), not filled in",
            expected="实际内容 / what the form is about",
            found=text,
        )


CHECK = Check(
    code="template-debris",
    severity=Severity.WARNING,
    title_zh="单元格中留有模板说明或占位符",
    title_en="Template instructions or placeholders left in a cell",
    basis="财预〔2020〕10号: 自评表应如实填写；issue 11 §2",
    run=run,
    settings=("instruction_patterns", "placeholder_patterns", "deviation_marks"),
    doc=__doc__,
)
