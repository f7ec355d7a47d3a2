"""The import findings of a form read by structure: what the canonical form has no place for.

Unknown columns with their values, long-term indicators, readings the text does not settle,
groups named by the tree only, a printed weight total unlike the rows, funds columns with no
field or no unit, no layout matched, no year, a form cut short or with no indicator table.
"""

from decimal import Decimal

from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Form
from jixiao.io.problems import problem, uncertain
from jixiao.io.structure.forms import Built
from jixiao.io.structure.reader import Draft
from jixiao.io.structure.rows import BREAK, GroupEntry


def form_findings(
    document: str, form: int, read: Form, draft: Draft, built: Built, unmatched: bool
) -> list[Finding]:
    """Every import finding of one form: its table's, its funds', its own."""
    return [
        *_table_findings(document, form, read, draft),
        *_weight_total(document, form, draft, read),
        *_funds_findings(document, form, draft, read),
        *_form_state(document, form, draft, built, unmatched),
    ]


def _table_findings(document: str, form: int, read: Form, draft: Draft) -> list[Finding]:
    """Columns with no field, long-term values, readings not settled, groups not printed."""
    out = [
        _unknown_column(document, form, heading, values)
        for heading, values in draft.table.reported.items()
    ]
    if draft.table.long_term:
        out.append(
            problem(
                "long-term-indicators",
                Severity.INFO,
                document,
                f"长期（中期）指标未作为年度指标读入：{len(draft.table.long_term)} 项",
                f"{len(draft.table.long_term)} long-term indicator value(s) reported, not read as annual",
                form=form,
                found=" | ".join(draft.table.long_term),
            )
        )
    out.extend(
        uncertain(document, form, path, chosen, candidates, zh, en)
        for path, chosen, candidates, zh, en in draft.table.uncertain
    )
    out.extend(
        uncertain(document, form, key, chosen, [chosen, other], *BREAK)
        for key, chosen, other in draft.fields.uncertain
    )
    out.extend(
        uncertain(
            document,
            form,
            f"groups[{k}].name",
            group.name,
            [group.name],
            "一级指标的单元格未印出，按二级指标所属的指标体系推定",
            "the level-1 cell is lost: the group is inferred from its level-2 names",
        )
        for k, group in enumerate(read.groups)
        if not draft.table.groups.get(group.name, GroupEntry(group.name)).printed
    )
    return out


def _form_state(
    document: str, form: int, draft: Draft, built: Built, unmatched: bool
) -> list[Finding]:
    """No layout matched, no year, cut short, no indicator table, unreadable dates."""
    out = []
    if unmatched:
        out.append(
            problem(
                "layout-unmatched",
                Severity.INFO,
                document,
                "按表的结构读入；未匹配到已知版式，表的版式留空",
                "read by its structure; no known layout matched, so the form's layout is left empty",
                form=form,
            )
        )
    if built.year_missing:
        out.append(
            problem(
                "year-missing",
                Severity.WARNING,
                document,
                "未印年度，标题、日期和文件名也不能确定",
                "no year printed, and none settled by the title, dates or file name",
                form=form,
                path="year",
            )
        )
    if draft.ended_in_table and not draft.table.total_score and draft.kind == "self_evaluation":
        out.append(truncated(document, form))
    return out + _what_is_missing(document, form, draft, built)


def _what_is_missing(document: str, form: int, draft: Draft, built: Built) -> list[Finding]:
    """No indicator table, and dates that cannot be read."""
    out = []
    if not draft.tables:
        out.append(
            problem(
                "no-indicator-table",
                Severity.ERROR,
                document,
                "没有找到绩效指标表：已读入的内容照常返回",
                "no indicator table found: what was read is returned",
                form=form,
            )
        )
    out.extend(
        problem(
            "unreadable-value",
            Severity.WARNING,
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


def _funds_findings(document: str, form: int, draft: Draft, read: Form) -> list[Finding]:
    """Funds columns with no field, and a funds table that prints no unit."""
    if draft.funds is None:
        return []
    out = [
        problem(
            "unknown-column",
            Severity.WARNING,
            document,
            f"资金表中没有对应字段的列“{heading}”",
            f"funds column {heading!r} has no canonical field",
            form=form,
            path="funds",
            found=heading,
        )
        for heading in draft.funds.unknown
    ]
    if draft.funds.tabled and read.funds.currency_unit is None:
        out.append(
            uncertain(
                document,
                form,
                "funds.currency_unit",
                None,
                ["元", "万元"],
                "资金表未印金额单位",
                "the funds table prints no unit",
            )
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
            Severity.WARNING,
            document,
            f"合计行的分值 {printed} 与各行合计 {computed} 不符",
            f"the printed weight total {printed} differs from the rows' {computed}",
            form=form,
            path="indicators",
            found=str(printed),
            expected=str(computed),
        )
    ]


def _unknown_column(document: str, form: int, heading: str, values: list[str]) -> Finding:
    return problem(
        "unknown-column",
        Severity.WARNING,
        document,
        f"没有对应字段的列“{heading}”：{' | '.join(values)[:80]}",
        f"column {heading!r} has no canonical field: {' | '.join(values)[:80]}",
        form=form,
        found=f"{heading}: {' | '.join(values)}",
    )


def truncated(document: str, form: int) -> Finding:
    """The ``truncated-form`` finding of a form cut short."""
    return problem(
        "truncated-form",
        Severity.WARNING,
        document,
        "表不完整（在指标表结束之前中断）：已读入的内容照常返回",
        "the form is cut short: what was read is returned",
        form=form,
    )
