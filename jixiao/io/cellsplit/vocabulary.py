"""The labels of ``jixiao.io.vocabulary`` as a ``LabelSet``: every layout's, each with its role.

Read from the vocabulary's TOML files themselves (every file, every printed name), not from a
merged layout: a name keeps every role any file gives it (成本指标 is a level-1 name on the
2021 tree and a level-2 name on the 2020 one). Column headings keep the canonical column they
name; level names (and the ``[indicators.tree]``) give levels 1 and 2; funds rows are row
labels, ``block`` names block labels, ``total_score`` names total rows; a layout's title words
and the longer ``[titles]`` words are titles; ``其中`` glues onto the label after it; the other
names of the project, funds, goals, indicators, totals, narrative and furniture tables are
field labels. Other tables (periods, comparators, marks) hold no labels.
"""

import tomllib
from collections.abc import Iterator
from functools import cache

from jixiao.io.cellsplit.labels import LabelSet, normalise

# What the names of each vocabulary table are; a table not listed holds no labels (periods,
# comparators …). A ``(table, key)`` entry overrides its table's; None: not labels.
_TABLE_KINDS = {
    **dict.fromkeys(("project", "funds", "goals", "indicators", "totals"), "fields"),
    **dict.fromkeys(("narrative", "furniture"), "fields"),
    "funds.rows": "rows",
    "funds.columns": "columns",
    "indicators.columns": "columns",
    "indicators.levels": "levels",
    "indicators.tree": "tree",
}
_KEY_KINDS = {
    ("funds", "currency"): None,  # 元 and 万元 alone are units, not labels
    ("indicators", "ellipsis"): None,
    ("indicators", "comparators"): None,
    ("furniture", "empty"): None,
    ("furniture", "truncation"): None,
    ("totals", "grade_words"): None,  # values printed after the total (优秀 …)
    ("indicators", "column_order"): None,  # a layout's column order, not labels of their own
    ("indicators", "header_row"): None,
    ("totals", "total_score"): "totals",
    **{(table, "block"): "blocks" for table in ("funds", "goals", "indicators")},
}
# Title words this short (绩效目标, 自评表) are also ordinary words: labels, not titles.
TITLE_LENGTH = 5
GLUE = ("其中",)  # furniture that is part of the label after it (其中:本年财政拨款)


def _entries(data: dict, prefix: str = "") -> Iterator[tuple[str, str, list[str]]]:
    """``(table, key, names)`` of every list of names in a vocabulary file."""
    for name, value in data.items():
        table = f"{prefix}.{name}" if prefix else name
        if isinstance(value, dict):
            yield from _entries(value, table)
        elif isinstance(value, list) and prefix:
            yield prefix, name, [str(v) for v in value]


def _files() -> Iterator[dict]:
    from jixiao.io.vocabulary import HERE  # noqa: PLC0415 - loaded only when asked

    for path in sorted(HERE.glob("*.toml")):
        with path.open("rb") as handle:
            yield tomllib.load(handle)


def _collect(data: dict, words: dict[str, list]) -> None:
    """Add one vocabulary file's labels to ``words`` (LabelSet attribute → labels)."""
    words["titles"].extend(data.get("layout", {}).get("title_words", ()))
    for table, key, names in _entries(data):
        kind = _KEY_KINDS.get((table, key), _TABLE_KINDS.get(table))
        if table == "titles" and key != "department":
            words["titles"].extend(n for n in names if len(n) >= TITLE_LENGTH)
        elif kind == "columns":
            words["columns"].extend((name, key) for name in names)
        elif kind == "levels":
            words[key].extend(names)
        elif kind == "tree":  # a level-1 name and the level-2 names under it
            words["level1"].append(key)
            words["level2"].extend(names)
        elif kind is not None:
            words[kind].extend(names)
        if kind is not None and table.partition(".")[0] == "funds":
            words["funds"].extend(names)


@cache
def from_vocabulary() -> LabelSet:
    """Every label of every vocabulary file, with its roles (read once)."""
    kinds = ("fields", "totals", "blocks", "titles", "rows", "columns", "level1", "level2", "funds")
    words: dict[str, list] = {kind: [] for kind in kinds}
    for data in _files():
        _collect(data, words)
    words["fields"] = [f for f in words["fields"] if normalise(f) not in GLUE]
    return LabelSet.build(furniture=GLUE, **words)
