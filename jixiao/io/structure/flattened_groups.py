"""Level-1 groups of flattened PDF rows, and what the text does not settle about them.

The groups print apart from their rows (``flattened``); the rows, in printed order, fill them
in the tree's order by their weights (``assign_groups``). A group whose name and
points are not printed at all is filled by the layout's rule set weight, and its weight is
reported, not invented. A row's group is reported as uncertain when the weights do not meet
the points, or when an indicator the rule set fixes in one group lands in another.
"""

from decimal import Decimal
from functools import cache

from jixiao.core.rulesets import RuleSet, load_config
from jixiao.io.structure.wrapped_rows import WrappedRow

# (path, chosen, candidates, zh, en): an ``uncertain-value`` finding of one form.
Doubt = tuple[str, str | None, list[str], str, str]


@cache
def _rules(template: str) -> RuleSet | None:
    """The rule set of a layout (its group weights and fixed indicators), loaded once."""
    return load_config().ruleset_for(template)


def _key(name: str) -> str:
    return "".join(name.split()).replace("（", "(").replace("）", ")")


def place_rows(
    rows: list[WrappedRow],
    printed: dict[str, Decimal],
    order: tuple[str, ...],
    template: str | None,
) -> list[Doubt]:
    """Give every row its group; what the text does not settle about them."""
    rules = _rules(template) if template else None
    sizes: dict[str, Decimal] = dict(printed)
    unprinted: list[tuple[str, Decimal]] = []
    for rule in rules.groups if rules else ():
        if any(rule.matches(name) for name in printed) or rule.weight is None:
            continue
        sizes[rule.name] = rule.weight
        unprinted.append((rule.name, rule.weight))
    order = (*order, *(g.name for g in rules.groups)) if rules else order
    settled = assign_groups(rows, sizes, order)
    doubtful = range(len(rows)) if not settled else _misplaced(rows, rules)
    names = sorted(sizes, key=lambda n: order.index(n) if n in order else len(order))
    doubts: list[Doubt] = [
        (
            f"groups[{names.index(name)}].weight",
            None,
            [str(weight)],
            f"未印出“{name}”及其分值；按规则集的分值 {weight} 分配指标",
            f"{name} and its points are not printed: rows placed by the rule set's {weight}",
        )
        for name, weight in unprinted
    ]
    for i in doubtful:
        row = rows[i]
        doubts.append(
            (
                f"indicators[{i}].level1",
                row.group or None,
                list(dict.fromkeys([row.group, *names])),
                f"“{row.name.text}”的一级指标由分值推断，文字未能确定",
                f"the level-1 group of {row.name.text!r} is inferred from the weights; "
                "the text does not settle it",
            )
        )
    return doubts


def _misplaced(rows: list[WrappedRow], rules: RuleSet | None) -> list[int]:
    """Rows in a group of fixed indicators they are not one of, or fixed in another group."""
    if rules is None:
        return []
    fixed = {g.name: {_key(n) for n, _ in g.fixed} for g in rules.groups}
    anywhere = set().union(*fixed.values()) if fixed else set()
    out = []
    for i, row in enumerate(rows):
        own = fixed.get(row.group, set())
        name = _key(row.name.text)
        if (own and name not in own) or (name in anywhere and name not in own):
            out.append(i)
    return out


def assign_groups(
    rows: list[WrappedRow], points: dict[str, Decimal], order: tuple[str, ...]
) -> bool:
    """Give each row its group, filling the groups in the tree's order by their points.

    Returns whether the weights met every group's points exactly; when they do not, each
    group is left once it is full or over (the last takes the rest): a guess to report.
    """
    names = sorted(points, key=lambda n: order.index(n) if n in order else len(order))
    if not names:
        return not rows
    group, filled, settled = 0, Decimal(0), True
    for row in rows:
        row.group = names[group]
        filled += Decimal(row.numbers[0].text) if row.numbers else Decimal(0)
        if filled != points[names[group]]:
            settled = settled and filled < points[names[group]]
        if filled >= points[names[group]] and group < len(names) - 1:
            group, filled = group + 1, Decimal(0)
    return settled and group == len(names) - 1 and filled == points[names[-1]]
