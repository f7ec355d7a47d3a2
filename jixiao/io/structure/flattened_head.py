"""The head of flattened PDF text (titles, labels, values), for the grid and the label column.

A line of the head is cut at its labels (``项目名称 合作交流工作业务费 预算单位``: a label, its
value, a label whose value is printed elsewhere; ``项目概况：…`` after a colon). A label's
``Entry`` takes a value by its shape (是/否, an amount, a percentage, a date, check boxes of
its names, any text). Values printed away from the grid's labels (before the table, or after
the labels) are given back by their shapes and the grid's order; when they do not pair up in
order, each choice is reported as a doubt.
"""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from jixiao.io.document import Block
from jixiao.io.structure.flattened_groups import Doubt
from jixiao.io.structure.reader import title_of
from jixiao.io.structure.wrapped_rows import Piece, join_lines
from jixiao.io.vocabulary import BOX_FIELDS, Vocabulary, vocabulary

HEAD_SECTIONS = ("project", "funds.columns", "goals", "totals", "narrative")


PROSE_SECTIONS = frozenset({"goals", "narrative"})  # a value of several lines
BOXES = "√✓✔☑■□☐"
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


@dataclass(frozen=True)
class HeadField:
    """A head label's field: the section and key of the vocabulary."""

    section: str
    key: str

    @property
    def shape(self) -> str:
        """The shape its value must have (``text`` takes anything)."""
        if self.key in FIELD_SHAPES:
            return FIELD_SHAPES[self.key]
        return "amount" if self.section == "funds.columns" else "text"

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
        if any(c in "".join(texts) for c in BOXES):
            joined = "\n".join(texts)
        else:
            items: list[list[str]] = []
            for text in texts:
                if not items or ENUMERATED.match(text):
                    items.append([])
                items[-1].append(text)
            joined = "\n".join(join_lines(item) for item in items)
        return Piece(joined, [i for t in self.values for i in t.lines])

    def prose(self, vocab: Vocabulary) -> bool:
        """Whether its value is text that may go on over lines (not check boxes)."""
        return self.field.shape == "text" and not vocab.words("project.boxes", self.field.key)

    def fits(self, vocab: Vocabulary, text: str) -> bool:
        """Whether ``text`` can be (more of) this label's value (check boxes: of its names)."""
        boxes = vocab.words("project.boxes", self.field.key)
        if boxes or self.field.key in BOX_FIELDS:
            return any(b in text for b in boxes) and any(c in text for c in BOXES)
        return self.field.fits(text) and not any(c in text for c in BOXES)


@cache
def _title_marks() -> frozenset[str]:
    """The last character of every title word: a line with none of them is no title."""
    names = vocabulary().names["titles"]
    return frozenset(w[-1] for kind in ("self_evaluation", "target") for w in names[kind])


def title_lines(blocks: list[Block]) -> frozenset[int]:
    """The indexes of the lines that are a form's title."""
    marks, national = _title_marks(), vocabulary()
    return frozenset(
        b.index for b in blocks if any(m in b.text for m in marks) and title_of(b, national)
    )


def head_field(vocab: Vocabulary, word: str) -> HeadField | None:
    """The head field a printed label stands for, or None."""
    return _head_field(vocab.layout.id, word)


@lru_cache(maxsize=4096)  # every line's first word is asked several times
def _head_field(layout_id: str, word: str) -> HeadField | None:
    vocab = vocabulary(layout_id)
    for section in HEAD_SECTIONS:
        key = vocab.field(section, word)
        if key is not None:
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
    words = label_words(vocab, line.text)
    for word in words[len(leading_words(vocab, line.text)) :]:
        found = head_field(vocab, word)
        prose = entries and entries[-1].field.section in PROSE_SECTIONS and entries[-1].values
        if found is not None and not prose:
            entries.append(Entry(Piece(word, line.lines, line.para), found))
        elif entries[-1].values:
            entries[-1].values[0].text += " " + word
        else:
            entries[-1].values.append(Piece(word, line.lines, line.para))
    return entries


def place_orphans(entries: list[Entry], orphans: list[Piece]) -> list[Doubt]:
    """Give the labels printed without a value the values printed away from them.

    ``orphans`` keeps the values no label took (they are reported as unplaced).

    The grid is read row by row: project labels before funds labels, each in printed order.
    Each value goes to the first such label whose shape it has, a label of a particular
    shape (是/否, a percentage, an amount, a date) before one that takes any text.
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
        if (
            not fitting
            and last is not None
            and orphan.lines[0] == last[1] + 1
            and last[0].field.shape == "text"
        ):
            last[0].values.append(orphan)  # the next line of the same text
            orphans.remove(orphan)
            last = (last[0], orphan.lines[-1])
            continue
        fitting.sort(key=lambda e: e.field.shape == "text")
        if fitting:
            fitting[0].values.append(orphan)
            pending.remove(fitting[0])
            orphans.remove(orphan)
            placed.append(fitting[0])
            last = (fitting[0], orphan.lines[-1])
    if in_order:
        return []
    return [
        (
            e.field.path,
            e.value.text if e.value else None,
            [o.text for o in printed if e.field.fits(o.text)],
            "标签旁没有数值，数值印在别处，且数目或类型与标签对不上",
            "the value is printed away from its label, and values and labels do not pair up",
        )
        for e in placed
    ]
