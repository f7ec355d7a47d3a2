"""Where a form explains itself: deviation cells, and the 2019 layout's free text."""

import re

from jixiao.core.model import Form, Indicator


def has_text(value: str | None) -> bool:
    """Whether a cell says anything (a lone dash or 无 says nothing)."""
    return bool(value) and value.strip() not in {"", "-", "—", "无", "/"}


def reason_for(form: Form, indicator: Indicator, row_reasons: bool) -> str | None:
    """The text that explains a deduction: the row's deviation, or 主要问题 where rows have none."""
    if has_text(indicator.deviation):
        return indicator.deviation
    if not row_reasons and has_text(form.narrative.problems):
        return form.narrative.problems
    return None


def explanations(form: Form) -> list[str]:
    """Every free text in which a form may explain its figures."""
    texts = [i.deviation for i in form.indicators] + [i.note for i in form.indicators]
    texts += [form.narrative.problems, form.narrative.improvements, form.goals.achieved]
    return [t for t in texts if has_text(t)]


def explains(form: Form, words: list[str]) -> bool:
    """Whether any explanation mentions one of ``words``."""
    return any(word in text for text in explanations(form) for word in words)


def explains_by(form: Form, patterns: list[str]) -> str | None:
    """The first passage of an explanation that matches one of ``patterns`` (regular expressions).

    Patterns say what a reason says about a deviation (``部分工程款待审计后拨付``, ``降低了预算
    执行率``), so a word that merely appears (``厉行节约`` in 改进措施) explains nothing.
    """
    for text in explanations(form):
        for pattern in patterns:
            match = re.search(pattern, text)
            if match:
                return match.group()
    return None
