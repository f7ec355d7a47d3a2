"""The structure-driven importer: any performance form, read by its content.

A document is cut at its form titles (a document with none is one part); each part is
matched against the known layouts (``match``), read with the matched layout's vocabulary
(the national one when none matches) and built into canonical forms. What the canonical form
has no place for is reported: unknown columns with their values, long-term indicators, a
missing year, a form cut short, a layout no entry matches.
"""

from decimal import Decimal

from jixiao.core.findings import Finding, Severity
from jixiao.core.model import Form, FormKind
from jixiao.io.cellsplit import recover_cells
from jixiao.io.document import Block, Document, Ledger
from jixiao.io.importers.base import Importer, ImportResult, uncertain
from jixiao.io.problems import problem
from jixiao.io.structure.forms import Built, build
from jixiao.io.structure.match import match_layout
from jixiao.io.structure.reader import Draft, read_blocks, title_of
from jixiao.io.structure.rows import GroupEntry
from jixiao.io.vocabulary import Layout, labels, normalise, title_words, vocabulary

PLACEHOLDERS = frozenset(f"{word}{n}" for word in ("指标", "目标") for n in range(1, 31))
NUMBERS = frozenset(f"{n}、" for n in "一二三四五六七八九十")  # numbered rows: 一、财政拨款
# Formula marks printed after a funds column's name: 全年预算数（A）, 执行率（B/A）.
MARKED = frozenset(
    f"{name}{left}{mark}{right}"
    for name in (n for names in vocabulary().names["funds.columns"].values() for n in names)
    for mark in ("A", "B", "C", "D", "B/A", "C/B", "%")
    for left, right in (("(", ")"), ("（", "）"))
)


class StructureImporter(Importer):
    """Reads a form of any layout from its indicator header, funds block and labels."""

    template = ""
    kind = FormKind.TARGET  # each form's kind is read from its title or content
    titles = title_words()
    labels = (
        labels()
        | PLACEHOLDERS
        | NUMBERS
        | MARKED
        | frozenset(vocabulary().words("furniture", "empty"))
    )

    def extract(self, doc: Document, ledger: Ledger) -> ImportResult:
        """Every form of ``doc``; each placed cell taken from ``ledger``.

        A text document's lines are first split into cells (``cellsplit``); a line counts as
        placed when every cell recovered from it is.
        """
        if doc.kind != "text":
            return self._read(doc, ledger, doc.kind)
        recovery = recover_cells(doc)
        own = Ledger()
        tabbed = any(len(b.cells) > 1 for b in doc)  # else cellsplit placed every cell
        result = self._read(recovery.document, own, "text" if tabbed else "recovered")
        result.findings.extend(recovery.findings())
        _take_lines(doc, recovery.document, own, ledger)
        if result.forms and _cut_short(doc, ledger):
            result.findings.append(_truncated(doc.name, len(result.forms) - 1))
        return result

    def _read(self, doc: Document, ledger: Ledger, kind: str) -> ImportResult:
        result = ImportResult()
        text = "|".join(normalise(t) for b in doc for _, t in b.filled)
        for part in parts(doc):
            title = next((t for b in part if (t := title_of(b, vocabulary()))), None)
            layout, titled = _layout_of(title, text)
            vocab = vocabulary(layout.id if layout else "national")
            for draft in read_blocks(part, vocab, ledger, kind):
                draft.title_of_layout = titled
                built = build(
                    draft, layout.id if layout else None, layout.kind if layout else None, doc.name
                )
                first = len(result.forms)
                result.forms.extend(built.forms)
                for index, form in enumerate(built.forms, first):
                    result.findings.extend(
                        _findings(doc.name, index, form, draft, built, layout is None)
                    )
        return result


_COMPLETE_END = "。！？.!?；;）)0123456789%"


def _cut_short(doc: Document, ledger: Ledger) -> bool:
    """Whether the text stops in the middle of a sentence nobody placed (a copy cut short)."""
    last = next((b for b in reversed(doc.blocks) if not b.blank), None)
    if last is None or all(ledger.is_taken(last, i) for i, _ in last.filled):
        return False
    return last.text.rstrip()[-1] not in _COMPLETE_END


def _layout_of(title: tuple | None, text: str) -> tuple[Layout | None, bool]:
    """The matched layout, and whether the form's title prints the layout's own title words.

    A layout of the other kind than the title's words say is chosen only when the title is
    that layout's own (吉林 项目支出绩效评价表: 评价 sounds like an evaluation, the form is a
    target tree).
    """
    printed = normalise(title[0]) if title else ""
    layout = match_layout(printed, text, title[1] if title else None)
    if layout is None and title:
        layout = match_layout(printed, text, None)
    if layout is None or (title and title[2] and layout.generic):
        return None, False  # a department-wide form is none of the national project layouts
    titled = any(normalise(w) in printed for w in layout.title_words)
    if title and layout.kind != title[1] and not titled:
        return None, False
    return layout, titled


def _take_lines(doc: Document, recovered: Document, own: Ledger, ledger: Ledger) -> None:
    """Take what was placed of ``doc``.

    A line the recovery kept whole is taken cell by cell; a line it split is taken when every
    cell recovered from it was placed.
    """
    kept = {b.cells[0].source: b for b in recovered if len(b.cells) > 1}
    left = {cell.source.line for _, _, cell in own.leftovers(recovered)}
    for block in doc:
        same = kept.get(block.cells[0].source) if block.cells else None
        if same is not None and len(same.cells) == len(block.cells):
            for i in range(len(block.cells)):
                if own.is_taken(same, i):
                    ledger.take(block, i)
        elif block.cells and block.cells[0].source.line not in left:
            ledger.take(block)


def parts(doc: Document) -> list[list[Block]]:
    """The document cut before each title that follows some content."""
    out: list[list[Block]] = [[]]
    national = vocabulary()
    for block in doc:
        if out[-1] and title_of(block, national) and _has_content(out[-1], national):
            out.append([])
        out[-1].append(block)
    return [p for p in out if p]


def _has_content(blocks: list[Block], vocab) -> bool:
    """Whether blocks hold more than titles and year lines."""
    return sum(1 for b in blocks if not b.blank and not title_of(b, vocab)) > 1


def _findings(
    document: str, form: int, read: Form, draft: Draft, built: Built, unmatched: bool
) -> list[Finding]:
    out = [
        _unknown_column(document, form, heading, values)
        for heading, values in draft.table.reported.items()
    ]
    if draft.table.long_term:
        out.append(
            problem(
                "long-term-indicators",
                Severity.INFO,
                document,
                f"长期（中期）指标未作为年度指标读入：{len(draft.table.long_term)} 项",
                f"{len(draft.table.long_term)} long-term indicator value(s) reported, not read as annual",
                form=form,
                found=" | ".join(draft.table.long_term),
            )
        )
    if unmatched:
        out.append(
            problem(
                "layout-unmatched",
                Severity.INFO,
                document,
                "按表的结构读入；未匹配到已知格式（template 为空）",
                "read by its structure; no known layout matched (template null)",
                form=form,
            )
        )
    if built.year_missing:
        out.append(
            problem(
                "year-missing",
                Severity.WARNING,
                document,
                "未印年度，标题、日期和文件名也不能确定",
                "no year printed, and none settled by the title, dates or file name",
                form=form,
                path="year",
            )
        )
    out.extend(
        uncertain(document, form, path, chosen, candidates, zh, en)
        for path, chosen, candidates, zh, en in draft.table.uncertain
    )
    out.extend(
        uncertain(
            document,
            form,
            f"groups[{k}].name",
            group.name,
            [group.name],
            "一级指标的单元格未印出，按二级指标所属的指标体系推定",
            "the level-1 cell is lost: the group is inferred from its level-2 names",
        )
        for k, group in enumerate(read.groups)
        if not draft.table.groups.get(group.name, GroupEntry(group.name)).printed
    )
    out.extend(_weight_total(document, form, draft, read))
    out.extend(_funds_findings(document, form, draft, read))
    if draft.ended_in_table and not draft.table.total_score and draft.kind == "self_evaluation":
        out.append(_truncated(document, form))
    if not draft.tables:
        out.append(
            problem(
                "no-indicator-table",
                Severity.ERROR,
                document,
                "没有找到绩效指标表：已读入的内容照常返回",
                "no indicator table found: what was read is returned",
                form=form,
            )
        )
    out.extend(
        problem(
            "unreadable-value",
            Severity.WARNING,
            document,
            f"无法读取的日期：“{text}”",
            f"a date that cannot be read: {text!r}",
            form=form,
            path=path,
            found=text,
        )
        for path, text in built.unreadable
    )
    return out


def _funds_findings(document: str, form: int, draft: Draft, read: Form) -> list[Finding]:
    """Funds columns with no field, and a funds table that prints no unit."""
    if draft.funds is None:
        return []
    out = [
        problem(
            "unknown-column",
            Severity.WARNING,
            document,
            f"资金表中没有对应字段的列“{heading}”",
            f"funds column {heading!r} has no canonical field",
            form=form,
            path="funds",
            found=heading,
        )
        for heading in draft.funds.unknown
    ]
    if draft.funds.tabled and read.funds.currency_unit is None:
        out.append(
            uncertain(
                document,
                form,
                "funds.currency_unit",
                None,
                ["元", "万元"],
                "资金表未印金额单位",
                "the funds table prints no unit",
            )
        )
    return out


def _weight_total(document: str, form: int, draft: Draft, read: Form) -> list[Finding]:
    """A printed weight total unlike the rows' weights and the funds row's."""
    printed = draft.table.weight_total
    if printed is None or not read.indicators:
        return []
    computed = sum((i.weight or Decimal(0) for i in read.indicators), Decimal(0))
    computed += read.funds.execution_weight or Decimal(0)
    if computed == printed:
        return []
    return [
        problem(
            "weight-total-differs",
            Severity.WARNING,
            document,
            f"合计行的分值 {printed} 与各行合计 {computed} 不符",
            f"the printed weight total {printed} differs from the rows' {computed}",
            form=form,
            path="indicators",
            found=str(printed),
            expected=str(computed),
        )
    ]


def _unknown_column(document: str, form: int, heading: str, values: list[str]) -> Finding:
    return problem(
        "unknown-column",
        Severity.WARNING,
        document,
        f"没有对应字段的列“{heading}”：{' | '.join(values)[:80]}",
        f"column {heading!r} has no canonical field: {' | '.join(values)[:80]}",
        form=form,
        found=f"{heading}: {' | '.join(values)}",
    )


def _truncated(document: str, form: int) -> Finding:
    return problem(
        "truncated-form",
        Severity.WARNING,
        document,
        "表不完整（在指标表结束之前中断）：已读入的内容照常返回",
        "the form is cut short: what was read is returned",
        form=form,
    )
