"""The 绩效指标 / 指标目标值 table of a sh-2019-target form, read line by line.

The table has a level-1 cell (merged over its rows), the indicator and its target.
In PDF text a row prints as ``name target`` on one line, or as a name whose bracketed
definition wraps (``运维工作完成率（年度完成的运维`` / ``工作/年度运维工作计划）``) with the
target in the next paragraph, or as a name alone with the target wrapping on the lines
below. Level-1 labels fall among the rows (or on a row's line), and some targets are
printed as loose values away from their indicator. This module turns the lines into
printed items in order: rows, group labels and loose values; ``sh_2019_target_groups``
decides what belongs where.
"""

import re
from dataclasses import dataclass, field

from jixiao.io.importers import sh_2019_target_vocab as vocab
from jixiao.io.importers.sh_2019_target_lines import Line, join_wrapped, wrapped_label
from jixiao.io.text import squeeze

_OPEN = "（("
_CLOSE = "）)"
_TERMINAL = "。；;！!？?"
_INNER_PUNCTUATION = re.compile(r"[，、；：,;]")
_VALUE_START = re.compile(r"^(?:[≥≤><=＞＜＝]|不低于|不少于|不高于|不超过|\d)")
_SPACE = re.compile(r"\s+")
# Fewer characters than this on a target line: the cell did not wrap there.
WRAPPED_WIDTH = 12
# A line this much shorter than the wrapped line below it is no wrapped line itself.
SHORTER_THAN_WRAPPED = 0.7
GROUP_OF = {name: key for key, names in vocab.GROUPS.items() for name in names}


@dataclass
class GroupLabel:
    """A printed level-1 label."""

    group: str
    printed: str
    lines: list[Line]


@dataclass
class Loose:
    """A value printed away from any indicator."""

    text: str
    line: Line


@dataclass
class Row:
    """One indicator as printed: name, bracketed definition and target, with their lines."""

    name: str
    lines: list[Line]
    explanation: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    bracketed: bool = False  # a definition in brackets follows the name
    open: bool = False  # the definition's closing bracket is still to come
    label_since: bool = False  # a level-1 label was printed after the row's last line

    @property
    def para(self) -> int:
        """The paragraph of the row's last line."""
        return self.lines[-1].para

    def add_target(self, text: str, line: Line) -> None:
        """Another line (or part of one) of the target."""
        self.target.append(text)
        self._touch(line)

    def add_explanation(self, text: str, line: Line) -> None:
        """Continue the bracketed definition; what follows its closing bracket is the target."""
        inner, closed, rest = _until_close(text)
        self.explanation.append(inner)
        self.open = not closed
        self._touch(line)
        if rest:
            self.target.append(rest)

    def _touch(self, line: Line) -> None:
        if line is not self.lines[-1]:
            self.lines.append(line)
        self.label_since = False


Item = GroupLabel | Loose | Row


def _until_close(text: str) -> tuple[str, bool, str]:
    """Text up to the closing bracket, whether it closed, and what follows it."""
    for i, ch in enumerate(text):
        if ch in _CLOSE:
            return text[:i], True, text[i + 1 :].strip()
    return text, False, ""


def is_value_like(text: str) -> bool:
    """Whether text starts like a number or a comparison (``100%``, ``≥85%``, ``≤2%``)."""
    return bool(_VALUE_START.match(text.strip()))


def is_name_like(text: str) -> bool:
    """Whether text ends like an indicator name (``…性``, ``…率``, ``…情况``)."""
    return not is_value_like(text) and squeeze(text).endswith(vocab.NAME_ENDINGS)


def _new_row(text: str, line: Line) -> Row:
    """A row from a name, perhaps followed by a bracketed definition."""
    head, bracket, rest = _split_at_bracket(text)
    if not bracket:
        return Row(name=text.strip(), lines=[line])
    row = Row(name=head, lines=[line], bracketed=True)
    row.add_explanation(rest, line)
    return row


def _split_at_bracket(text: str) -> tuple[str, str, str]:
    """``name（definition…`` → (name, bracket, rest); a bracket inside a name is no definition."""
    for i, ch in enumerate(text):
        if ch in _OPEN and i > 0:
            _, closed, after = _until_close(text[i + 1 :])
            if closed and after:  # ``财务（资产）管理制度…``: the bracket is part of the name
                continue
            return text[:i].strip(), ch, text[i + 1 :]
    return text, "", ""


def _starts_row_with_definition(text: str) -> bool:
    head, bracket, _ = _split_at_bracket(text)
    return bool(bracket) and bool(head) and not is_value_like(head)


def pieces(lines: list[Line]) -> list[GroupLabel | tuple[str, Line]]:
    """Lines as level-1 labels (also wrapped, or first on a row's line) and text pieces."""
    out: list[GroupLabel | tuple[str, Line]] = []
    i = 0
    while i < len(lines):
        count = wrapped_label(lines, i, GROUP_OF)
        if count:
            label = "".join(line.key for line in lines[i : i + count])
            out.append(GroupLabel(GROUP_OF[label], label, lines[i : i + count]))
            i += count
            continue
        line = lines[i]
        first, *rest = _SPACE.split(line.text.strip(), maxsplit=1)
        if first in GROUP_OF and rest:
            out.append(GroupLabel(GROUP_OF[first], first, [line]))
            out.append((rest[0], line))
        else:
            out.append((line.text, line))
        i += 1
    return out


def read_items(lines: list[Line]) -> list[Item]:
    """The table's rows, labels and loose values in printed order."""
    items: list[Item] = []
    row: Row | None = None
    parts = pieces(lines)
    for k, piece in enumerate(parts):
        if isinstance(piece, GroupLabel):
            items.append(piece)
            if row is not None:
                row.label_since = True
            continue
        text, line = piece
        placed = _place(row, text, line, _below(parts, k))
        if isinstance(placed, Row):
            row = placed
            items.append(placed)
        elif isinstance(placed, Loose):
            items.append(placed)
    return items


def _below(parts: list[GroupLabel | tuple[str, Line]], k: int) -> str | None:
    """The text of the next line if it belongs to the same paragraph, with no label between."""
    if k + 1 >= len(parts):
        return None
    following = parts[k + 1]
    if isinstance(following, GroupLabel):
        return None
    text, line = following
    current = parts[k]
    return text if not isinstance(current, GroupLabel) and line.para == current[1].para else None


def _place(row: Row | None, text: str, line: Line, below: str | None) -> Row | Loose | None:
    """Where a piece goes: a new row, a loose value, or (None) into ``row``."""
    text = _SPACE.sub(" ", text).strip()
    if row is not None and row.open:
        row.add_explanation(text, line)
        return None
    name, space, target = text.partition(" ")
    if space and not is_value_like(name) and not _open_definition(name):
        new = _new_row(name, line)
        new.add_target(target, line)
        return new
    if row is not None and _belongs_to(row, text, line, below):
        row.add_target(text, line)
        return None
    if _starts_row_with_definition(text) or _heads_target_lines(text, below) or is_name_like(text):
        return _new_row(text, line)
    return Loose(text, line)


def _belongs_to(row: Row, text: str, line: Line, below: str | None) -> bool:
    """Whether a piece is (more of) the target of the row above it."""
    if _continues(row, text, line, below):
        return True
    if _starts_row_with_definition(text):
        return False
    if row.bracketed and not row.target:
        return True  # the value cell of a wrapped definition row, printed in its own paragraph
    return not _heads_target_lines(text, below) and _continues_after_blank(row, text, line)


def _heads_target_lines(text: str, below: str | None) -> bool:
    """A name alone on the first line of a paragraph whose next lines wrap its target."""
    return below is not None and not is_value_like(text) and not _starts_row(below)


def _names_a_wrapped_cell(text: str, below: str | None) -> bool:
    """A short line over a long sentence-like one: a name whose target wraps below it.

    Wrapped lines of one target are all about the width of the cell; a name is shorter.
    """
    if below is None or len(below) < WRAPPED_WIDTH or not _INNER_PUNCTUATION.search(below):
        return False
    return len(text) < len(below) * SHORTER_THAN_WRAPPED and not _starts_row(below)


def _starts_row(text: str) -> bool:
    """Whether a line prints ``name target`` or ``name（definition``: a row of its own."""
    name, space, _ = _SPACE.sub(" ", text).strip().partition(" ")
    return bool(space and not is_value_like(name)) or _starts_row_with_definition(text)


def _open_definition(name: str) -> bool:
    _, bracket, rest = _split_at_bracket(name)
    return bool(bracket) and not _until_close(rest)[1]


def _continues(row: Row, text: str, line: Line, below: str | None) -> bool:
    """A line of the same paragraph, right below the row, wrapping its target."""
    if line.para != row.para or row.label_since or _starts_row_with_definition(text):
        return False
    if not row.target:
        return True
    last = row.target[-1]
    if last.endswith(tuple(_TERMINAL)) or is_value_like(last) or _names_a_wrapped_cell(text, below):
        return False
    # A short line ends its cell; a name below a full line starts the next row (a line of
    # two or three characters ending like a name, ``整性``, is still a wrapped tail).
    return len(last) >= WRAPPED_WIDTH and not (is_name_like(text) and len(text) > 3)


def _continues_after_blank(row: Row, text: str, line: Line) -> bool:
    """A target wrapped across a blank line.

    The row's last line is cut mid-sentence and this line reads as the rest of a sentence
    (inner punctuation), not as a name or a value.
    """
    if not row.target or row.label_since or line.para != row.para + 1:
        return False
    last = join_wrapped(row.target)
    return (
        not last.endswith(tuple(_TERMINAL))
        and not is_value_like(last)
        and bool(_INNER_PUNCTUATION.search(text))
        and not is_name_like(text)
    )
