"""The rule sets in force for this deployment, loaded once."""

from functools import cache

from django.conf import settings

from jixiao.core.rulesets import Config, load_config


@cache
def rules() -> Config:
    """The rule sets and settings in force (``JIXIAO_RULES`` may name a deployment's TOML)."""
    return load_config(settings.JIXIAO_RULES)
