"""``jixiao parse FILE... [--json] [--out DIR]``: published files → canonical forms."""

import argparse
import json
from collections import Counter
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from jixiao.cli.common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    CommandError,
    add_limit_options,
    console,
    limits_or_exit,
)
from jixiao.cli.render import findings_table
from jixiao.io.batch import Outcome, Status, expand, parse_many
from jixiao.io.bounded import BoundedParser
from jixiao.io.parse import ParseResult


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    parser = sub.add_parser("parse", help="read published forms / 读取绩效表文件")
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", type=Path)
    parser.add_argument(
        "--json", action="store_true", help="print jixiao/parse@1, one object per line per file"
    )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help="write one JSON per file under DIR (batch)"
    )
    parser.add_argument("--lang", choices=("zh", "en", "both"), default="both")
    add_limit_options(parser)
    parser.set_defaults(handler=run)


def _status(results: list[ParseResult]) -> int:
    if any(r.failed for r in results):
        return EXIT_UNREADABLE
    return (
        EXIT_ERRORS if any(f.severity == "error" for r in results for f in r.findings) else EXIT_OK
    )


def _show(result: ParseResult, lang: str) -> None:
    out = console()
    out.rule(f"[bold]{result.file}[/bold]")
    table = Table()
    for column in (
        "#",
        "模板 template",
        "年度 year",
        "项目 project",
        "单位 unit",
        "指标 indicators",
    ):
        table.add_column(column)
    for i, form in enumerate(result.forms):
        table.add_row(
            str(i),
            form.template or "—",
            str(form.year) if form.year is not None else "—",
            form.project.name or "—",
            form.project.unit or "—",
            str(len(form.indicators)),
        )
    if result.forms:
        out.print(table)
    if result.findings:
        out.print(findings_table(result.findings, lang))


def run(args: argparse.Namespace) -> int:
    """Parse files one by one (printing) or in batch (writing under --out), within the limits."""
    limits = limits_or_exit(args)
    files = expand(args.paths)
    if not files:
        raise CommandError("没有可读的文件 no files to read")
    with BoundedParser(limits) as parser:
        if args.out:
            return _batch(args, files, parser)
        results = []
        for path in files:
            result = parser.parse_path(path)
            results.append(result)
            if args.json:
                print(json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                _show(result, args.lang)
        return _status(results)


def _why(outcome: Outcome, lang: str) -> str:
    en, zh = outcome.message, outcome.message_zh
    shown = {"en": en, "zh": zh or en}.get(lang) or "\n".join(m for m in (zh, en) if m)
    return shown or "—"


def _batch(args: argparse.Namespace, files: list[Path], parser: BoundedParser) -> int:
    out = console()
    tally: Counter[Status] = Counter()
    failures = []
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=out, transient=False) as progress:
        task = progress.add_task("解析 parsing", total=len(files))
        for outcome in parse_many(files, args.out, list(args.paths), parser):
            tally[outcome.status] += 1
            if outcome.status is Status.FAILED:
                failures.append(outcome)
            progress.advance(task)
    summary = Table(title="结果 outcome")
    summary.add_column("状态 status")
    summary.add_column("文件 files", justify="right")
    for status in Status:
        summary.add_row(str(status), str(tally[status]))
    out.print(summary)
    if failures:
        table = Table(title="失败 failed")
        table.add_column("文件 file", overflow="fold")
        table.add_column("原因 why", overflow="fold")
        for outcome in failures[:200]:
            table.add_row(str(outcome.path), _why(outcome, args.lang))
        out.print(table)
    return EXIT_UNREADABLE if failures else EXIT_OK
