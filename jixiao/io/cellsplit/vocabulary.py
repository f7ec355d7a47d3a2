"""The labels of ``jixiao.io.vocabulary`` as a ``LabelSet``: every layout's, each with its role.

Read from the vocabulary's TOML files themselves (every file, every printed name), not from a
merged layout: a name keeps every role any file gives it (成本指标 is a level-1 name on the
2021 tree and a level-2 name on the 2020 one). Indicator and funds column headings keep the
canonical column they name; level names are level 1 or 2; funds rows are row labels;
``其中`` glues onto the label after it; every other printed name (fields, blocks, titles,
totals) is a field label; ``block`` names are block labels, ``total_score`` names total rows; a layout's title words, and the longer title words of
``[titles]``, are titles.
"""

import tomllib
from collections.abc import Iterator
from functools import cache

from jixiao.io.cellsplit.labels import LabelSet, normalise

_COLUMN_SECTIONS = ("indicators.columns", "funds.columns")
# Printed words that are no labels: period words, a currency alone, an ellipsis row.
_NOT_LABELS = {("funds", "currency"), ("indicators", "ellipsis"), ("indicators", "placeholder")}
_SKIPPED_SECTIONS = {"indicators.periods", "layout"}
# Title words this short (绩效目标, 自评表) are also ordinary words: labels, not titles.
TITLE_LENGTH = 5
GLUE = ("其中",)  # furniture that is part of the label after it (其中:本年财政拨款)


def _entries(data: dict, prefix: str = "") -> Iterator[tuple[str, str, list[str]]]:
    """``(section, key, names)`` of every list of names in a vocabulary file."""
    for name, value in data.items():
        section = f"{prefix}.{name}" if prefix else name
        if isinstance(value, dict):
            yield from _entries(value, section)
        elif isinstance(value, list) and prefix:
            yield prefix, name, [str(v) for v in value]


def _files() -> Iterator[dict]:
    from jixiao.io.vocabulary import HERE  # noqa: PLC0415 - loaded only when asked

    for path in sorted(HERE.glob("*.toml")):
        with path.open("rb") as handle:
            yield tomllib.load(handle)


@cache
def from_vocabulary() -> LabelSet:
    """Every label of every vocabulary file, with its roles (read once)."""
    fields, totals, blocks, titles = [], [], [], []
    rows, columns, level1, level2 = [], [], [], []
    for data in _files():
        titles.extend(data.get("layout", {}).get("title_words", ()))
        for section, key, names in _entries(data):
            if (section, key) in _NOT_LABELS or section in _SKIPPED_SECTIONS:
                continue
            if section == "titles":
                titles.extend(n for n in names if len(n) >= TITLE_LENGTH and key != "department")
            elif key == "block":
                blocks.extend(names)
            elif (section, key) == ("totals", "total_score"):
                totals.extend(names)
            elif section in _COLUMN_SECTIONS:
                columns.extend((name, key) for name in names)
            elif section == "indicators.levels":
                (level1 if key == "level1" else level2).extend(names)
            elif section == "funds.rows":
                rows.extend(names)
            else:
                fields.extend(names)
    return LabelSet.build(
        fields=[f for f in fields if normalise(f) not in GLUE],
        totals=totals,
        blocks=blocks,
        titles=titles,
        rows=rows,
        furniture=GLUE,
        columns=columns,
        level1=level1,
        level2=level2,
    )
