"""Run every registered check on a form; a crash becomes a finding, never a traceback.

Every form is checked: the rule set is the one listing its template, or one inferred from its
tree (said once, as ``ruleset-inferred``). A check whose declared need the form does not meet
(no year, an inferred rule set, month-only dates) is skipped and said once, as
``check-skipped``; the others run.
"""

from dataclasses import dataclass

from jixiao.core.checks.base import Check, Context
from jixiao.core.checks.needs import Gap, form_gaps
from jixiao.core.checks.registry import FORM_CHECKS
from jixiao.core.findings import Finding, Location, Severity, sort_findings
from jixiao.core.model import Form
from jixiao.core.rulesets import Config, RuleSet
from jixiao.core.rulesets.choice import Choice, choose_ruleset
from jixiao.core.scoring import FormScore, score_form

INTERNAL_ERROR = "internal-error"
RULESET_INFERRED = "ruleset-inferred"
CHECK_SKIPPED = "check-skipped"
UNKNOWN_TEMPLATE = "unknown-template"  # retired: an unknown template is checked, not refused

# The runner's own codes: (code, severity, what in Chinese, what in English).
RUNNER_CODES = (
    (
        INTERNAL_ERROR,
        Severity.ERROR,
        "某项检查内部出错（其余检查照常）",
        "a check failed internally (the others ran)",
    ),
    (
        RULESET_INFERRED,
        Severity.INFO,
        "表中模板未被任何规则集列出：按指标结构推断规则集，并说明依据",
        "no rule set lists the form's template: the rule set was inferred from its tree, and why",
    ),
    (
        CHECK_SKIPPED,
        Severity.INFO,
        "某项检查因表中缺少所需内容（年度、模板、精确日期）未运行，每项检查只报一次",
        "a check did not run for lack of what it needs (year, template, dates to the day); once per check",
    ),
    (
        UNKNOWN_TEMPLATE,
        Severity.ERROR,
        "已停用：未知模板不再拒绝检查，改为推断规则集（见 ruleset-inferred）",
        "retired: an unknown template is no longer refused; the rule set is inferred (ruleset-inferred)",
    ),
)
RETIRED_CODES = (UNKNOWN_TEMPLATE,)


@dataclass(frozen=True)
class FormReport:
    """A form with its recomputed figures, its findings and the rule set it was checked under."""

    form: Form
    index: int | None
    score: FormScore | None
    findings: list[Finding]
    choice: Choice | None = None

    @property
    def ruleset(self) -> RuleSet | None:
        """The rule set the form was checked under."""
        return self.choice.ruleset if self.choice else None


def _runner_finding(
    code: str, config: Config, where: Location, zh: str, en: str, **values: str | None
) -> Finding:
    default = next(severity for c, severity, _, _ in RUNNER_CODES if c == code)
    return Finding(
        code=code,
        severity=config.severity.get(code, default),
        location=where,
        message_zh=zh,
        message_en=en,
        expected=values.get("expected"),
        found=values.get("found"),
        basis=values.get("basis", "jixiao internal"),
    )


def _inferred(choice: Choice, form: Form, config: Config, where: Location) -> Finding:
    return _runner_finding(
        RULESET_INFERRED,
        config,
        where,
        choice.reason_zh,
        choice.reason_en,
        expected=f"{choice.ruleset.id}@{choice.ruleset.version}",
        found=form.template,
        basis="SPEC §4: 规则集按模板选择；省份规则未知时适用全国2020规则并予说明",
    )


def _skipped(check: Check, gaps: list[Gap], config: Config, where: Location) -> Finding:
    zh = "、".join(g.zh for g in gaps)
    en = ", ".join(g.en for g in gaps)
    return _runner_finding(
        CHECK_SKIPPED,
        config,
        Location(where.document, where.form, gaps[0].path),
        f"检查“{check.title_zh}”未运行：表中缺少{zh}",
        f"the check “{check.title_en}” did not run: the form lacks {en}",
        expected=", ".join(g.need for g in gaps),
        found=check.code,
        basis=check.basis,
    )


def _crash(code: str, exc: Exception, config: Config, where: Location) -> Finding:
    return _runner_finding(
        INTERNAL_ERROR,
        config,
        Location(where.document, where.form, None),
        f"检查“{code}”内部出错，未能完成：{type(exc).__name__}: {exc}",
        f"check {code!r} failed internally and did not finish: {type(exc).__name__}: {exc}",
        found=code,
    )


def check_form(
    form: Form, config: Config, document: str | None = None, index: int | None = None
) -> FormReport:
    """Score a form and run every check that applies to its kind and finds what it needs."""
    choice = choose_ruleset(form, config)
    where = Location(document, index, "template")
    score = score_form(form, choice.ruleset, tuple(config.values["bad_event_words"]))
    findings = [_inferred(choice, form, config, where)] if choice.inferred else []
    gaps = form_gaps(form, choice.inferred)
    for check in FORM_CHECKS:
        if form.kind not in check.kinds:
            continue
        lacking = [gaps[need] for need in check.needs if need in gaps]
        if lacking:
            findings.append(_skipped(check, lacking, config, where))
            continue
        ctx = Context(
            check,
            form,
            score,
            choice.ruleset,
            config,
            document,
            index,
            config.severity.get(check.code),
        )
        try:
            findings.extend(check.run(ctx))
        except Exception as exc:
            findings.append(_crash(check.code, exc, config, where))
    return FormReport(form, index, score, sort_findings(findings), choice)
