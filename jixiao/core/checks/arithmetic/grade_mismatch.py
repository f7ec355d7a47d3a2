"""grade-mismatch: the printed grade is not the band of the total.

Bands come from the rule set (财预〔2020〕10号: 90 and above 优, 80–90 良, 60–80 中, below
60 差, lower bounds inclusive); each band accepts its other spellings (优 / 优秀).

Grade words and bands are each layout's own (SPEC §4: Shanghai later grades 优 / 良 / 合格 /
不合格; a deployment configures them per rule set). Under a rule set inferred from the tree
the printed word may belong to another scale, so the check needs the form's own template
(``Need.TEMPLATE``) and is otherwise skipped with a ``check-skipped`` note.

Fires:
    total 88 printed with grade 优秀.

Passes:
    seed 000: totals 88 and 89 printed 良好.
"""

from collections.abc import Iterator

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.needs import Need
from jixiao.core.findings import Finding, Severity
from jixiao.core.model import FormKind


def run(ctx: Context) -> Iterator[Finding]:
    """Compare the printed grade with the band of the total."""
    printed, band = ctx.form.grade, ctx.score.declared_grade
    if not printed or band is None:
        return
    rule = next(b for b in ctx.ruleset.grades if b.word == band)
    if not rule.matches(printed.strip()):
        total = ctx.form.total_score if ctx.form.total_score is not None else ctx.score.declared_sum
        yield ctx.report(
            "grade",
            f"总分 {total} 对应等级“{band}”，表中印为“{printed}”",
            f"a total of {total} is graded {band}, the form prints {printed}",
            expected=band,
            found=printed,
        )


CHECK = Check(
    code="grade-mismatch",
    severity=Severity.ERROR,
    title_zh="绩效等级与总分不符",
    title_en="Printed grade differs from the band of the total",
    basis="财预〔2020〕10号: 90分（含）以上为优，80（含）-90分为良，60（含）-80分为中，60分以下为差",
    run=run,
    kinds=(FormKind.SELF_EVALUATION,),
    doc=__doc__,
    needs=(Need.TEMPLATE,),
)
