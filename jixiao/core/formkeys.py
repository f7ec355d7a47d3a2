"""The keys of the canonical form (SPEC §2), in SPEC order: one list for reading and writing."""

PROJECT_TEXT = ("name", "department", "unit", "offices", "performance_type")
PROJECT_PROSE = ("overview", "basis", "necessity", "safeguards", "plan")
PROJECT_KEYS = (
    *PROJECT_TEXT[:4],
    "recurring",
    "category",
    "funds_use",
    "performance_type",
    "purchases_services",
    "start_date",
    "end_date",
    *PROJECT_PROSE,
)
FUNDS_AMOUNTS = (
    "initial_budget",
    "budget",
    "total_budget",
    "executed",
    "previous_budget",
    "previous_executed",
    "execution_rate",
    "execution_weight",
    "execution_score",
)
FUNDS_KEYS = ("currency_unit", *FUNDS_AMOUNTS, "sources", "components")
SOURCE_KEYS = ("name", "initial_budget", "budget", "executed")
COMPONENT_KEYS = ("name", "amount")
GOALS_KEYS = ("overall", "annual", "achieved")
GROUP_KEYS = ("name", "weight", "band")  # band: only where a point range is printed
INDICATOR_TEXT = ("level1", "level2", "name", "explanation", "target", "actual")
INDICATOR_KEYS = (*INDICATOR_TEXT, "weight", "score", "deviation", "note")
NARRATIVE_KEYS = ("achievements", "problems", "improvements")
FORM_KEYS = (
    "schema",
    "kind",
    "template",
    "year",
    "project",
    "funds",
    "goals",
    "groups",
    "indicators",
    "total_score",
    "grade",
    "evaluated_on",
    "narrative",
)
CURRENCY_UNITS = ("元", "万元")
