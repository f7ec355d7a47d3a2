"""Label-column PDF text (seed 004's layout) read by the structure importer.

``label_column`` rebuilds the head (labels printed in a column before the title, their values
later), the funds and the 子项目 rows, and the name | target table. Expected values
are the gold file's (seed 004) or worked out by hand from the texts below.
"""

import json
from datetime import date
from decimal import Decimal

from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.parse import parse_bytes, parse_path
from jixiao.io.structure.flattened import restore
from jixiao.io.structure.flattened_head import BOXES, Piece
from jixiao.io.structure.label_column import BOX_LABELS, head_lines, name_like, table, value_like
from jixiao.io.vocabulary import vocabulary
from tests.conftest import SAMPLES
from tests.io.gold_test import differences
from tests.io.sh_2019_target_test import DOC_A

SEED = SAMPLES / "seeds" / "004_aaf9abe838e69e99.txt"
GOLD = SAMPLES / "forms" / "004_aaf9abe838e69e99.txt.json"


def parse(text):
    return parse_bytes("hand.txt", text.encode("utf-8"))


def test_the_seed_gives_every_gold_field_and_reports_every_uncertain_place():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    result = parse_path(SEED)
    assert differences(gold, result.to_dict()) == []
    reported = {
        (f.location.form, f.location.path) for f in result.findings if f.code == "uncertain-value"
    }
    assert reported == {(u["form"], u["path"]) for u in gold["uncertain"]}
    assert not [f.found for f in result.findings if f.code == "unplaced-text"]


def _lines(*texts):
    """Table lines; a blank text starts a new paragraph."""
    out, para = [], 0
    for i, text in enumerate(texts):
        if not text:
            para += 1
        else:
            out.append(Piece(text, [i], para))
    return out


def _rows(*texts):
    vocab = vocabulary("sh-2019-target")
    return [[c.text for c in row[1:]] for row in table(vocab, _lines(*texts))[0]]


def test_a_bracket_inside_a_name_is_not_a_definition():
    assert _rows("产出目标", "财务（资产）管理制度健全性 健全") == [
        ["投入和管理目标", "财务（资产）管理制度健全性", "健全"]
    ]


def test_names_values_and_loose_values_are_told_apart():
    got = _rows(
        "效果目标",
        "",
        "系统安全性",
        "",
        "达标",
        "",
        "用户满意度（满意人数/",
        "",
        "调查人数）",
        "",
        "90%",
    )
    # 达标 is a loose value: the one row printed without a value takes it.
    assert got == [
        ["效果目标", "系统安全性", "达标"],
        ["效果目标", "用户满意度（满意人数/调查人数）", "90%"],
    ]
    assert value_like("≥ 40 台") and not value_like("健全")
    vocab = vocabulary()
    assert name_like(vocab, "人力资源建设情况") and not name_like(vocab, "明显改善")


def test_a_name_alone_takes_the_target_lines_wrapped_below_it():
    got = _rows(
        "产出目标",
        "",
        "保护方案制定情况",
        "完成全部一级古树保护方案的",
        "编制并通过专家评审",
        "",
        "养护作业事故率 ≤1%",
    )
    assert got == [
        ["产出目标", "保护方案制定情况", "完成全部一级古树保护方案的编制并通过专家评审"],
        ["产出目标", "养护作业事故率", "≤1%"],
    ]


def test_vocabulary_of_the_groups():
    vocab = vocabulary("sh-2019-target")
    (fixed,) = vocab.names["indicators.group_words"]
    assert fixed == "投入和管理目标"
    # Fund and management items go to 投入和管理目标 wherever printed; others to the label
    # printed last before them (rows before the first label: to that label).
    got = _rows("资金到位及时率 100%", "运维工作完成率 100%", "产出目标", "服务采购规范性 规范")
    assert [r[0] for r in got] == ["投入和管理目标", "产出目标", "投入和管理目标"]
    # Box names and group words are values, never labels.
    assert not vocab.is_label("预算") and not vocab.is_label("结转项目")


def _document(text):
    blocks = [
        Block(i, (Cell(t, Source(file="t", line=i + 1)),)) for i, t in enumerate(text.split("\n"))
    ]
    return Document("t", tuple(blocks), "text")


def test_the_label_column_is_recognised_only_before_a_title():
    assert restore(_document(DOC_A)) is not None
    # Without its title the column of labels is just text; without the table, not a form.
    assert restore(_document(DOC_A.replace("上海市财政支出项目绩效目标申报表", "说明"))) is None
    assert restore(_document(DOC_A.replace("绩效指标 指标目标值", "说明"))) is None


def test_funds_lines_and_components_before_their_header():
    text = """
项目名称

开始时间

上海市财政支出项目绩效目标申报表

某项目

2019/1/1 结束时间 2019/12/31

项目总预算（元） 500 项目当年预算（元） 400

一个子项目 400

同名项目上年预算执行数

（元）
380

子项目名称 预算金额（元）

分解目标

绩效指标 指标目标值

产出目标 某指标 100%
"""
    (form,) = parse(text).forms  # no layout importer knows this copy: read by structure
    funds = form.funds
    assert (funds.total_budget, funds.budget, funds.currency_unit) == (
        Decimal("500"),
        Decimal("400"),
        "元",
    )
    assert funds.previous_executed == Decimal("380")
    assert [(c.name, c.amount) for c in funds.components] == [("一个子项目", Decimal("400"))]
    assert (form.project.name, form.project.start_date) == ("某项目", date(2019, 1, 1))


def test_a_label_wrapped_over_lines_is_joined_with_its_lines():
    texts = ["项目设立的必", "要性", "正文。", "", "同名项目上年预算执行数", "", "（元）", "380"]
    blocks = [Block(i, (Cell(t, Source(file="t", line=i + 1)),)) for i, t in enumerate(texts)]
    joined = head_lines(vocabulary("sh-2019-target"), [b for b in blocks if not b.blank])[0]
    assert [(t.text, t.lines) for t in joined] == [
        ("项目设立的必要性", [0, 1]),
        ("正文。", [2]),
        ("同名项目上年预算执行数（元）", [4, 6]),  # the unit wraps after a blank line
        ("380", [7]),
    ]
    assert joined[2].para == joined[3].para  # the amount follows its label's last piece


def test_the_only_one_character_box_labels_are_marks():
    # A one-character label would match inside any text.
    assert {label for label in BOX_LABELS if len(label) == 1} <= set(BOXES)
