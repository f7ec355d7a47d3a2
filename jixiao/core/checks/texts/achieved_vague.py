"""achieved-vague: 实际完成情况 that says nothing about what was done.

``完成年度目标。`` tells a reader only that the unit is satisfied: no quantity, no result. A text
that is one of ``generic_patterns`` as a whole (punctuation aside), or shorter than
``min_chars`` characters, is reported.

Fires:
    安徽 天长 2022 (tests/io/fixtures/corpus): "完成年度目标。".

Passes:
    seed 001 机关服务费: "全年安排了具备资质、业务素养较高的驾驶员为本单位公务用车提供驾驶服务，…".
"""

import re
from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.texts.fields import text_key
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind


def run(ctx: Context) -> Iterator[Finding]:
    """The achieved-results text must say what was achieved."""
    achieved = ctx.form.goals.achieved
    key = text_key(achieved)
    if not key:
        return
    generic = any(re.fullmatch(p, key) for p in ctx.setting("generic_patterns"))
    if not generic and len(key) >= int(ctx.setting("min_chars")):
        return
    yield ctx.report(
        "goals.achieved",
        f"实际完成情况“{achieved}”过于笼统，未说明完成了什么",
        f"the achieved-results text {achieved!r} says nothing of what was done",
        expected="完成的数量、质量、效果 / what was done, how much, to what effect",
        found=achieved,
    )


CHECK = Check(
    code="achieved-vague",
    severity=Severity.WARNING,
    title_zh="实际完成情况过于笼统",
    title_en="Achieved-results text says nothing",
    basis="财预〔2020〕10号: 自评应对照年度目标说明实际完成情况",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    settings=("generic_patterns", "min_chars"),
    doc=__doc__,
)
