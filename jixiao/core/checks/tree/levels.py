"""Level names compared as a reviewer reads them: ``数量`` is ``数量指标``, ``产出目标`` is ``产出``."""

from jixiao.core.model import Form
from jixiao.core.names import name_key
from jixiao.core.rulesets import GroupRule

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
