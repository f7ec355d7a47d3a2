"""Nothing is dropped: every non-blank piece of input ends up in a field or in a finding.

For each seed, every cell the importer took must be a label of its layout or appear in the
output (after the normalisation the canonical form applies: no whitespace, no thousands
separators, no ``%`` or ``<p>`` markup); every cell it did not take must be reported as
``unplaced-text``.
"""

import functools
import re
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.core.numbers import to_decimal
from jixiao.io.document import Ledger
from jixiao.io.parse import parse_document, split
from jixiao.io.readers import read_file
from jixiao.io.structure.label_column import BOX_LABELS
from jixiao.io.text import is_amount
from jixiao.io.vocabulary import labels, title_words, vocabulary
from tests.io.gold_test import SEEDS
from tests.io.realfiles import FILES

PLACEHOLDERS = frozenset(f"{word}{n}" for word in ("指标", "目标") for n in range(1, 31))
NUMBERS = frozenset(f"{n}、" for n in "一二三四五六七八九十")  # numbered rows: 一、财政拨款
# Formula marks printed after a funds column's name: 全年预算数（A）, 执行率（B/A）.
MARKED = frozenset(
    f"{name}{left}{mark}{right}"
    for name in (n for names in vocabulary().names["funds.columns"].values() for n in names)
    for mark in ("A", "B", "C", "D", "B/A", "C/B", "%")
    for left, right in (("(", ")"), ("（", "）"))
)
# Every printed label and title, whitespace removed: what a cell the importer took may hold
# that is not copied into the form.
LABELS = (
    labels()
    | PLACEHOLDERS
    | NUMBERS
    | MARKED
    | BOX_LABELS
    | frozenset(vocabulary().words("furniture", "empty"))
    | frozenset(vocabulary().words("furniture", "truncation"))
    | frozenset(title_words())
)


def squeezed(text):
    return re.sub(r"\s+|,|%|</?p>", "", text)


def strings(value):
    """Every text and number in a parse result."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    if isinstance(value, bool):  # printed 是/否 on the forms
        return [str(value), "是" if value else "否"]
    return [] if value is None else [value]


def residue(text, labels):
    """What is left of a cell once the layout's labels and their punctuation are removed."""
    rest = squeezed(text)
    for label in sorted(labels, key=len, reverse=True):
        rest = rest.replace(label, "")
    return re.sub(r"[:：()（）]", "", rest)


def pieces(text, labels):
    """A plain-text line's pieces between labels and spaces: one line may hold several
    fields (``项目名称： X 项目类别： Y``, ``数量 接待团组数量 >=60个``); a label may be printed
    with spaces inside it (``部门(单位) 名称``)."""
    rest = spaced_labels(frozenset(labels)).sub(" ", text)
    return [p for p in (squeezed(t).strip(":：") for t in re.split(r"[\s()（）]+", rest)) if p]


@functools.cache
def spaced_labels(labels):
    """One pattern for every label, longest first, spaces allowed between its characters."""
    spelled = (
        r"\s*".join(map(re.escape, label)) for label in sorted(labels, key=len, reverse=True)
    )
    return re.compile("|".join(spelled))


def canon(text):
    """Printed and canonical spellings of the same value made equal: ``（36分）`` ~ ``36``,
    ``2020-3-31`` ~ ``2020-03-31``, ``1,040,000.00`` ~ ``1040000.00``."""
    text = re.sub(r"[:：()（）]", "", squeezed(text))
    text = re.sub(r"(?<=\d)分", "", text)
    text = re.sub(r"(?<!\d)0+(?=\d)", "", text)  # leading zeros first: 2020-03-15 → 2020-3-15
    return re.sub(r"(?<=\d)[-/年月.](?=\d)", "", text)


TICKED, UNTICKED = "√☑■✓✔", "□☐"
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
PERIOD = re.compile(r"(\d{4})年(\d{1,2})月[—–\-~～至到](\d{4})年(\d{1,2})月")
BAND = re.compile(r"(.+?)[(（](\d+(?:\.\d+)?)[-—–~～至](\d+(?:\.\d+)?)[)）]分?")
TITLE_YEAR = re.compile(r"(\d{4})年度?")


def whole(value, output):
    """Whether ``value`` is one whole text or number of the output (not a part of one)."""
    return f"\x00{value}\x00" in f"\x00{output}\x00"


def in_canonical_form(text, output, bands=frozenset(), years=frozenset()):
    """Whether a printed cell's content is in the output in its canonical spelling, one narrow
    rule each: ``2023年3月10日`` is the date ``2023-03-10``; ``2024年1月—2026年12月`` the start
    and end months ``2024-01``/``2026-12``; ``新增项目□ 延续项目√`` the ticked words (and no
    unticked one); ``产出指标(30-50)分`` a group 产出指标 with the band 30–50 (``bands``: the
    forms' (name, low, high)); a title's leftover ``2024年`` the year of a form (``years``)."""
    text = squeezed(text)
    if m := DATE.fullmatch(text):
        y, mo, d = m.groups()
        return whole(f"{y}-{int(mo):02}-{int(d):02}", output)
    if m := PERIOD.fullmatch(text):
        y1, m1, y2, m2 = m.groups()
        return whole(f"{y1}-{int(m1):02}", output) and whole(f"{y2}-{int(m2):02}", output)
    boxes = re.findall(f"([^{TICKED}{UNTICKED}]+)([{TICKED}{UNTICKED}])", text)
    if boxes and "".join(w + b for w, b in boxes) == text:
        ticked = [w for w, b in boxes if b in TICKED]
        unticked = [w for w, b in boxes if b in UNTICKED]
        return (
            bool(ticked)
            and all(whole(w, output) for w in ticked)
            and not any(whole(w, output) for w in unticked)
        )
    if m := BAND.fullmatch(text):
        name, low, high = m.groups()
        return (name, Decimal(low), Decimal(high)) in bands
    if m := TITLE_YEAR.fullmatch(text):
        return int(m.group(1)) in years
    return False


CLAUSE_MARKS = re.compile(r"[，。；;！!：:]|(?<!\d),|,(?!\d)")
NUMBERING = re.compile(
    r"^(?:[（(]?(?:[一二三四五六七八九十]+|\d{1,2})[)）、.．]|[①-⑳]|[一二三四五六七八九十]+是)"
)


def clauses(text, labels):
    """A sentence of an indicator tree written in a notice: its clauses between ，；。 and the
    ``：`` after a level name, each without its numbering (``1.`` ``（1）`` ``一是``); the level
    names themselves (labels) left out."""
    pieces = (NUMBERING.sub("", p) for p in CLAUSE_MARKS.split(squeezed(text)))
    return [p for p in pieces if p and p not in labels]


def accounted(
    text, labels, output, weight_sums=frozenset(), bands=frozenset(), years=frozenset(), said=()
):
    """``weight_sums``: on a 合计/总分 row, the weight total the importer checked against the
    rows (the canonical form has no field for it, but it is not dropped unchecked); ``bands``
    and ``years``: see :func:`in_canonical_form`; ``said``: each indicator's name and target
    as one clause prints them (a tree written as sentences), see :func:`clauses`."""
    rest = residue(text, labels)
    if squeezed(text) in output or not rest or rest in output or canon(rest) in output:
        return True
    if said and all(c in said or whole(c, output) for c in clauses(text, labels)):
        return True
    if in_canonical_form(text, output, bands) or in_canonical_form(rest, output, bands, years):
        return True
    return all(
        p in output or canon(p) in output or (is_amount(p) and to_decimal(p) in weight_sums)
        for p in pieces(text, labels)
    )


def test_a_printed_spelling_counts_only_when_its_canonical_value_is_in_the_output():
    output = "\x00".join(["2023-03-10", "2024-01", "2026-12", "延续项目", "产出指标", "30", "50"])
    bands = {("产出指标", Decimal(30), Decimal(50))}
    placed = ["2023年3月10日", "2024年1月—2026年12月", "新增项目□ 延续项目√", "产出指标(30-50)分"]
    assert all(accounted(t, frozenset(), output, bands=bands) for t in placed)
    assert accounted("2024年绩效目标表", {"绩效目标表"}, output, years={2024})
    dropped = [
        "2023年3月11日",  # another day
        "2024年1月—2026年11月",  # the end month is not in the output
        "新增项目√ 延续项目□",  # the other box ticked
        "新增项目□ 延续项目□",  # nothing ticked
        "产出指标(20-50)分",  # another band (its bounds printed elsewhere do not count)
        "效益指标(30-50)分",  # a band of a group the output does not have
    ]
    assert not any(accounted(t, frozenset(), output, bands=bands) for t in dropped)
    assert not accounted("2023年绩效目标表", {"绩效目标表"}, output, years={2024})


def test_a_sentence_of_a_tree_counts_only_when_each_clause_is_an_indicator_or_a_value():
    labels = frozenset({"产出指标", "数量指标"})
    said = {"培训人次≥200人次", "全年培训不少于200人次"}
    line = "1.产出指标：（1）数量指标：培训人次≥200人次；一是全年培训不少于200人次，年底前完成。"
    assert accounted(line, labels, "\x00".join(["年底前完成", "产出指标"]), said=said)
    assert not accounted(line, labels, "年底前完成前", said=said)  # a clause only inside a value
    assert not accounted(line, labels, "年底前完成", said={"培训人次≥200人次"})  # one dropped


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_every_cell_is_placed_or_reported(seed, monkeypatch):
    assert_accounted(read_file(seed), monkeypatch)


VARIANTS = sorted((Path(__file__).parent / "fixtures" / "variants").glob("*.txt"))
REAL_FILES = sorted(p for p in FILES.glob("*.*") if p.suffix in (".xlsx", ".pdf", ".docx", ".html"))


@pytest.mark.parametrize("document", VARIANTS, ids=[d.stem for d in VARIANTS])
def test_every_cell_of_a_variant_is_placed_or_reported(document, monkeypatch):
    assert_accounted(read_file(document), monkeypatch)


NOTICES = sorted(
    p
    for p in (Path(__file__).parent / "fixtures" / "notices").iterdir()
    if p.suffix in (".txt", ".html")
)


@pytest.mark.parametrize("document", NOTICES, ids=[d.name for d in NOTICES])
def test_every_sentence_of_a_notice_is_placed_or_reported(document, monkeypatch):
    assert_accounted(read_file(document), monkeypatch)


@pytest.mark.parametrize("document", REAL_FILES, ids=[d.name for d in REAL_FILES])
def test_every_cell_of_a_real_file_is_placed_or_reported(document, monkeypatch):
    assert_accounted(read_file(document), monkeypatch)


def split_label(doc, block, labels):
    """Whether a one-line block is part of a label printed over up to four lines
    (``年度`` / ``总体`` / ``目标`` in plain PDF text)."""
    lines = [b for b in doc if not b.blank]
    at = next((n for n, b in enumerate(lines) if b.index == block.index), None)
    if at is None or len(block.filled) != 1:
        return False
    for size in (2, 3, 4):
        for first in range(at - size + 1, at + 1):
            window = lines[max(first, 0) : first + size]
            if len(window) == size and all(len(b.filled) == 1 for b in window):
                if squeezed("".join(b.text for b in window)) in labels:
                    return True
    return False


def assert_accounted(doc, monkeypatch):
    """Every taken cell is a label or in the output; every untaken cell is reported."""
    ledgers = []
    original = Ledger.__init__

    def remember(self, *args, **kwargs):
        original(self, *args, **kwargs)
        ledgers.append(self)

    monkeypatch.setattr(Ledger, "__init__", remember)
    result = parse_document(doc)
    ledger = ledgers[0]  # the document's; an importer may keep its own for rows it made
    values = [str(v) for v in strings(result.to_dict())]
    output = "\x00".join([squeezed(v) for v in values] + [canon(v) for v in values])
    weight_sums = {
        sum(i.weight or 0 for i in f.indicators) + (f.funds.execution_weight or 0)
        for f in result.forms
    }
    bands = {(g.name, *g.band) for f in result.forms for g in f.groups if g.band is not None}
    years = {f.year for f in result.forms if f.year is not None}
    said = {squeezed(f"{i.name}{i.target or ''}") for f in result.forms for i in f.indicators}
    parts = split(doc)
    labels = LABELS
    # A form that is not a project form is taken whole and reported as such (not-a-project-form).
    reported_whole = {b for p in parts if not p.project for b in range(p.start, p.stop)}
    # A store's truncation mark says where the copy was cut: the truncated-form finding.
    truncated = any(f.code == "truncated-form" for f in result.findings)
    marks = vocabulary().words("furniture", "truncation") if truncated else ()
    unaccounted = []
    for block in doc:
        if block.index in reported_whole:
            continue
        for i, cell in enumerate(block.cells):
            if cell.blank or cell.copy_of is not None or not ledger.is_taken(block, i):
                continue  # a merged cell's repeated text is counted at its origin
            total_row = squeezed(block.text).startswith(("合计", "总分"))
            sums = weight_sums if total_row else frozenset()
            text = cell.text
            for mark in marks:
                text = text.replace(mark, "")
            if not accounted(text, labels, output, sums, bands, years, said):
                if not split_label(doc, block, labels):
                    unaccounted.append(f"{cell.source.label()}: {cell.text!r}")
    assert not unaccounted, "\n".join(unaccounted[:40])
    unplaced = {
        squeezed(f.found) for f in result.findings if f.code in ("unplaced-text", "page-footer")
    }
    for _, _, cell in ledger.leftovers(doc):
        assert any(squeezed(cell.text) in u for u in unplaced)
