"""The ``jixiao`` command: ``parse``, ``check`` and ``rules``.

Exit status: 0 no errors, 1 errors found, 2 unreadable input or bad usage. The CLI only
parses arguments and prints; everything it shows comes from ``jixiao.core``.
"""

import argparse
import sys
from collections.abc import Sequence

from jixiao import __version__
from jixiao.cli import check, parse, rules
from jixiao.cli.common import CommandError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="jixiao",
        description="绩效 jixiao: check performance forms of project spending / 财政项目支出绩效表检查",
    )
    parser.add_argument("--version", action="version", version=f"jixiao {__version__}")
    parser.add_argument(
        "--config", metavar="TOML", help="deployment settings overriding rule sets and thresholds"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    parse.add_parser(sub)
    check.add_parser(sub)
    rules.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except CommandError as exc:
        print(f"jixiao: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("interrupted / 已中断", file=sys.stderr)
        return 130
