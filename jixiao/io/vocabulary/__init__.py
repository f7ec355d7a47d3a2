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
- ``labels()``: every printed label of every file (for recovering lost cell boundaries).
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
_MEMO_SIZE = 200_000  # lookups remembered per vocabulary (cell texts repeat across forms)
_TRAILING_BRACKET = re.compile(r"\([^()]*\)$")


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
    _memo: dict = dataclass_field(default_factory=dict, compare=False)  # (section, text) → field

    def field(self, section: str, text: str) -> str | None:
        """The field a printed name stands for in a section; a trailing bracket may be dropped.

        Args:
            section: a table of the vocabulary, e.g. ``"indicators.columns"``.
            text: the printed text of a cell.

        Returns:
            The field (``"target"`` …) or None when the text is not a name of that section.
        """
        memo = self._memo.get((section, text), self)
        if memo is not self:
            return memo
        index = self._index[section]
        key = normalise(text)
        found = index.get(key)
        if found is None and key.endswith(")"):
            found = index.get(_TRAILING_BRACKET.sub("", key))
        if len(self._memo) < _MEMO_SIZE:
            self._memo[(section, text)] = found
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
        return any(self.field(section, text) for section in self._index)


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
    return Vocabulary(_layout(_raw(layout_id)), frozen, placeholder, MappingProxyType(index))


@cache
def layouts() -> tuple[Layout, ...]:
    """Every known layout (not the national root), in file-name order."""
    ids = sorted(p.stem.replace("_", "-") for p in HERE.glob("*.toml") if p.stem != ROOT)
    return tuple(_layout(_raw(i)) for i in ids)


@cache
def labels() -> frozenset[str]:
    """Every printed label of every vocabulary file, whitespace removed (both bracket widths)."""
    out: set[str] = set()
    for layout_id in (ROOT, *(layout.id for layout in layouts())):
        for section, fields in _sections(_raw(layout_id)):
            for key, words in fields.items():
                if (section, key) in _SCALAR_FIELDS or (section, key) in VALUE_WORDS:
                    continue
                if section in _VALUE_SECTIONS:
                    continue  # a pattern, or words printed as values (≥, 优秀 …)
                for word in words:
                    squeezed = "".join(word.split())
                    out.update((squeezed, normalise(squeezed), squeezed.translate(_FULL_WIDTH)))
    out.discard("")
    return frozenset(out)


@cache
def title_words() -> tuple[str, ...]:
    """Every printed title word of every layout and of the root, longest first."""
    words = {w for layout in layouts() for w in layout.title_words}
    words.update(
        w for key in ("target", "self_evaluation") for w in vocabulary().words("titles", key)
    )
    return tuple(sorted(words, key=len, reverse=True))
