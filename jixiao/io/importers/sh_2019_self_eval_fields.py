"""The head and narrative of a 2019年度财政项目绩效自评价: labels, their values, their types.

The head is a four-column grid (label, value, label, value): 项目名称 / 预算单位,
具体实施处(科室) / 是否为经常性项目, 当年预算数(元) / 上年预算金额(元), 预算执行数(元) /
预算执行率(%); then one-column rows 项目年度总目标, 自评时间, 绩效等级, 主要绩效, 主要问题,
改进措施. In table text a label and its value are neighbouring cells; in plain PDF text a
line is split into label and value pieces at the labels, and a value can be missing from
its label's line: it is then either on the next line or printed elsewhere (in seed 000 the
right-hand column's values come first, before the indicator table, in grid order).
"""

import re
from dataclasses import dataclass, field
from enum import Enum

from jixiao.io.document import Block, Ledger
from jixiao.io.text import CJK, amount, iso_date, squeeze


class Kind(Enum):
    """What a field's value must look like."""

    TEXT = "text"
    YESNO = "yesno"
    AMOUNT = "amount"
    RATE = "rate"
    DATE = "date"
    PROSE = "prose"  # free text over several lines, up to the next label


@dataclass(frozen=True)
class FieldSpec:
    """One printed label: the field it fills, the label's spelling, the value's kind."""

    key: str
    pattern: re.Pattern[str]
    kind: Kind
    path: str  # where the value goes in the canonical form


def _spec(key: str, label: str, kind: Kind, path: str) -> FieldSpec:
    return FieldSpec(key, re.compile(f"^{label}$"), kind, path)


_UNIT = r"[(（](万?元)[)）]"
# In layout order: values printed away from their labels follow this order.
FIELDS = (
    _spec("name", "项目名称", Kind.TEXT, "project.name"),
    _spec("unit", "预算单位", Kind.TEXT, "project.unit"),
    _spec("offices", r"具体实施处[(（]科室[)）]", Kind.TEXT, "project.offices"),
    _spec("recurring", "是否为经常性项目", Kind.YESNO, "project.recurring"),
    _spec("budget", f"当年预算数{_UNIT}", Kind.AMOUNT, "funds.budget"),
    _spec("previous_budget", f"上年预算金额{_UNIT}", Kind.AMOUNT, "funds.previous_budget"),
    _spec("executed", f"预算执行数{_UNIT}", Kind.AMOUNT, "funds.executed"),
    _spec("execution_rate", r"预算执行率[(（][%％][)）]", Kind.RATE, "funds.execution_rate"),
    _spec("overall", "项目年度总目标", Kind.PROSE, "goals.overall"),
    _spec("evaluated_on", "自评时间", Kind.DATE, "evaluated_on"),
    _spec("grade", "绩效等级", Kind.TEXT, "grade"),
    _spec("achievements", "主要绩效", Kind.PROSE, "narrative.achievements"),
    _spec("problems", "主要问题", Kind.PROSE, "narrative.problems"),
    _spec("improvements", "改进措施", Kind.PROSE, "narrative.improvements"),
)
ORDER = {spec.key: n for n, spec in enumerate(FIELDS)}
EMPTY_MONEY = ("-", "—", "－", "/")
# A label is at most this many whitespace-separated tokens (``具体实施处 （科室）``).
_MAX_LABEL_TOKENS = 3


def label_spec(text: str) -> FieldSpec | None:
    """The field a printed label names (spaces and a trailing colon ignored), or None."""
    key = squeeze(text).rstrip(":：")
    return next((spec for spec in FIELDS if spec.pattern.match(key)), None)


def currency_of(label: str) -> str | None:
    """``元`` or ``万元`` from an amount label such as ``当年预算数（元）``."""
    match = re.search(_UNIT, squeeze(label))
    return match[1] if match else None


def fits(kind: Kind, text: str) -> bool:
    """Whether ``text`` can be a value of this kind."""
    key = squeeze(text)
    if not key or label_spec(text) is not None:
        return False
    number = amount(text) if re.fullmatch(r"[-+]?[\d,，.]+[%％]?", key) else None
    empty = key in EMPTY_MONEY  # a dash in an empty money cell: the value is null
    checks = {
        Kind.YESNO: key in ("是", "否"),
        Kind.AMOUNT: empty or (number is not None and not key.endswith(("%", "％"))),
        Kind.RATE: empty or number is not None,
        Kind.DATE: iso_date(text) is not None,
        Kind.TEXT: number is None and not empty and key not in ("是", "否"),
        Kind.PROSE: True,
    }
    return checks[kind]


@dataclass
class Piece:
    """A label or a value within one line (plain text) or one cell (table text)."""

    cell: int
    text: str
    spec: FieldSpec | None  # the label's field; None for a value
    placed: bool = False


@dataclass
class Line:
    """One block cut into pieces; taken from the ledger only when every piece is placed."""

    block: Block
    pieces: list[Piece]
    tabbed: bool

    @property
    def is_field_line(self) -> bool:
        """Whether the line opens with a label of the head or the narrative."""
        return bool(self.pieces) and self.pieces[0].spec is not None

    @property
    def text(self) -> str:
        """The line's text, stripped."""
        return self.block.text.strip()

    def commit(self, ledger: Ledger) -> None:
        """Take the placed cells; a plain line is one cell, taken only if nothing in it is left."""
        if self.tabbed:
            for piece in self.pieces:
                if piece.placed:
                    ledger.take(self.block, piece.cell)
        elif self.pieces and all(p.placed for p in self.pieces):
            ledger.take(self.block, self.pieces[0].cell)


def cut(block: Block) -> Line:
    """Cut a block into label and value pieces (cells of table text, tokens of plain text)."""
    filled = block.filled
    if len(filled) > 1:
        return Line(block, [Piece(i, t, label_spec(t)) for i, t in filled], tabbed=True)
    if not filled:
        return Line(block, [], tabbed=False)
    index = filled[0][0]
    return Line(block, _cut_plain(index, block.cells[index].text), tabbed=False)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Whitespace-separated tokens as (start, end, text); ``项目名称：X`` gives two tokens."""
    out = []
    for match in re.finditer(r"\S+", text):
        glued = re.match(r"^(.+?[:：])(.+)$", match[0])
        if glued and label_spec(glued[1]) is not None:
            cut_at = match.start() + len(glued[1])
            out += [(match.start(), cut_at, glued[1]), (cut_at, match.end(), glued[2])]
        else:
            out.append((match.start(), match.end(), match[0]))
    return out


def _cut_plain(cell: int, text: str) -> list[Piece]:
    tokens = _tokens(text)
    pieces: list[Piece] = []
    value_start: int | None = None
    i = 0
    while i < len(tokens):
        found = _label_at(tokens, i)
        if found is None:
            value_start = tokens[i][0] if value_start is None else value_start
            i += 1
            continue
        spec, width = found
        if value_start is not None:
            pieces.append(Piece(cell, text[value_start : tokens[i - 1][1]], None))
            value_start = None
        pieces.append(Piece(cell, text[tokens[i][0] : tokens[i + width - 1][1]], spec))
        i += width
        if spec.kind is Kind.PROSE and i < len(tokens):
            # Free text runs to the end of the line: label words inside it are just words.
            pieces.append(Piece(cell, text[tokens[i][0] :].strip(), None))
            return pieces
    if value_start is not None:
        pieces.append(Piece(cell, text[value_start:].strip(), None))
    return pieces


def _label_at(tokens: list[tuple[int, int, str]], i: int) -> tuple[FieldSpec, int] | None:
    for width in range(min(_MAX_LABEL_TOKENS, len(tokens) - i), 0, -1):
        spec = label_spec("".join(t[2] for t in tokens[i : i + width]))
        if spec is not None:
            return spec, width
    return None


_CJK_CHAR = re.compile(f"[{CJK}]")


def join_wrapped(parts: list[str]) -> str:
    """Join lines wrapped inside a cell: no space where either side is CJK, else one space."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        cjk_gap = not out or _CJK_CHAR.match(out[-1]) or _CJK_CHAR.match(part[0])
        out += part if cjk_gap else f" {part}"
    return out


@dataclass
class HeadValues:
    """The values read so far for one form, with the labels still waiting for theirs."""

    values: dict[str, str] = field(default_factory=dict)
    prose: dict[str, list[str]] = field(default_factory=dict)
    pending: list[FieldSpec] = field(default_factory=list)
    currency: str | None = None

    def read_line(self, line: Line) -> tuple[FieldSpec | None, FieldSpec | None]:
        """Read a field line; returns the prose field left open and a label ending the line."""
        open_prose = trailing = None
        for i, piece in enumerate(line.pieces):
            spec = piece.spec
            if spec is None:
                continue
            piece.placed = True
            self.currency = self.currency or currency_of(piece.text)
            following = line.pieces[i + 1] if i + 1 < len(line.pieces) else None
            value = following if following is not None and following.spec is None else None
            if spec.kind is Kind.PROSE:
                open_prose = spec
                self.prose.setdefault(spec.key, [])
                if value is not None:
                    self.add_prose(spec, value)
            elif value is not None:
                self.set(spec, value)
            elif spec.key not in self.values:
                self.pending.append(spec)
                trailing = spec if following is None else None
        return open_prose, trailing

    def set(self, spec: FieldSpec, piece: Piece) -> bool:
        """Give a label its value if the value fits and the field has none yet."""
        if spec.key in self.values or not fits(spec.kind, piece.text):
            return False
        self.values[spec.key] = piece.text
        piece.placed = True
        if spec in self.pending:
            self.pending.remove(spec)
        return True

    def add_prose(self, spec: FieldSpec, piece: Piece) -> None:
        """Append one line (or cell) of free text to a prose field."""
        self.prose.setdefault(spec.key, []).append(piece.text)
        piece.placed = True

    def prose_text(self, key: str) -> str | None:
        """A prose field's text, wrapped lines joined (paragraph markup is left for ``clean``)."""
        parts = self.prose.get(key)
        return join_wrapped(parts) if parts else None
