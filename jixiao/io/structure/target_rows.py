"""Rows of a two-column indicator table (name | target) whose cells lost their boundaries.

PDF text of such a table (the Shanghai 2019 target form, seed 004) prints a row as
``name target`` on one line, as a name whose bracketed definition wraps over lines
(``预算执行率(预算执行金额/预算`` / ``总金额)``) with the target in the next paragraph, or as a
name alone with its target wrapping on the lines below. Level-1 cells are merged over their
rows and print wherever their middle falls: before, among or after the rows, on a row's
line, wrapped (``投入和管理目`` / ``标``). Some targets print apart from any name (loose values).

``table`` turns the lines into rows of cells (level 1, name, target). A row's group is the
one whose words (vocabulary ``[indicators.group_words]``) its name holds, wherever printed;
else the label printed last before it (rows before the first label: that label's). Rows
without a target take the loose values, by shared characters, then in order. What the text
does not settle is returned as doubts: the groups of rows printed apart from their block or
whose meaning (``[indicators.meaning]``) points elsewhere, and targets chosen among several.
"""

import re
from dataclasses import dataclass, field

from jixiao.core.values import BAD_EVENT_WORDS
from jixiao.io.structure.flattened_groups import Doubt
from jixiao.io.structure.wrapped_rows import Piece, join_lines
from jixiao.io.vocabulary import Vocabulary, normalise

_VALUE_START = re.compile(r"^(?:[≥≤><=＞＜＝]|不低于|不少于|不高于|不超过|\d)")
_INNER = re.compile(r"[，、；：,;]")
_TERMINAL = "。；;！!？?"
_OPEN, _CLOSE = "（(", "）)"
_BAD_RATE = re.compile(f"(?:{'|'.join(BAD_EVENT_WORDS)})率")
WRAPPED_WIDTH = 12  # a target line shorter than this ends its cell
SHORTER = 0.7  # a line this much shorter than the long line below it is a name


@dataclass(frozen=True)
class Line:
    """A printed line: block index, text and paragraph (runs of lines between blanks)."""

    index: int
    text: str
    para: int


@dataclass
class Row:
    """One indicator as printed: its name (with any definition), target and group."""

    name: list[Line]
    target: list[Line] = field(default_factory=list)
    open: bool = False  # the definition's closing bracket is still to come
    bracketed: bool = False
    label_since: bool = False  # a level-1 label was printed after the row's last line
    group: str = ""
    label: Piece | None = None  # the printed label, on the group's first row

    @property
    def para(self) -> int:
        """The paragraph of the row's last line."""
        return (self.target or self.name)[-1].para

    @property
    def name_text(self) -> str:
        """The name as printed, definition included, lines joined."""
        return join_lines([line.text for line in self.name])


@dataclass
class Table:
    """Rows of cells for the reader, and the doubts."""

    rows: list[list[Piece]]
    doubts: list[Doubt]


def value_like(text: str) -> bool:
    """Whether text starts like a number or a comparison (``100%``, ``≥85%``)."""
    return bool(_VALUE_START.match(text.strip()))


def name_like(vocab: Vocabulary, text: str) -> bool:
    """Whether text ends like an indicator name (``…性``, ``…率``, ``…情况``)."""
    endings = vocab.words("indicators", "name_endings")
    return not value_like(text) and normalise(text).endswith(endings)


def _bracket(text: str) -> tuple[str, str] | None:
    """``name（definition…`` → (name, rest), unless the bracket closes inside the name."""
    for i, ch in enumerate(text):
        if ch in _OPEN and i > 0:
            rest = text[i + 1 :]
            close = next((k for k, c in enumerate(rest) if c in _CLOSE), None)
            if close is not None and rest[close + 1 :].strip():
                continue
            return text[:i].strip(), rest
    return None


def _definition_row(text: str) -> bool:
    split = _bracket(text)
    return split is not None and bool(split[0]) and not value_like(split[0])


def _starts_row(text: str) -> bool:
    name, space, _ = " ".join(text.split()).partition(" ")
    return bool(space and not value_like(name)) or _definition_row(text)


def table(vocab: Vocabulary, lines: list[Line]) -> Table:
    """The rows of cells (``| level 1 | name | target``, the first cell empty) of a table's lines."""
    items = _items(vocab, lines)
    rows = [i for i in items if isinstance(i, Row)]
    doubts = _groups(vocab, items, rows)
    doubts += _loose(rows, [i for i in items if isinstance(i, Line)])
    out = [
        [
            Piece(""),
            row.label or Piece(row.group),
            Piece(row.name_text, [line.index for line in row.name]),
            Piece(join_lines([t.text for t in row.target]), [t.index for t in row.target]),
        ]
        for row in rows
    ]
    return Table(out, doubts)


def _labels(vocab: Vocabulary, lines: list[Line]) -> list[Line | Piece]:
    """Lines, with level-1 labels (wrapped, or first on a row's line) as pieces."""
    out: list[Line | Piece] = []
    i = 0
    while i < len(lines):
        joined = ""
        for k in range(i, min(i + 2, len(lines))):
            joined += lines[k].text
            if lines[k].para == lines[i].para and vocab.field("indicators.levels", joined):
                out.append(Piece(joined, [line.index for line in lines[i : k + 1]]))
                i = k + 1
                break
        else:
            first, *rest = lines[i].text.split(maxsplit=1)
            if vocab.field("indicators.levels", first) and rest:
                out.append(Piece(first, [lines[i].index]))
                out.append(Line(lines[i].index, rest[0], lines[i].para))
            else:
                out.append(lines[i])
            i += 1
    return out


def _items(vocab: Vocabulary, lines: list[Line]) -> list[Row | Line | Piece]:
    """Rows, level-1 labels (pieces) and loose values (lines) in printed order."""
    items: list[Row | Line | Piece] = []
    row: Row | None = None
    parts = _labels(vocab, lines)
    for k, part in enumerate(parts):
        if isinstance(part, Piece):
            items.append(part)
            if row is not None:
                row.label_since = True
            continue
        following = parts[k + 1] if k + 1 < len(parts) else None
        below = (
            following.text if isinstance(following, Line) and following.para == part.para else None
        )
        placed = _place(vocab, row, part, below)
        if placed is not None:
            items.append(placed)
            row = placed if isinstance(placed, Row) else row
    return items


def _new_row(line: Line) -> Row:
    split = _bracket(line.text)
    row = Row([line], bracketed=split is not None)
    row.open = split is not None and not any(c in _CLOSE for c in split[1])
    return row


def _place(vocab: Vocabulary, row: Row | None, line: Line, below: str | None) -> Row | Line | None:
    """Where a line goes: a new row, a loose value, or (None) into ``row``."""
    text = " ".join(line.text.split())
    if row is not None and row.open:
        close = re.search(f"[{_CLOSE}]", text)
        at = close.end() if close else len(text)
        row.name.append(Line(line.index, text[:at], line.para))
        row.open = close is None
        if text[at:].strip():
            row.target.append(Line(line.index, text[at:].strip(), line.para))
        return None
    name, space, target = text.partition(" ")
    split = _bracket(name)
    if space and not value_like(name) and not (split and not any(c in _CLOSE for c in split[1])):
        return Row([Line(line.index, name, line.para)], [Line(line.index, target, line.para)])
    if row is not None and _belongs(vocab, row, line, below):
        row.target.append(line)
        row.label_since = False
        return None
    heads = below is not None and not value_like(text) and not _starts_row(below)
    if _definition_row(text) or heads or name_like(vocab, text):
        return _new_row(line)
    return line


def _belongs(vocab: Vocabulary, row: Row, line: Line, below: str | None) -> bool:
    """Whether a line is (more of) the target of the row above it."""
    text = line.text
    if _continues(vocab, row, line, below):
        return True
    if _definition_row(text):
        return False
    if row.bracketed and not row.target:
        return True  # the value cell of a wrapped definition row, in its own paragraph
    heads = below is not None and not value_like(text) and not _starts_row(below)
    if heads or not row.target or row.label_since or line.para != row.para + 1:
        return False
    last = join_lines([t.text for t in row.target])  # a target wrapped across a blank line
    return (
        not last.endswith(tuple(_TERMINAL))
        and not value_like(last)
        and bool(_INNER.search(text))
        and not name_like(vocab, text)
    )


def _continues(vocab: Vocabulary, row: Row, line: Line, below: str | None) -> bool:
    """A line of the same paragraph right below the row, wrapping its target."""
    if line.para != row.para or row.label_since or _definition_row(line.text):
        return False
    if not row.target:
        return True
    last = row.target[-1].text
    wide_below = (
        below is not None
        and len(below) >= WRAPPED_WIDTH
        and _INNER.search(below)
        and len(line.text) < len(below) * SHORTER
        and not _starts_row(below)
    )
    if last.endswith(tuple(_TERMINAL)) or value_like(last) or wide_below:
        return False
    return len(last) >= WRAPPED_WIDTH and not (name_like(vocab, line.text) and len(line.text) > 3)


def _groups(vocab: Vocabulary, items: list[Row | Line | Piece], rows: list[Row]) -> list[Doubt]:
    """Each row's group (see the module's docstring); the places the text does not settle."""
    fixed = vocab.names["indicators.group_words"]
    level1 = {normalise(n): n for n in vocab.words("indicators.levels", "level1")}
    last, waiting, early, near, labels = "", [], set(), set(), []
    previous: Row | None = None
    for k, item in enumerate(items):
        if isinstance(item, Piece):
            group = level1.get(normalise(item.text), item.text)
            labels.append((k, Piece(group, item.lines)))
            if group in fixed:  # a fixed group's label only marks the rows next to it
                following = next((r for r in items[k + 1 :] if isinstance(r, Row)), None)
                near.update(id(r) for r in (previous, following) if r is not None)
                continue
            for r in waiting:
                r.group = group
            waiting, last = [], group
        elif isinstance(item, Row):
            item.group = last
            if not last:
                waiting.append(item)
                early.add(id(item))
            previous = item
    own = [_own(r, fixed) for r in rows]  # a name's words, never its group: once a row
    doubts = [d for i in range(len(rows)) if (d := _decide(rows, i, own, vocab, near, early))]
    for k, label in labels:  # each label printed goes to its group's first row after it
        order = [r for r in items[k:] if isinstance(r, Row)] + rows
        owner = next((r for r in order if r.group == label.text and r.label is None), None)
        if owner is not None:
            owner.label = label
    return doubts


def _own(row: Row, fixed) -> str:
    """The fixed group whose words the row's name holds, or ''."""
    name = row.name_text
    return next((g for g, words in fixed.items() if any(w in name for w in words)), "")


def _decide(
    rows: list[Row], i: int, own: list[str], vocab: Vocabulary, near: set, early: set
) -> Doubt | None:
    row = rows[i]
    position = row.group
    before = bool(own[i - 1]) if i > 0 else None
    after = bool(own[i + 1]) if i + 1 < len(rows) else None
    name = row.name_text
    meaning = vocab.names["indicators.meaning"]
    hint = next((g for g, words in meaning.items() if any(w in name for w in words)), "")
    if own[i]:
        row.group = own[i]
        apart = before is not True and after is not True and id(row) not in early
        return _doubt(i, row, position, "apart") if apart and id(row) not in near else None
    if before and after and not hint:
        row.group = next(iter(vocab.names["indicators.group_words"]))
        return _doubt(i, row, position, "inside")
    if hint and hint != position:
        return _doubt(i, row, hint, "meaning")
    either = vocab.words("indicators", "bad_rate_groups")
    if _BAD_RATE.search(name) and position in either:
        return _doubt(i, row, next(g for g in either if g != position), "rate")
    return None


_WHY = {
    "apart": (
        "投入和管理类指标印在其行之外",
        "a fund/management indicator printed apart from its rows",
    ),
    "inside": (
        "非管理类指标印在投入和管理目标的行之间",
        "an indicator printed among the fixed group's rows",
    ),
    "meaning": ("指标的含义指向另一个一级指标", "the indicator's meaning points to another group"),
    "rate": (
        "不良事件发生率既可作产出也可作效果",
        "a rate of bad events may be an output or an effect",
    ),
}


def _doubt(i: int, row: Row, other: str, why: str) -> Doubt:
    zh, en = _WHY[why]
    names = list(dict.fromkeys(n for n in (row.group, other) if n))
    return (f"indicators[{i}].level1", row.group or None, names, zh, en)


def _overlap(a: str, b: str) -> int:
    """Length of the longest common substring."""
    return max(
        (j - i for i in range(len(a)) for j in range(i + 1, len(a) + 1) if a[i:j] in b), default=0
    )


def _loose(rows: list[Row], loose: list[Line]) -> list[Doubt]:
    """Loose values into the rows printed without a target; doubts when there is a choice."""
    empty = [i for i, row in enumerate(rows) if not row.target]
    if not empty or not loose:
        return []
    chosen: dict[int, Line] = {}
    if len(empty) == len(loose) == 1:
        chosen[empty[0]] = loose[0]
    else:
        pairs = sorted(
            (
                (_overlap(rows[i].name_text, v.text), -i, -k)
                for i in empty
                for k, v in enumerate(loose)
            ),
            reverse=True,
        )
        used: set[int] = set()
        for score, i, k in pairs:
            if score and -i not in chosen and -k not in used:
                chosen[-i], _ = loose[-k], used.add(-k)
        rest = iter(v for k, v in enumerate(loose) if k not in used)
        for i in empty:
            if i not in chosen and (value := next(rest, None)) is not None:
                chosen[i] = value
    for i, value in chosen.items():
        rows[i].target = [value]
    if len(empty) == len(loose) == 1:
        return []
    return [
        (
            f"indicators[{i}].target",
            chosen[i].text if i in chosen else None,
            [v.text for v in loose],
            "没有印出目标值；散落的值不止一个",
            "no value printed with the name; more than one loose value could be its",
        )
        for i in empty
    ]
