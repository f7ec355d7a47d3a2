"""Import problems are findings too: coded (permanent codes, in ``codes.toml``), located, zh/en."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from jixiao.core.findings import Finding, Location, Severity

BASIS = "jixiao import"


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


def problem(  # noqa: PLR0913 - a record's fields, all but the first four keyword-only
    code: str,
    document: str | None,
    zh: str,
    en: str,
    *,
    form: int | None = None,
    path: str | None = None,
    source: str | None = None,
    found: str | None = None,
    expected: str | None = None,
) -> Finding:
    """A finding of the import stage, of its code's severity."""
    where = Location(document=document, form=form, path=path, source=source)
    return Finding(code, BY_CODE[code].severity, where, zh, en, expected, found, BASIS)


class ReadError(Exception):
    """A file that cannot be read at all; ``finding`` says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message_en)
        self.finding = finding


def unreadable(document: str, code: str, zh: str, en: str) -> ReadError:
    """The error for a file that yields no text."""
    return ReadError(problem(code, document, zh, en))


def uncertain(
    document: str, form: int, path: str, chosen: str | None, candidates: list[str], zh: str, en: str
) -> Finding:
    """A reading the text does not settle: the choice made and the other candidates."""
    zh, en = f"无法确定：{zh}", f"not settled by the text: {en}"
    where = {"form": form, "path": path, "found": chosen, "expected": " | ".join(candidates)}
    return problem("uncertain-value", document, zh, en, **where)


def unplaced(document: str, text: str, source: str) -> Finding:
    """Printed text that no field took, with where it stands."""
    zh = f"未能归入任何字段的文字：“{text[:80]}”"
    en = f"text not placed in any field: {text[:80]!r}"
    return problem("unplaced-text", document, zh, en, source=source, found=text)
