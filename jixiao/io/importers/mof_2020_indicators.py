"""The indicator table of a 财政项目支出绩效自评表: its rows, groups, 总分 and 绩效等级.

Rows are read by content (``indicator_rows.split_row``); a row printing only level labels
is an empty group (``满意度指标(10分) | 服务对象满意度指标`` with no indicator under it);
which group each row belongs to is settled over the whole table (``mof_2020_levels``). The
总分 row prints the weight total, the total score and, on some forms, the grade word.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Group, Indicator
from jixiao.io.document import Block, Ledger
from jixiao.io.importers import cells
from jixiao.io.importers.base import uncertain
from jixiao.io.importers.indicator_rows import (
    IndicatorRow,
    Levels,
    is_points,
    level_row,
    split_row,
)
from jixiao.io.importers.mof_2020_levels import grade_words, settle, vocabulary
from jixiao.io.problems import problem
from jixiao.io.text import amount, clean, squeeze

PARAGRAPH_SPACE = re.compile(r"(?<=[。；！？])\s+(?=\S)")
TOTAL_LABELS = ("总分", "合计")


@dataclass
class FormText:
    """The blocks of one form and the form's index in the document."""

    index: int
    blocks: list[Block]
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Table:
    """What the indicator table gives a form."""

    indicators: tuple[Indicator, ...] = ()
    groups: tuple[Group, ...] = ()
    total: Decimal | None = None
    grade: str | None = None
    weight_total: Decimal | None = None  # printed on the 总分 row; no field of the form


def read_table(name: str, part: FormText, ledger: Ledger) -> Table:
    """The indicator table of one form; rows it cannot read stay untaken (and are reported)."""
    header = cells.find(part.blocks, "一级指标")
    if header is None:
        part.findings.append(
            problem(
                "no-indicator-table",
                Severity.ERROR,
                name,
                "未找到绩效指标表",
                "no indicator table found",
                form=part.index,
            )
        )
        return Table()
    ledger.take(header.block)
    items: list[IndicatorRow | Levels] = []
    table = Table()
    for block in part.blocks[part.blocks.index(header.block) + 1 :]:
        if block.blank:
            continue
        if cells.label_key(block.filled[0][1]) in TOTAL_LABELS:
            table = _total_row(block, ledger)
            break
        item = _item(block, ledger)
        if item is not None:
            items.append(item)
    table.indicators, table.groups = _indicators(name, part, items)
    return table


def _item(block: Block, ledger: Ledger) -> IndicatorRow | Levels | None:
    """An indicator row (its read cells taken), a row of level labels (taken), or None."""
    row = split_row(block, vocabulary())
    if row is not None:
        for i in row.cells:
            ledger.take(block, i)
        return row
    levels = level_row(block, vocabulary())
    if levels is not None:
        ledger.take(block)
    return levels


def _indicators(
    name: str, part: FormText, items: list[IndicatorRow | Levels]
) -> tuple[tuple[Indicator, ...], tuple[Group, ...]]:
    settled = settle(items, vocabulary())
    rows = [item for item in items if isinstance(item, IndicatorRow)]
    indicators = tuple(
        Indicator(
            level1=level1,
            level2=level2,
            name=clean(row.name),
            target=clean(row.target),
            actual=clean(row.actual),
            weight=row.weight,
            score=row.score,
            deviation=_deviation(name, part, i, row.deviation),
        )
        for i, (row, (level1, level2)) in enumerate(zip(rows, settled.levels, strict=True))
    )
    for place in settled.unsettled:
        part.findings.append(
            uncertain(
                name,
                part.index,
                f"indicators[{place.row}].{place.level}",
                place.chosen,
                list(place.candidates),
                "指标层级单元格为空（合并单元格）或不是该层级的名称，所属层级不能确定",
                f"the row's {place.level} is not settled ({place.why})",
            )
        )
    return indicators, tuple(settled.groups)


def _total_row(block: Block, ledger: Ledger) -> Table:
    """The 总分 row: total, weight total and grade.

    The last figure is the total, the one before it the weight total; a grade word after
    the total is the grade. Other cells stay untaken.
    """
    # A figure may carry its unit (``98.5分``).
    filled = [(i, t.removesuffix("分")) for i, t in block.filled]
    ledger.take(block, filled[0][0])
    figures = [(i, t) for i, t in filled[1:] if is_points(t)][-2:]
    if not figures:
        return Table()
    for i, _ in figures:
        ledger.take(block, i)
    after = [(i, t) for i, t in filled if i > figures[-1][0]]
    grade = None
    if len(after) == 1 and squeeze(after[0][1]) in grade_words():
        grade = squeeze(after[0][1])
        ledger.take(block, after[0][0])
    return Table(
        total=amount(figures[-1][1]),
        grade=grade,
        weight_total=amount(figures[0][1]) if len(figures) == 2 else None,
    )


def weight_total_finding(
    name: str, form: int, table: Table, execution_weight: Decimal | None
) -> Finding | None:
    """A finding when the printed weight total differs from the rows' weights."""
    weights = [i.weight for i in table.indicators]
    if table.weight_total is None or any(w is None for w in weights):
        return None
    computed = sum(weights, execution_weight or Decimal(0))
    if computed == table.weight_total:
        return None
    return problem(
        "weight-total-differs",
        Severity.WARNING,
        name,
        f"总分行印出的分值合计 {table.weight_total} 与各行分值之和 {computed} 不符",
        f"the 总分 row prints a weight total of {table.weight_total}; the rows add up to {computed}",
        form=form,
        path="total_score",
        found=str(table.weight_total),
        expected=str(computed),
    )


def _deviation(name: str, part: FormText, i: int, text: str | None) -> str | None:
    """The deviation text, one paragraph a line; a break it cannot tell is reported."""
    if not text:
        return None
    if not PARAGRAPH_SPACE.search(text):
        return clean(text)
    chosen = "\n".join(filter(None, map(clean, PARAGRAPH_SPACE.split(text))))
    part.findings.append(
        uncertain(
            name,
            part.index,
            f"indicators[{i}].deviation",
            chosen,
            [chosen, PARAGRAPH_SPACE.sub("", text)],
            "单元格中句号后的空格可能是段落分隔，也可能只是换行",
            "a space after a full stop inside a cell may be a paragraph break or a wrapped line",
        )
    )
    return chosen
