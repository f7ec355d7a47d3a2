"""The printed vocabulary of performance forms, as data: a national root and each layout's delta.

``national.toml`` names every table, key and printed name; a layout's file (its id with ``-`` →
``_``) says in ``[layout]`` what it is and adds only the names it prints differently (STYLE §5b).
"""

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

HERE = Path(__file__).parent
ROOT = "national"
# Lists whose order is their meaning: a layout's own replaces its parent's, never merged.
ORDERED = frozenset({"column_order", "header_row", "label_order"})
# Keys of words a cell prints as a value (or of an order of labels): ``words``, never ``field``.
VALUE_WORDS = ORDERED | frozenset(
    {"comparators", "empty", "truncation", "grade_words", "name_endings", "bad_rate_groups"}
)
# Tables whose keys are printed names, not field names.
_OPEN_SECTIONS = frozenset({"indicators.tree", "indicators.group_words", "indicators.meaning"})
# Tables of words printed inside values, never labels.
_VALUE_SECTIONS = frozenset({"indicators.group_words", "indicators.meaning", "project.boxes"})
_KINDS = ("target", "self_evaluation")
_FULL_WIDTH = str.maketrans("():,", "（）：，")
_MEMO_SIZE = 12_000  # lookups remembered per section of a vocabulary (cell texts repeat)
_TRAILING_BRACKET = re.compile(r"\([^()]*\)$")
_VARIANTS = {"(": "[(（]", ")": "[)）]", ":": "[:：]", ",": "[,，]"}
# What the names of each table are as labels (``roles``): a top-level table's are fields, a
# subtable not listed holds none (periods, boxes …). A key's entry overrides; None: not labels.
_TABLE_ROLES = {
    "titles": None,  # read apart (``roles``)
    "funds.rows": "rows",
    "funds.columns": "columns",
    "indicators.columns": "columns",
    "indicators.levels": "levels",
    "indicators.tree": "tree",
}
_KEY_ROLES = {
    **dict.fromkeys(VALUE_WORDS),
    "currency": None,  # 元 and 万元 alone are units, not labels
    "ellipsis": None,
    "total_score": "totals",
    "block": "blocks",
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
    seen: str  # where it was seen
    parent: str | None = None
    title_words: tuple[str, ...] = ()  # words of its printed title
    distinctive: tuple[str, ...] = ()  # printed words that tell it apart (scored on a match)
    generic: bool = False  # a national layout: matched only when no provincial one is


@lru_cache(maxsize=1 << 14)  # the same few thousand cell texts recur on every form
def normalise(text: str) -> str:
    """A printed label as looked up: no whitespace, half-width brackets, no trailing colon."""
    text = "".join(text.split())  # replace, not translate: that looks up each character
    text = text.replace("（", "(").replace("）", ")").replace("：", ":").replace("，", ",")
    return text.rstrip(":")


class _Lookups(dict):
    """Printed text → what ``index`` (normalised name → field) says, each text looked up once."""

    def __init__(self, index: dict[str, object]) -> None:
        super().__init__()
        self.index = index

    def __missing__(self, text: str) -> object:
        key = normalise(text)
        found = self.index.get(key)
        if found is None and key.endswith(")"):  # a trailing bracket may be dropped: (万元)
            found = self.index.get(_TRAILING_BRACKET.sub("", key))
        if len(self) < _MEMO_SIZE:
            self[text] = found
        return found


@dataclass(frozen=True)
class Vocabulary:
    """One layout's names (its parents' and its own), indexed for lookups."""

    layout: Layout
    names: MappingProxyType  # section → field → tuple of printed names
    placeholder: re.Pattern[str]
    _fields: MappingProxyType  # section → its lookups of fields
    _labels: _Lookups  # every section's names at once: ``is_label``

    def field(self, section: str, text: str) -> str | None:
        """The field a printed name stands for in a section (``"indicators.columns"`` …), or None."""
        return self._fields[section][text]

    def words(self, section: str, field: str) -> tuple[str, ...]:
        """The printed names of one field."""
        return self.names[section].get(field, ())

    def group_of(self, level2: str) -> str | None:
        """The one level-1 group a level-2 name stands under in the tree, or None."""
        groups = [g for g, names in self.names["indicators.tree"].items() if level2 in names]
        return groups[0] if len(groups) == 1 else None

    def is_label(self, text: str) -> bool:
        """Whether a cell's text is any printed label of this vocabulary."""
        return self._labels[text] is not None


def _check(data: dict, path: Path) -> None:
    """Refuse a file whose tables, keys or types are not the root's, or a bad ``[layout]``."""
    layout = data.get("layout")
    if not isinstance(layout, dict):
        raise VocabularyError(f"{path.name}: no [layout] table")
    try:
        _layout(layout)
    except TypeError as exc:  # a key unknown or missing
        raise VocabularyError(f"{path.name}: [layout] {exc}") from None
    if layout["id"] != ROOT and (layout["kind"] not in _KINDS or "parent" not in layout):
        raise VocabularyError(f"{path.name}: a layout needs a kind in {_KINDS} and a parent")
    if layout["id"] != path.stem.replace("_", "-"):
        raise VocabularyError(f"{path.name}: id {layout['id']!r} ≠ file name")
    schema = dict(_sections(data if layout["id"] == ROOT else _raw(ROOT)))
    for section, values in _sections(data):
        if section not in schema:
            raise VocabularyError(f"{path.name}: unknown table [{section}]")
        for key, value in values.items():
            if key not in schema[section] and section not in _OPEN_SECTIONS:
                raise VocabularyError(f"{path.name}: unknown key {key!r} in [{section}]")
            scalar = isinstance(schema[section].get(key), str)
            if scalar != isinstance(value, str) or not (
                scalar or all(isinstance(v, str) for v in value)
            ):
                raise VocabularyError(f"{path.name}: [{section}] {key} has the wrong type")


def _sections(data: dict) -> Iterator[tuple[str, dict]]:
    """``(dotted table name, its keys but its subtables)`` of every table but ``[layout]``."""
    for name, table in data.items():
        if not isinstance(table, dict):
            raise VocabularyError(f"top-level key {name!r} outside a table")
        if name != "layout":
            yield name, {k: v for k, v in table.items() if not isinstance(v, dict)}
            yield from ((f"{name}.{k}", v) for k, v in table.items() if isinstance(v, dict))


@cache
def _raw(layout_id: str) -> dict:
    path = HERE / f"{layout_id.replace('-', '_')}.toml"
    if not path.exists():
        raise KeyError(f"no vocabulary for layout {layout_id!r}")
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    _check(data, path)
    return data


@cache
def _files() -> tuple[dict, ...]:
    """Every vocabulary file, the root first, then the layouts in file-name order."""
    ids = sorted(p.stem.replace("_", "-") for p in HERE.glob("*.toml") if p.stem != ROOT)
    return tuple(_raw(i) for i in (ROOT, *ids))


def _layout(entry: dict) -> Layout:
    return Layout(**{k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()})


def _merged_names(layout_id: str) -> dict[str, dict[str, object]]:
    """Section → field → names, the parent's first, then this layout's additions."""
    data = _raw(layout_id)
    parent = data["layout"].get("parent")
    names: dict[str, dict[str, object]] = _merged_names(parent) if parent else {}
    for section, values in _sections(data):
        table = names.setdefault(section, {})
        for key, value in values.items():
            if isinstance(value, str) or key in ORDERED:
                table[key] = value if isinstance(value, str) else tuple(value)
                continue
            if parent:  # a layout's own name for a field is no longer another field's (指标值)
                for other, words in table.items():
                    if other != key and not isinstance(words, str) and other not in ORDERED:
                        table[other] = tuple(n for n in words if n not in value)
            table[key] = tuple(dict.fromkeys((*table.get(key, ()), *value)))
    return names


@cache
def vocabulary(layout_id: str = ROOT) -> Vocabulary:
    """A layout's vocabulary (the national root by default), loaded and indexed once."""
    names = _merged_names(layout_id)
    index = {
        section: {
            normalise(name): field
            for field, words in reversed(values.items())
            if not isinstance(words, str)
            and field not in VALUE_WORDS
            and section not in _VALUE_SECTIONS
            for name in words
        }
        for section, values in names.items()
    }
    return Vocabulary(
        _layout(_raw(layout_id)["layout"]),
        MappingProxyType({s: MappingProxyType(f) for s, f in names.items()}),
        re.compile(names["indicators"]["placeholder"]),
        MappingProxyType({section: _Lookups(found) for section, found in index.items()}),
        _Lookups({name: True for found in index.values() for name in found}),
    )


@cache
def layouts() -> tuple[Layout, ...]:
    """Every known layout (not the national root), in file-name order."""
    return tuple(_layout(data["layout"]) for data in _files()[1:])


def _printed_names() -> Iterator[tuple[str, str, list[str]]]:
    """``(table, key, names)`` of every list of names in every vocabulary file."""
    for data in _files():
        for table, values in _sections(data):
            yield from ((table, k, v) for k, v in values.items() if not isinstance(v, str))


@cache
def labels() -> frozenset[str]:
    """Every printed label of every vocabulary file, whitespace removed (both bracket widths)."""
    out: set[str] = set()
    for section, key, words in _printed_names():
        if key in VALUE_WORDS or section in _VALUE_SECTIONS:
            continue  # words printed as values (≥, 优秀 …)
        for word in words:
            squeezed = "".join(word.split())
            out.update((squeezed, normalise(squeezed), squeezed.translate(_FULL_WIDTH)))
    out.discard("")
    return frozenset(out)


@cache
def roles() -> MappingProxyType:
    """Role → every printed label of every file that has it, for text that lost its cells.

    A name keeps every role any file gives it (成本指标: level 1 of 2021, level 2 of 2020);
    ``columns`` are ``(heading, column)`` pairs; labels of the funds tables are also ``funds``.
    """
    words: dict[str, list] = {role: [] for role in _ROLES}
    words["titles"] = [w for data in _files() for w in data["layout"].get("title_words", ())]
    for table, key, names in _printed_names():
        role = _KEY_ROLES.get(key, _TABLE_ROLES.get(table, None if "." in table else "fields"))
        if table == "titles" and key != "department":
            words["titles"].extend(n for n in names if len(n) >= TITLE_LENGTH)
        elif role == "columns":
            words["columns"].extend((name, key) for name in names)
        elif role == "tree":  # a level-1 name and the level-2 names under it
            words["level1"].append(key)
            words["level2"].extend(names)
        elif role is not None:
            words[key if role == "levels" else role].extend(names)
        if role is not None and table.startswith("funds"):
            words["funds"].extend(names)
    words["fields"] = [f for f in words["fields"] if normalise(f) not in GLUE]
    return MappingProxyType({role: tuple(found) for role, found in words.items()})


@cache
def title_words() -> tuple[str, ...]:
    """Every printed title word of every layout and of the root, longest first."""
    words = {w for layout in layouts() for w in layout.title_words}
    words.update(w for key in _KINDS for w in vocabulary().words("titles", key))
    return tuple(sorted(words, key=len, reverse=True))


BOX_FIELDS = tuple(_raw(ROOT)["project"]["boxes"])  # fields some layouts print as check boxes


def alternation(words: Iterable[str]) -> str:
    """A pattern (no group of its own) matching the longest of ``words``; ``(?!)`` for none.

    A prefix tree (char → subtree, ``""`` a word's end): matching stays linear in the text, and
    bracket, colon and comma widths match.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _pattern(root) or "(?!)"


def _pattern(node: dict) -> str:
    """A regex matching the longest word of a prefix tree (an optional tail is greedy)."""
    branches = [
        _VARIANTS.get(char, re.escape(char)) + _pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
    return body
