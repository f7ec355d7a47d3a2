"""Every code an import can report, with its default severity and meaning (for ``jixiao rules``).

The table is ``codes.toml``; a test keeps it and the importers' calls in step.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from jixiao.core.findings import Severity


@dataclass(frozen=True)
class ImportCode:
    """One import finding's code."""

    code: str
    severity: Severity
    zh: str
    en: str


_TABLE = tomllib.loads((Path(__file__).parent / "codes.toml").read_text(encoding="utf-8"))
IMPORT_CODES = tuple(ImportCode(k, Severity(s), zh, en) for k, (s, zh, en) in _TABLE.items())
BY_CODE = {c.code: c for c in IMPORT_CODES}
