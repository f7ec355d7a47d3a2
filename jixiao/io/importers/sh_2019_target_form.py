"""One sh-2019-target form being read: its lines, the ledger, and what reading it found."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from jixiao.core.findings import Finding
from jixiao.io.document import Ledger
from jixiao.io.importers.base import uncertain
from jixiao.io.importers.sh_2019_target_lines import Line, wrapped_label
from jixiao.io.text import squeeze


@dataclass
class FormText:
    """The lines of one form (from its pre-title labels to the next form's)."""

    document: str
    index: int
    lines: list[Line]
    ledger: Ledger
    findings: list[Finding] = field(default_factory=list)

    def take(self, lines: Iterable[Line]) -> None:
        """Mark lines as placed."""
        for line in lines:
            self.ledger.take(line.block)

    def find(self, start: int, stop: int, test: Callable[[Line], bool]) -> int | None:
        """Index of the first line in ``[start, stop)`` that passes ``test``."""
        for i in range(start, min(stop, len(self.lines))):
            if test(self.lines[i]):
                return i
        return None

    def doubt(self, path: str, chosen: str | None, candidates: list[str], zh: str, en: str) -> None:
        """Report a reading the text does not settle."""
        self.findings.append(uncertain(self.document, self.index, path, chosen, candidates, zh, en))


@dataclass(frozen=True)
class Chunk:
    """A paragraph of a zone: prose, or the label(s) it prints (with their slot, if any)."""

    lines: list[Line]
    slots: tuple[int, ...] = ()  # sections the labels announce; () for prose
    label: bool = False


def chunks(
    lines: list[Line],
    sections: tuple[tuple[str, tuple[str, ...]], ...],
    other_labels: Iterable[str],
) -> list[Chunk]:
    """Split a zone into label chunks and prose paragraphs.

    Lines that print layout labels (a label may wrap over lines) make label chunks, which
    also end the paragraph they interrupt (text copied without blank lines still has
    them); their ``slots`` are the sections the labels announce. A label printed at the
    start of a prose line (``项目概况：该项目…``) is split off it.
    """
    known = {name: i for i, (_, names) in enumerate(sections) for name in names}
    every = set(known) | set(other_labels)
    out: list[Chunk] = []
    i = 0
    while i < len(lines):
        count = wrapped_label(lines, i, every)
        if count:
            label = "".join(line.key for line in lines[i : i + count])
            _add_label(out, lines[i : i + count], known.get(label))
            i += count
            continue
        line = lines[i]
        inline = _INLINE_LABEL.match(line.text)
        labelled = inline is not None and squeeze(inline["label"]) in known
        if inline and labelled:
            _add_label(out, [], known[squeeze(inline["label"])])
            line = Line(line.block, inline["text"], line.para)
        if out and not out[-1].label and out[-1].lines[-1].para == line.para and not labelled:
            out[-1].lines.append(line)
        else:
            out.append(Chunk([line]))
        i += 1
    return out


def _add_label(out: list[Chunk], lines: list[Line], slot: int | None) -> None:
    """Add a label to the label chunk just before, or start one."""
    slots = () if slot is None else (slot,)
    if out and out[-1].label:
        out[-1] = Chunk([*out[-1].lines, *lines], out[-1].slots + slots, label=True)
    else:
        out.append(Chunk(list(lines), slots, label=True))


_INLINE_LABEL = re.compile(r"^(?P<label>[^\s:：]{2,14}?)\s*(?:[:：]\s*|\s+)(?P<text>\S.*)$")
