"""Which rule set governs a form: the one listing its template, else one inferred from its tree.

``choose_ruleset`` never fails: a form with no template, or one no rule set lists, is
governed by the first rule set (by rank) whose ``[inferred]`` marks it prints, and otherwise
by the fallback (mof-2020: SPEC §4, "where a province's rule is not known, the national 2020
rule set applies and the form says so"). The choice carries its reason in Chinese and English.
"""

from dataclasses import dataclass

from jixiao.core.model import Form
from jixiao.core.names import same_name
from jixiao.core.rulesets import Config, RuleSet


@dataclass(frozen=True, slots=True)
class Choice:
    """The rule set a form is checked under, and why."""

    ruleset: RuleSet
    inferred: bool  # False: the form's template is listed by the rule set
    reason_zh: str
    reason_en: str


def printed_level1(form: Form) -> list[str]:
    """The level-1 names a form prints, groups first, each once, in printed order."""
    names = [g.name for g in form.groups] + [i.level1 for i in form.indicators if i.level1]
    return list(dict.fromkeys(name for name in names if name))


def _spelling(ruleset: RuleSet, name: str, printed: list[str]) -> str | None:
    """How the form prints the group ``name`` (or one of its rule-set aliases), if it does."""
    rule = ruleset.group_for(name)
    for candidate in printed:
        if same_name(candidate, name) or (rule is not None and rule.matches(candidate)):
            return candidate
    return None


def _marks(form: Form, ruleset: RuleSet) -> tuple[str, str] | None:
    """``(zh, en)`` naming the marks of ``ruleset`` the form prints, or None."""
    marks = ruleset.inferred
    if marks is None or (marks.kinds and str(form.kind) not in marks.kinds):
        return None
    printed = printed_level1(form)
    sources = [s.name for s in form.funds.sources]
    found = [s for s in sources if any(same_name(s, m) for m in marks.sources_any)]
    if found:
        return f"资金来源行有“{found[0]}”", f"it prints the funds row {found[0]}"
    any_of = [_spelling(ruleset, name, printed) for name in marks.level1_any]
    if any(any_of):
        name = next(n for n in any_of if n)
        return f"一级指标有“{name}”", f"it prints the level-1 group {name}"
    all_of = [_spelling(ruleset, name, printed) for name in marks.level1_all]
    if all_of and all(all_of):
        names = "、".join(n for n in all_of if n)
        return (
            f"一级指标为 {names}",
            f"it prints the level-1 groups {', '.join(n for n in all_of if n)}",
        )
    return None


def _why_inferred(form: Form) -> tuple[str, str]:
    if form.template is None:
        return "表的版式未能识别", "the form's layout was not recognised"
    return "没有规则集适用于表的版式", "no rule set governs the form's layout"


def choose_ruleset(form: Form, config: Config) -> Choice:
    """The rule set that governs ``form``: by its template, by its tree, or the fallback."""
    listed = config.ruleset_for(form.template)
    if listed is not None:
        return Choice(
            listed,
            False,
            f"表的版式适用规则集“{listed.title_zh}”",
            f"the form's layout is governed by the rule set “{listed.title_en}”",
        )
    no_zh, no_en = _why_inferred(form)
    ranked = sorted(
        (r for r in config.rulesets.values() if r.inferred is not None),
        key=lambda r: r.inferred.rank if r.inferred else 0,
    )
    for ruleset in ranked:
        marks = _marks(form, ruleset)
        if marks is not None:
            return Choice(
                ruleset,
                True,
                f"{no_zh}；{marks[0]}，按规则集“{ruleset.title_zh}”检查",
                f"{no_en}; {marks[1]}, so it is checked under the rule set “{ruleset.title_en}”",
            )
    fallback = config.fallback
    return Choice(
        fallback,
        True,
        f"{no_zh}，也未见其他规则集的特征；按全国通用的规则集“{fallback.title_zh}”检查",
        f"{no_en} and it shows no other rule set's marks; the national rule set "
        f"“{fallback.title_en}” applies",
    )
