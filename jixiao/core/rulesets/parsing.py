"""Reading rule-set and settings files: the one error they raise, numbers, unknown keys."""

from decimal import Decimal
from typing import Any

from jixiao.core.numbers import NotANumberError, to_decimal


class ConfigError(ValueError):
    """A rule set or settings file that cannot be used; the message names file and key."""


def dec(value: Any, where: str) -> Decimal:
    """A setting as a decimal; anything else is refused naming where it was."""
    try:
        number = to_decimal(value if not isinstance(value, float) else str(value))
    except NotANumberError:
        number = None
    if number is None:
        raise ConfigError(f"{where}: {value!r} 不是数字 / is not a number")
    return number


def only(data: dict, allowed: tuple[str, ...], where: str) -> dict:
    """``data`` itself, or a refusal naming its unknown keys and the allowed ones."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ConfigError(
            f"{where}: 未知的键 unknown key(s) {', '.join(unknown)}; "
            f"可用 allowed: {', '.join(allowed)}"
        )
    return data
