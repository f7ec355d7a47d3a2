"""The indicator lines of a 财政项目支出绩效自评表 in plain PDF text, made back into rows.

A row's line prints its cells separated by spaces, the weight and score as the last pair
of numbers, the deviation after them. What the grid kept together, the lines pull apart:

- a cell of several lines is centred on its row, so a long deviation starts on a line
  above the row's line and ends on lines below it; these loose lines are gathered and
  given to a row when the next row shows where they can go (``_Gathered.place``);
- a merged level cell stands on a line of its own, often in the middle of its rows, and
  may share that line with a loose line of a deviation;
- a level-1 label's points suffix may be broken over lines (``产出指标（50分`` … ``）``).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from jixiao.io.document import Block
from jixiao.io.importers.cells import label_key
from jixiao.io.importers.indicator_rows import LevelVocabulary, weight_position
from jixiao.io.importers.plain_text import SENTENCE_END
from jixiao.io.text import CJK

_OPEN_POINTS = re.compile(r"^(?P<word>.+?)[（(]\s*(?:\d+(?:\.\d+)?)?\s*分?$")
_CLOSE_POINTS = re.compile(r"^(?:\d+(?:\.\d+)?)?\s*分?\s*[)）]$")
_UNIT_WORD = re.compile(rf"[{CJK}a-zA-Z/·]{{1,4}}")
_ENDS_IN_FIGURE = re.compile(r"[\d%％]$")


@dataclass
class Piece:
    """A cell made from plain text, and the original cells (lines) it was read from."""

    text: str
    origins: list[tuple[Block, int]]  # each line (block, cell) it was read from

    def extend(self, other: "Piece", before: bool = False) -> None:
        """Join another piece's text as a further line (or a line before), with its origins."""
        if before:
            self.text, self.origins = f"{other.text}\n{self.text}", [*other.origins, *self.origins]
        else:
            self.text, self.origins = f"{self.text}\n{other.text}", [*self.origins, *other.origins]


@dataclass(frozen=True)
class Doubt:
    """A reading of the lines that the text does not settle."""

    path: str
    text: str
    candidates: tuple[str, ...]
    zh: str
    en: str


def closed(text: str) -> bool:
    """Whether a cell's text ends a sentence (a further line would start a new one)."""
    stripped = text.strip()
    return bool(stripped) and stripped[-1] in SENTENCE_END


def _join_units(tokens: list[str]) -> list[str]:
    """``≥60`` ``次`` → ``≥60 次``: a unit printed apart from its figure."""
    out: list[str] = []
    for token in tokens:
        if out and _ENDS_IN_FIGURE.search(out[-1]) and _UNIT_WORD.fullmatch(token):
            out[-1] += " " + token
        else:
            out.append(token)
    return out


def indicator_cells(tokens: list[str], is_level: Callable[[str], bool]) -> list[str] | None:
    """A plain indicator line as cells: levels, name, target, actual, weight, score, deviation.

    The figures at the end (the rightmost pair of numbers) fix weight and score; level
    words at the start are level cells; the rest is name, target and actual. None when
    the line has no weight and score.
    """
    at = weight_position(tokens)
    if at is None or at < 1:
        return None
    before = tokens[:at]
    lead = 0
    while lead < len(before) - 1 and is_level(before[lead]):
        lead += 1
    levels, rest = before[:lead], before[lead:]
    if len(rest) > 3:
        rest = _join_units(rest)
    if len(rest) > 3:  # words the vocabulary does not know stand where level cells do
        levels, rest = levels + rest[:-3], rest[-3:]
    deviation = tokens[at + 2 :]
    return [
        *levels,
        *rest,
        tokens[at],
        tokens[at + 1],
        *([" ".join(deviation)] if deviation else []),
    ]


@dataclass
class _Row:
    """An indicator row made from a line: its cells, its index, its deviation cell."""

    cells: list[Piece]
    index: int
    deviation: Piece | None

    def add_deviation(self, piece: Piece, before: bool = False) -> None:
        if self.deviation is None:
            self.deviation = Piece(piece.text, list(piece.origins))
            self.cells.append(self.deviation)
        else:
            self.deviation.extend(piece, before)


@dataclass
class IndicatorLines:
    """The indicator section of one form, line by line; rows go to ``rows``."""

    vocabulary: LevelVocabulary
    labels: frozenset[str]
    rows: list[list[Piece]]
    doubts: list[Doubt]
    last: _Row | None = None
    loose: list[Piece] = field(default_factory=list)  # lines of a cell not yet given a row
    open_points: Piece | None = None  # a level-1 label whose ``（50分）`` is not closed yet
    count: int = 0

    def is_level(self, token: str) -> bool:
        """A level word, a layout label, or a level-1 label with an unclosed points suffix."""
        opened = _OPEN_POINTS.match(token)
        return self.vocabulary.kind(token) is not None or bool(
            opened and self.vocabulary.level1_of(opened["word"])
        )

    def line(self, line: Piece, tokens: list[str]) -> None:
        """Read one line of the section."""
        tokens = self._close_points(line, tokens)
        if not tokens:
            return
        cells = indicator_cells(tokens, self.is_level)
        if cells is None:
            self._loose_line(line, tokens)
            return
        pieces = [Piece(t, line.origins) for t in cells]
        has_deviation = weight_position(cells) == len(cells) - 3
        row = _Row(pieces, self.count, pieces[-1] if has_deviation else None)
        self.rows.append(pieces)
        self.count += 1
        self._note_open_points(pieces)
        self._place(row)
        self.last = row

    def finish(self) -> None:
        """The section ends: loose lines go to the last row."""
        self._place(None)

    def _close_points(self, line: Piece, tokens: list[str]) -> list[str]:
        if self.open_points is not None and tokens and _CLOSE_POINTS.match(tokens[0]):
            self.open_points.text += tokens[0]
            self.open_points.origins = [*self.open_points.origins, *line.origins]
            self.open_points = None
            return tokens[1:]
        return tokens

    def _note_open_points(self, pieces: list[Piece]) -> None:
        for piece in pieces:
            opened = _OPEN_POINTS.match(piece.text)
            if opened and self.vocabulary.level1_of(opened["word"]):
                self.open_points = piece

    def _loose_line(self, line: Piece, tokens: list[str]) -> None:
        """A line without figures: level labels (a row of their own), then a loose line."""
        lead = 0
        while lead < len(tokens) and self.is_level(tokens[lead]):
            lead += 1
        if lead:
            pieces = [Piece(t, line.origins) for t in tokens[:lead]]
            self.rows.append(pieces)
            self._note_open_points(pieces)
        rest = " ".join(tokens[lead:])
        if not rest:
            return
        if any(label_key(rest) in label for label in self.labels):  # a broken label
            self.rows.append([Piece(rest, line.origins)])
            return
        self.loose.append(Piece(rest, line.origins))

    def _place(self, following: _Row | None) -> None:
        """Give the loose lines between the last row and ``following`` to one of them.

        A line continues the last row's deviation while that text has not ended its
        sentence. What remains goes to the row that prints a deviation on its own line
        (a centred cell spreads above and below it); when both or neither do, the lines
        that end a sentence go to the row above, an unfinished one to the row below.
        """
        loose, self.loose = self.loose, []
        above = self.last
        while loose and above and above.deviation and not closed(above.deviation.text):
            above.deviation.extend(loose.pop(0))
        if not loose:
            return
        if above is None and following is None:
            self.rows.extend([piece] for piece in loose)
            return
        upward, downward = self._split(loose, above, following)
        for piece in upward if above else ():
            above.add_deviation(piece)
        for piece in reversed(downward) if following else ():
            following.add_deviation(piece, before=True)

    def _split(
        self, loose: list[Piece], above: _Row | None, following: _Row | None
    ) -> tuple[list[Piece], list[Piece]]:
        """``(lines for the row above, lines for the row below)``."""
        if following is None:
            return loose, []
        if above is None:
            return [], loose
        if (above.deviation is None) != (following.deviation is None):
            return ([], loose) if above.deviation is None else (loose, [])
        # Both rows, or neither, print a deviation on their line: lines up to the last
        # one that ends a sentence go up, an unfinished tail goes down. Lines that go up
        # may as well open the cell below (or, with no deviation above, belong there).
        cut = max((n + 1 for n, piece in enumerate(loose) if closed(piece.text)), default=0)
        if cut and (cut == len(loose) or above.deviation is None):
            self._doubt(loose[:cut], above, following)
        return loose[:cut], loose[cut:]

    def _doubt(self, loose: list[Piece], above: _Row, following: _Row) -> None:
        text = "\n".join(p.text for p in loose)
        self.doubts.append(
            Doubt(
                f"indicators[{above.index}].deviation",
                text,
                (
                    f"indicators[{above.index}].deviation",
                    f"indicators[{following.index}].deviation",
                ),
                "表格外的一行文字不能确定属于上一行还是下一行的偏差原因",
                "a loose line may belong to the deviation of the row above or below",
            )
        )
