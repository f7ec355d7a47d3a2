"""Rule sets and check settings: versioned data, chosen by template, overridable.

Each rule set is a TOML file beside this module (``mof-2020.toml``, ``mof-2021.toml``,
``sichuan-2023.toml``, ``sh-2019.toml``, ``sh-target.toml``); ``defaults.toml`` holds every
check threshold with its reason. A rule set lists the templates it governs; its
``[inferred]`` table says when it governs a form whose template no rule set lists, and the one
marked ``fallback`` governs the rest (``choice.choose_ruleset``). A deployment passes its own
TOML file to ``load_config``:

.. code-block:: toml

    [rulesets.sh-2019.execution]      # any rule-set key, merged over the shipped file
    points = "piecewise"
    bands = [["0", "0"], ["90", "1"]]  # rate ≥ bound (percent) → share of the weight
    [checks.target-too-low]
    ratio = "2"
    [severity]
    target-vague = "error"

Unknown rule sets, checks, keys and severities are refused with ``ConfigError``.
"""

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from jixiao.core.findings import Severity
from jixiao.core.rulesets.inference import Inference, InferenceError, inference_from_dict
from jixiao.core.rulesets.parsing import ConfigError
from jixiao.core.rulesets.parsing import dec as _dec
from jixiao.core.rulesets.parsing import only as _only
from jixiao.core.rulesets.requirements import (
    CostRule,
    WeightRule,
    cost_from_dict,
    weights_from_dict,
)

RULESET_FILES = (
    "mof-2020.toml",
    "mof-2021.toml",
    "sichuan-2023.toml",
    "sh-2019.toml",
    "sh-target.toml",
)
PLACEMENTS = ("row", "indicator", "none")
POINT_RULES = ("proportional", "piecewise", "none")


@dataclass(frozen=True, slots=True)
class GradeBand:
    """Totals at or above ``min`` get ``word`` (bands are tried from the highest)."""

    min: Decimal
    word: str
    aliases: tuple[str, ...] = ()  # other spellings of the same grade (优 for 优秀)

    def matches(self, printed: str) -> bool:
        """Whether a printed grade word names this band."""
        return printed == self.word or printed in self.aliases


@dataclass(frozen=True, slots=True)
class Tier:
    """A qualitative tier: scores at or above ``min`` percent of the weight."""

    min: Decimal
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class GroupRule:
    """A first-level group: its default weight, other spellings, level-2 choices."""

    name: str
    weight: Decimal | None = None
    aliases: tuple[str, ...] = ()
    level2: tuple[str, ...] = ()
    fixed: tuple[tuple[str, Decimal], ...] = ()  # indicators every form must carry, with weights
    absent_moves_to: tuple[str, ...] = ()  # groups that take this one's weight when it is absent
    required: tuple[
        str, ...
    ] = ()  # form kinds that must print this group (target, self_evaluation)
    required_level2: tuple[str, ...] = ()  # level-2 names every form must print under it

    def matches(self, name: str | None) -> bool:
        """Whether a printed level-1 name is this group."""
        return name is not None and (name == self.name or name in self.aliases)


@dataclass(frozen=True, slots=True)
class ExecutionRule:
    """Where the execution points sit and how they are computed."""

    placement: str = "none"  # row | indicator | none
    points: str = "none"  # proportional | piecewise | none
    weight: Decimal | None = None
    indicator: str | None = None  # the indicator that carries them (placement = indicator)
    bands: tuple[tuple[Decimal, Decimal], ...] = ()  # (rate ≥ bound, share of the weight)
    explain_below: Decimal | None = None  # the rule set's own "below this rate, say why" (percent)
    rate_places: int | None = None  # decimals the printed execution rate must show


@dataclass(frozen=True, slots=True)
class RuleSet:
    """One versioned rule set."""

    id: str
    version: int
    title_zh: str
    title_en: str
    basis: str
    templates: tuple[str, ...]
    scored: bool
    execution: ExecutionRule
    has_targets: bool = True  # the layout has target (and, scored, actual) columns
    fixed_group_weights: bool = False  # group weights required (True) or in principle
    grades: tuple[GradeBand, ...] = ()
    tiers: tuple[Tier, ...] = ()
    groups: tuple[GroupRule, ...] = ()
    inferred: Inference | None = None  # when it governs a form no listed template names
    fallback: bool = False  # governs every form no other rule set claims
    weights: WeightRule = field(default_factory=WeightRule)
    cost: CostRule = field(default_factory=CostRule)

    def group_for(self, level1: str | None) -> GroupRule | None:
        """The group rule a printed level-1 name belongs to."""
        return next((g for g in self.groups if g.matches(level1)), None)


@dataclass(frozen=True)
class Config:
    """Rule sets by id, the template → rule set map, check settings and severities."""

    rulesets: dict[str, RuleSet]
    checks: dict[str, dict[str, Any]]
    values: dict[str, Any]
    severity: dict[str, Severity] = field(default_factory=dict)

    def ruleset_for(self, template: str | None) -> RuleSet | None:
        """The rule set that lists a template id, if any (none for a null template)."""
        if template is None:
            return None
        return next((r for r in self.rulesets.values() if template in r.templates), None)

    @property
    def fallback(self) -> RuleSet:
        """The rule set of every form no other rule set claims (mof-2020)."""
        return next(r for r in self.rulesets.values() if r.fallback)

    def setting(self, code: str, key: str) -> Any:
        """One check setting (always present: defaults.toml declares every key)."""
        return self.checks[code][key]


def _execution(data: dict, where: str) -> ExecutionRule:
    _only(
        data,
        ("placement", "points", "weight", "indicator", "bands", "explain_below", "rate_places"),
        where,
    )
    placement, points = data.get("placement", "none"), data.get("points", "none")
    if placement not in PLACEMENTS or points not in POINT_RULES:
        raise ConfigError(f"{where}: placement ∈ {PLACEMENTS}, points ∈ {POINT_RULES}")
    bands = tuple(
        (_dec(b[0], f"{where}.bands"), _dec(b[1], f"{where}.bands")) for b in data.get("bands", ())
    )
    if points == "piecewise" and not bands:
        raise ConfigError(f'{where}: points = "piecewise" 需要 bands / needs bands')
    return ExecutionRule(
        placement=placement,
        points=points,
        weight=_dec(data["weight"], f"{where}.weight") if "weight" in data else None,
        indicator=data.get("indicator"),
        bands=tuple(sorted(bands)),
        explain_below=(
            _dec(data["explain_below"], f"{where}.explain_below")
            if "explain_below" in data
            else None
        ),
        rate_places=int(data["rate_places"]) if "rate_places" in data else None,
    )


def _group(data: dict, where: str) -> GroupRule:
    _only(
        data,
        (
            "name",
            "weight",
            "aliases",
            "level2",
            "fixed",
            "absent_moves_to",
            "required",
            "required_level2",
        ),
        where,
    )
    kinds = tuple(data.get("required", ()))
    if any(kind not in ("target", "self_evaluation") for kind in kinds):
        raise ConfigError(f"{where}.required: target | self_evaluation, not {kinds!r}")
    return GroupRule(
        name=data["name"],
        weight=_dec(data["weight"], f"{where}.weight") if "weight" in data else None,
        aliases=tuple(data.get("aliases", ())),
        level2=tuple(data.get("level2", ())),
        fixed=tuple((n, _dec(w, f"{where}.fixed")) for n, w in data.get("fixed", ())),
        absent_moves_to=tuple(data.get("absent_moves_to", ())),
        required=kinds,
        required_level2=tuple(data.get("required_level2", ())),
    )


RULESET_KEYS = (
    "id",
    "version",
    "title_zh",
    "title_en",
    "basis",
    "templates",
    "scored",
    "targets",
    "fixed_group_weights",
    "execution",
    "grades",
    "tiers",
    "groups",
    "inferred",
    "fallback",
    "weights",
    "cost",
)


def ruleset_from_dict(data: dict, where: str) -> RuleSet:
    """Build and validate a rule set from parsed TOML."""
    _only(data, RULESET_KEYS, where)
    try:
        return RuleSet(
            id=data["id"],
            version=int(data["version"]),
            title_zh=data["title_zh"],
            title_en=data["title_en"],
            basis=data["basis"],
            templates=tuple(data["templates"]),
            scored=bool(data["scored"]),
            has_targets=bool(data.get("targets", True)),
            fixed_group_weights=bool(data.get("fixed_group_weights", False)),
            execution=_execution(data.get("execution", {}), f"{where}.execution"),
            grades=tuple(
                sorted(
                    (
                        GradeBand(
                            _dec(g["min"], f"{where}.grades"),
                            g["word"],
                            tuple(g.get("aliases", ())),
                        )
                        for g in data.get("grades", ())
                    ),
                    key=lambda g: g.min,
                    reverse=True,
                )
            ),
            tiers=tuple(
                sorted(
                    (
                        Tier(_dec(t["min"], f"{where}.tiers"), t["name_zh"], t["name_en"])
                        for t in data.get("tiers", ())
                    ),
                    key=lambda t: t.min,
                    reverse=True,
                )
            ),
            groups=tuple(
                _group(g, f"{where}.groups[{i}]") for i, g in enumerate(data.get("groups", ()))
            ),
            inferred=(
                inference_from_dict(data["inferred"], f"{where}.inferred")
                if "inferred" in data
                else None
            ),
            fallback=bool(data.get("fallback", False)),
            weights=weights_from_dict(data.get("weights", {}), f"{where}.weights"),
            cost=cost_from_dict(data.get("cost", {}), f"{where}.cost"),
        )
    except KeyError as exc:
        raise ConfigError(f"{where}: 缺少键 missing key {exc.args[0]!r}") from None
    except InferenceError as exc:
        raise ConfigError(str(exc)) from None


def _read_packaged(name: str) -> dict:
    return tomllib.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


def _check_settings(defaults: dict, override: dict, where: str) -> dict[str, dict[str, Any]]:
    settings = {code: dict(values) for code, values in defaults.items()}
    for code, values in override.items():
        if code not in settings:
            raise ConfigError(f"{where}.checks: 未知的检查 unknown check {code!r}")
        for key, value in _only(values, tuple(settings[code]), f"{where}.checks.{code}").items():
            if type(value) is not type(settings[code][key]):
                raise ConfigError(
                    f"{where}.checks.{code}.{key}: 类型应与默认值相同 / "
                    f"must have the default's type ({type(settings[code][key]).__name__})"
                )
            settings[code][key] = value
    return settings


def _severities(data: dict, where: str) -> dict[str, Severity]:
    try:
        return {code: Severity(value) for code, value in data.items()}
    except ValueError as exc:
        raise ConfigError(f"{where}.severity: {exc} (error | warning | info)") from None


def load_config(override: Path | str | None = None) -> Config:
    """Shipped rule sets and defaults, with a deployment's TOML file merged over them."""
    extra: dict[str, Any] = {}
    where = "deployment"
    if override is not None:
        where = str(override)
        try:
            extra = tomllib.loads(Path(override).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{where}: 无法读取配置 cannot read settings: {exc}") from None
        except RecursionError:
            raise ConfigError(
                f"{where}: TOML 嵌套层次过深，无法读取 / TOML nested too deeply"
            ) from None
    _only(extra, ("rulesets", "checks", "values", "severity"), where)
    shipped = {}
    for name in RULESET_FILES:
        data = _read_packaged(name)
        shipped[data["id"]] = data
    for rid in extra.get("rulesets", {}):
        if rid not in shipped:
            raise ConfigError(f"{where}.rulesets: 未知的规则集 unknown rule set {rid!r}")
    rulesets = {
        rid: ruleset_from_dict(
            _merge(data, extra.get("rulesets", {}).get(rid, {})), f"{where}:{rid}"
        )
        for rid, data in shipped.items()
    }
    fallbacks = [rid for rid, rs in rulesets.items() if rs.fallback]
    if len(fallbacks) != 1:
        raise ConfigError(
            f"{where}: 应恰有一个 fallback 规则集 / exactly one rule set must be the fallback, "
            f"found {fallbacks or 'none'}"
        )
    defaults = _read_packaged("defaults.toml")
    values = dict(defaults["values"])
    values.update(_only(extra.get("values", {}), tuple(values), f"{where}.values"))
    severity = _severities(defaults.get("severity", {}), "defaults")
    severity.update(_severities(extra.get("severity", {}), where))
    return Config(
        rulesets=rulesets,
        checks=_check_settings(defaults["checks"], extra.get("checks", {}), where),
        values=values,
        severity=severity,
    )
