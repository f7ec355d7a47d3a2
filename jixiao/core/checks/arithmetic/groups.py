"""Weights added up by first-level group, shared by the weight checks."""

from decimal import Decimal

from jixiao.core.model import Form
from jixiao.core.names import name_key
from jixiao.core.numbers import ZERO
from jixiao.core.rulesets import GroupRule, RuleSet


def weight_of_level1(form: Form, level1: str) -> Decimal:
    """Sum of the weights of the indicators printed under ``level1``."""
    return sum(
        (i.weight for i in form.indicators if i.level1 == level1 and i.weight is not None), ZERO
    )


def weight_of_group(form: Form, rule: GroupRule) -> Decimal:
    """Sum of the weights of the indicators under any spelling of a rule-set group."""
    return sum(
        (i.weight for i in form.indicators if rule.matches(i.level1) and i.weight is not None), ZERO
    )


def has_weights(form: Form) -> bool:
    """Whether the form prints indicator weights at all (self-evaluations do)."""
    return any(i.weight is not None for i in form.indicators)


def tree_is_the_rulesets(form: Form, ruleset: RuleSet) -> bool:
    """Whether every weighted row sits under a level 1 the rule set names.

    A province's own tree (吉林 2016: 预算绩效 / 项目产出 / 项目效果, weighted at two levels)
    checked under the fallback rule set is not the rule set's tree: its weights follow rules
    of their own.
    """
    names = {name_key(n) for g in ruleset.groups for n in (g.name, *g.aliases)}
    weighted = [i.level1 for i in form.indicators if i.weight is not None]
    return bool(weighted) and all(name_key(n) in names for n in weighted)
