"""Level-1 and level-2 choices of a template's rule set, for the entry page and validation."""

from jixiao.web.store.services import rules


def level_choices(template: str) -> dict[str, list[str]]:
    """``{level1: [level2, …]}`` in rule-set order (aliases count as level-1 names too)."""
    ruleset = rules().ruleset_for(template)
    if ruleset is None:
        return {}
    choices: dict[str, list[str]] = {}
    for group in ruleset.groups:
        for name in (group.name, *group.aliases):
            choices[name] = list(group.level2)
    return choices


def level_problems(template: str, rows: list[dict]) -> list[tuple[int, str, str]]:
    """``(row, field, message)`` for level names the rule set does not offer."""
    choices = level_choices(template)
    if not choices:
        return []
    problems = []
    for i, row in enumerate(rows):
        level1, level2 = row.get("level1"), row.get("level2")
        if level1 not in choices:
            problems.append(
                (
                    i,
                    "level1",
                    f"“{level1}”不是该模板的一级指标 / not a level-1 group of this template",
                )
            )
        elif level2 and choices[level1] and level2 not in choices[level1]:
            problems.append(
                (
                    i,
                    "level2",
                    f"“{level2}”不是“{level1}”下的二级指标 / not a level-2 group of {level1}",
                )
            )
    return problems
