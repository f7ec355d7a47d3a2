"""The import findings of a form read by structure: what the canonical form has no place for."""

from decimal import Decimal

from jixiao.core.findings import Finding
from jixiao.core.model import Form
from jixiao.io.problems import problem, uncertain
from jixiao.io.structure.forms import Built
from jixiao.io.structure.reader import Draft
from jixiao.io.structure.rows import BREAK, GroupEntry

GROUP_LOST = (
    "一级指标的单元格未印出，按二级指标所属的指标体系推定",
    "the level-1 cell is lost: the group is inferred from its level-2 names",
)


def form_findings(
    document: str, form: int, read: Form, draft: Draft, built: Built, unmatched: bool
) -> list[Finding]:
    """Every import finding of one form: its table's, its funds', its own."""
    table = draft.table
    out = []
    for heading, values in table.reported.items():
        printed = " | ".join(values)
        out.append(
            problem(
                "unknown-column",
                document,
                f"没有对应字段的列“{heading}”：{printed[:80]}",
                f"column {heading!r} has no canonical field: {printed[:80]}",
                form=form,
                found=f"{heading}: {printed}",
            )
        )
    if table.long_term:
        out.append(
            problem(
                "long-term-indicators",
                document,
                f"长期（中期）指标未作为年度指标读入：{len(table.long_term)} 项",
                f"{len(table.long_term)} long-term indicator value(s) reported, not read as annual",
                form=form,
                found=" | ".join(table.long_term),
            )
        )
    out.extend(uncertain(document, form, *doubt) for doubt in table.uncertain)
    out.extend(
        uncertain(document, form, key, chosen, [chosen, other], *BREAK)
        for key, chosen, other in draft.fields.uncertain
    )
    out.extend(
        uncertain(document, form, f"groups[{k}].name", group.name, [group.name], *GROUP_LOST)
        for k, group in enumerate(read.groups)
        if not table.groups.get(group.name, GroupEntry(group.name)).printed
    )
    out += _weight_total(document, form, draft, read)
    return out + _state(document, form, read, draft, built, unmatched)


def _state(
    document: str, form: int, read: Form, draft: Draft, built: Built, unmatched: bool
) -> list[Finding]:
    """Funds columns with no field or no unit, no layout matched, no year, cut short, no table."""
    out = []
    if draft.funds is not None:
        out.extend(
            problem(
                "unknown-column",
                document,
                f"资金表中没有对应字段的列“{heading}”",
                f"funds column {heading!r} has no canonical field",
                form=form,
                path="funds",
                found=heading,
            )
            for heading in draft.funds.unknown
        )
        if draft.funds.tabled and read.funds.currency_unit is None:
            zh, en = "资金表未印金额单位", "the funds table prints no unit"
            out.append(
                uncertain(document, form, "funds.currency_unit", None, ["元", "万元"], zh, en)
            )
    if unmatched:
        zh = "按表的结构读入；未匹配到已知版式，表的版式留空"
        en = "read by its structure; no known layout matched, so the form's layout is left empty"
        out.append(problem("layout-unmatched", document, zh, en, form=form))
    if built.year_missing:
        zh = "未印年度，标题、日期和文件名也不能确定"
        en = "no year printed, and none settled by the title, dates or file name"
        out.append(problem("year-missing", document, zh, en, form=form, path="year"))
    if draft.ended_in_table and not draft.table.total_score and draft.kind == "self_evaluation":
        out.append(truncated(document, form))
    if not draft.tables:
        zh = "没有找到绩效指标表：已读入的内容照常返回"
        en = "no indicator table found: what was read is returned"
        out.append(problem("no-indicator-table", document, zh, en, form=form))
    out.extend(
        problem(
            "unreadable-value",
            document,
            f"无法读取的日期：“{text}”",
            f"a date that cannot be read: {text!r}",
            form=form,
            path=path,
            found=text,
        )
        for path, text in built.unreadable
    )
    return out


def _weight_total(document: str, form: int, draft: Draft, read: Form) -> list[Finding]:
    """A printed weight total unlike the rows' weights and the funds row's."""
    printed = draft.table.weight_total
    if printed is None or not read.indicators:
        return []
    computed = sum((i.weight or Decimal(0) for i in read.indicators), Decimal(0))
    computed += read.funds.execution_weight or Decimal(0)
    if computed == printed:
        return []
    return [
        problem(
            "weight-total-differs",
            document,
            f"合计行的分值 {printed} 与各行合计 {computed} 不符",
            f"the printed weight total {printed} differs from the rows' {computed}",
            form=form,
            path="indicators",
            found=str(printed),
            expected=str(computed),
        )
    ]


def truncated(document: str, form: int) -> Finding:
    """The ``truncated-form`` finding of a form cut short."""
    zh = "表不完整（在指标表结束之前中断）：已读入的内容照常返回"
    en = "the form is cut short: what was read is returned"
    return problem("truncated-form", document, zh, en, form=form)
