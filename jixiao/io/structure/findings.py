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
        zh = f"没有对应字段的列“{heading}”：{printed[:80]}"
        en = f"column {heading!r} has no canonical field: {printed[:80]}"
        found = f"{heading}: {printed}"
        out.append(problem("unknown-column", document, zh, en, form=form, found=found))
    if table.long_term:
        zh = f"长期（中期）指标未作为年度指标读入：{len(table.long_term)} 项"
        en = f"{len(table.long_term)} long-term indicator value(s) reported, not read as annual"
        found = " | ".join(table.long_term)
        out.append(problem("long-term-indicators", document, zh, en, form=form, found=found))
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
    printed = table.weight_total
    computed = sum((i.weight or Decimal(0) for i in read.indicators), Decimal(0))
    computed += read.funds.execution_weight or Decimal(0)
    if printed is not None and read.indicators and computed != printed:
        zh = f"合计行的分值 {printed} 与各行合计 {computed} 不符"
        en = f"the printed weight total {printed} differs from the rows' {computed}"
        where = {"form": form, "path": "indicators", "expected": str(computed)}
        out.append(problem("weight-total-differs", document, zh, en, found=str(printed), **where))
    return out + _state(document, form, read, draft, built, unmatched)


def _state(
    document: str, form: int, read: Form, draft: Draft, built: Built, unmatched: bool
) -> list[Finding]:
    """Funds columns with no field or no unit, no layout matched, no year, cut short, no table."""
    out = []
    for heading in draft.funds.unknown if draft.funds else ():
        zh = f"资金表中没有对应字段的列“{heading}”"
        en = f"funds column {heading!r} has no canonical field"
        out.append(
            problem("unknown-column", document, zh, en, form=form, path="funds", found=heading)
        )
    if draft.funds and draft.funds.tabled and read.funds.currency_unit is None:
        zh, en = "资金表未印金额单位", "the funds table prints no unit"
        out.append(uncertain(document, form, "funds.currency_unit", None, ["元", "万元"], zh, en))
    if unmatched:
        zh = "按表的结构读入；未匹配到已知版式，表的版式留空"
        en = "read by its structure; no known layout matched, so the form's layout is left empty"
        out.append(problem("layout-unmatched", document, zh, en, form=form))
    if read.year is None:
        zh = "未印年度，标题、日期和文件名也不能确定"
        en = "no year printed, and none settled by the title, dates or file name"
        out.append(problem("year-missing", document, zh, en, form=form, path="year"))
    if draft.ended_in_table and not draft.table.total_score and draft.kind == "self_evaluation":
        out.append(truncated(document, form))
    if not draft.tables:
        zh = "没有找到绩效指标表：已读入的内容照常返回"
        en = "no indicator table found: what was read is returned"
        out.append(problem("no-indicator-table", document, zh, en, form=form))
    for path, text in built.unreadable:
        zh, en = f"无法读取的日期：“{text}”", f"a date that cannot be read: {text!r}"
        out.append(problem("unreadable-value", document, zh, en, form=form, path=path, found=text))
    return out


def truncated(document: str, form: int) -> Finding:
    """The ``truncated-form`` finding of a form cut short."""
    zh = "表不完整（在指标表结束之前中断）：已读入的内容照常返回"
    en = "the form is cut short: what was read is returned"
    return problem("truncated-form", document, zh, en, form=form)
