"""Mutation classes of issue 11 §1: defects reviewers find on tables of targets."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from jixiao.core.checks.tree.levels import group_keys, level_key
from jixiao.core.model import Form, Indicator
from jixiao.core.values import Comparator, ValueKind, parse_value
from tests.core.checks.mutations import Mutant, Place, has_targets, rows, with_row, without

D = Decimal


# --- issue 11 §1: target forms --------------------------------------------------------------

DIRECTIONS = ("降低", "提升", "逐步改善", "进一步提高", "有所下降", "持续优化")
MARKS = ("-", "—", "无", "不适用")


def rate_of_nothing(form: Form, at: Place) -> list[Mutant]:
    """A percentage target on a notion with no denominator."""
    if not has_targets(form, at):
        return []
    names = ("促进社会和谐稳定", "带动产业发展")
    return [
        Mutant(
            with_row(form, i, name=names[i % 2], target="≥95%"),
            "target-unmeasurable",
            f"indicators[{i}].target",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.target
    ]


def unit_dropped(form: Form, at: Place) -> list[Mutant]:
    """A quantitative target printed without its unit (``≥60 次`` → ``≥60``)."""
    if not has_targets(form, at):
        return []
    out = []
    for i, ind in rows(form):
        target = parse_value(ind.target, ind.name)
        if target.kind is not ValueKind.QUANTITATIVE or not target.unit or not target.number:
            continue
        if target.comparator is Comparator.WITHIN or "*" in (ind.target or ""):
            continue
        bare = ("" if target.implied else str(target.comparator)) + str(target.number)
        out.append(
            Mutant(
                with_row(form, i, target=bare),
                "target-unmeasurable",
                f"indicators[{i}].target",
                ind.name,
            )
        )
    return out


def statement_target(form: Form, at: Place) -> list[Mutant]:
    """A statement of practice where the value belongs."""
    if not has_targets(form, at):
        return []
    texts = ("按政府采购价格执行", "不超过预算")
    return [
        Mutant(
            with_row(form, i, target=texts[i % 2]),
            "target-unmeasurable",
            f"indicators[{i}].target",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.target
    ]


def bare_direction(form: Form, at: Place) -> list[Mutant]:
    """A bare direction word in place of the target."""
    if not has_targets(form, at):
        return []
    return [
        Mutant(
            with_row(form, i, target=DIRECTIONS[i % len(DIRECTIONS)]),
            "target-vague",
            f"indicators[{i}].target",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.target
    ]


def missing_mark(form: Form, at: Place) -> list[Mutant]:
    """A target marked missing with ``-``, ``—``, ``无`` or ``不适用``."""
    if not has_targets(form, at):
        return []
    return [
        Mutant(
            with_row(form, i, target=MARKS[i % len(MARKS)]),
            "target-missing",
            f"indicators[{i}].target",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.target
    ]


def value_in_name(form: Form, at: Place) -> list[Mutant]:
    """The value written into the indicator name (``培训教师120人``)."""
    return [
        Mutant(
            with_row(form, i, name=f"{ind.name}120人"),
            "name-holds-value",
            f"indicators[{i}].name",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.name
    ]


def near_duplicate(form: Form, at: Place) -> list[Mutant]:
    """A row printed again with 指标 after its name."""
    n = len(form.indicators)
    return [
        Mutant(
            replace(form, indicators=(*form.indicators, replace(ind, name=f"{ind.name}指标"))),
            "near-duplicate-indicator",
            f"indicators[{n}].name",
            ind.name,
        )
        for _, ind in rows(form)
        if ind.name and not ind.name.endswith("指标")
    ]


def heavy_weight(form: Form, at: Place) -> list[Mutant]:
    """One indicator weighing more than all the others together."""
    weights = [i.weight for i in form.indicators if i.weight is not None]
    if at.ruleset.weights.max_share is None or len(weights) < 2:
        return []
    whole = sum(weights, D(0))
    return [
        Mutant(
            with_row(form, i, weight=whole - ind.weight + 1),
            "weight-concentrated",
            f"indicators[{i}].weight",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.weight is not None
    ]


def _required(form: Form, at: Place) -> list:
    return [g for g in at.ruleset.groups if str(form.kind) in g.required]


def _under(keys: set[str], level2: str | None = None) -> Callable[[Indicator], bool]:
    """Rows under a level 1 of ``keys`` (and, given, under that level 2)."""

    def picks(ind: Indicator) -> bool:
        if level_key(ind.level1) not in keys:
            return False
        return level2 is None or level_key(ind.level2) == level_key(level2)

    return picks


def group_removed(form: Form, at: Place) -> list[Mutant]:
    """Every row of a required level 1, or of a required level 2 under it, left out."""
    if form.template not in at.ruleset.templates:
        return []  # an inferred rule set requires nothing (Need.TEMPLATE)
    out = []
    for rule in _required(form, at):
        keys = group_keys(rule)
        out.append(Mutant(without(form, _under(keys)), "required-groups", "groups", rule.name))
        for name in rule.required_level2:
            changed = without(form, _under(keys, name))
            out.append(Mutant(changed, "required-groups", "groups", f"{rule.name}/{name}"))
    return out


def cost_removed(form: Form, at: Place) -> list[Mutant]:
    """The cost indicators left out of a form from the rule set's year on."""
    rule = at.ruleset.cost
    if rule.required_from_year is None or form.year is None or form.year < rule.required_from_year:
        return []
    names = {level_key(n) for n in rule.names}

    def cost(ind: Indicator) -> bool:
        return level_key(ind.level1) in names or level_key(ind.level2) in names

    if not any(cost(i) for i in form.indicators):
        return []
    return [Mutant(without(form, cost), "cost-indicator-missing", "groups", "成本指标")]


def past_the_year(form: Form, at: Place) -> list[Mutant]:
    """A target due after the budget year, and a period starting after it."""
    if form.year is None:
        return []
    late = f"{form.year + 1}年6月底前完成"
    out = [
        Mutant(
            with_row(form, i, target=late),
            "period-outside-year",
            f"indicators[{i}].target",
            ind.name,
        )
        for i, ind in rows(form)
        if ind.target and has_targets(form, at)
    ]
    project = replace(
        form.project, start_date=date(form.year + 1, 1, 1), end_date=date(form.year + 1, 12, 31)
    )
    out.append(
        Mutant(
            replace(form, project=project), "period-outside-year", "project.start_date", "项目期限"
        )
    )
    return out


def goal_copied(form: Form, at: Place) -> list[Mutant]:
    """The annual goal copied from the overall goal."""
    if not form.goals.overall:
        return []
    changed = replace(form, goals=replace(form.goals, annual=form.goals.overall))
    return [Mutant(changed, "goal-copied", "goals.annual", "年度目标")]


def goal_vague(form: Form, at: Place) -> list[Mutant]:
    """The annual goal reduced to a direction with nothing to count."""
    changed = replace(form, goals=replace(form.goals, annual="进一步提高服务水平和运行效率"))
    return [Mutant(changed, "goal-vague", "goals.annual", "年度目标")]


def count_for_rate(form: Form, at: Place) -> list[Mutant]:
    """A rate given a count (``任务完成率`` → ``30个``), words under 数量指标 (``按计划完成``)."""
    if not has_targets(form, at):
        return []
    out = []
    for i, ind in rows(form):
        if ind.target and (ind.name or "").endswith("率"):
            changed = with_row(form, i, target="30个")
            out.append(Mutant(changed, "target-unmeasurable", f"indicators[{i}].target", ind.name))
        elif ind.target and (ind.level2 or "").startswith("数量"):
            changed = with_row(form, i, target="按计划完成")
            out.append(Mutant(changed, "target-unmeasurable", f"indicators[{i}].target", ind.name))
    return out
