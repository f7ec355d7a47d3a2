"""Rich tables for ``jixiao check``: figures declared vs recomputed, findings by severity."""

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from jixiao.core.checks.runner import FormReport
from jixiao.core.findings import Finding, Severity
from jixiao.core.numbers import same_number, to_text
from jixiao.core.report import counts

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LABEL = {Severity.ERROR: "错误 error", Severity.WARNING: "警告 warning", Severity.INFO: "提示 info"}


def _n(value: Decimal | None) -> str:
    return to_text(value) if value is not None else "—"


def _message(finding: Finding, lang: str) -> str:
    if lang == "zh":
        return finding.message_zh
    if lang == "en":
        return finding.message_en
    return f"{finding.message_zh}\n{finding.message_en}"


def findings_table(findings: list[Finding], lang: str) -> Table:
    """Findings, most severe first, coloured by severity."""
    table = Table(show_lines=False, expand=False, title_justify="left")
    table.add_column("级别 severity", no_wrap=True)
    table.add_column("代码 code", no_wrap=True)
    table.add_column("位置 where", max_width=28, overflow="fold")
    table.add_column("说明 message", ratio=1, min_width=30, overflow="fold")
    table.add_column("应为 expected", max_width=18, overflow="fold")
    table.add_column("实为 found", max_width=18, overflow="fold")
    for f in findings:
        where = f.location.path or "—"
        if f.location.indicator:
            where += f"\n{f.location.indicator}"
        table.add_row(
            Text(LABEL[f.severity], style=STYLE[f.severity]),
            f.code,
            where,
            _message(f, lang),
            f.expected or "—",
            f.found or "—",
        )
    return table


def _figure_row(
    table: Table, label: str, declared: Decimal | str | None, recomputed: Decimal | str | None
) -> None:
    if declared is None and recomputed is None:
        return
    if isinstance(declared, Decimal) or isinstance(recomputed, Decimal):
        differs = (
            declared is not None
            and recomputed is not None
            and not same_number(declared, recomputed)
        )
    else:
        differs = declared is not None and recomputed is not None and declared != recomputed
    shown = [_n(v) if not isinstance(v, str) else v for v in (declared, recomputed)]
    table.add_row(label, shown[0], Text(shown[1], style="bold red" if differs else "green"))


def figures_table(report: FormReport) -> Table:
    """Declared beside recomputed: execution rate and points, total, grade."""
    form, score = report.form, report.score
    table = Table(title=None, expand=False)
    table.add_column("项目 figure")
    table.add_column("表中 declared", justify="right")
    table.add_column("重算 recomputed", justify="right")
    if score is None:
        return table
    _figure_row(
        table,
        "预算执行率 % execution rate",
        form.funds.execution_rate,
        score.execution_rate_display,
    )
    _figure_row(
        table, "执行得分 execution points", form.funds.execution_score, score.execution_score
    )
    _figure_row(table, "权重合计 weights", None, score.weight_sum)
    _figure_row(table, "总分 total (printed / sum)", form.total_score, score.declared_sum)
    _figure_row(table, "规则总分 rule total", None, score.rule_total)
    _figure_row(table, "等级 grade", form.grade, score.declared_grade)
    return table


def indicators_table(report: FormReport) -> Table:
    """Every indicator with its target, actual, weights and the rule's view."""
    table = Table(expand=False)
    for column in (
        "#",
        "一级/二级",
        "指标 indicator",
        "目标 target",
        "完成 actual",
        "权重",
        "自评",
        "规则",
        "类型 / 档次",
    ):
        table.add_column(column, overflow="fold")
    rows = report.score.indicators if report.score else ()
    for row in rows:
        ind = report.form.indicators[row.index]
        kind = (
            " / ".join(
                part
                for part in (
                    str(row.target.kind) if ind.target else "",
                    row.tier.name_zh if row.tier else "",
                )
                if part
            )
            or "—"
        )
        table.add_row(
            str(row.index),
            " / ".join(p for p in (ind.level1, ind.level2) if p),
            ind.name or "—",
            ind.target or "—",
            ind.actual or "—",
            _n(ind.weight),
            _n(ind.score),
            _n(row.rule_score),
            kind,
        )
    return table


def render_document(
    out: Console, document: str, report: FormReport, *, lang: str, indicators: bool
) -> None:
    """One form: heading, figures, optional indicators, findings."""
    form = report.form
    rs = report.ruleset
    year = form.year if form.year is not None else "—"
    out.rule(f"[bold]{form.project.name or '—'}[/bold]  {year}  {form.template or '—'}")
    ruleset = f"{rs.id}@{rs.version}" if rs else "—"
    if report.choice is not None and report.choice.inferred:
        ruleset += " (推断 inferred)"
    out.print(
        f"{form.project.unit or '—'}  ·  {document} #{report.index}  ·  规则集 rule set {ruleset}"
    )
    if form.is_self_evaluation:
        out.print(figures_table(report))
    if indicators:
        out.print(indicators_table(report))
    if report.findings:
        out.print(findings_table(report.findings, lang))
    else:
        out.print(Text("无问题 no findings", style="green"))


def render_problems(out: Console, name: str, problems: list[Finding], lang: str) -> None:
    """A file that could not be read."""
    out.rule(f"[bold red]{name}[/bold red]")
    out.print(Text("无法读取，未检查 unreadable, not checked", style="bold red"))
    out.print(findings_table(problems, lang))


def render_summary(out: Console, docs: list) -> None:
    """Counts over all files."""
    findings = [f for d in docs for r in d.reports for f in r.findings]
    tally = counts(findings)
    forms = sum(len(d.reports) for d in docs)
    unreadable = sum(1 for d in docs if d.problems)
    out.rule()
    out.print(
        f"{len(docs)} 个文件 files, {forms} 张表 forms, {unreadable} 个无法读取 unreadable; "
        f"[bold red]{tally['error']} 错误 errors[/bold red], [yellow]{tally['warning']} 警告 warnings[/yellow], "
        f"[cyan]{tally['info']} 提示 info[/cyan]"
    )
