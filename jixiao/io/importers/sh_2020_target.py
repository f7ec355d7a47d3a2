"""财政项目支出绩效目标表（2020年度） (seed 003, plain PDF text; XLSX, PDF and HTML tables).

Each form opens with its title and ``（2020年度）``, then ``label：value`` lines, several to
a line (申报单位名称, 项目名称 / 项目类别, 计划开始日期 / 计划完成日期, 是否含有政府购买服务 /
绩效类型), the prose sections (项目概况 … 总目标及阶段性目标: a label line, then wrapped
lines), the funds lines (项目总预算（元） …), and the target table, which
``sh_2020_target_table`` reads. A file typed into a grid (labels and values in cells of
their own) has its head rows rewritten into those lines (``sh_2020_target_rows.as_line``);
its prose cells' own line breaks are paragraphs where they were typed (XLSX, HTML, DOCX),
and in a PDF wraps, except after a sentence end, where the paragraph is chosen and
reported. Page footers (``- 3 -``) may fall anywhere; they are left for the report, never
read as text of the form.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import product

from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Form, FormKind, Funds, Goals, Project
from jixiao.io.document import Block, Document, Ledger
from jixiao.io.importers.base import Importer, ImportResult, uncertain
from jixiao.io.importers.plain_text import (
    LabelledLine,
    Pair,
    is_page_footer,
    join_wrapped,
    label_pattern,
    split_labelled,
)
from jixiao.io.importers.sh_2020_target_rows import as_line, cell_paragraphs, is_grid_row
from jixiao.io.importers.sh_2020_target_table import (
    TABLE_LABELS,
    is_table_start,
    read_table,
    vocabulary,
)
from jixiao.io.problems import problem
from jixiao.io.text import amount, is_amount, iso_date, join_lines, squeeze

FIELDS = {
    "申报单位名称": "unit",
    "项目名称": "name",
    "项目类别": "category",
    "计划开始日期": "start_date",
    "计划完成日期": "end_date",
    "是否含有政府购买服务": "purchases_services",
    "绩效类型": "performance_type",
}
SECTIONS = {
    "项目概况": "overview",
    "立项依据": "basis",
    "项目设立的必要性": "necessity",
    "保证项目实施的制度、措施": "safeguards",
    "项目实施计划": "plan",
    "总目标及阶段性目标": "overall",
}
AMOUNTS = {
    "项目总预算": "total_budget",
    "项目当年预算": "budget",
    "同名项目上年预算额": "previous_budget",
    "同名项目上年预算执行数": "previous_executed",
}
CURRENCY_UNITS = ("元", "万元")
TEXT_FIELDS = ("unit", "name", "category", "performance_type")
YES_NO = {"是": True, "否": False}
# Files whose line breaks inside a cell were typed (Alt+Enter): there a break is a paragraph.
TYPED_BREAKS = ("xlsx", "docx", "html")
# The heading over the funds lines (市级 or 区级 money): it ends the prose before it.
FUNDS_HEADING = re.compile(r"^本项目上年度\S{0,4}财政资金使用情况$")
FUNDS_HEADINGS = ("本项目上年度市级财政资金使用情况", "本项目上年度区级财政资金使用情况")
YEAR = re.compile(r"(\d{4})\s*年度")
PATTERN = label_pattern([*FIELDS, *SECTIONS, *AMOUNTS])


@dataclass
class _Reading:
    """What one form's lines before the table give, field by field."""

    document: str
    form: int
    values: dict[str, object] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)
    currency_unit: str | None = None
    findings: list[Finding] = field(default_factory=list)
    typed_breaks: bool = False  # breaks inside a cell were typed (not a PDF's wraps)
    paragraphs: dict[str, str] = field(default_factory=dict)

    def cell_text(self, key: str, text: str) -> None:
        """A prose section typed into one cell: its breaks are paragraphs, or reported."""
        chosen, other = cell_paragraphs(text, self.typed_breaks)
        self.paragraphs[key] = chosen
        if other is not None:
            path = f"goals.{key}" if key == "overall" else f"project.{key}"
            self.findings.append(
                uncertain(
                    self.document,
                    self.form,
                    path,
                    chosen,
                    [chosen, other],
                    "单元格中句号后的换行可能是段落分隔，也可能只是折行",
                    "a line break after a full stop inside a cell may end a paragraph "
                    "or be a wrapped line",
                )
            )

    def unreadable(self, pair: Pair, path: str) -> None:
        """Report a value that is not what its label asks for (a date, 是/否, an amount)."""
        self.findings.append(
            problem(
                "unreadable-value",
                Severity.WARNING,
                self.document,
                f"“{pair.label}”的值无法读取：“{pair.value}”",
                f"value of {pair.label!r} cannot be read: {pair.value!r}",
                form=self.form,
                path=path,
                found=pair.value,
            )
        )


class Sh2020Target(Importer):
    """Reads sh-2020-target forms."""

    template = "sh-2020-target"
    kind = FormKind.TARGET
    titles = ("财政项目支出绩效目标表",)
    labels = frozenset(
        {
            *FIELDS,
            *SECTIONS,
            *FUNDS_HEADINGS,
            *TABLE_LABELS,
            *(
                f"{label}{o}{unit}{c}"
                for label, unit in product(AMOUNTS, CURRENCY_UNITS)
                for o, c in ("（）", "()")
            ),
            *AMOUNTS,
            "年度",
        }
    )
    pending = False

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Split at each title; read every form."""
        result = ImportResult()
        starts = [i for i, b in enumerate(doc.blocks) if self.is_title(b)]
        for n, start in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else len(doc.blocks)
            reading = _Reading(doc.name, n, typed_breaks=doc.kind in TYPED_BREAKS)
            result.forms.append(self._form(doc.blocks[start:stop], reading, ledger))
            result.findings.extend(reading.findings)
        return result

    def _form(self, blocks: Sequence[Block], reading: _Reading, ledger: Ledger) -> Form:
        ledger.take(blocks[0])
        # Head rows of a grid read as the lines they print; the table reads its own rows.
        lines = [as_line(b, PATTERN) for b in blocks]
        year, head = _year(lines, ledger)
        table_at = next((i for i, b in enumerate(lines) if _opens_table(b)), len(lines))
        _read_head(lines[head:table_at], reading, ledger)
        table = read_table(blocks[table_at:], ledger, reading.document, reading.form)
        reading.findings.extend(table.findings)
        if year is None:
            year = _table_year(blocks[table_at:])
        return Form(
            kind=self.kind,
            template=self.template,
            year=year or 0,
            project=_project(reading),
            funds=_funds(reading),
            goals=Goals(overall=_section(reading, "overall")),
            groups=table.groups,
            indicators=table.indicators,
        )


def _opens_table(block: Block) -> bool:
    """The table's heading or column header, or (both lost) its first level-1 label.

    In a grid the level-1 label is the first cell of the table's first row.
    """
    first = next((text for _, text in block.filled), "")
    level1 = vocabulary().level1
    return (
        is_table_start(block.text)
        or level1(block.text) is not None
        or (is_grid_row(block) and level1(first) is not None)
    )


def _year(blocks: Sequence[Block], ledger: Ledger) -> tuple[int | None, int]:
    """The year printed with the title (``（2020年度）``) and where the form's fields begin."""
    for i, block in enumerate(blocks[:4]):
        match = YEAR.search(block.text)
        if match and len(squeeze(block.text)) <= len(match[0]) + 20:
            ledger.take(block)
            return int(match[1]), i + 1
    return None, 1


def _table_year(blocks: Sequence[Block]) -> int | None:
    for block in blocks[:3]:
        match = re.match(r"^(\d{4})年", squeeze(block.text))
        if match:
            return int(match[1])
    return None


def _read_head(blocks: Sequence[Block], reading: _Reading, ledger: Ledger) -> None:
    """Fields, prose sections and funds lines: everything between the year and the table.

    A line that starts with a label is placed (and may open a prose section); any other
    line belongs to the open section, or, outside one, is left for the report.
    """
    section: list[str] | None = None
    for block in blocks:
        text = block.text.strip()
        if is_page_footer(text):
            continue  # a page break inside a section joins its lines
        line = split_labelled(text, PATTERN)
        if not _starts_labelled(text, line):
            if section is not None:
                section.append(text)  # blank lines too: they may end paragraphs
                ledger.take(block)
            continue
        if FUNDS_HEADING.match(squeeze(text)):
            section = None
            if squeeze(text) in FUNDS_HEADINGS:
                ledger.take(block)
            continue
        section = _labelled(block, line, reading, ledger)


def _starts_labelled(text: str, line: LabelledLine) -> bool:
    """Whether a line starts with a label of the layout (or is the funds heading)."""
    return (
        (bool(line.pairs) and not line.prefix)
        or _is_section_heading(line.prefix)
        or bool(FUNDS_HEADING.match(squeeze(text)))
    )


def _is_section_heading(text: str) -> bool:
    return squeeze(text).rstrip(":：") in SECTIONS


def _labelled(
    block: Block, line: LabelledLine, reading: _Reading, ledger: Ledger
) -> list[str] | None:
    """Place a line of ``label：value`` pairs; the section it opens, if it opens one."""
    section = None
    pairs = list(line.pairs)
    if line.prefix:  # a section label printed without its colon
        pairs.insert(0, Pair(squeeze(line.prefix).rstrip(":："), None, ""))
    placed = True
    for pair in pairs:
        if pair.label in SECTIONS:
            section = reading.sections.setdefault(SECTIONS[pair.label], [])
            section.append(pair.value)
            if "\n" in pair.value:  # a grid cell's own line breaks
                reading.cell_text(SECTIONS[pair.label], pair.value)
        else:
            placed = _place(pair, reading) and placed
    if placed:
        ledger.take(block)
    return section


def _place(pair: Pair, reading: _Reading) -> bool:
    """Read one field's value; False when it cannot be read (then reported)."""
    if pair.label in AMOUNTS:
        return _place_amount(pair, reading)
    key = FIELDS[pair.label]
    if not pair.value:
        return True
    value: object
    if key in ("start_date", "end_date"):
        value = iso_date(pair.value)
    elif key == "purchases_services":
        value = YES_NO.get(squeeze(pair.value))
    elif key == "category":
        value = (join_lines(pair.value),)
    else:
        value = join_lines(pair.value)
    if value is None:
        reading.unreadable(pair, f"project.{key}")
        return False
    reading.values[key] = value
    return True


def _place_amount(pair: Pair, reading: _Reading) -> bool:
    key = AMOUNTS[pair.label]
    unit = squeeze(pair.qualifier or "")
    if unit in CURRENCY_UNITS:
        reading.currency_unit = reading.currency_unit or unit
    if pair.value and not is_amount(pair.value):
        reading.unreadable(pair, f"funds.{key}")
        return False
    reading.values[key] = amount(pair.value)
    return True


def _section(reading: _Reading, key: str) -> str | None:
    lines = reading.sections.get(key, [])
    if len(lines) == 1 and key in reading.paragraphs:
        return reading.paragraphs[key]  # one cell, its breaks already read
    return join_wrapped(lines)


def _project(reading: _Reading) -> Project:
    values = reading.values

    def text(key: str) -> str | None:
        value = values.get(key)
        return value if isinstance(value, str) else None

    def day(key: str) -> date | None:
        value = values.get(key)
        return value if isinstance(value, date) else None

    category = values.get("category")
    purchases = values.get("purchases_services")
    return Project(
        name=text("name"),
        unit=text("unit"),
        category=category if isinstance(category, tuple) else None,
        performance_type=text("performance_type"),
        purchases_services=purchases if isinstance(purchases, bool) else None,
        start_date=day("start_date"),
        end_date=day("end_date"),
        **{key: _section(reading, key) for key in SECTIONS.values() if key != "overall"},
    )


def _funds(reading: _Reading) -> Funds:
    amounts = {
        key: value
        for key in AMOUNTS.values()
        if isinstance(value := reading.values.get(key), Decimal)
    }
    seen = any(key in reading.values for key in AMOUNTS.values())
    return Funds(currency_unit=reading.currency_unit or ("元" if seen else None), **amounts)
