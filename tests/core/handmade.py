"""Small forms built by hand for the tests of rule-set choice and checks on any form.

Every figure is chosen so that it can be checked in one's head: the comments of each test
say what the form prints and what follows from it.
"""

from decimal import Decimal

from jixiao.core.model import Form, FormKind, Funds, FundSource, Group, Indicator

D = Decimal


def row(level1, name, weight=None, score=None, target="≥1次", actual="1次", level2=None):
    """One indicator; weight and score as text, as printed."""
    return Indicator(
        level1=level1,
        level2=level2,
        name=name,
        target=target,
        actual=actual,
        weight=D(weight) if weight is not None else None,
        score=D(score) if score is not None else None,
    )


# 产出指标 of 40 points or more is printed as a reviewer expects it (issue 11 §1): 数量 / 质量 /
# 时效 under it and, from 2022, a 成本指标; each row scored in full.
OUTPUT_LEVEL2 = (("质量指标", "10"), ("时效指标", "10"), ("成本指标", "10"))


def _group_rows(group, weight):
    if group != "产出指标" or D(weight) < 40:
        return [row(group, f"{group}一", weight=weight, score=weight)]
    rest = str(D(weight) - 30)  # 数量指标 takes what the three 10s leave
    rows = [row(group, "产出数量一", weight=rest, score=rest, level2="数量指标")]
    rows += [row(group, f"产出{l2}一", weight=w, score=w, level2=l2) for l2, w in OUTPUT_LEVEL2]
    return rows


def scored_rows(**weights):
    """Fully scored indicators by group: ``产出指标="50"`` → 产出 rows weighing 50 in all, scored 50.

    产出指标 of 40 or more is split into 数量 (the rest) / 质量 10 / 时效 10 / 成本 10; every
    other group is one row.
    """
    return tuple(r for g, w in weights.items() for r in _group_rows(g, w))


def groups(*names, band=None):
    """Groups without weights; ``band=(index, low, high)`` gives one a printed point range."""
    out = [Group(name) for name in names]
    if band is not None:
        index, low, high = band
        out[index] = Group(names[index], band=(D(low), D(high)))
    return tuple(out)


def funds(budget="100000", executed="95000", rate="95.00", weight="10", score="9.50", sources=()):
    """A funds row: 95 % spent, 9.5 of 10 points (95000 ÷ 100000 × 10)."""
    return Funds(
        currency_unit="元",
        budget=D(budget),
        executed=D(executed),
        execution_rate=D(rate) if rate is not None else None,
        execution_weight=D(weight) if weight is not None else None,
        execution_score=D(score) if score is not None else None,
        sources=tuple(FundSource(name) for name in sources),
    )


def self_evaluation(template, indicators, *, year=2023, total=None, grade=None, **extra):
    """A self-evaluation with the funds row of ``funds()`` unless ``extra`` gives another."""
    return Form(
        kind=FormKind.SELF_EVALUATION,
        template=template,
        year=year,
        funds=extra.pop("funds", funds()),
        groups=extra.pop("groups", ()),
        indicators=tuple(indicators),
        total_score=D(total) if total is not None else None,
        grade=grade,
        **extra,
    )


def target(template, indicators, *, year=2023, **extra):
    """A target declaration (no funds row, no scores)."""
    return Form(
        kind=FormKind.TARGET,
        template=template,
        year=year,
        indicators=tuple(indicators),
        **extra,
    )
