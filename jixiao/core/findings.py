"""The one record every stage returns: a ``Finding``.

Checks, importers and decoders never print and never raise for bad input; they return
findings. A finding names its code (stable, kebab case), its severity, where it is (document,
form, JSON path, indicator), what is wrong in Chinese and English, the expected and found
values, and the rule it rests on.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

FINDING_SCHEMA = "jixiao/finding@1"


class Severity(StrEnum):
    """How much a finding matters: a wrong figure, a place to look, or a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort key, most severe first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding points: a document, a form in it, a JSON path, an indicator."""

    document: str | None = None
    form: int | None = None  # counted from 0, in printed order
    path: str | None = None  # JSON path in the canonical form: ``indicators[3].score``
    indicator: str | None = None  # the indicator's name, where there is one
    source: str | None = None  # where in the original file: "line 12", "p.2 line 7", "Sheet1!B4"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return {
            "document": self.document,
            "form": self.form,
            "path": self.path,
            "indicator": self.indicator,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem or remark about a form, as data."""

    code: str
    severity: Severity
    location: Location
    message_zh: str
    message_en: str
    expected: str | None = None
    found: str | None = None
    basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (``jixiao/finding@1``)."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "location": self.location.to_dict(),
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "expected": self.expected,
            "found": self.found,
            "basis": self.basis,
        }

    @property
    def key(self) -> tuple[str, int | None, str | None]:
        """``(code, form, path)``: what tests compare, never the message text."""
        return (self.code, self.location.form, self.location.path)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then by form and path, stable otherwise."""
    return sorted(
        findings,
        key=lambda f: (f.severity.rank, f.location.form or 0, f.location.path or ""),
    )
