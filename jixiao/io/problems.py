"""Import problems are findings too: coded, located, in Chinese and English."""

from jixiao.core.findings import Finding, Location, Severity

BASIS = "jixiao import"


def problem(  # noqa: PLR0913 - a record's fields, all but the first five keyword-only
    code: str,
    severity: Severity,
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
    """A finding of the import stage."""
    return Finding(
        code=code,
        severity=severity,
        location=Location(document=document, form=form, path=path, source=source),
        message_zh=zh,
        message_en=en,
        expected=expected,
        found=found,
        basis=BASIS,
    )


class ReadError(Exception):
    """A file that cannot be read at all; ``finding`` says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message_en)
        self.finding = finding


def unreadable(document: str, code: str, zh: str, en: str) -> ReadError:
    """The error for a file that yields no text."""
    return ReadError(problem(code, Severity.ERROR, document, zh, en))


def uncertain(
    document: str, form: int, path: str, chosen: str | None, candidates: list[str], zh: str, en: str
) -> Finding:
    """A reading the text does not settle: the choice made and the other candidates."""
    return problem(
        "uncertain-value",
        Severity.WARNING,
        document,
        f"无法确定：{zh}",
        f"not settled by the text: {en}",
        form=form,
        path=path,
        found=chosen,
        expected=" | ".join(candidates),
    )


def unplaced(document: str, text: str, source: str) -> Finding:
    """Printed text that no field took, with where it stands."""
    return problem(
        "unplaced-text",
        Severity.WARNING,
        document,
        f"未能归入任何字段的文字：“{text[:80]}”",
        f"text not placed in any field: {text[:80]!r}",
        source=source,
        found=text,
    )
