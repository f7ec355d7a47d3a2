"""A layout's own header row (``header_row`` in its vocabulary), recognised as printed.

Readers add blank cells after a table's last column (an HTML table wider than the form),
and a PDF prints the text of a side label merged down the table (分解目标) once, midway
down its rows, leaving its cell in the header row blank. Neither makes the row another.
"""

from jixiao.io.document import Block
from jixiao.io.vocabulary import Vocabulary


def is_header_row(block: Block, vocab: Vocabulary) -> bool:
    """Whether a row prints the layout's header row, blank side labels and trailing cells aside."""
    headings = vocab.words("indicators", "header_row")
    if not headings:
        return False
    texts = list(block.texts)
    while texts and not texts[-1]:
        texts.pop()
    if len(texts) != len(headings):
        return False
    return all(
        "".join(text.split()) == heading or (not text and _side_label(heading, vocab))
        for text, heading in zip(texts, headings, strict=True)
    )


def _side_label(heading: str, vocab: Vocabulary) -> bool:
    return bool(heading) and vocab.field("indicators", heading) is not None
