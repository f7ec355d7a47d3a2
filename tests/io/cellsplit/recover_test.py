"""``recover_cells`` on hand-made lines, and what holds for every line of every page and seed.

Every character but separators is kept: the cells of a line's blocks, joined, are the line
without its separators, each cell a stretch of the line in order, and each keeps the line.
"""

import re
from pathlib import Path

import pytest

from jixiao.core.findings import Severity
from jixiao.io.cellsplit import LabelSet, from_vocabulary, recover_cells
from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.readers.txt import read
from tests.io.cellsplit.labelsets import ANHUI, FUJIAN, GANSU, HUBEI, HUNAN, MOF_COLUMNS, PAGES

SEEDS = Path(__file__).resolve().parents[3] / "jixiao" / "samples" / "seeds"
FILES = sorted(PAGES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
SEPARATORS = re.compile(r"[\s|｜│┃]")

MOF = LabelSet.build(
    fields=["项目名称", "主管部门", "总分"],
    columns=MOF_COLUMNS,
    level1=["产出指标", "效益指标"],
    level2=["数量指标", "质量指标"],
)
SICHUAN_LIKE = LabelSet.build(
    columns={
        "一级指标": "level1",
        "二级指标": "level2",
        "三级指标": "name",
        "指标性质": "comparator",
        "指标值": "target",
        "度量单位": "unit",
        "完成值": "actual",
        "权重": "weight",
        "得分": "score",
    },
    level1=["产出指标"],
    level2=["数量指标"],
)


def lines_of(text):
    return read("hand.txt", text.encode())


def rows(doc):
    return [b.texts for b in doc.blocks]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:12])
@pytest.mark.parametrize("labels", ["hand", "vocabulary"])
def test_every_character_but_separators_is_kept(path, labels):
    doc = read(path.name, path.read_bytes())
    chosen = from_vocabulary() if labels == "vocabulary" else _hand_labels(path.name)
    recovery = recover_cells(doc, chosen)
    by_line: dict[int, list[str]] = {}
    for block in recovery.document.blocks:
        for cell in block.cells:
            by_line.setdefault(cell.source.line, []).append(cell.text)
    # A wrapped line of a table cell (a PDF's) is kept in its row's cell, after the row's text.
    wrapped: dict[int, list[str]] = {}
    for block in doc.blocks:
        if (row := recovery.wrapped.get(block.cells[0].source.line)) is not None:
            wrapped.setdefault(row, []).append(block.cells[0].text.strip())
    for block in doc.blocks:
        if block.cells[0].source.line in recovery.wrapped:
            continue
        line = "\t".join(block.texts) if len(block.cells) > 1 else block.cells[0].text
        line += "\n".join(["", *wrapped.get(block.cells[0].source.line, ())])
        cells = by_line[block.cells[0].source.line]
        assert SEPARATORS.sub("", "".join(cells)) == SEPARATORS.sub("", line)
        assert not any(re.search(r"[|｜│┃]", c) for c in cells)
        _assert_in_order(line, cells)


def _hand_labels(name):
    for prefix, labels in (("anhui", ANHUI), ("gansu", GANSU), ("hunan", HUNAN), ("hubei", HUBEI)):
        if name.startswith(prefix):
            return labels
    return FUJIAN


def _assert_in_order(line, cells):
    cursor = 0
    for cell in cells:
        found = line.find(cell, cursor)
        assert found >= 0, (cell, line)
        cursor = found + len(cell)


def test_sources_keep_the_line_and_number_the_cells():
    doc, _ = recover_cells(lines_of("标题\n项目名称 水旱灾害防御经费\n"), MOF)
    title, name, _blank = doc.blocks
    assert title.cells[0].source == Source(file="hand.txt", line=1)
    assert [c.source for c in name.cells] == [
        Source(file="hand.txt", line=2, column=1),
        Source(file="hand.txt", line=2, column=2),
    ]
    assert [b.index for b in doc.blocks] == [0, 1, 2]


def test_a_line_that_stays_one_cell_is_kept_exactly():
    doc, _ = recover_cells(lines_of("  完成年度防汛工作,完成中型灌区节水改造项目。  "), MOF)
    assert doc.blocks[0].cells[0].text == "  完成年度防汛工作,完成中型灌区节水改造项目。  "


def test_blocks_with_several_cells_are_untouched():
    cells = (Cell("一级 指标", Source(row=1, column=1)), Cell("≥60 次", Source(row=1, column=2)))
    doc = Document("form.xlsx", (Block(0, cells),), "xlsx")
    recovered, uncertain = recover_cells(doc, MOF)
    assert recovered.blocks[0].cells == cells
    assert recovered.kind == "xlsx" and uncertain == ()
    tabbed, _ = recover_cells(lines_of("\t数量 指标\t≥60 次 70 次"), MOF)
    assert rows(tabbed) == [["", "数量 指标", "≥60 次 70 次"]]


def test_bar_marks_of_a_yunnan_copy():
    # Hand-made after issue 9's description of a 云南 copy that marks cells with `|`.
    text = (
        "项目名称|某县农村公路养护项目|主管部门|某县交通运输局\n"
        "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
        "产出指标|数量指标|养护里程|≥120公里|125公里|10|10\n"
        "|质量指标|验收合格率|100%|100%|10|10\n"
    )
    doc, uncertain = recover_cells(lines_of(text), MOF)
    assert rows(doc)[:4] == [
        ["项目名称", "某县农村公路养护项目", "主管部门", "某县交通运输局"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "养护里程", "≥120公里", "125公里", "10", "10"],
        ["", "质量指标", "验收合格率", "100%", "100%", "10", "10"],
    ]
    assert uncertain == ()


def test_a_spaced_row_under_a_header_with_a_comparator_and_a_unit_column():
    text = (
        "一级指标 二级指标 三级指标 指标性质 指标值 度量单位 完成值 权重 得分\n"
        "产出指标 数量指标 培训人次 ≥ 120 人次 130 10 10\n"
    )
    doc, _ = recover_cells(lines_of(text), SICHUAN_LIKE)
    # The comparator, number and unit join in one cell: the space between them is inside it.
    assert rows(doc)[1] == [
        "产出指标",
        "数量指标",
        "培训人次",
        "",
        "≥ 120 人次",
        "",
        "130",
        "10",
        "10",
    ]


def test_a_row_whose_values_fit_several_columns_is_reported():
    header = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    doc, uncertain = recover_cells(lines_of(header + "质量指标 验收合格率 100% 10\n"), MOF)
    (place,) = uncertain
    assert place.why == "alignment"
    assert place.text == "质量指标 验收合格率 100% 10"
    assert place.source.line == 2
    assert place.chosen == place.candidates[0] == tuple(rows(doc)[1])
    # 100% is a target or an actual; 10 a weight or a score: both stay open.
    assert {c[3:] for c in place.candidates} >= {("100%", "", "10"), ("100%", "", "", "10")}


def test_uncertain_places_become_uncertain_value_findings():
    header = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    (finding,) = recover_cells(lines_of(header + "质量指标 验收合格率 100% 10\n"), MOF).findings(0)
    assert finding.code == "uncertain-value"
    assert finding.severity is Severity.WARNING
    assert finding.location.document == "hand.txt"
    assert finding.location.form == 0
    assert finding.location.source == "line 2"
    assert "质量指标 验收合格率 100% 10" in finding.message_zh


def test_a_total_ends_the_table():
    text = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n总分 100 98\n数量指标 次数 1 1\n"
    doc, _ = recover_cells(lines_of(text), MOF)
    assert rows(doc)[1:3] == [["总分", "100", "98"], ["数量指标", "次数", "1", "1"]]


def test_a_label_of_both_levels_before_run_together_text_is_either():
    labels = LabelSet.build(
        columns={
            "一级指标": "level1",
            "二级指标": "level2",
            "三级指标": "name",
            "指标值": "target",
        },
        level1=["产出指标", "满意度指标"],
        level2=["数量指标", "满意度指标"],
    )
    text = "一级指标二级指标三级指标指标值满意度指标服务对象满意度调查%=99百分比"
    _, (place,) = recover_cells(lines_of(text), labels)
    # The level 2 (服务对象满意度) may be inside the text that runs into 满意度指标.
    assert place.why == "alignment"
    assert set(place.candidates) == {
        ("满意度指标", "", "服务对象满意度调查", "%=99百分比"),
        ("", "满意度指标", "服务对象满意度调查", "%=99百分比"),
    }
    # Alone in its cell before a name, it is a level 2 (成本指标 under 产出指标, 2020 tree).
    spaced = "一级指标 二级指标 三级指标 指标值\n满意度指标 服务对象满意度调查 ≥99%\n"
    doc, uncertain = recover_cells(lines_of(spaced), labels)
    assert rows(doc)[1] == ["", "满意度指标", "服务对象满意度调查", "≥99%"]
    assert uncertain == ()


def test_labels_default_to_the_vocabulary():
    line = "项目名称 水旱灾害防御经费\n"
    assert rows(recover_cells(lines_of(line)).document)[0] == ["项目名称", "水旱灾害防御经费"]
    plain, _ = recover_cells(
        lines_of("实施单位天长市水利局项目名称水旱灾害防御经费主管部门水利局"),
        LabelSet.build(fields=["实施单位", "项目名称", "主管部门"]),
    )
    assert rows(plain)[0] == [
        "实施单位",
        "天长市水利局",
        "项目名称",
        "水旱灾害防御经费",
        "主管部门",
        "水利局",
    ]


def test_values_printed_below_a_row_of_field_labels():
    labels = LabelSet.build(fields=["项目名称", "主管部门", "实施单位"])
    full = "项目名称 主管部门 实施单位\n水旱灾害防御经费 天长市水利局 天长市水利局\n"
    doc, uncertain = recover_cells(lines_of(full), labels)
    assert rows(doc)[1] == ["水旱灾害防御经费", "天长市水利局", "天长市水利局"]
    assert uncertain == ()
    # Two values under three labels: which label is left empty is not in the text.
    short = "项目名称 主管部门 实施单位\n水旱灾害防御经费 天长市水利局\n"
    _, (place,) = recover_cells(lines_of(short), labels)
    assert place.why == "alignment"
    assert len(place.candidates) == 3


def test_funds_pairs_run_together_with_other_fields_are_a_row_of_their_own():
    # 甘肃 嘉峪关: the project rows, the funds rows and the rows after them in one line.
    labels = LabelSet.build(
        fields=["项目名称", "项目开始日期", "资金性质"],
        columns={"项目总投资": "total_budget"},
        rows=["其他资金"],
        funds=["项目总投资", "其他资金"],
    )
    line = "项目名称博物馆提升改造项目项目开始日期2023-01-01项目总投资174.78万元其他资金20万元资金性质一般公共预算"
    doc, _ = recover_cells(lines_of(line), labels)
    assert rows(doc) == [
        ["项目名称", "博物馆提升改造项目", "项目开始日期", "2023-01-01"],
        ["项目总投资", "174.78万元", "其他资金", "20万元"],
        ["资金性质", "一般公共预算"],
    ]


def test_labels_left_empty_before_a_label_and_its_value_are_no_header():
    # 甘肃 嘉峪关: 其他依据 and 需要说明的其他问题 are empty, 年度绩效目标 has its value.
    labels = LabelSet.build(fields=["政策依据", "其他依据", "需要说明的其他问题", "年度绩效目标"])
    line = "政策依据甘财科[2022]78号其他依据需要说明的其他问题年度绩效目标提高免费开放服务水平"
    doc, _ = recover_cells(lines_of(line), labels)
    assert rows(doc) == [
        [
            *("政策依据", "甘财科[2022]78号", "其他依据", "需要说明的其他问题"),
            *("年度绩效目标", "提高免费开放服务水平"),
        ]
    ]
    # Opened by a block's label, the labels head the values printed after them (湖南 宁乡).
    goals = LabelSet.build(fields=["长期目标", "年度目标"], blocks=["项目绩效目标"])
    doc, _ = recover_cells(lines_of("项目绩效目标长期目标年度目标改善镇域内基础设施"), goals)
    assert rows(doc)[0] == ["项目绩效目标", "长期目标", "年度目标"]


def test_every_uncertain_place_as_a_finding():
    header = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    recovery = recover_cells(
        lines_of(header + "质量指标 验收合格率 100% 10\n数量指标 次数 ≥1次 10\n"), MOF
    )
    assert [(f.code, f.location.source) for f in recovery.findings()] == [
        ("uncertain-value", "line 2"),
        ("uncertain-value", "line 3"),
    ]


def test_a_total_row_in_run_together_text():
    labels = LabelSet.build(columns=MOF_COLUMNS, level2=["数量指标"], totals=["总分"])
    text = "一级指标二级指标三级指标年度指标值实际完成值分值得分\n数量指标培训次数≥2次3次1010\n总分10098.5\n数量指标"
    doc, uncertain = recover_cells(lines_of(text), labels)
    assert rows(doc)[1:4] == [
        ["", "数量指标", "培训次数", "≥2次", "3次", "10", "10"],
        ["总分", "", "", "", "", "100", "98.5"],
        ["数量指标"],  # after its total the table is closed
    ]
    # 1010 and 10098.5 split by the columns left for them: reported with the unsplit reading.
    assert [(u.source.line, u.why) for u in uncertain] == [(2, "run-together"), (3, "run-together")]
    # Unsplit, 1010 fits no column (above 100: no weight, no score): the tokens as cut.
    assert ("数量指标", "培训次数", "≥2次", "3次", "1010") in uncertain[0].candidates


def test_a_placed_row_keeps_the_line_and_the_header_columns():
    header = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    doc, _ = recover_cells(lines_of(header + "质量指标 工程质量合格 10 10\n"), MOF)
    row = doc.blocks[1]
    assert [c.text for c in row.cells] == ["", "质量指标", "工程质量合格", "", "", "10", "10"]
    assert [c.source.column for c in row.cells] == [1, 2, 3, 4, 5, 6, 7]
    assert {c.source.line for c in row.cells} == {2}


def test_a_side_label_centred_onto_a_row_is_no_cell_of_it():
    # A PDF copy's 绩效指标 (a block, and a level 1 on some trees) beside a header with no side
    # column: it stands on the first row's line but is no cell of that row.
    labels = LabelSet.build(
        columns=MOF_COLUMNS,
        blocks=["绩效指标"],
        level1=["绩效指标", "产出指标"],
        level2=["数量指标"],
    )
    header = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    doc, _ = recover_cells(
        lines_of(header + "绩效指标 产出指标 数量指标 培训次数 ≥2次 3次 10 10\n"), labels
    )
    assert rows(doc)[1:3] == [
        ["绩效指标"],
        ["产出指标", "数量指标", "培训次数", "≥2次", "3次", "10", "10"],
    ]
