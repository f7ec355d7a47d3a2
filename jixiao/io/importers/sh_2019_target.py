"""上海市财政支出项目绩效目标申报表（2019年）, from plain PDF text (seed 004).

A form's left-column labels (项目名称, 资金用途, 开始时间, 项目概况, 立项依据 …) are
printed in a block before its title, so a form runs from that block to the next form's.
Below the title: the head (unit, name, check boxes, dates, prose sections, funds; see
``sh_2019_target_head`` and ``sh_2019_target_funds``), then the 绩效指标 / 指标目标值 table
(``sh_2019_target_table`` reads its lines, ``sh_2019_target_groups`` assigns level-1
groups and loose values). A form typed into a grid (XLSX, and the PDF, HTML and DOCX
printed from it) is read by its structure (``jixiao.io.structure``).
"""

from typing import ClassVar

from jixiao.core.model import Form, FormKind, Funds
from jixiao.io.document import Document, Ledger
from jixiao.io.importers import sh_2019_target_head as head
from jixiao.io.importers import sh_2019_target_vocab as vocab
from jixiao.io.importers.base import Importer, ImportResult
from jixiao.io.importers.sh_2019_target_form import FormText
from jixiao.io.importers.sh_2019_target_funds import funds_end, read_funds, starts_funds
from jixiao.io.importers.sh_2019_target_groups import indicators
from jixiao.io.importers.sh_2019_target_lines import Line, lines_of
from jixiao.io.importers.sh_2019_target_table import read_items

# A title line is short; a sentence quoting the title is not one.
MAX_TITLE = 40
_PRE_TITLE = frozenset({*vocab.PRE_TITLE_LABELS, *vocab.WRAPPED_PIECES["项目当年投入资金构成"]})


class Sh2019Target(Importer):
    """Reads sh-2019-target forms."""

    template = "sh-2019-target"
    kind = FormKind.TARGET
    titles = ("上海市财政支出项目绩效目标申报表", "财政支出项目绩效目标申报表")
    labels: ClassVar[frozenset[str]] = vocab.labels()
    pending = False

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Every form of this layout in ``doc``, split at the label blocks before titles."""
        lines = lines_of(doc.blocks)
        titles = [
            i
            for i, line in enumerate(lines)
            if len(line.key) <= MAX_TITLE and self.is_title(line.block)
        ]
        starts = []
        floor = 0
        for title in titles:
            starts.append(_labels_before(lines, title, floor))
            floor = title + 1
        result = ImportResult()
        for n, (start, title) in enumerate(zip(starts, titles, strict=True)):
            stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
            form = FormText(doc.name, n, lines[start:stop], ledger)
            result.forms.append(self._form(form, title - start))
            result.findings.extend(form.findings)
        return result

    def _form(self, form: FormText, title: int) -> Form:
        form.take(line for line in form.lines[:title] if line.key in _PRE_TITLE)
        form.take([form.lines[title]])
        year = head.year_of(form, title)
        at = head.anchors(form, title)
        texts = head.Texts()
        funds = _head_texts_and_funds(form, at, texts)
        items = read_items(_table_lines(form, at))
        found, groups = indicators(form, items)
        project = head.project(form, at, texts)
        if not year and project.start_date:  # no year printed with the title
            year = project.start_date.year
        return Form(
            kind=self.kind,
            template=self.template,
            year=year,
            project=project,
            funds=funds,
            goals=head.goals(texts),
            groups=groups,
            indicators=found,
        )


def _labels_before(lines: list[Line], title: int, floor: int) -> int:
    """Where the run of left-column labels printed right before a title starts."""
    start = title
    while start > floor and lines[start - 1].key in _PRE_TITLE:
        start -= 1
    return start


def _head_texts_and_funds(form: FormText, at: head.Anchors, texts: head.Texts) -> Funds:
    """Prose above the funds lines, the funds, and prose between them and the table."""
    after_dates = (at.dates if at.dates is not None else at.types or at.title) + 1
    funds_at = form.find(after_dates, at.table, starts_funds)
    if funds_at is None:
        head.sections(form, form.lines[after_dates : at.table], vocab.HEAD_SECTIONS, texts)
        return Funds()
    head.sections(form, form.lines[after_dates:funds_at], vocab.HEAD_SECTIONS, texts)
    end = funds_end(form.lines[: at.table], funds_at)
    funds = read_funds(form, form.lines[funds_at:end])
    head.sections(form, form.lines[end : at.table], vocab.GOAL_SECTIONS, texts)
    return funds


def _table_lines(form: FormText, at: head.Anchors) -> list[Line]:
    """The table's lines after its header (分解目标, 绩效指标 指标目标值), header taken."""
    i = at.table
    while i < len(form.lines) and _is_header(form.lines[i].key):
        form.take([form.lines[i]])
        i += 1
    return form.lines[i:]


def _is_header(key: str) -> bool:
    rest = key
    for word in (vocab.TABLE_START, *vocab.TABLE_HEADER):
        rest = rest.replace(word, "")
    return key != "" and rest == ""
