"""财政项目支出绩效自评表 (财预〔2020〕10号 layout), from plain PDF text.

Files and tab-separated text keep their cells and are read by the structure importer
(``jixiao.io.structure``); this importer reads the text a user copies out of a PDF. Each
form opens with its title, then 项目名称 / 主管部门 / 实施单位, the funds table
(年初预算数 全年预算数 全年执行数 分值 执行率 得分, rows 年度资金总额 and 其中 sources), the
goals (预期目标 / 实际完成情况), the indicator table and 总分. Merged cells show as blank
or missing cells, so rows are read by content (labels, numbers), not by column position.
The plain lines are first made back into rows (``mof_2020_plain``); the funds block is read by ``mof_2020_funds``, the indicator table
by ``mof_2020_indicators`` (row groups settled by ``mof_2020_levels``).
"""

import re

from jixiao.core.model import Form, FormKind, Goals, Project
from jixiao.io.document import Block, Document, Ledger
from jixiao.io.importers import cells
from jixiao.io.importers.base import Importer, ImportResult
from jixiao.io.importers.mof_2020_funds import column_labels, read_funds
from jixiao.io.importers.mof_2020_indicators import FormText, read_table, weight_total_finding
from jixiao.io.importers.mof_2020_levels import vocabulary
from jixiao.io.importers.mof_2020_plain import tabulate
from jixiao.io.text import clean

PROJECT_LABELS = ("项目名称", "主管部门", "实施单位", "预算单位")


class Mof2020SelfEval(Importer):
    """Reads 财政项目支出绩效自评表 forms."""

    template = "mof-2020-self-eval"
    kind = FormKind.SELF_EVALUATION
    titles = ("财政项目支出绩效自评表", "项目支出绩效自评表")
    _printed = frozenset(
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
            "项目资金",
        }
    )
    # Column headers with formula markers, and the level words the level columns print.
    labels = _printed | column_labels() | vocabulary().words()

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Split at each title; read every form from rows made of its plain lines.

        Forms whose cells are kept (files, tab-separated text) are read by the structure
        importer (``importers.detect``); this one reads the plain lines of a PDF's text.
        """
        result = ImportResult()
        starts = [i for i, b in enumerate(doc.blocks) if self.is_title(b)]
        for n, start in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else len(doc.blocks)
            blocks = list(doc.blocks[start:stop])
            result.forms.append(self._plain_form(doc.name, n, blocks, ledger, result))
        return result

    def _plain_form(
        self, name: str, n: int, blocks: list[Block], ledger: Ledger, result: ImportResult
    ) -> Form:
        """A form printed as plain lines: read from rows made of its lines."""
        tabulated = tabulate(blocks, self.labels, vocabulary())
        pieces = Ledger()  # cells of the made rows; settled onto the lines afterwards
        part = FormText(n, tabulated.blocks())
        form = self._form(name, part, pieces)
        result.findings.extend(part.findings)
        result.findings.extend(tabulated.settle(pieces, ledger, name, n))
        return form

    def _form(self, name: str, part: FormText, ledger: Ledger) -> Form:
        ledger.take(part.blocks[0])
        table = read_table(name, part, ledger)
        funds, findings = read_funds(name, part.index, part.blocks, ledger)
        part.findings.extend(findings)
        weights = weight_total_finding(name, part.index, table, funds.execution_weight)
        part.findings.extend([weights] if weights else [])
        return Form(
            kind=self.kind,
            template=self.template,
            year=_year(part.blocks, ledger),
            project=_project(part.blocks, ledger),
            funds=funds,
            goals=_goals(part.blocks, ledger, self.labels),
            groups=table.groups,
            indicators=table.indicators,
            total_score=table.total,
            grade=table.grade,
        )


def _year(blocks: list[Block], ledger: Ledger) -> int:
    for block in blocks[:4]:
        match = re.search(r"(\d{4})\s*年度", block.text)
        if match:
            ledger.take(block)
            return int(match[1])
    return 0


def _project(blocks: list[Block], ledger: Ledger) -> Project:
    def value(*names: str) -> str | None:
        return clean(cells.value_after(cells.find(blocks, *names), ledger, PROJECT_LABELS))

    return Project(
        name=value("项目名称"), department=value("主管部门"), unit=value("实施单位", "预算单位")
    )


def _goals(blocks: list[Block], ledger: Ledger, labels: frozenset[str]) -> Goals:
    """预期目标 and 实际完成情况: the first two texts of the row after their labels."""
    hit = cells.find(blocks, "预期目标")
    if hit is None:
        return Goals()
    ledger.take(hit.block)
    for block in blocks[blocks.index(hit.block) + 1 :]:
        # A merged label (年度总体目标) may be printed on the text row: it is no goal.
        texts = [(i, t) for i, t in block.filled if cells.label_key(t) not in labels]
        if not texts:
            continue
        for i, _ in texts[:2]:
            ledger.take(block, i)
        for i, t in block.filled:
            if cells.label_key(t) in labels:
                ledger.take(block, i)
        return Goals(
            overall=clean(texts[0][1]),
            achieved=clean(texts[1][1]) if len(texts) > 1 else None,
        )
    return Goals()
