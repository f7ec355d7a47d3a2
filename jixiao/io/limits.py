"""What one input file may cost: its size on disk, and the time and memory of its parse.

Each bound is a setting, read from the environment (the web and the CLI alike); the CLI's
options override it. ``0`` turns a bound off (for trusted files only). A real form is a few
hundred kilobytes and parses in well under a second, far inside every default.

==========================  =========  ==============================================
setting                     default    what happens beyond it
==========================  =========  ==============================================
``JIXIAO_FILE_MAX_MB``      100        refused unread (``file-too-large``)
``JIXIAO_PARSE_SECONDS``    60         the parse is stopped (``file-too-costly``)
``JIXIAO_PARSE_MEMORY_MB``  1024       the parse is stopped (``file-too-costly``)
==========================  =========  ==============================================
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass

MIB = 1024 * 1024

FILE_MAX_MB = "JIXIAO_FILE_MAX_MB"
PARSE_SECONDS = "JIXIAO_PARSE_SECONDS"
PARSE_MEMORY_MB = "JIXIAO_PARSE_MEMORY_MB"


class LimitsError(ValueError):
    """A limit set to something that is not a number of the right kind."""


@dataclass(frozen=True)
class Limits:
    """The bounds on one file; ``None`` where a bound is off."""

    file_bytes: int | None = 100 * MIB  # the largest file read at all
    seconds: float | None = 60.0  # wall time of one file's parse
    memory_bytes: int | None = 1024 * MIB  # address space a parse may add to its process

    @property
    def file_mb(self) -> str:
        """The file bound in MiB, as the settings spell it."""
        return _mb(self.file_bytes)

    @property
    def memory_mb(self) -> str:
        """The memory bound in MiB, as the settings spell it."""
        return _mb(self.memory_bytes)


def _mb(value: int | None) -> str:
    return "—" if value is None else f"{value / MIB:g}"


def _number(name: str, text: str, whole: bool) -> float:
    """A setting's value: a non-negative number (whole where ``whole``).

    Raises:
        LimitsError: the text is not such a number.
    """
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        kind = "整数 a whole number" if whole else "数字 a number"
        raise LimitsError(f"{name}={text!r}: 应为 must be {kind}") from None
    if not 0 <= value < 10**9:
        raise LimitsError(f"{name}={text!r}: 应在 0 与 10^9 之间 must be from 0 below 10^9")
    return value


def _bytes(name: str, text: str) -> int | None:
    value = int(_number(name, text, whole=True))
    return value * MIB if value else None


def _seconds(name: str, text: str) -> float | None:
    value = _number(name, text, whole=False)
    return value if value else None


def limits_from(
    environ: Mapping[str, str] | None = None, **given: str | int | float | None
) -> Limits:
    """The limits in force: ``given`` (CLI options, by setting name) over ``environ`` over defaults.

    Args:
        environ: where settings are looked up; ``os.environ`` when not given.
        **given: values by setting name (``JIXIAO_PARSE_SECONDS=...``); ``None`` is not given.

    Raises:
        LimitsError: a setting that is not a number.
    """
    env = os.environ if environ is None else environ
    defaults = Limits()

    def pick(name: str) -> str | None:
        value = given.get(name)
        return str(value) if value is not None else env.get(name)

    file_mb, seconds, memory_mb = pick(FILE_MAX_MB), pick(PARSE_SECONDS), pick(PARSE_MEMORY_MB)
    return Limits(
        file_bytes=defaults.file_bytes if file_mb is None else _bytes(FILE_MAX_MB, file_mb),
        seconds=defaults.seconds if seconds is None else _seconds(PARSE_SECONDS, seconds),
        memory_bytes=(
            defaults.memory_bytes if memory_mb is None else _bytes(PARSE_MEMORY_MB, memory_mb)
        ),
    )
