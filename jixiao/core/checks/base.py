"""What a check is, and the context it runs in.

A check module holds a docstring (what it checks, an example that fires and one that
passes, from the seeds where possible), a ``CHECK`` record and a ``run(ctx)`` function that
yields findings through ``ctx.report``. Checks never print and never mutate the form.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.core.checks.needs import Need
from jixiao.core.findings import Finding, Location, Severity
from jixiao.core.model import Form, FormKind
from jixiao.core.numbers import to_text
from jixiao.core.rulesets import Config, RuleSet
from jixiao.core.scoring import FormScore

BOTH_KINDS = (FormKind.TARGET, FormKind.SELF_EVALUATION)


@dataclass(frozen=True)
class Check:
    """A check's metadata; ``run`` yields its findings for one form."""

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    basis: str
    run: Callable[["Context"], Iterable[Finding]]
    kinds: tuple[FormKind, ...] = BOTH_KINDS
    aliases: tuple[str, ...] = ()  # retired codes that still mean this check
    settings: tuple[str, ...] = ()  # keys under [checks.<code>] in defaults.toml
    doc: str = ""
    needs: tuple[Need, ...] = ()  # what the form must give for the check to run


def shown(value: Decimal | str | None) -> str | None:
    """A value as it goes into ``expected`` / ``found``: decimals in plain notation."""
    if isinstance(value, Decimal):
        return to_text(value)
    return value


@dataclass
class Context:
    """One form under one check: the form, its recomputed figures, the rules, the settings."""

    check: Check
    form: Form
    score: FormScore
    ruleset: RuleSet
    config: Config
    document: str | None = None
    form_index: int | None = None
    severity: Severity | None = None
    findings: list[Finding] = field(default_factory=list)

    def setting(self, key: str) -> Any:
        """This check's setting from defaults.toml or the deployment's override."""
        return self.config.setting(self.check.code, key)

    def report(
        self,
        path: str,
        zh: str,
        en: str,
        *,
        expected: Decimal | str | None = None,
        found: Decimal | str | None = None,
        indicator: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Make a finding of this check at ``path``."""
        return Finding(
            code=self.check.code,
            severity=self.severity or severity or self.check.severity,
            location=Location(self.document, self.form_index, path, indicator),
            message_zh=zh,
            message_en=en,
            expected=shown(expected),
            found=shown(found),
            basis=self.check.basis,
        )
