"""Helpers for layouts read as plain PDF text, where one block is one printed line.

Copying text out of a PDF loses the table grid: page footers (``- 3 -``) interrupt the
text, a paragraph or a cell is broken into lines (a line may even start with the comma
that ends the previous one), and several ``label：value`` pairs share a line
(``项目名称： X 项目类别： Y``). These helpers undo that without knowing any one layout:
the caller passes the labels it knows.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jixiao.io.document import Block
from jixiao.io.text import join_lines

_DASH = "-－—–"
PAGE_FOOTER = re.compile(
    rf"^(?:[{_DASH}]\s*\d{{1,4}}\s*[{_DASH}]"  # - 3 -
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 3 页 (共 9 页)
    r"|\d{1,4}\s*/\s*\d{1,4})$"  # 3/9
)
# A wrapped line that starts with one of these continues the line before: no cell or
# paragraph starts with a comma or a closing bracket.
CONTINUATION_START = "，,、。．；;：:）)」』》”’？！?!%％"
# A paragraph that ends with none of these was cut by a page break or a stray blank line.
SENTENCE_END = "。！？；!?;：:”’）)"
_QUALIFIER = r"(?:\s*[（(]\s*(?P<qualifier>[^（）()]{1,8}?)\s*[)）])?"


def is_page_footer(text: str) -> bool:
    """Whether a line is a page number printed as a footer (``- 3 -``, ``第 3 页``)."""
    return bool(PAGE_FOOTER.match(text.strip()))


def starts_mid_sentence(text: str) -> bool:
    """Whether a line begins with punctuation that belongs to the line before."""
    stripped = text.strip()
    return bool(stripped) and stripped[0] in CONTINUATION_START


def join_wrapped(lines: Iterable[str]) -> str | None:
    r"""Wrapped lines as paragraphs: lines joined, blank lines as ``\n`` between paragraphs.

    A blank line is a paragraph break only where the text before it ends a sentence and
    the text after it does not start mid-sentence; elsewhere it is an artefact of the
    page layout and the lines are joined. Empty input gives None.
    """
    paragraphs: list[list[str]] = []
    broken = True
    for line in lines:
        text = line.strip()
        if not text:
            broken = True
            continue
        continues = paragraphs and (
            not broken or starts_mid_sentence(text) or paragraphs[-1][-1][-1] not in SENTENCE_END
        )
        if continues:
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])
        broken = False
    joined = [join_lines("\n".join(p)) for p in paragraphs]
    return "\n".join(p for p in joined if p) or None


def text_lines(blocks: Iterable[Block]) -> list[str]:
    """The blocks' texts for ``join_wrapped``: page footers left out, blank lines kept."""
    return [b.text for b in blocks if not is_page_footer(b.text)]


@dataclass(frozen=True)
class Pair:
    """One ``label：value`` pair of a line; ``qualifier`` is a bracketed unit (``（元）``)."""

    label: str
    qualifier: str | None
    value: str  # stripped; "" when nothing follows the colon


@dataclass(frozen=True)
class LabelledLine:
    """A line split at known labels: text before the first label, then the pairs."""

    prefix: str
    pairs: tuple[Pair, ...]


def label_pattern(labels: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of ``labels`` followed by an optional bracketed unit and a colon.

    PDF text may put spaces inside a label (``项目 名称：``), so whitespace is allowed
    between its characters; longer labels are tried first.
    """
    spelled = [
        r"\s*".join(map(re.escape, label)) for label in sorted(labels, key=len, reverse=True)
    ]
    return re.compile(rf"(?P<label>{'|'.join(spelled)}){_QUALIFIER}\s*[:：]")


def split_labelled(text: str, pattern: re.Pattern[str]) -> LabelledLine:
    """Split a line at every label ``pattern`` finds; each value runs to the next label."""
    matches = list(pattern.finditer(text))
    if not matches:
        return LabelledLine(text.strip(), ())
    pairs = []
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        label = re.sub(r"\s+", "", match["label"])
        pairs.append(Pair(label, match["qualifier"], text[match.end() : end].strip()))
    return LabelledLine(text[: matches[0].start()].strip(), tuple(pairs))


_ANY_LABEL = re.compile(r"(?:^|\s)[^\s:：，。；、]{2,20}[:：]")


def looks_labelled(text: str) -> bool:
    """Whether text holds something shaped like a ``label：`` (a label the caller may not know)."""
    return bool(_ANY_LABEL.search(text))


def gap_before(blocks: Sequence[Block], index: int) -> tuple[bool, bool]:
    """``(blank line, page footer)``: what stands between block ``index`` and the text before it."""
    blank = footer = False
    for block in reversed(blocks[:index]):
        if block.blank:
            blank = True
        elif is_page_footer(block.text):
            footer = True
        else:
            break
    return blank, footer
