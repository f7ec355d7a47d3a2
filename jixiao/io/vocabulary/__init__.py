"""The printed vocabulary of performance forms, as data: a national root and each layout's delta.

``national.toml`` names every printed name of every canonical field (project labels, funds
columns and rows, goal labels, indicator columns, level names, totals); each known layout has
a file (its id with ``-`` → ``_``) whose ``[layout]`` table says what it is (kind, printed
title, where it was seen, its distinctive words) and whose other tables add only the names it
prints differently. A layout's vocabulary is its parent's with its own names added (sqlfluff's
dialects, STYLE §5b). Files are validated when loaded (an unknown table or key is refused) and
loaded once.

- ``layouts()``: every known layout (id, kind, printed titles, parent, where seen).
- ``vocabulary(id)``: a layout's merged names, with lookups through precomputed dicts.
- ``labels()``: every printed label of every file; ``roles()``: the same by what each is
  (for recovering lost cell boundaries); ``normalise``: a label as looked up.
- ``patterns.alternation(words)``: printed words as one regular expression, longest first.
"""

import re
import tomllib
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache
from pathlib import Path
from types import MappingProxyType

HERE = Path(__file__).parent
ROOT = "national"

_FIELDS = {
    "titles": ("target", "self_evaluation", "department", "listing"),
    "project": (
        *("name", "department", "unit", "offices", "category", "funds_use"),
        *("performance_type", "recurring", "purchases_services", "start_date", "end_date"),
        *("period", "overview", "basis", "necessity", "safeguards", "plan"),
        "label_order",
    ),
    "funds": ("block", "currency", "currency_labels", "component_name", "component_amount"),
    "funds.columns": (
        *("initial_budget", "budget", "total_budget", "executed", "execution_weight"),
        *("execution_rate", "execution_score", "previous_budget", "previous_executed"),
    ),
    "funds.rows": ("total", "sources"),
    "goals": ("block", "overall", "annual", "achieved"),
    "indicators": (
        *("block", "placeholder", "ellipsis", "comparators", "column_order", "header_row"),
        *("name_endings", "bad_rate_groups"),
    ),
    "indicators.columns": (
        *("level1", "level2", "name", "target", "actual", "weight", "score", "deviation"),
        *("comparator", "unit", "explanation", "note", "project", "project_budget"),
        "project_goal",
        *("direction", "standard", "collected", "initial_target"),  # reported with values
    ),
    "indicators.periods": ("long_term", "annual"),
    "indicators.levels": ("level1", "level2"),
    "indicators.tree": (),  # keys are level-1 names, values their level-2 names
    "indicators.group_words": (),  # level-1 name → words of a name that fix it there
    "indicators.meaning": (),  # level-1 name → words of a name whose meaning points there
    "project.boxes": ("category", "funds_use"),  # check-box names of each choice
    "totals": ("total_score", "grade", "evaluated_on", "grade_words"),
    "narrative": ("achievements", "problems", "improvements"),
    "furniture": ("labels", "empty", "truncation"),
}
BOX_FIELDS = _FIELDS["project.boxes"]  # fields some layouts print as check boxes
_LAYOUT_KEYS = {
    "id": True,
    "kind": True,
    "title_zh": True,
    "title_en": True,
    "seen": True,
    "parent": False,
    "title_words": False,
    "distinctive": False,
    "generic": False,
}
# Words a cell prints as a value, not as a label: looked up with ``words``, never ``field``.
VALUE_WORDS = frozenset(
    {
        ("indicators", "comparators"),
        ("furniture", "empty"),
        ("furniture", "truncation"),
        ("totals", "grade_words"),
        ("indicators", "column_order"),  # a column order, not labels of their own
        ("indicators", "header_row"),
        ("indicators", "name_endings"),
        ("indicators", "bad_rate_groups"),
        ("project", "label_order"),
    }
)
# Lists whose order is their meaning: a layout's own replaces its parent's, never merged.
ORDERED = frozenset(
    {("indicators", "column_order"), ("indicators", "header_row"), ("project", "label_order")}
)
_ORDERED_KEYS = frozenset(key for _, key in ORDERED)
# Keys are printed names, not field names.
_OPEN_SECTIONS = frozenset({"indicators.tree", "indicators.group_words", "indicators.meaning"})
# Sections of words printed inside values, never labels.
_VALUE_SECTIONS = frozenset({"indicators.group_words", "indicators.meaning", "project.boxes"})
_SCALAR_FIELDS = {("indicators", "placeholder")}
_KINDS = ("target", "self_evaluation")
_BRACKETS = str.maketrans("（）：，", "():,")
_FULL_WIDTH = str.maketrans("():,", "（）：，")
_MEMO_SIZE = 12_000  # lookups remembered per section of a vocabulary (cell texts repeat)
_TRAILING_BRACKET = re.compile(r"\([^()]*\)$")
# What the names of each table are as labels (``roles``); a table not listed holds none
# (periods, comparators …). A ``(table, key)`` entry overrides its table's; None: not labels.
_TABLE_ROLES = {
    **dict.fromkeys(("project", "funds", "goals", "indicators", "totals"), "fields"),
    **dict.fromkeys(("narrative", "furniture"), "fields"),
    "funds.rows": "rows",
    "funds.columns": "columns",
    "indicators.columns": "columns",
    "indicators.levels": "levels",
    "indicators.tree": "tree",
}
_KEY_ROLES = {
    **dict.fromkeys(VALUE_WORDS),  # words printed as values, not labels
    ("funds", "currency"): None,  # 元 and 万元 alone are units, not labels
    ("indicators", "ellipsis"): None,
    ("totals", "total_score"): "totals",
    **{(table, "block"): "blocks" for table in ("funds", "goals", "indicators")},
}
_ROLES = ("fields", "totals", "blocks", "titles", "rows", "columns", "level1", "level2", "funds")
# Title words this short (绩效目标, 自评表) are also ordinary words: not titles.
TITLE_LENGTH = 5
GLUE = ("其中",)  # furniture that is part of the label after it (其中:本年财政拨款)


class VocabularyError(ValueError):
    """A vocabulary file that does not follow the schema (a programmer's error)."""


@dataclass(frozen=True, slots=True)
class Layout:
    """A known layout: the ``template`` id of the forms that match it."""

    id: str
    kind: str  # "target" or "self_evaluation"; "" for the national root
    title_zh: str  # the printed title users know it by
    title_en: str
    parent: str | None
    seen: str  # where it was seen
    title_words: tuple[str, ...] = ()  # words of its printed title
    distinctive: tuple[str, ...] = ()  # printed words that tell it apart (scored on a match)
    generic: bool = False  # a national layout: matched only when no provincial one is


def normalise(text: str) -> str:
    """A printed label as looked up: no whitespace, half-width brackets, no trailing colon."""
    return "".join(text.split()).translate(_BRACKETS).rstrip(":")


@dataclass(frozen=True)
class Vocabulary:
    """One layout's names (its parents' and its own), indexed for lookups."""

    layout: Layout
    names: MappingProxyType  # section → field → tuple of printed names
    placeholder: re.Pattern[str]
    _index: MappingProxyType  # section → normalised name → field
    # Every section's normalised names together: ``is_label`` asks all sections at once (it
    # was one ``field`` lookup per section, half of all lookups of a text import).
    _labels: frozenset[str]
    # section → text → field; one dict per section, so that a lookup builds no key tuple
    _memo: dict[str, dict[str, str | None]] = dataclass_field(default_factory=dict, compare=False)

    def field(self, section: str, text: str) -> str | None:
        """The field a printed name stands for in a section; a trailing bracket may be dropped.

        Args:
            section: a table of the vocabulary, e.g. ``"indicators.columns"``.
            text: the printed text of a cell.

        Returns:
            The field (``"target"`` …) or None when the text is not a name of that section.
        """
        memo = self._memo.get(section)
        if memo is None:
            memo = self._memo[section] = {}
        found = memo.get(text, self)
        if found is not self:
            return found
        index = self._index[section]
        key = normalise(text)
        found = index.get(key)
        if found is None and key.endswith(")"):
            found = index.get(_TRAILING_BRACKET.sub("", key))
        if len(memo) < _MEMO_SIZE:
            memo[text] = found
        return found

    def words(self, section: str, field: str) -> tuple[str, ...]:
        """The printed names of one field."""
        return self.names[section].get(field, ())

    def group_of(self, level2: str) -> str | None:
        """The one level-1 group a level-2 name stands under in the tree, or None."""
        groups = [g for g, names in self.names["indicators.tree"].items() if level2 in names]
        return groups[0] if len(groups) == 1 else None

    def is_label(self, text: str) -> bool:
        """Whether a cell's text is any printed label of this vocabulary."""
        key = normalise(text)
        if key in self._labels:
            return True
        return key.endswith(")") and _TRAILING_BRACKET.sub("", key) in self._labels


def _check(data: dict, path: Path) -> None:
    """Refuse unknown tables, unknown keys and values of the wrong type."""
    layout = data.get("layout")
    if not isinstance(layout, dict):
        raise VocabularyError(f"{path.name}: no [layout] table")
    unknown = set(layout) - set(_LAYOUT_KEYS)
    missing = {k for k, required in _LAYOUT_KEYS.items() if required and k not in layout}
    if unknown or missing:
        raise VocabularyError(f"{path.name}: [layout] unknown {unknown or ''} missing {missing}")
    if layout["id"] != ROOT and (layout["kind"] not in _KINDS or "parent" not in layout):
        raise VocabularyError(f"{path.name}: a layout needs a kind in {_KINDS} and a parent")
    for section, fields in _sections(data):
        if section not in _FIELDS:
            raise VocabularyError(f"{path.name}: unknown table [{section}]")
        for key, value in fields.items():
            if key not in _FIELDS[section] and section not in _OPEN_SECTIONS:
                raise VocabularyError(f"{path.name}: unknown key {key!r} in [{section}]")
            scalar = (section, key) in _SCALAR_FIELDS
            if scalar != isinstance(value, str) or (
                not scalar and not all(isinstance(v, str) for v in value)
            ):
                raise VocabularyError(f"{path.name}: [{section}] {key} has the wrong type")


def _sections(data: dict) -> list[tuple[str, dict]]:
    """``(dotted section name, its non-table keys)`` of every table but ``[layout]``."""
    out = []
    for name, value in data.items():
        if name == "layout":
            continue
        if not isinstance(value, dict):
            raise VocabularyError(f"top-level key {name!r} outside a table")
        plain = {k: v for k, v in value.items() if not isinstance(v, dict)}
        out.append((name, plain))
        out.extend((f"{name}.{k}", v) for k, v in value.items() if isinstance(v, dict))
    return out


@cache
def _raw(layout_id: str) -> dict:
    path = HERE / f"{layout_id.replace('-', '_')}.toml"
    if not path.exists():
        raise KeyError(f"no vocabulary for layout {layout_id!r}")
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    _check(data, path)
    if data["layout"]["id"] != layout_id:
        raise VocabularyError(f"{path.name}: id {data['layout']['id']!r} ≠ file name")
    return data


def _layout(data: dict) -> Layout:
    entry = data["layout"]
    return Layout(
        id=entry["id"],
        kind=entry["kind"],
        title_zh=entry["title_zh"],
        title_en=entry["title_en"],
        parent=entry.get("parent"),
        seen=entry["seen"],
        title_words=tuple(entry.get("title_words", ())),
        distinctive=tuple(entry.get("distinctive", ())),
        generic=bool(entry.get("generic", False)),
    )


def _merged_names(layout_id: str) -> dict[str, dict[str, object]]:
    """Section → field → names, the parent's first, then this layout's additions."""
    data = _raw(layout_id)
    parent = data["layout"].get("parent")
    names = _merged_names(parent) if parent else {s: {} for s in _FIELDS}
    for section, fields in _sections(data):
        for key, value in fields.items():
            if isinstance(value, str) or (section, key) in ORDERED:
                names[section][key] = value if isinstance(value, str) else tuple(value)
            else:
                if parent:  # a layout's own name for a field is no longer its parent's other field
                    _drop_elsewhere(names[section], key, value)
                old = names[section].get(key, ())
                names[section][key] = tuple(dict.fromkeys((*old, *value)))
    return names


def _drop_elsewhere(fields: dict[str, object], key: str, words: list[str]) -> None:
    """A name a layout gives to one field is no longer another field's (指标值: actual in 吉林)."""
    for other, names in fields.items():
        if other != key and not isinstance(names, str) and other not in _ORDERED_KEYS:
            fields[other] = tuple(n for n in names if n not in words)


@cache
def vocabulary(layout_id: str = ROOT) -> Vocabulary:
    """A layout's vocabulary (the national root by default), loaded and indexed once."""
    names = _merged_names(layout_id)
    index = {}
    for section, fields in names.items():
        index[section] = MappingProxyType(
            {
                normalise(name): field
                for field, words in reversed(fields.items())
                if not isinstance(words, str)
                and (section, field) not in VALUE_WORDS
                and section not in _VALUE_SECTIONS
                for name in words
            }
        )
    placeholder = re.compile(str(names["indicators"].get("placeholder", "(?!)")))
    frozen = MappingProxyType({s: MappingProxyType(f) for s, f in names.items()})
    labels = frozenset(name for section in index.values() for name in section)
    layout = _layout(_raw(layout_id))
    return Vocabulary(layout, frozen, placeholder, MappingProxyType(index), labels)


@cache
def layouts() -> tuple[Layout, ...]:
    """Every known layout (not the national root), in file-name order."""
    ids = sorted(p.stem.replace("_", "-") for p in HERE.glob("*.toml") if p.stem != ROOT)
    return tuple(_layout(_raw(i)) for i in ids)


@cache
def printed_names() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """``(table, key, names)`` of every list of names in every vocabulary file.

    Each file's title words come as ``("layout", "title_words", …)``; scalars (the placeholder
    pattern) are left out. The walk every label list is made from.
    """
    out = []
    for layout_id in (ROOT, *(layout.id for layout in layouts())):
        data = _raw(layout_id)
        out.append(("layout", "title_words", tuple(data["layout"].get("title_words", ()))))
        for section, fields in _sections(data):
            out.extend((section, k, tuple(v)) for k, v in fields.items() if not isinstance(v, str))
    return tuple(out)


@cache
def labels() -> frozenset[str]:
    """Every printed label of every vocabulary file, whitespace removed (both bracket widths)."""
    out: set[str] = set()
    for section, key, words in printed_names():
        if section == "layout" or (section, key) in VALUE_WORDS or section in _VALUE_SECTIONS:
            continue  # title words, or words printed as values (≥, 优秀 …)
        for word in words:
            squeezed = "".join(word.split())
            out.update((squeezed, normalise(squeezed), squeezed.translate(_FULL_WIDTH)))
    out.discard("")
    return frozenset(out)


@cache
def roles() -> MappingProxyType:
    """Every printed label of every vocabulary file by what it is, for text that lost its cells.

    A name keeps every role any file gives it (成本指标 is a level-1 name on the 2021 tree and a
    level-2 name on the 2020 one). Column headings come as ``(heading, column)`` pairs; level
    names (and the ``[indicators.tree]``) give ``level1`` and ``level2``; funds rows are
    ``rows``, ``block`` names ``blocks``, ``total_score`` names ``totals``; a layout's title
    words and the longer ``[titles]`` words are ``titles``; the other names of the project,
    funds, goals, indicators, totals, narrative and furniture tables are ``fields`` (``其中``,
    which glues onto the label after it, aside); every label of the funds tables is also
    ``funds``. Other tables (periods, comparators, marks) hold no labels.

    Returns:
        Role → tuple of printed labels (``columns``: of pairs).
    """
    words: dict[str, list] = {role: [] for role in _ROLES}
    for table, key, names in printed_names():
        role = _KEY_ROLES.get((table, key), _TABLE_ROLES.get(table))
        if table == "layout":
            words["titles"].extend(names if key == "title_words" else ())
        elif table == "titles" and key != "department":
            words["titles"].extend(n for n in names if len(n) >= TITLE_LENGTH)
        elif role == "columns":
            words["columns"].extend((name, key) for name in names)
        elif role == "levels":
            words[key].extend(names)
        elif role == "tree":  # a level-1 name and the level-2 names under it
            words["level1"].append(key)
            words["level2"].extend(names)
        elif role is not None:
            words[role].extend(names)
        if role is not None and table.partition(".")[0] == "funds":
            words["funds"].extend(names)
    words["fields"] = [f for f in words["fields"] if normalise(f) not in GLUE]
    return MappingProxyType({role: tuple(found) for role, found in words.items()})


@cache
def title_words() -> tuple[str, ...]:
    """Every printed title word of every layout and of the root, longest first."""
    words = {w for layout in layouts() for w in layout.title_words}
    words.update(
        w for key in ("target", "self_evaluation") for w in vocabulary().words("titles", key)
    )
    return tuple(sorted(words, key=len, reverse=True))
