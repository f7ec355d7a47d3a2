"""``jixiao check FILE...``: recompute and check canonical forms."""

import argparse
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from jixiao.cli.common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_limit_options,
    config_or_exit,
    console,
    limits_or_exit,
)
from jixiao.cli.render import render_document, render_problems, render_summary
from jixiao.core.checks.runner import FormReport, check_form
from jixiao.core.findings import Finding, Location, Severity, sort_findings
from jixiao.core.formjson import FormDecodeError, load_document
from jixiao.core.report import CHECK_SCHEMA, form_record
from jixiao.core.rulesets import Config
from jixiao.io.bounded import BoundedParser, defect, read_bounded, vet
from jixiao.io.parse import ParseResult, parse_bytes
from jixiao.io.problems import ReadError


@dataclass
class CheckedDocument:
    """One input file: its checked forms, or the problems that kept it from being read."""

    name: str
    reports: list[FormReport] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    parser = sub.add_parser("check", help="check forms / 检查绩效表")
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="canonical JSON (jixiao/form@1 or jixiao/parse@1)"
    )
    parser.add_argument(
        "--samples",
        action="store_true",
        help="check the bundled sample forms (the seed gold files)",
    )
    parser.add_argument("--json", action="store_true", help="print jixiao/check@1 JSON")
    parser.add_argument(
        "--indicators", action="store_true", help="also print every indicator's figures"
    )
    parser.add_argument(
        "--lang", choices=("zh", "en", "both"), default="both", help="language of messages"
    )
    add_limit_options(parser)
    parser.set_defaults(handler=run)


def sample_files() -> list[Path]:
    """The bundled sample forms: the hand-checked gold files of the five seeds."""
    folder = resources.files("jixiao").joinpath("samples/forms")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".json"))


def _unreadable(name: str, zh: str, en: str) -> Finding:
    return Finding(
        code="unreadable-file",
        severity=Severity.ERROR,
        location=Location(document=name, path="$"),
        message_zh=zh,
        message_en=en,
        basis="jixiao input",
    )


def _looks_like_json(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[")


def _check_imported(name: str, result: ParseResult, config: Config) -> CheckedDocument:
    """A published file (text, XLSX, DOCX, PDF, HTML), imported: check each form."""
    doc = CheckedDocument(name)
    if result.failed or not result.forms:
        doc.problems.extend(result.findings)
        return doc
    for i, form in enumerate(result.forms):
        report = check_form(form, config, doc.name, i)
        # The import's own findings go with their form; those of the whole file with the first.
        imported = [
            f
            for f in result.findings
            if f.location.form == i or (i == 0 and f.location.form is None)
        ]
        doc.reports.append(
            FormReport(
                form, i, report.score, sort_findings(imported + report.findings), report.choice
            )
        )
    return doc


def check_file(path: Path, config: Config, max_bytes: int | None = None) -> CheckedDocument:
    """Read and check every form in one file; unreadable input becomes problems.

    Args:
        path: canonical JSON, or a published file to import first.
        config: the rule sets and settings.
        max_bytes: refuse a larger file unread (``None``: no bound).
    """
    name = str(path)
    try:
        data = read_bounded(path, max_bytes)
    except ReadError as exc:
        return CheckedDocument(name, problems=[exc.finding])
    if not _looks_like_json(data):
        return _check_imported(name, parse_bytes(name, data), config)
    doc = CheckedDocument(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        doc.problems.append(
            _unreadable(
                name,
                f"不是 UTF-8 文本（第 {exc.start} 字节）",
                f"not UTF-8 text (byte {exc.start})",
            )
        )
        return doc
    try:
        forms = load_document(text, name)
    except FormDecodeError as exc:
        doc.problems.extend(exc.findings)
        return doc
    doc.reports = [check_form(form, config, name, i) for i, form in enumerate(forms)]
    return doc


def check_bounded(parser: BoundedParser, path: Path, config: Config) -> CheckedDocument:
    """``check_file`` in the parser's worker process, within its limits."""
    try:
        vet(path, parser.limits.file_bytes)
        return parser.call(str(path), check_file, path, config, parser.limits.file_bytes)
    except ReadError as exc:
        return CheckedDocument(str(path), problems=[exc.finding])
    except Exception as exc:  # escaped a reader: this file is refused, the others are checked
        return CheckedDocument(str(path), problems=[defect(str(path), exc)])


def _ruleset_id(report: FormReport) -> str | None:
    rs = report.ruleset
    return f"{rs.id}@{rs.version}" if rs else None


def _document_record(doc: CheckedDocument) -> dict:
    return {
        "file": doc.name,
        "forms": [form_record(r, _ruleset_id(r)) for r in doc.reports],
        "problems": [p.to_dict() for p in doc.problems],
    }


def exit_status(docs: list[CheckedDocument]) -> int:
    """2 if any input was unreadable, else 1 if any error was found, else 0."""
    if any(d.problems for d in docs):
        return EXIT_UNREADABLE
    errors = any(f.severity is Severity.ERROR for d in docs for r in d.reports for f in r.findings)
    return EXIT_ERRORS if errors else EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Check every file named (or the samples) and print the report."""
    config = config_or_exit(args.config)
    paths = [Path(f) for f in args.files] + (sample_files() if args.samples else [])
    if not paths:
        console(stderr=True).print("jixiao check: 请给出文件或 --samples / name files or --samples")
        return EXIT_UNREADABLE
    with BoundedParser(limits_or_exit(args)) as parser:
        docs = [check_bounded(parser, p, config) for p in paths]
    if args.json:
        record = {"schema": CHECK_SCHEMA, "documents": [_document_record(d) for d in docs]}
        print(json.dumps(record, ensure_ascii=False, indent=1))
    else:
        out = console()
        for doc in docs:
            if doc.problems:
                render_problems(out, doc.name, doc.problems, args.lang)
            for report in doc.reports:
                render_document(out, doc.name, report, lang=args.lang, indicators=args.indicators)
        render_summary(out, docs)
    return exit_status(docs)
