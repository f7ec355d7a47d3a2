"""Flattened PDF text's shared pieces: printed pieces, wrapped cells, head labels, rebuilt rows.

A head line is cut at its labels; a label's ``Entry`` takes a value by its shape (``SHAPES``).
"""

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from unicodedata import east_asian_width

from jixiao.core.findings import Finding
from jixiao.io.cellsplit.wraps import SENTENCE_END
from jixiao.io.document import Block, Cell, Document, Ledger, Source
from jixiao.io.structure.match import match_layout
from jixiao.io.structure.reader import title_of
from jixiao.io.vocabulary import BOX_FIELDS, Layout, Vocabulary, normalise, vocabulary

NARROW = 0.75  # a line this much narrower than its cell's widest ends the cell
FULL = 0.95  # a sentence ending on a line narrower than this ends its cell
# (path, chosen, candidates, zh, en): an ``uncertain-value`` finding of one form.
Doubt = tuple[str, str | None, list[str], str, str]
WHY = {  # a doubt's reason (``doubt``), with the names it is given
    "away": (
        "标签旁没有数值，数值印在别处，且数目或类型与标签对不上",
        "the value is printed away from its label, and values and labels do not pair up",
    ),
    "name": (
        "指标名称与指标解释之间的分界不确定",
        "where the name ends and the explanation begins is not settled",
    ),
    "unprinted": (
        "未印出“{name}”及其分值；按规则集的分值 {weight} 分配指标",
        "{name} and its points are not printed: rows placed by the rule set's {weight}",
    ),
    "weights": (
        "“{name}”的一级指标由分值推断，文字未能确定",
        "the level-1 group of {name!r} is inferred from the weights; the text does not settle it",
    ),
    "apart": ("“{group}”的指标印在其行之外", "an indicator of {group} printed apart from its rows"),
    "inside": ("其他指标印在“{group}”的行之间", "an indicator printed among the rows of {group}"),
    "meaning": ("指标的含义指向另一个一级指标", "the indicator's meaning points to another group"),
    "rate": (
        "不良事件发生率既可属于“{group}”也可属于“{other}”",
        "a rate of bad events may belong to {group} or to {other}",
    ),
    "target": (
        "没有印出目标值；散落的值不止一个",
        "no value printed with the name; more than one loose value could be its",
    ),
}
HEAD_SECTIONS = ("project", "funds.columns", "goals", "totals", "narrative")
PROSE_SECTIONS = frozenset({"goals", "narrative"})  # a value of several lines
BOXES = frozenset("√✓✔☑■□☐")
BOXED = re.compile(f"[{''.join(BOXES)}]")  # a search: isdisjoint makes a str of each character
ENUMERATED = re.compile(r"^\(?（?\d{1,2}\s*[、.．)）]")  # a numbered item starts a line
SHAPES = {
    "yes_no": re.compile(r"^[是否]$"),
    "percent": re.compile(r"^\d+(?:\.\d+)?\s*[%％]$"),
    "amount": re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$"),
    "date": re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?$"),
}
FIELD_SHAPES = {
    "recurring": "yes_no",
    "purchases_services": "yes_no",
    "execution_rate": "percent",
    "evaluated_on": "date",
}


@dataclass(slots=True)
class Piece:
    """Some printed text, the lines (block indexes) it was read from and its paragraph."""

    text: str
    lines: list[int] = field(default_factory=list)
    para: int = 0  # runs of lines between blank lines, counted


def join_lines(texts: list[str]) -> str:
    """Wrapped lines of one cell joined: no space, but between two ASCII words."""
    out = ""
    for text in [t.strip() for t in texts]:
        if out and text and out[-1].isascii() and out[-1].isalnum() and text[0].isascii():
            out += " "
        out += text
    return out


def cell_of(pieces: list[Piece]) -> Piece:
    """One cell of wrapped pieces: their text joined, their lines."""
    if len(pieces) == 1:  # most cells
        return Piece(pieces[0].text.strip(), list(dict.fromkeys(pieces[0].lines)))
    lines = dict.fromkeys([i for p in pieces for i in p.lines])
    return Piece(join_lines([p.text for p in pieces]), list(lines))


def ends_cell(text: str, widest: int) -> bool:
    """Whether a wrapped line ends its cell: much narrower than the widest, or a sentence's end."""
    own = printed_width(text)
    return own < widest * NARROW or (text.endswith(tuple(SENTENCE_END)) and own < widest * FULL)


def printed_width(text: str) -> int:
    """Printed width: a CJK (wide or full-width) character is as wide as two ASCII ones."""
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text.strip())


@dataclass(frozen=True)
class HeadField:
    """A head label's field: the section and key of the vocabulary."""

    section: str
    key: str

    @cached_property
    def shape(self) -> str:
        """The shape its value must have (``text`` takes anything)."""
        return FIELD_SHAPES.get(self.key, "amount" if self.section == "funds.columns" else "text")

    @property
    def path(self) -> str:
        """The field's path in the canonical form."""
        section = {"funds.columns": "funds", "totals": ""}.get(self.section, self.section)
        return f"{section}.{self.key}" if section else self.key

    def fits(self, text: str) -> bool:
        """Whether ``text`` can be this field's value (a dash where a number is left empty)."""
        shape = self.shape
        if shape == "text":
            return True
        empty = shape != "yes_no" and text.strip() in vocabulary().words("furniture", "empty")
        return empty or bool(SHAPES[shape].match(text.strip()))


@dataclass
class Entry:
    """A head label and the pieces of its value, as printed."""

    label: Piece
    field: HeadField
    values: list[Piece] = field(default_factory=list)

    @property
    def value(self) -> Piece | None:
        """The value as one cell: lines joined, but numbered items (1、) and check boxes."""
        if not self.values:
            return None
        texts = [t.text for t in self.values]
        joined = "\n".join(texts)
        if not BOXED.search(joined):  # a box is one character: never across lines
            items: list[list[str]] = []
            for text in texts:
                if not items or ENUMERATED.match(text):
                    items.append([])
                items[-1].append(text)
            joined = "\n".join([join_lines(item) for item in items])
        return Piece(joined, [i for t in self.values for i in t.lines])

    def prose(self, vocab: Vocabulary) -> bool:
        """Whether its value is text that may go on over lines (not check boxes)."""
        return self.field.shape == "text" and not vocab.words("project.boxes", self.field.key)

    def fits(self, vocab: Vocabulary, text: str) -> bool:
        """Whether ``text`` can be (more of) this label's value (check boxes: of its names)."""
        boxes = vocab.words("project.boxes", self.field.key)
        if boxes or self.field.key in BOX_FIELDS:
            return any(b in text for b in boxes) and bool(BOXED.search(text))
        return not BOXED.search(text) and self.field.fits(text)


def printed_layout(title: Block | None, texts: list[str]) -> Layout | None:
    """The layout a form's title line and its lines match (``match_layout``)."""
    found = title_of(title, vocabulary()) if title is not None else None
    text = normalise("|".join("".join(t.split()).rstrip(":：") for t in texts))
    return match_layout(found[0] if found else "", text, found[1] if found else None)


def title_lines(blocks: list[Block]) -> frozenset[int]:
    """The indexes of the lines that are a form's title."""
    national = vocabulary()
    return frozenset(b.index for b in blocks if title_of(b, national))


def head_field(vocab: Vocabulary, word: str) -> HeadField | None:
    """The head field a printed label stands for, or None."""
    return _head_field(vocab.layout.id, word)


@lru_cache(maxsize=4096)  # every line's first word is asked several times
def _head_field(layout_id: str, word: str) -> HeadField | None:
    vocab = vocabulary(layout_id)
    for section in HEAD_SECTIONS:
        if (key := vocab.field(section, word)) is not None:
            return HeadField(section, key)
    return None


def label_words(vocab: Vocabulary, text: str) -> list[str]:
    """A line's words, a label printed before its value after a colon (``项目概况：本中心…``) cut off."""
    out = []
    for word in text.split():
        label, colon, rest = word.partition("：") if "：" in word else word.partition(":")
        if colon and rest and head_field(vocab, label):
            out.extend([label, rest])
        else:
            out.append(word)
    return out


def leading_words(vocab: Vocabulary, text: str) -> list[str]:
    """The words of a line before its first head label."""
    words = label_words(vocab, text)
    at = next((k for k, w in enumerate(words) if head_field(vocab, w)), len(words))
    return words[:at]


def orphan_pieces(block: Block, words: list[str]) -> list[Piece]:
    """Values printed away from their labels: one per word when every word is a number."""
    if len(words) > 1 and all(
        SHAPES["amount"].match(w) or SHAPES["percent"].match(w) for w in words
    ):
        return [Piece(w, [block.index]) for w in words]
    return [Piece(" ".join(words), [block.index])]


def line_entries(vocab: Vocabulary, line: Piece) -> list[Entry]:
    """A line of labels and values cut at its labels (not inside a narrative's text)."""
    entries: list[Entry] = []
    for word in label_words(vocab, line.text):  # the words before the first label left out
        found = head_field(vocab, word)
        prose = entries and entries[-1].field.section in PROSE_SECTIONS and entries[-1].values
        if found is not None and not prose:
            entries.append(Entry(Piece(word, line.lines, line.para), found))
        elif entries and entries[-1].values:
            entries[-1].values[0].text += " " + word
        elif entries:
            entries[-1].values.append(Piece(word, line.lines, line.para))
    return entries


def place_orphans(entries: list[Entry], orphans: list[Piece]) -> list[Doubt]:
    """Values printed away from their labels, each to the first label of its shape (text last).

    ``orphans`` keeps the values no label took (reported as unplaced).
    """
    pending = [e for e in entries if not e.values]
    pending.sort(key=lambda e: HEAD_SECTIONS.index(e.field.section))
    printed = list(orphans)
    in_order = len(printed) == len(pending) and all(
        e.field.fits(o.text) for e, o in zip(pending, printed, strict=True)
    )
    placed: list[Entry] = []
    last: tuple[Entry, int] | None = None  # the text entry placed last, and its last line
    for orphan in printed:
        fitting = [e for e in pending if e.field.fits(orphan.text)]
        fitting.sort(key=lambda e: e.field.shape == "text")
        follows = last is not None and orphan.lines[0] == last[1] + 1  # the same text goes on
        if fitting or (follows and last[0].field.shape == "text"):
            taker = fitting[0] if fitting else last[0]
            taker.values.append(orphan)
            orphans.remove(orphan)
            last = (taker, orphan.lines[-1])
            if fitting:
                pending.remove(taker)
                placed.append(taker)
    if in_order:
        return []
    return [
        doubt(
            e.field.path,
            e.value.text if e.value else None,
            [o.text for o in printed if e.field.fits(o.text)],
            "away",
        )
        for e in placed
    ]


def doubt(path: str, chosen: str | None, candidates: list[str], why: str, **names) -> Doubt:
    """An ``uncertain-value`` of ``path``, its reason ``WHY[why]`` given ``names``."""
    zh, en = (text.format(**names) for text in WHY[why])
    return (path, chosen, candidates, zh, en)


@dataclass
class Restored:
    """The rebuilt document and, for each rebuilt cell, the original lines it came from."""

    document: Document
    origins: dict[tuple[int, int], list[int]]
    doubts: list[tuple[int, Doubt]]  # (form, doubt)
    findings: list[Finding] = field(default_factory=list)

    def take(self, own: Ledger, ledger: Ledger) -> None:
        """Take into ``ledger`` each original line all of whose rebuilt cells were placed."""
        placed: set[int] = set()
        missed: set[int] = set()
        for cell, lines in self.origins.items():
            (placed if cell in own.taken else missed).update(lines)
        # a line of a restored text is one cell (``restore``: no tabs)
        ledger.taken.update([(line, 0) for line in placed - missed])


def rows_document(doc: Document, rows: list[list[Piece]], doubts: list) -> Restored:
    """The document of rebuilt rows, each cell knowing the lines it came from."""
    origins: dict[tuple[int, int], list[int]] = {}
    blocks = []
    first = doc.blocks[0].index if doc.blocks else 0
    nowhere = Source(doc.name)  # a cell the copy did not print (one for all: it is frozen)
    for index, row in enumerate(rows):
        cells = []
        for at, piece in enumerate(row):
            source = doc.blocks[piece.lines[0] - first].cells[0].source if piece.lines else nowhere
            cells.append(Cell(piece.text, source))
            if piece.lines and piece.text.strip():
                origins[(index, at)] = piece.lines
        blocks.append(Block(index, tuple(cells)))
    return Restored(Document(doc.name, tuple(blocks), doc.kind, doc.notes), origins, doubts)
