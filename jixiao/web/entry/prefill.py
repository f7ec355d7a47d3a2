"""A self-evaluation's first draft, from the approved target form of the same project and year.

Shanghai target tables (投入与管理 / 产出目标 / 效果目标 / 影响力目标, second level 数量 质量 …)
and the MoF 2020 self-evaluation (产出指标 / 效益指标 / 满意度指标) name their groups
differently; the correspondence below carries each declared indicator to its place. Rows of
投入与管理 have no place in the MoF table (the execution rate is its funds row): they are
carried with an empty level 1, for the unit to place or remove. A national 2021 target
(成本指标 as a level 1) goes to the 2021 self-evaluation, whose tree is the same.
"""

from typing import Any

from jixiao.web.store.layouts import tree

SELF_EVALUATION_TEMPLATE = "mof-2020-self-eval"
# Target layouts whose self-evaluation is another layout than the MoF 2020 one.
SELF_EVALUATION_OF = {"mof-2021-target": "mof-2021-self-eval"}
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
            "initial_budget": funds.get("budget"),
            "execution_weight": "10",
        },
        "goals": {"overall": (target.get("goals") or {}).get("overall")},
        "indicators": rows,
    }
