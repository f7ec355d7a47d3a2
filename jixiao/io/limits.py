"""What one input file may cost: settings read from the environment, the CLI's options over them.

``0`` turns a bound off (for trusted files only); a real form is a few hundred kilobytes and
parses in well under a second, far inside every default.

- ``JIXIAO_FILE_MAX_MB`` (100): a larger file is refused unread (``file-too-large``);
- ``JIXIAO_PARSE_SECONDS`` (60), ``JIXIAO_PARSE_MEMORY_MB`` (1024): a parse beyond them is
  stopped (``file-too-costly``).
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
    """A setting's value: a non-negative number below 10^9 (whole where ``whole``)."""
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        kind = "整数 a whole number" if whole else "数字 a number"
        raise LimitsError(f"{name}={text!r}: 应为 must be {kind}") from None
    if not 0 <= value < 10**9:
        raise LimitsError(f"{name}={text!r}: 应在 0 与 10^9 之间 must be from 0 below 10^9")
    return value


def limits_from(
    environ: Mapping[str, str] | None = None, **given: str | int | float | None
) -> Limits:
    """The limits: ``given`` (by setting name; None: not given) over ``environ`` over defaults.

    Raises:
        LimitsError: a setting that is not a number of its kind.
    """
    env = os.environ if environ is None else environ
    defaults = Limits()

    def setting(name: str, default: float | None, unit: int) -> int | float | None:
        text = env.get(name) if given.get(name) is None else str(given[name])
        if text is None:
            return default
        value = _number(name, text, whole=unit == MIB)  # MiB settings are whole
        return value * unit if value else None

    return Limits(
        file_bytes=setting(FILE_MAX_MB, defaults.file_bytes, MIB),
        seconds=setting(PARSE_SECONDS, defaults.seconds, 1),
        memory_bytes=setting(PARSE_MEMORY_MB, defaults.memory_bytes, MIB),
    )
