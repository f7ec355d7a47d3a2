"""Shared pieces of the subcommands: the console and settings loading."""

import sys

from rich.console import Console

from jixiao.core.rulesets import Config, ConfigError, load_config

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def console(stderr: bool = False) -> Console:
    """A rich console; 140 columns when writing to a file or pipe, so tables stay readable."""
    probe = Console(stderr=stderr)
    width = None if probe.is_terminal else 140
    return Console(stderr=stderr, highlight=False, width=width)


def config_or_exit(path: str | None) -> Config:
    """Load the rule sets and settings, or print why not and exit 2."""
    try:
        return load_config(path)
    except ConfigError as exc:
        print(f"jixiao: 配置错误 settings error: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_UNREADABLE) from None
