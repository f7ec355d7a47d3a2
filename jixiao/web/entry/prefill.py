"""A self-evaluation's first draft, from the approved target form of the same project and year.

Shanghai target tables (投入与管理 / 产出目标 / 效果目标 / 影响力目标, second level 数量 质量 …)
and the MoF 2020 self-evaluation (产出指标 / 效益指标 / 满意度指标) name their groups
differently; the correspondence below carries each declared indicator to its place. Rows of
投入与管理 have no place in the MoF table (the execution rate is its funds row): they are
carried with an empty level 1, for the unit to place or remove. A national target goes to the
national self-evaluation of its tree: 2020 to 2020, 2021 on (成本指标 as a level 1) to 2021.
The draft carries the budget, the goals and every indicator; ``still_to_fill`` says what the
clerk must add.
"""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jixiao.web.store.layouts import tree

SELF_EVALUATION_TEMPLATE = "mof-2020-self-eval"
# Target layouts whose self-evaluation is another layout than the MoF 2020 one.
SELF_EVALUATION_OF = {
    "mof-2021-target": "mof-2021-self-eval",
    "mof-2020-target": "mof-2020-self-eval",
}
# (target level 1, target level 2) → (self-evaluation level 1, level 2); level 2 None = any
TO_MOF_2020 = {
    ("产出目标", "数量"): ("产出指标", "数量指标"),
    ("产出目标", "质量"): ("产出指标", "质量指标"),
    ("产出目标", "时效"): ("产出指标", "时效指标"),
    ("产出目标", "成本"): ("产出指标", "成本指标"),
    ("效果目标", "经济效益"): ("效益指标", "经济效益指标"),
    ("效果目标", "社会效益"): ("效益指标", "社会效益指标"),
    ("效果目标", "生态效益"): ("效益指标", "生态效益指标"),
    ("效果目标", "满意度"): ("满意度指标", "服务对象满意度指标"),
    ("影响力目标", None): ("效益指标", "可持续影响指标"),
}


def place(
    level1: str | None, level2: str | None, same: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """Where a declared indicator goes in the self-evaluation table.

    ``same``: the self-evaluation's level-1 names; a row under one of them keeps its levels.
    """
    if level1 in same:
        return level1, level2
    return TO_MOF_2020.get((level1, level2)) or TO_MOF_2020.get((level1, None)) or (None, None)


def self_evaluation_from(target: dict[str, Any]) -> dict[str, Any]:
    """The canonical draft of a self-evaluation: project, budget, goals and every declared indicator."""
    funds = target.get("funds") or {}
    goals = target.get("goals") or {}
    template = SELF_EVALUATION_OF.get(target.get("template"), SELF_EVALUATION_TEMPLATE)
    same = tuple(tree(template))
    rows = []
    for row in target.get("indicators", []):
        level1, level2 = place(row.get("level1"), row.get("level2"), same)
        rows.append(
            {
                "level1": level1,
                "level2": level2,
                "name": row.get("name"),
                "target": row.get("target"),
                "weight": row.get("weight"),  # national targets print 分值
            }
        )
    return {
        "schema": "jixiao/form@1",
        "kind": "self_evaluation",
        "template": template,
        "year": target.get("year"),
        "project": target.get("project") or {},
        "funds": {
            "currency_unit": funds.get("currency_unit") or "元",
            "initial_budget": funds.get("budget") or funds.get("initial_budget"),
            "total_budget": funds.get("total_budget"),
            "execution_weight": "10",
        },
        "goals": {"overall": goals.get("overall"), "annual": goals.get("annual")},
        "indicators": rows,
    }


def still_to_fill(draft: dict[str, Any]) -> list[str]:
    """What the clerk must still add to a self-evaluation drafted from its targets."""
    rows = draft.get("indicators") or []
    unplaced = sum(1 for row in rows if not row.get("level1"))
    said = [
        _("全年预算数和全年执行数（执行率和执行率得分由此算出）"),
        _("每项指标的实际完成值和得分；未完成的写明偏差原因及改进措施"),
        _("实际完成情况、总分和绩效等级（可用“采用重算值”）"),
        _("主要绩效、主要问题和改进措施"),
    ]
    if unplaced:
        said.insert(
            2,
            ngettext(
                "%(n)s 项指标在自评表中没有对应的一级指标，请归入或删除",
                "%(n)s 项指标在自评表中没有对应的一级指标，请归入或删除",
                unplaced,
            )
            % {"n": unplaced},
        )
    if not (draft.get("funds") or {}).get("initial_budget"):
        said.insert(0, _("年初预算数（目标表中没有预算数）"))
    return said
