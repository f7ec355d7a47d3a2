"""``jixiao rules``: every check and rule set, with code, severity, what and basis."""

import argparse

from rich.table import Table

from jixiao.cli.common import EXIT_OK, config_or_exit, console
from jixiao.core.checks.registry import FORM_CHECKS
from jixiao.core.checks.runner import RETIRED_CODES, RUNNER_CODES
from jixiao.core.numbers import to_text
from jixiao.core.rulesets import Config, RuleSet
from jixiao.io.problems import IMPORT_CODES

# Problems of the input itself, found before any check runs.
INPUT_CODES = (
    ("bad-form-json", "error", "不是有效的规范 JSON 表", "not a valid canonical JSON form"),
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    parser = sub.add_parser("rules", help="list checks and rule sets / 列出检查与规则集")
    parser.set_defaults(handler=run)


def _table(title: str, columns: tuple[str, ...]) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def checks_table(config: Config) -> Table:
    """Every check with its severity in force, what it checks and needs, its basis and settings."""
    table = _table(
        "检查 checks",
        (
            "代码 code",
            "级别 severity",
            "适用 forms",
            "检查内容 what",
            "依据 basis",
            "设置 settings",
        ),
    )
    for check in FORM_CHECKS:
        severity = config.severity.get(check.code, check.severity)
        settings = ", ".join(f"{k}={config.setting(check.code, k)}" for k in check.settings)
        kinds = "/".join(str(k) for k in check.kinds)
        needs = "".join(f"\n需要 needs: {need}" for need in check.needs)
        table.add_row(
            check.code,
            str(severity),
            kinds,
            f"{check.title_zh}\n{check.title_en}{needs}",
            check.basis,
            settings or "—",
        )
    return table


def rulesets_table(config: Config) -> Table:
    """Every rule set with its templates, execution rule, groups and grade bands."""
    columns = (
        "规则集 id",
        "模板 templates",
        "计分 scored",
        "执行率 execution",
        "分组 groups",
        "等级 grades",
        "依据 basis",
    )
    table = _table("规则集 rule sets", columns)
    for rs in config.rulesets.values():
        groups = "\n".join(f"{g.name} {to_text(g.weight) or ''}".strip() for g in rs.groups)
        grades = " ".join(f"{g.word}≥{to_text(g.min)}" for g in rs.grades) or "—"
        table.add_row(
            f"{rs.id}@{rs.version}\n{rs.title_zh}",
            "\n".join((*rs.templates, _when_inferred(rs))),
            "yes" if rs.scored else "no",
            f"{rs.execution.placement}: {rs.execution.points}",
            groups,
            grades,
            rs.basis,
        )
    return table


def _when_inferred(rs: RuleSet) -> str:
    """When a rule set governs a form whose template no rule set lists."""
    if rs.fallback:
        return "（其余一切版式 every other layout）"
    marks = rs.inferred
    if marks is None:
        return ""
    shown = [*marks.sources_any, *marks.level1_any]
    if marks.level1_all:
        shown.append("+".join(marks.level1_all))
    kinds = f" [{'/'.join(marks.kinds)}]" if marks.kinds else ""
    return f"（推断 inferred #{marks.rank}{kinds}: {' | '.join(shown)}）"


def codes_table() -> Table:
    """The codes of problems found in the input itself, by the runner and while importing."""
    table = _table(
        "导入、输入与运行 import, input and runner findings",
        ("代码 code", "级别 severity", "说明 what"),
    )
    for code, severity, zh, en in INPUT_CODES:
        table.add_row(code, severity, f"{zh}\n{en}")
    for code, level, zh, en in RUNNER_CODES:
        shown = f"{level} (已停用 retired)" if code in RETIRED_CODES else str(level)
        table.add_row(code, shown, f"{zh}\n{en}")
    for entry in IMPORT_CODES:
        table.add_row(entry.code, str(entry.severity), f"{entry.zh}\n{entry.en}")
    return table


def run(args: argparse.Namespace) -> int:
    """Print the checks, the rule sets in force (with the deployment's overrides) and the other codes."""
    config = config_or_exit(args.config)
    out = console()
    out.print(checks_table(config))
    out.print(rulesets_table(config))
    out.print(codes_table())
    return EXIT_OK
