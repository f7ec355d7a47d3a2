"""Shared pieces of the subcommands: the console and settings loading."""

from rich.console import Console

from jixiao.core.rulesets import Config, ConfigError, load_config

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


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
    """Load the rule sets and settings, or stop the command saying why (exit 2)."""
    try:
        return load_config(path)
    except ConfigError as exc:
        raise CommandError(f"配置错误 settings error: {exc}") from None
