"""Weights added up by first-level group, shared by the weight checks."""

from decimal import Decimal

from jixiao.core.model import Form
from jixiao.core.numbers import ZERO
from jixiao.core.rulesets import GroupRule


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
