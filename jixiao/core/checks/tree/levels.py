"""Level names compared as a reviewer reads them: ``数量`` is ``数量指标``, ``产出目标`` is ``产出``."""

from jixiao.core.model import Form
from jixiao.core.names import name_key
from jixiao.core.rulesets import GroupRule, RuleSet

_SUFFIXES = ("指标", "目标")


def level_key(name: str | None) -> str:
    """A level name without spaces, width differences and its 指标 / 目标 suffix."""
    key = name_key(name)
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


def group_keys(rule: GroupRule) -> set[str]:
    """Every spelling of a rule-set group, as level keys."""
    return {level_key(rule.name), *(level_key(a) for a in rule.aliases)}


def level1_keys(form: Form) -> set[str]:
    """The level-1 names a form prints, in its groups list or on its rows."""
    names = [g.name for g in form.groups] + [i.level1 for i in form.indicators]
    return {level_key(n) for n in names if n}


def level2_keys_under(form: Form, rule: GroupRule) -> set[str]:
    """The level-2 names printed under any spelling of a rule-set group."""
    keys = group_keys(rule)
    return {
        level_key(i.level2) for i in form.indicators if i.level2 and level_key(i.level1) in keys
    }


def level2_keys(form: Form) -> set[str]:
    """Every level-2 name a form prints, under any level 1."""
    return {level_key(i.level2) for i in form.indicators if i.level2}


def follows_tree(form: Form, ruleset: RuleSet) -> bool:
    """Whether every level 1 the form prints is one of the rule set's groups.

    A province's own tree (广东 预期产出指标 / 效果指标, 吉林 预算绩效 / 项目产出) checked under
    the national fallback is not the national tree: its groups are not the rule set's to require.
    """
    known = {key for rule in ruleset.groups for key in group_keys(rule)}
    printed = level1_keys(form)
    return bool(printed) and printed <= known
