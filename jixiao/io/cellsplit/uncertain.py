"""A place where the text does not settle how a line splits into cells.

The recovery returns its choice and reports the place: the importer turns each into an
``uncertain-value`` finding (``to_finding``), with the other readings as candidates.
"""

from dataclasses import dataclass

from jixiao.core.findings import Finding
from jixiao.io.document import Source
from jixiao.io.problems import problem

# Why a split is uncertain: (Chinese, English).
REASONS = {
    "alignment": (
        "这一行的值可以放入不同的列，文字不能确定",
        "the row's values fit more than one set of columns",
    ),
    "run-together": (
        "单元格之间没有分隔，一个单元格可能包含相邻空列的内容",
        "cells ran together: this cell may hold the text of an empty column beside it",
    ),
}


@dataclass(frozen=True, slots=True)
class UncertainSplit:
    """One uncertain place: the text, the cells chosen and the other readings."""

    source: Source  # the line
    text: str  # the stretch of the line concerned, as printed
    why: str  # a key of ``REASONS``
    chosen: tuple[str, ...]  # the cells returned, column by column ("" for an empty column)
    candidates: tuple[tuple[str, ...], ...] = ()  # every reading considered, the chosen first

    def to_finding(self, document: str | None, form: int | None = None) -> Finding:
        """The ``uncertain-value`` finding that reports this place."""
        zh, en = REASONS[self.why]
        readings = self.candidates or (self.chosen,)
        return problem(
            "uncertain-value",
            document,
            f"{zh}：{self.text}",
            f"{en}: {self.text}",
            form=form,
            source=self.source.label(),
            found=" | ".join(self.chosen),
            expected=" / ".join(" | ".join(r) for r in readings),
        )
