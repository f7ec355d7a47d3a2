"""财政项目支出绩效自评表 (财预〔2020〕10号 layout), from table rows.

Each form opens with its title, then 项目名称 / 主管部门 / 实施单位, the funds table
(年初预算数 全年预算数 全年执行数 分值 执行率 得分, rows 年度资金总额 and 其中 sources), the
goals (预期目标 / 实际完成情况), the indicator table and 总分. Merged cells show as blank
or missing cells, so rows are read by content (labels, numbers), not by column position.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Form, FormKind, Funds, FundSource, Goals, Group, Indicator, Project
from jixiao.io.document import Block, Cell, Document, Ledger
from jixiao.io.importers import cells
from jixiao.io.importers.base import Importer, ImportResult, uncertain
from jixiao.io.importers.indicator_rows import IndicatorRow, LevelVocabulary, split_row
from jixiao.io.problems import problem
from jixiao.io.text import amount, clean, squeeze

FUNDS_COLUMNS = {
    "年初预算数": "initial_budget",
    "全年预算数": "budget",
    "全年执行数": "executed",
    "分值": "execution_weight",
    "执行率": "execution_rate",
    "得分": "execution_score",
}
TOTAL_ROW = ("年度资金总额", "资金总额")
SOURCE_PREFIX = re.compile(r"^其中[:：]?")
LEVELS = LevelVocabulary(
    level1=("产出指标", "效益指标", "满意度指标"),
    level2_suffix="指标",
)
PARAGRAPH_SPACE = re.compile(r"(?<=[。；！？])\s+(?=\S)")
# Files whose line breaks inside a cell were typed (Alt+Enter, a new paragraph): there a
# break is a paragraph break. In extracted text and PDF a break may be a wrapped line.
TYPED_BREAKS = ("xlsx", "docx", "html")


@dataclass
class _FormText:
    """The blocks of one form and the form's index in the document."""

    index: int
    blocks: list[Block]
    findings: list[Finding] = field(default_factory=list)
    typed_breaks: bool = False


def _without_copies(block: Block) -> Block:
    """The block with merged-cell copies blank: the rows then read like extracted text."""
    if all(c.copy_of is None for c in block.cells):
        return block
    cells = tuple(Cell("", c.source) if c.copy_of else c for c in block.cells)
    return Block(block.index, cells)


class Mof2020SelfEval(Importer):
    """Reads 财政项目支出绩效自评表 forms."""

    template = "mof-2020-self-eval"
    kind = FormKind.SELF_EVALUATION
    titles = ("财政项目支出绩效自评表", "项目支出绩效自评表")
    labels = frozenset(
        {
            "项目名称",
            "主管部门",
            "实施单位",
            "预算单位",
            "项目资金(元)",
            "项目资金(万元)",
            "项目资金（元）",
            "项目资金（万元）",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
            "年度资金总额",
            "年度总体目标",
            "预期目标",
            "实际完成情况",
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "偏差原因分析及改进措施",
            "总分",
            "合计",
            "-",
            "—",  # the official form's dash in cells that take no figure
            "－",
            "其中",
            "年度",
        }
    )

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Split at each title; read every form."""
        result = ImportResult()
        starts = [i for i, b in enumerate(doc.blocks) if self.is_title(b)]
        for n, start in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else len(doc.blocks)
            blocks = [_without_copies(b) for b in doc.blocks[start:stop]]
            part = _FormText(n, blocks, typed_breaks=doc.kind in TYPED_BREAKS)
            result.forms.append(self._form(doc.name, part, ledger))
            result.findings.extend(part.findings)
        return result

    def _form(self, name: str, part: _FormText, ledger: Ledger) -> Form:
        ledger.take(part.blocks[0])
        indicators, groups, total = _indicator_table(name, part, ledger)
        return Form(
            kind=self.kind,
            template=self.template,
            year=_year(part.blocks, ledger),
            project=_project(part.blocks, ledger),
            funds=_funds(part.blocks, ledger),
            goals=_goals(part.blocks, ledger),
            groups=groups,
            indicators=indicators,
            total_score=total,
        )


def _year(blocks: list[Block], ledger: Ledger) -> int:
    for block in blocks[:4]:
        match = re.search(r"(\d{4})\s*年度", block.text)
        if match:
            ledger.take(block)
            return int(match[1])
    return 0


def _project(blocks: list[Block], ledger: Ledger) -> Project:
    labels = ("项目名称", "主管部门", "实施单位", "预算单位")

    def value(*names: str) -> str | None:
        return clean(cells.value_after(cells.find(blocks, *names), ledger, labels))

    return Project(
        name=value("项目名称"), department=value("主管部门"), unit=value("实施单位", "预算单位")
    )


def _funds(blocks: list[Block], ledger: Ledger) -> Funds:
    header = cells.find(blocks, "年初预算数", "全年预算数")
    if header is None:
        return Funds()
    ledger.take(header.block)
    unit = "万元" if "万元" in header.block.text else "元"
    columns = [FUNDS_COLUMNS.get(squeeze(t)) for _, t in header.block.filled]
    columns = [c for c in columns if c]
    totals: dict[str, Decimal | None] = {}
    sources = []
    for block in blocks[blocks.index(header.block) + 1 :]:
        filled = block.filled
        if not filled or cells.label_key(filled[0][1]) in ("年度总体目标", "年度总体"):
            break
        label = SOURCE_PREFIX.sub("", cells.label_key(filled[0][1]))
        if not any(ch.isdigit() for ch in label) and not filled[0][1].strip() == "-":
            ledger.take(block)
            values = dict(zip(columns, (amount(t) for _, t in filled[1:]), strict=False))
            if label in TOTAL_ROW:
                totals = values
            else:
                sources.append(
                    FundSource(
                        label,
                        values.get("initial_budget"),
                        values.get("budget"),
                        values.get("executed"),
                    )
                )
    return Funds(currency_unit=unit, sources=tuple(sources), **totals)


def _goals(blocks: list[Block], ledger: Ledger) -> Goals:
    hit = cells.find(blocks, "预期目标")
    if hit is None:
        return Goals()
    ledger.take(hit.block)
    position = blocks.index(hit.block)
    for block in blocks[position + 1 :]:
        if block.blank:
            continue
        ledger.take(block)
        texts = [t for _, t in block.filled]
        return Goals(
            overall=clean(texts[0]) if texts else None,
            achieved=clean(texts[1]) if len(texts) > 1 else None,
        )
    return Goals()


def _indicator_table(
    name: str, part: _FormText, ledger: Ledger
) -> tuple[tuple[Indicator, ...], tuple[Group, ...], Decimal | None]:
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
        return (), (), None
    ledger.take(header.block)
    rows: list[IndicatorRow] = []
    total = None
    for block in part.blocks[part.blocks.index(header.block) + 1 :]:
        if block.blank:
            continue
        first = cells.label_key(block.filled[0][1])
        if first in ("总分", "合计"):
            ledger.take(block)
            numbers = [amount(t) for _, t in block.filled[1:]]
            total = numbers[-1] if numbers else None
            break
        row = split_row(block, LEVELS, rows[-1] if rows else None)
        if row is None:
            continue
        ledger.take(block)
        rows.append(row)
    indicators = []
    for i, row in enumerate(rows):
        deviation = _deviation(name, part, i, row.deviation)
        indicators.append(
            Indicator(
                level1=row.level1,
                level2=row.level2,
                name=clean(row.name),
                target=clean(row.target),
                actual=clean(row.actual),
                weight=row.weight,
                score=row.score,
                deviation=deviation,
            )
        )
    groups = []
    for row in rows:
        if row.level1 and all(g.name != row.level1 for g in groups):
            groups.append(Group(row.level1, row.level1_weight))
    return tuple(indicators), tuple(groups), total


def _deviation(name: str, part: _FormText, i: int, text: str | None) -> str | None:
    """The deviation text, one paragraph a line; a break it cannot tell is reported."""
    if not text:
        return None
    if part.typed_breaks:
        return "\n".join(filter(None, map(clean, text.split("\n")))) or None
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
