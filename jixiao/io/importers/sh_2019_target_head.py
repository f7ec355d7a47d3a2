"""The part of a sh-2019-target form above its indicator table.

After the title come 申报单位名称, the project name (its label 项目名称 is printed before
the title), the 项目类型 and 资金用途 check boxes, the dates, four prose sections (项目概况,
立项依据, 项目设立的必要性, 保证项目实施的制度、措施), the funds lines, and three more
(项目实施计划, 项目总目标, 年度绩效目标). Section labels are printed apart from their
text (before the title, or in a run of labels), so prose paragraphs are placed in the
template's order, with the labels that are printed nearby as lower bounds.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from jixiao.core.model import Goals, Project
from jixiao.io.importers import sh_2019_target_vocab as vocab
from jixiao.io.importers.sh_2019_target_form import FormText, chunks
from jixiao.io.importers.sh_2019_target_lines import Line, join_wrapped, prose
from jixiao.io.text import iso_date, squeeze

_YEAR = re.compile(r"[（(]?\s*(\d{4})\s*年度?\s*[)）]?$")
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?")
_BOX = re.compile(rf"([^\s{vocab.TICKED}{vocab.UNTICKED}]+)\s*([{vocab.TICKED}{vocab.UNTICKED}])")
_LABEL_PREFIX = re.compile(r"^\s*(?:申报单位名称|申报单位|项目名称)\s*[:：]?\s*")
Sections = tuple[tuple[str, tuple[str, ...]], ...]
_SENTENCE_END = ("。", "！", "？", "!", "?")


@dataclass
class Anchors:
    """Where the fixed lines of the head stand (indexes into the form's lines)."""

    title: int
    unit: int | None = None
    types: int | None = None
    dates: int | None = None
    table: int = 0


@dataclass
class Texts:
    """Section texts found so far, by field name."""

    values: dict[str, str | None] = field(default_factory=dict)


def year_of(form: FormText, title: int) -> int:
    """The year printed in or right after the title: ``(2019年 )``; 0 if none."""
    for i in range(title, min(title + 3, len(form.lines))):
        line = form.lines[i]
        # on the title's line after the title; else a line of its own (not a name ending 2020年)
        match = _YEAR.search(line.key) if i == title else _YEAR.fullmatch(line.key)
        if match:
            form.take([line])
            return int(match[1])
    return 0


def anchors(form: FormText, title: int) -> Anchors:
    """Find the unit line, the 项目类型 line, the date line and the table header."""
    size = len(form.lines)
    table = form.find(title, size, _is_table_start)
    found = Anchors(title=title, table=size if table is None else table)
    found.unit = form.find(title, found.table, lambda x: x.key.startswith(vocab.UNIT_LABEL))
    found.types = form.find(title, found.table, lambda x: x.key.startswith(vocab.TYPE_LABEL))
    found.dates = form.find(found.types or title, found.table, lambda x: bool(_DATE.search(x.text)))
    return found


def _is_table_start(line: Line) -> bool:
    return line.key == vocab.TABLE_START or line.key.startswith(vocab.TABLE_HEADER[0])


def unit_and_name(form: FormText, at: Anchors) -> tuple[str | None, str | None]:
    """申报单位名称 (value on its line) and the project name printed below it."""
    unit = None
    if at.unit is not None:
        line = form.lines[at.unit]
        unit = _LABEL_PREFIX.sub("", line.text).strip() or None
        form.take([line])
    first = (at.unit if at.unit is not None else at.title) + 1
    last = at.types if at.types is not None else first + 1
    name_lines = [x for x in form.lines[first:last] if not _YEAR.fullmatch(x.key)]
    if at.unit is not None and unit is None and len(name_lines) > 1:
        unit = name_lines[0].text  # the value printed below its label
        form.take(name_lines[:1])
        name_lines = name_lines[1:]
    form.take(name_lines)
    name = join_wrapped(_LABEL_PREFIX.sub("", line.text) for line in name_lines)
    return unit, name or None


def boxes(form: FormText, at: Anchors) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Ticked 项目类型 boxes and ticked 资金用途 boxes.

    The 资金用途 boxes start at the first line holding one of its box names; lines before
    it are 项目类型 boxes.
    """
    if at.types is None:
        return (), ()
    stop = at.dates if at.dates is not None else at.types + 4
    category: list[str] = []
    funds_use: list[str] = []
    into = category
    for line in form.lines[at.types : stop]:
        text = line.text.removeprefix(vocab.TYPE_LABEL)
        found = _BOX.findall(text)
        if any(name in vocab.FUNDS_USE_BOXES for name, _ in found):
            into = funds_use
        if found or line.key == vocab.TYPE_LABEL:
            form.take([line])
        into.extend(name for name, mark in found if mark in vocab.TICKED)
    return tuple(category), tuple(funds_use)


def dates(form: FormText, at: Anchors) -> tuple[date | None, date | None]:
    """开始时间 and 结束时间: the dates before and after the 结束时间 label."""
    if at.dates is None:
        return None, None
    line = form.lines[at.dates]
    form.take([line])
    before, _, after = line.text.partition(vocab.END_DATE_LABEL)
    starts = _DATE.findall(before)
    ends = _DATE.findall(after) if after else starts[1:]
    return (
        iso_date(squeeze(starts[0])) if starts else None,
        iso_date(squeeze(ends[0])) if ends else None,
    )


def sections(form: FormText, lines: list[Line], wanted: Sections, texts: Texts) -> None:
    """Place the prose paragraphs of a zone in ``wanted``'s sections, in printed order.

    Labels printed in the zone bound the paragraphs that follow them from below: after a
    run of labels, the next paragraph belongs to the first section the run announces or
    a later one.
    """
    others = (*vocab.PRE_TITLE_LABELS, *vocab.COMPONENT_LABELS, vocab.TABLE_START)
    segments: list[tuple[int, list[list[Line]]]] = [(0, [])]
    run: list[int] = []
    for chunk in chunks(lines, wanted, others):
        if chunk.label:
            form.take(chunk.lines)
            run.extend(chunk.slots)
            continue
        if run:
            segments.append((max(min(run), segments[-1][0]), []))
            run = []
        segments[-1][1].append(chunk.lines)
    free = 0
    for n, (bound, paras) in enumerate(segments):
        if not paras:
            continue
        stop = segments[n + 1][0] if n + 1 < len(segments) else len(wanted)
        free = _fill(
            form, wanted, texts, paras, range(max(bound, free), stop), closed=n + 1 < len(segments)
        )


def _fill(
    form: FormText,
    wanted: Sections,
    texts: Texts,
    paras: list[list[Line]],
    slots: range,
    *,
    closed: bool,
) -> int:
    """Put paragraphs into slots one by one; the last slot takes any surplus."""
    if not slots:  # labels ran past the last section: the paragraphs join the last one
        last = min(slots.start, len(wanted) - 1)
        slots = range(last, last + 1)
    names = [wanted[i][0] for i in slots]
    needed = len(names) if closed else len([n for n in names if n != "remark"])
    split = _split_at_sentence_ends(paras) if len(paras) < needed else paras
    guessed = len(paras) < needed
    paras = split if len(paras) < len(split) <= len(names) else paras
    given: list[list[list[Line]]] = [[p] for p in paras[: len(names)]]
    if len(paras) > len(names):
        given[-1].extend(paras[len(names) :])
    for name, parts in zip(names, given, strict=False):
        if name == "remark":  # no field holds it: left unplaced, so reported
            continue
        texts.values[name] = "\n".join(t for p in parts if (t := prose(p)))
        form.take(line for part in parts for line in part)
        if len(paras) > len(names) and name == names[-1]:
            _doubt_section(form, name, texts.values[name], "surplus")
        elif guessed:
            _doubt_section(form, name, texts.values[name], "missing")
    return slots.start + len(given)


def _split_at_sentence_ends(paras: list[list[Line]]) -> list[list[Line]]:
    """Paragraphs cut after every line that ends a sentence (text copied without blank lines)."""
    out: list[list[Line]] = []
    for para in paras:
        out.append([])
        for line in para:
            if not out[-1] or not out[-1][-1].text.endswith(_SENTENCE_END):
                out[-1].append(line)
            else:
                out.append([line])
    return out


def _doubt_section(form: FormText, name: str, text: str | None, why: str) -> None:
    path = f"goals.{name}" if name in ("overall", "annual") else f"project.{name}"
    if why == "surplus":
        zh, en = (
            "段落多于栏目，多出的段落并入了本栏",
            "more paragraphs than sections: the surplus joined this one",
        )
    else:
        zh, en = (
            "段落少于栏目，无法确定各段所属栏目",
            "fewer paragraphs than sections: which is which is a guess",
        )
    form.doubt(path, text, [], zh, en)


def project(form: FormText, at: Anchors, texts: Texts) -> Project:
    """The project block."""
    unit, name = unit_and_name(form, at)
    category, funds_use = boxes(form, at)
    start, end = dates(form, at)
    v = texts.values
    return Project(
        name=name,
        unit=unit,
        category=category or None,
        funds_use=funds_use or None,
        start_date=start,
        end_date=end,
        overview=v.get("overview"),
        basis=v.get("basis"),
        necessity=v.get("necessity"),
        safeguards=v.get("safeguards"),
        plan=v.get("plan"),
    )


def goals(texts: Texts) -> Goals:
    """项目总目标 and 年度绩效目标."""
    return Goals(overall=texts.values.get("overall"), annual=texts.values.get("annual"))
