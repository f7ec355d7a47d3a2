"""What a rule set requires of a form beyond its split and grades (issue 11 §1).

``[weights]``: the points kept off the targets for 预算执行 (national and 四川: 10, so a table of
targets gives its indicators 90) and the share of the indicator points one indicator may carry.
``[cost]``: from which budget year a cost indicator must be present, and its names. Parsed by
``rulesets.ruleset_from_dict``; unknown keys are refused like everywhere else.
"""

from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.rulesets.parsing import ConfigError, dec, only


@dataclass(frozen=True, slots=True)
class WeightRule:
    """How a form's indicator weights must add up beyond the group split."""

    reserved_for_execution: Decimal | None = None  # points kept for 预算执行 off the targets
    max_share: Decimal | None = None  # percent of the indicator points one indicator may carry


@dataclass(frozen=True, slots=True)
class CostRule:
    """From which budget year a cost indicator (成本指标) must be present, and its names."""

    required_from_year: int | None = None
    names: tuple[str, ...] = ()


def weights_from_dict(data: dict, where: str) -> WeightRule:
    """A rule set's ``[weights]`` table; unknown keys refused."""
    only(data, ("reserved_for_execution", "max_share"), where)
    return WeightRule(
        reserved_for_execution=(
            dec(data["reserved_for_execution"], f"{where}.reserved_for_execution")
            if "reserved_for_execution" in data
            else None
        ),
        max_share=dec(data["max_share"], f"{where}.max_share") if "max_share" in data else None,
    )


def cost_from_dict(data: dict, where: str) -> CostRule:
    """A rule set's ``[cost]`` table; unknown keys refused, the year a whole number."""
    only(data, ("required_from_year", "names"), where)
    year = data.get("required_from_year")
    if year is not None and not isinstance(year, int):
        raise ConfigError(f"{where}.required_from_year: {year!r} 不是年份 / is not a year")
    return CostRule(required_from_year=year, names=tuple(data.get("names", ())))
