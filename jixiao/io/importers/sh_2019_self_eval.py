"""2019年度财政项目绩效自评价 (seeds 000 as plain PDF text, 002 as tab-separated table text).

A form prints its title, the head grid (项目名称 … 预算执行率), the goal, date, grade and
narrative rows, and the indicator table (一级指标 指标名称 指标解释 权重 自评分 备注, 合计).
Table text keeps that order. Plain PDF text (seed 000) does not: a form opens with the
values of the head's right-hand column (unit, 是, previous budget, rate), then the table,
the narrative, the head's labels and the title; a table running onto a second page
continues after the title block. So forms are cut at anchors (the title and the table
header, whichever comes first), each form's lines are walked once and sorted into head
lines, narrative, table lines and values printed away from their labels (``orphans``),
and the orphans are matched to the labels left without a value, in the layout's order.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from typing import ClassVar

from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Form, FormKind, Funds, Goals, Group, Indicator, Narrative, Project
from jixiao.core.rulesets import RuleSet, load_config
from jixiao.io.document import Block, Document, Ledger
from jixiao.io.importers.base import Importer, ImportResult, uncertain
from jixiao.io.importers.sh_2019_self_eval_fields import (
    FIELDS,
    ORDER,
    FieldSpec,
    HeadValues,
    Kind,
    Line,
    Piece,
    cut,
    fits,
)
from jixiao.io.importers.sh_2019_self_eval_groups import Where, assign
from jixiao.io.importers.sh_2019_self_eval_table import (
    HEADER_LABELS,
    TOTAL_LABELS,
    PlainReader,
    Table,
    is_table_header,
    is_table_line,
    read_tabbed,
)
from jixiao.io.problems import problem
from jixiao.io.text import amount, clean, iso_date, squeeze

TEMPLATE = "sh-2019-self-eval"
# Values printed away from their labels are at most the head grid's values.
MAX_ORPHANS = sum(spec.kind is not Kind.PROSE for spec in FIELDS)
_YEAR = re.compile(r"(\d{4})\s*年度")
TITLE_MAX = 30  # characters: the printed title is 15
_SENTENCE_MARKS = re.compile(r"[，。；：、,;:]")


@cache
def ruleset() -> RuleSet:
    """The shipped sh-2019 rule set: the layout's groups, their weights and fixed rows."""
    found = load_config().ruleset_for(TEMPLATE)
    if found is None:  # pragma: no cover - the shipped rule sets always cover the template
        raise LookupError(TEMPLATE)
    return found


def group_names() -> tuple[str, ...]:
    """Every spelling of a level-1 name the layout uses."""
    return tuple(n for g in ruleset().groups for n in (g.name, *g.aliases))


def _labels() -> frozenset[str]:
    spelled = {"项目名称", "预算单位", "是否为经常性项目", "项目年度总目标", "自评时间"}
    spelled |= {"绩效等级", "主要绩效", "主要问题", "改进措施", *HEADER_LABELS, *TOTAL_LABELS}
    for left, right in ("()", "（）"):
        spelled.add(f"具体实施处{left}科室{right}")
        spelled.add(f"预算执行率{left}%{right}")
        for base in ("当年预算数", "上年预算金额", "预算执行数"):
            spelled |= {f"{base}{left}{unit}{right}" for unit in ("元", "万元")}
    return frozenset(spelled | {"预算执行率", "-", *group_names()})


@dataclass
class _Reading:
    """One form's lines, sorted: head values, table chunks, orphans."""

    where: Where
    head: HeadValues = field(default_factory=HeadValues)
    chunks: list[list[Block]] = field(default_factory=list)
    orphans: list[Line] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # head and narrative lines, to commit
    year: int | None = None
    tabbed: bool = False
    findings: list[Finding] = field(default_factory=list)


class Sh2019SelfEval(Importer):
    """Reads sh-2019-self-eval forms."""

    template = TEMPLATE
    kind = FormKind.SELF_EVALUATION
    titles = ("年度财政项目绩效自评价",)
    labels: ClassVar[frozenset[str]] = _labels()
    pending = False

    def is_title(self, block: Block) -> bool:
        """A title line, not a sentence that mentions the title."""
        text = squeeze(block.text)
        sentence = len(text) > TITLE_MAX or _SENTENCE_MARKS.search(text) is not None
        return not sentence and super().is_title(block)

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Cut the document into forms and read each one."""
        result = ImportResult()
        blocks = list(doc.blocks)
        regions, findings = self._regions(doc.name, blocks)
        result.findings.extend(findings)
        for n, (start, stop) in enumerate(regions):
            reading = _Reading(Where(doc.name, n))
            self._walk(blocks[start:stop], reading, ledger)
            result.forms.append(self._form(reading, ledger))
            result.findings.extend(reading.findings)
        return result

    # --- cutting the document into forms ----------------------------------------------

    def _regions(
        self, name: str, blocks: list[Block]
    ) -> tuple[list[tuple[int, int]], list[Finding]]:
        titles = [i for i, b in enumerate(blocks) if self.is_title(b)]
        headers = [i for i, b in enumerate(blocks) if is_table_header(b)]
        findings = []
        if len(headers) == len(titles):
            anchors = [min(t, h) for t, h in zip(titles, headers, strict=True)]
            headers_first = [h < t for t, h in zip(titles, headers, strict=True)]
        else:
            anchors, headers_first = titles, [False] * len(titles)
            findings.append(
                problem(
                    "form-boundaries",
                    Severity.WARNING,
                    name,
                    f"标题 {len(titles)} 个、指标表头 {len(headers)} 个，按标题分表",
                    f"{len(titles)} titles but {len(headers)} table headers: forms cut at titles",
                )
            )
        starts = [
            0 if k == 0 else self._orphans_start(blocks, a, anchors[k - 1]) if first else a
            for k, (a, first) in enumerate(zip(anchors, headers_first, strict=True))
        ]
        stops = [*starts[1:], len(blocks)]
        return list(zip(starts, stops, strict=True)), findings

    def _orphans_start(self, blocks: list[Block], anchor: int, floor: int) -> int:
        """Where a form whose table comes first begins: the values printed before the table."""
        start, count = anchor, 0
        for i in range(anchor - 1, floor, -1):
            block = blocks[i]
            if block.blank:
                continue
            if count == MAX_ORPHANS or not self._orphan_like(block):
                break
            start, count = i, count + 1
        return start

    def _orphan_like(self, block: Block) -> bool:
        if self.is_title(block) or is_table_header(block) or cut(block).is_field_line:
            return False
        return not is_table_line(block.text, group_names())

    # --- sorting one form's lines -----------------------------------------------------

    def _walk(self, blocks: list[Block], reading: _Reading, ledger: Ledger) -> None:
        """Sort the lines: before any anchor → orphans; after the header → table; else head."""
        mode = "pre"
        open_prose: FieldSpec | None = None
        trailing: FieldSpec | None = None
        for n, block in enumerate(blocks):
            if block.blank:
                if mode == "table":
                    reading.chunks[-1].append(block)
                continue
            if self.is_title(block):
                ledger.take(block)
                year = _YEAR.search(block.text)
                reading.year = int(year[1]) if year else reading.year
                mode, open_prose, trailing = "head", None, None
                continue
            if is_table_header(block):
                ledger.take(block)
                reading.tabbed = len(block.filled) > 1
                reading.chunks.append([])
                mode, open_prose, trailing = "table", None, None
                continue
            line = cut(block)
            if line.is_field_line:
                open_prose, trailing = reading.head.read_line(line)
                reading.lines.append(line)
                mode = "head"
                continue
            if mode == "pre":
                reading.orphans.append(line)
                continue
            if mode == "head":
                if self._head_line(line, blocks[n + 1 :], reading, open_prose, trailing):
                    trailing = None
                    continue
                mode, open_prose = "table", None
                reading.chunks.append([])
            reading.chunks[-1].append(block)

    def _head_line(
        self,
        line: Line,
        after: list[Block],
        reading: _Reading,
        open_prose: FieldSpec | None,
        trailing: FieldSpec | None,
    ) -> bool:
        """A line after a head or narrative line: more narrative, a label's value, or neither."""
        # The whole line is one piece of text here: label words inside it are just words.
        pieces = line.pieces if line.tabbed else [Piece(line.pieces[0].cell, line.text, None)]
        line = Line(line.block, [Piece(p.cell, p.text, None) for p in pieces], line.tabbed)
        if open_prose is not None:
            for piece in line.pieces:
                reading.head.add_prose(open_prose, piece)
        elif trailing is None or not self._value_line(trailing, line, after):
            return False
        elif not reading.head.set(trailing, line.pieces[0]):
            return False
        reading.lines.append(line)
        return True

    def _value_line(self, spec: FieldSpec, line: Line, after: list[Block]) -> bool:
        """Whether a line holds the value of the label ending the line before.

        Text could be anything, so a text value must be followed by another head line (or
        nothing): otherwise the line is taken to open the table's continuation.
        """
        if len(line.pieces) != 1 or not fits(spec.kind, line.text):
            return False
        if spec.kind is not Kind.TEXT:
            return True
        following = next((b for b in after if not b.blank), None)
        return following is None or self.is_title(following) or cut(following).is_field_line

    # --- building the form ------------------------------------------------------------

    def _form(self, reading: _Reading, ledger: Ledger) -> Form:
        self._place_orphans(reading)
        for line in [*reading.lines, *reading.orphans]:
            line.commit(ledger)
        table = self._table(reading, ledger)
        head = reading.head
        return Form(
            kind=self.kind,
            template=self.template,
            year=reading.year or 0,
            project=_project(head),
            funds=_funds(head),
            goals=Goals(overall=clean(head.prose_text("overall"))),
            groups=self._groups(table, reading),
            indicators=tuple(
                Indicator(
                    level1=r.level1,
                    level2=None,
                    name=r.name,
                    explanation=r.explanation,
                    weight=r.weight,
                    score=r.score,
                    note=r.note,
                )
                for r in table.rows
            ),
            total_score=table.total,
            grade=clean(head.values.get("grade")),
            evaluated_on=iso_date(head.values.get("evaluated_on")),
            narrative=Narrative(
                achievements=clean(head.prose_text("achievements")),
                problems=clean(head.prose_text("problems")),
                improvements=clean(head.prose_text("improvements")),
            ),
        )

    def _place_orphans(self, reading: _Reading) -> None:
        """Give the labels left without a value the values printed before the table, in order."""
        pending = sorted(dict.fromkeys(reading.head.pending), key=lambda s: ORDER[s.key])
        orphans = [p for line in reading.orphans for p in line.pieces]
        in_order = len(orphans) == len(pending) and all(
            fits(s.kind, o.text) for s, o in zip(pending, orphans, strict=True)
        )
        at = 0
        for orphan in orphans:
            while at < len(pending) and not fits(pending[at].kind, orphan.text):
                at += 1
            if at == len(pending):
                return
            spec = pending[at]
            reading.head.set(spec, orphan)
            if not in_order:
                reading.findings.append(self._orphan_finding(reading.where, spec, orphan, orphans))
            at += 1

    @staticmethod
    def _orphan_finding(
        where: Where, spec: FieldSpec, chosen: Piece, orphans: list[Piece]
    ) -> Finding:
        candidates = [o.text for o in orphans if fits(spec.kind, o.text)]
        return uncertain(
            where.document,
            where.form,
            spec.path,
            chosen.text,
            candidates,
            "标签旁没有数值，数值印在别处，且数目或类型与标签对不上",
            "the value is printed away from its label, and values and labels do not pair up",
        )

    def _table(self, reading: _Reading, ledger: Ledger) -> Table:
        if not reading.chunks:
            reading.findings.append(
                problem(
                    "no-indicator-table",
                    Severity.ERROR,
                    reading.where.document,
                    "未找到绩效指标表",
                    "no indicator table found",
                    form=reading.where.form,
                )
            )
            return Table()
        if reading.tabbed:
            return read_tabbed([b for c in reading.chunks for b in c], ledger, group_names())
        return PlainReader(ledger, group_names()).read(reading.chunks)

    def _groups(self, table: Table, reading: _Reading) -> tuple[Group, ...]:
        """Level-1 groups: printed on the rows (table text) or worked out from the weights."""
        reading.findings.extend(_table_findings(table, reading.where))
        if table.rows and all(r.level1 is not None for r in table.rows):
            return tuple(Group(g.name, g.weight) for g in table.groups)
        groups, findings = assign(table.rows, table.groups, ruleset(), reading.where)
        reading.findings.extend(findings)
        return groups


def _project(head: HeadValues) -> Project:
    values = head.values
    recurring = values.get("recurring")
    return Project(
        name=clean(values.get("name")),
        unit=clean(values.get("unit")),
        offices=clean(values.get("offices")),
        recurring=None if recurring is None else squeeze(recurring) == "是",
    )


def _funds(head: HeadValues) -> Funds:
    values = head.values
    return Funds(
        currency_unit=head.currency,
        budget=amount(values.get("budget")),
        executed=amount(values.get("executed")),
        previous_budget=amount(values.get("previous_budget")),
        execution_rate=amount(values.get("execution_rate")),
    )


def _table_findings(table: Table, where: Where) -> list[Finding]:
    """Readings of the table the text does not settle: name/explanation cuts, a lone total."""
    findings = [
        uncertain(
            where.document,
            where.form,
            f"indicators[{i}].name",
            row.name,
            [row.name, f"{row.name}{row.explanation or ''}"],
            "指标名称与指标解释之间的分界不确定",
            "where the name ends and the explanation begins is not settled",
        )
        for i, row in enumerate(table.rows)
        if row.split_unsettled
    ]
    if table.total_unsettled and table.total is not None:
        findings.append(
            uncertain(
                where.document,
                where.form,
                "total_score",
                str(table.total),
                [str(table.total)],
                "合计行只有一个数，可能是权重合计而非自评分合计",
                "the 合计 line holds one number: it may be the weight sum, not the score",
            )
        )
    return findings
