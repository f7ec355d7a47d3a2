"""Shared pieces of the subcommands: the console, settings loading and the input limits."""

import argparse
from pathlib import Path

from rich.console import Console

from jixiao.core.rulesets import Config, ConfigError, load_config
from jixiao.io.bounded import (
    FILE_MAX_MB,
    MIB,
    PARSE_MEMORY_MB,
    PARSE_SECONDS,
    Limits,
    LimitsError,
    in_mb,
    limits_from,
    vet,
)
from jixiao.io.problems import ReadError

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
# A deployment's settings file is a page of TOML; anything near this is not one.
CONFIG_MAX_BYTES = 1 * MIB


def console(stderr: bool = False) -> Console:
    """A rich console; 140 columns when writing to a file or pipe, so tables stay readable."""
    probe = Console(stderr=stderr)
    width = None if probe.is_terminal else 140
    return Console(stderr=stderr, highlight=False, width=width)


class CommandError(Exception):
    """Stops a command with a message for stderr and an exit status."""

    def __init__(self, message: str, status: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.status = status


def config_or_exit(path: str | None) -> Config:
    """Load the rule sets and settings, or stop the command saying why (exit 2).

    The settings file must be a regular file of at most ``CONFIG_MAX_BYTES``.
    """
    try:
        if path is not None:
            vet(Path(path), CONFIG_MAX_BYTES)
        return load_config(path)
    except ReadError as exc:
        finding = exc.finding
        message = f"{path}: {finding.message_zh} / {finding.message_en}"
    except ConfigError as exc:  # TOML nested too deeply among them
        message = str(exc)
    raise CommandError(f"配置错误 settings error: {message}")


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """The options bounding each input file (each overrides its environment variable)."""
    group = parser.add_argument_group("限制 limits (0 = none)")
    defaults = Limits()
    group.add_argument(
        "--max-file-mb",
        metavar="MB",
        help=f"refuse larger files unread (${FILE_MAX_MB}, default {in_mb(defaults.file_bytes)})",
    )
    group.add_argument(
        "--parse-seconds",
        metavar="S",
        help=f"stop a file's parse after S seconds (${PARSE_SECONDS}, default {defaults.seconds:g})",
    )
    group.add_argument(
        "--parse-memory-mb",
        metavar="MB",
        help=f"stop a file's parse beyond MB of memory (${PARSE_MEMORY_MB}, "
        f"default {in_mb(defaults.memory_bytes)})",
    )


def limits_or_exit(args: argparse.Namespace) -> Limits:
    """The limits from the options over the environment, or stop the command (exit 2)."""
    try:
        return limits_from(
            **{
                FILE_MAX_MB: args.max_file_mb,
                PARSE_SECONDS: args.parse_seconds,
                PARSE_MEMORY_MB: args.parse_memory_mb,
            }
        )
    except LimitsError as exc:
        raise CommandError(f"限制设置错误 bad limit: {exc}") from None
