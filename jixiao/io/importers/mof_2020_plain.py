"""A 财政项目支出绩效自评表 copied out of a PDF as plain text, made back into table rows.

Plain text keeps one printed line per block and loses the grid: the cells of a row are
separated by spaces, a label of a merged cell is split over lines (``项目资金`` /
``（万元）``, ``年度`` / ``总体`` / ``目标``) or printed between the lines of its rows, the
two goal cells share their lines, and a long cell wraps onto further lines. ``tabulate``
turns the lines back into rows of cells, each cell remembering the lines it came from, so
the table reader reads them as it reads a table; ``Tabulated.settle`` then takes the lines
whose text was placed and reports the pieces of a line that were not.
"""

import re
from dataclasses import dataclass, field

from jixiao.core.findings import Finding, Severity
from jixiao.io.document import Block, Cell, Ledger
from jixiao.io.importers.base import uncertain
from jixiao.io.importers.cells import label_key
from jixiao.io.importers.indicator_rows import LevelVocabulary
from jixiao.io.importers.mof_2020_funds import UNIT_CELL, block_label, column_of
from jixiao.io.importers.mof_2020_plain_table import Doubt, IndicatorLines, Piece, closed
from jixiao.io.importers.plain_text import SENTENCE_END, is_page_footer
from jixiao.io.problems import problem
from jixiao.io.text import is_amount

FIELD_LABELS = ("项目名称", "主管部门", "实施单位", "预算单位")
FIELD_PATHS = {"项目名称": "name", "主管部门": "department", "实施单位": "unit", "预算单位": "unit"}
_FIELD_COLON = re.compile(rf"({'|'.join(FIELD_LABELS)})\s*[:：]")
GOAL_HEADER = ("年度总体目标", "预期目标", "实际完成情况")
TOTAL_LABELS = ("总分", "合计")
# Labels of the merged cells of the left column: on a line of their own they belong to
# the row that follows, as in the table they head.
LEFT_COLUMN_LABELS = ("项目资金", "年度总体目标", "年度总体", "绩效指标")
GOALS_LABEL = "年度总体目标"
# A points suffix printed apart from its label, or with spaces inside: ``产出指标 （50 分）``.
_LOOSE_POINTS = re.compile(r"\s*([（(])\s*(\d+(?:\.\d+)?)\s*分\s*([)）])")


def words(text: str, labels: frozenset[str]) -> list[str]:
    """A line's space-separated words, a label printed with spaces inside kept whole."""
    parts = _LOOSE_POINTS.sub(r"\1\2分\3", text).split()
    out, i = [], 0
    while i < len(parts):
        size = next(
            (
                n
                for n in (4, 3, 2)
                if i + n <= len(parts) and label_key("".join(parts[i : i + n])) in labels
            ),
            1,
        )
        out.append("".join(parts[i : i + size]))
        i += size
    return out


def merge_split_labels(lines: list[Piece], labels: frozenset[str]) -> list[Piece]:
    """Join runs of one-word lines that spell a label together (``绩效`` / ``指标``)."""
    out, i = [], 0
    while i < len(lines):
        for size in (4, 3, 2):
            window = lines[i : i + size]
            joined = "".join(line.text.strip() for line in window)
            single = all(len(line.text.split()) == 1 for line in window)
            if len(window) == size and single and label_key(joined) in labels:
                out.append(Piece(joined, [o for line in window for o in line.origins]))
                i += size
                break
        else:
            out.append(lines[i])
            i += 1
    return out


def two_columns(text: str) -> list[str]:
    """A line of the two goal cells, split where the left cell's text ends.

    The split is after a full stop, else at the only space; a line that does not show
    where gives one part.
    """
    text = text.strip()
    gaps = list(re.finditer(r"\s+", text))
    ends = [g for g in gaps if text[g.start() - 1] in SENTENCE_END]
    chosen = ends if len(ends) == 1 else gaps if len(gaps) == 1 else []
    if len(chosen) != 1:
        return [text]
    return [text[: chosen[0].start()], text[chosen[0].end() :]]


@dataclass
class Tabulated:
    """Rows of cells made from plain lines, and the readings the lines did not settle."""

    rows: list[list[Piece]] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)

    def blocks(self) -> list[Block]:
        """The rows as blocks (indexes count the rows): what the table reader reads."""
        return [
            Block(n, tuple(Cell(p.text, _source_cell(p).source) for p in row))
            for n, row in enumerate(self.rows)
        ]

    def settle(self, pieces: Ledger, ledger: Ledger, document: str, form: int) -> list[Finding]:
        """Take each line something was placed from; report what the lines leave open.

        The pieces of a taken line that were not placed are reported, and so are the
        readings of the lines that the text does not settle.
        """
        by_line: dict[tuple[int, int], tuple[Block, list[tuple[int, int, Piece]]]] = {}
        for n, row in enumerate(self.rows):
            for k, piece in enumerate(row):
                for block, cell in piece.origins:
                    by_line.setdefault((block.index, cell), (block, []))[1].append((n, k, piece))
        findings, reported = [], set()
        for (_, cell), (block, read) in by_line.items():
            if not any((n, k) in pieces.taken for n, k, _ in read):
                continue  # nothing of the line was placed: the parser reports the whole line
            ledger.take(block, cell)
            for n, k, piece in read:
                if (n, k) not in pieces.taken and piece.text.strip() and (n, k) not in reported:
                    reported.add((n, k))
                    findings.append(_unplaced(piece, block.cells[cell], document, form))
        doubts = [
            uncertain(document, form, d.path, d.text, list(d.candidates), d.zh, d.en)
            for d in self.doubts
        ]
        return findings + doubts


def _is_label(text: str, labels: frozenset[str]) -> bool:
    key = label_key(text)
    return key in labels or bool(UNIT_CELL.match(key))


def _source_cell(piece: Piece) -> Cell:
    block, cell = piece.origins[0]
    return block.cells[cell]


def _unplaced(piece: Piece, cell: Cell, document: str, form: int) -> Finding:
    text = piece.text.strip()
    return problem(
        "unplaced-text",
        Severity.WARNING,
        document,
        f"未能归入任何字段的文字：“{text[:80]}”",
        f"text not placed in any field: {text[:80]!r}",
        form=form,
        source=cell.source.label(),
        found=text,
    )


@dataclass
class _Goals:
    """The two goal cells, gathered line by line (their wrapped lines alternate).

    The merged label 年度总体目标 may be broken among the goal lines (``年度总体`` …
    ``目标``); its pieces are gathered apart.
    """

    left: list[Piece] = field(default_factory=list)
    right: list[Piece] = field(default_factory=list)
    label: list[Piece] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)

    def add(self, line: Piece, tokens: list[str]) -> None:
        lead = 0
        while lead < len(tokens) - 1 and _label_part(tokens[lead]):
            lead += 1
        if len(tokens) == 1 and _label_part(tokens[0]):
            lead = 1
        self.label.extend(Piece(t, line.origins) for t in tokens[:lead])
        if lead < len(tokens):
            self._text(Piece(" ".join(tokens[lead:]), line.origins))

    def _text(self, line: Piece) -> None:
        parts = two_columns(line.text)
        if len(parts) == 2:
            self.left.append(Piece(parts[0], line.origins))
            self.right.append(Piece(parts[1], line.origins))
            return
        if not self.right:
            self.left.append(line)
            return
        left_open, right_open = not closed(self.left[-1].text), not closed(self.right[-1].text)
        if right_open and not left_open:
            self.right.append(line)
            return
        if left_open == right_open:  # both cells could go on here
            self.doubts.append(
                Doubt(
                    "goals.overall",
                    line.text.strip(),
                    ("goals.overall", "goals.achieved"),
                    "目标文字的续行不能确定属于预期目标还是实际完成情况",
                    "a wrapped goal line may continue either goal cell",
                )
            )
        self.left.append(line)

    def rows(self) -> list[list[Piece]]:
        """The label (when its pieces spell it) and the goal cells as one row."""
        label = [
            Piece("".join(p.text for p in self.label), [o for p in self.label for o in p.origins])
        ]
        head = label if self.label and label_key(label[0].text) == GOALS_LABEL else []
        cells = [
            Piece("\n".join(p.text for p in c), [o for p in c for o in p.origins])
            for c in (self.left, self.right)
            if c
        ]
        loose = [[p] for p in self.label] if self.label and not head else []
        return [*loose, [*head, *cells]] if cells or head else loose


def _label_part(token: str) -> bool:
    """Whether a word is a piece of the label 年度总体目标 (``年度总体``, ``目标``)."""
    key = label_key(token)
    return len(key) >= 2 and key in GOALS_LABEL and key != GOALS_LABEL


class _Tabulator:
    """Walks a form's lines once, section by section, building rows of cells."""

    def __init__(self, labels: frozenset[str], vocabulary: LevelVocabulary) -> None:
        self.labels = labels
        self.out = Tabulated()
        self.section = "head"
        self.goals: _Goals | None = None
        self.indicators = IndicatorLines(vocabulary, labels, self.out.rows, self.out.doubts)
        self.fields: list[Piece] | None = None  # the last row of 项目名称 / 主管部门 … pairs

    def line(self, line: Piece) -> None:
        tokens = words(line.text, self.labels)
        keys = [label_key(t) for t in tokens]
        if self._new_section(line, tokens, keys):
            return
        if self.section == "head":
            self._head(line)
        elif self.section == "funds":
            self._funds(line, tokens)
        elif self.section == "goals" and self.goals is not None:
            self.goals.add(line, tokens)
        elif self.section == "indicators":
            self.indicators.line(line, tokens)
        else:
            self.out.rows.append([line])

    def _new_section(self, line: Piece, tokens: list[str], keys: list[str]) -> bool:
        heading = 0  # leading words that are goal labels (年度总体目标 预期目标 实际完成情况)
        while heading < len(keys) and keys[heading] in GOAL_HEADER:
            heading += 1
        if any(column_of(t) in ("initial_budget", "budget") for t in tokens):
            section = "funds"
        elif heading:
            section = "goals"
        elif "一级指标" in keys or keys == ["绩效指标"]:
            section = "indicators"
        elif keys[0] in TOTAL_LABELS:
            section = "end"
        else:
            return False
        self.close()
        self.section, self.fields = section, None
        if section != "goals":
            self.emit(line, tokens)
            return True
        self.emit(line, tokens[:heading])
        self.goals = _Goals()
        if tokens[heading:]:  # a goal text printed beside its label
            self.goals.add(line, tokens[heading:])
        return True

    def emit(self, line: Piece, texts: list[str]) -> list[Piece]:
        """A row of cells, each read from ``line``."""
        row = [Piece(t, line.origins) for t in texts]
        self.out.rows.append(row)
        return row

    def _head(self, line: Piece) -> None:
        """A line of ``label value`` pairs; a line of no label continues the last value."""
        tokens = words(_FIELD_COLON.sub(r"\1 ", line.text), self.labels)
        cells: list[str] = []
        for token in tokens:
            key = label_key(token)
            if key in FIELD_LABELS or not cells or label_key(cells[-1]) in FIELD_LABELS:
                cells.append(token)
            else:
                cells[-1] += " " + token
        if any(label_key(c) in FIELD_LABELS for c in cells):
            self.fields = self.emit(line, cells)
        elif self.fields and not any(_is_label(t, self.labels) for t in tokens):
            self._wrapped_value(line, self.fields)
        else:
            self.emit(line, cells)

    def _wrapped_value(self, line: Piece, fields: list[Piece]) -> None:
        """A wrapped value joins the last one; which one wrapped, a line of two pairs hides."""
        labels = [label_key(p.text) for p in fields if label_key(p.text) in FIELD_LABELS]
        fields[-1].extend(line)
        if len(labels) > 1:
            self.out.doubts.append(
                Doubt(
                    f"project.{FIELD_PATHS[labels[-1]]}",
                    line.text.strip(),
                    tuple(f"project.{FIELD_PATHS[k]}" for k in labels),
                    "续行不能确定属于同一行的哪一个值",
                    "a wrapped line may continue either value of the line above",
                )
            )

    def _funds(self, line: Piece, tokens: list[str]) -> None:
        """A funds row: its name (words before the figures) and its figures."""
        figures = 0
        while figures < len(tokens) and is_amount(tokens[len(tokens) - 1 - figures]):
            figures += 1
        labels = 0  # the block's own labels before the row's name (项目资金（万元）)
        while labels < len(tokens) and block_label(tokens[labels]):
            labels += 1
        name = tokens[labels : len(tokens) - figures]
        if not (name and figures):
            self.emit(line, tokens)
            return
        self.emit(line, [*tokens[:labels], " ".join(name), *tokens[len(tokens) - figures :]])

    def close(self) -> None:
        """The section ends: what it still holds becomes rows."""
        if self.section == "indicators":
            self.indicators.finish()
        if self.goals is not None:
            self.out.rows.extend(self.goals.rows())
            self.out.doubts.extend(self.goals.doubts)
            self.goals = None


def tabulate(blocks: list[Block], labels: frozenset[str], vocabulary: LevelVocabulary) -> Tabulated:
    """A form's plain lines (title first) as rows of cells; page footers and blank lines left out."""
    lines = [
        Piece(b.filled[0][1], [(b, b.filled[0][0])])
        for b in blocks
        if not b.blank and not is_page_footer(b.text)
    ]
    tabulator = _Tabulator(labels, vocabulary)
    for line in merge_split_labels(lines, labels):
        tabulator.line(line)
    tabulator.close()
    tabulator.out.rows[:] = _labels_into_next_row(tabulator.out.rows)
    return tabulator.out


def _labels_into_next_row(rows: list[list[Piece]]) -> list[list[Piece]]:
    """A row of left-column labels only (``年度总体目标``) joined to the row after it."""
    out: list[list[Piece]] = []
    held: list[Piece] = []
    for row in rows:
        keys = [label_key(p.text) for p in row]
        if all(k in LEFT_COLUMN_LABELS or UNIT_CELL.match(k) for k in keys):
            held.extend(row)
            continue
        out.append([*held, *row])
        held = []
    return out + ([held] if held else [])
