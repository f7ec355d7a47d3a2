"""Merged cells as table files print them: a layout's header row with blank cells, a label
merged down over rows, a merged level-1 cell cut by a page break (sh-2019-target shapes, from
tests/io/fixtures/files/sh2019_target_long.pdf and scripts/fixtures_sh2019_target.py)."""

from jixiao.io.document import Block, Cell, Source
from jixiao.io.structure.columns import BLOCK, is_header_row, printed_columns
from jixiao.io.structure.rows import side_cut
from jixiao.io.vocabulary import vocabulary
from tests.io.structure.helpers import read

TITLE = ["上海市财政支出项目绩效目标申报表（2019年）", "", "", ""]
HEAD = [TITLE, ["申报单位名称", "示范区图书馆", "", ""], ["项目名称", "阅读推广活动经费", "", ""]]


def row(*texts: str) -> Block:
    return Block(
        0, tuple(Cell(t, Source(sheet="S", row=1, column=c + 1)) for c, t in enumerate(texts))
    )


def test_the_header_row_is_known_with_trailing_cells_and_a_blank_side_label():
    vocab = vocabulary("sh-2019-target")
    # HTML adds a blank cell after the table; the PDF prints 分解目标 midway down its rows.
    assert is_header_row(row("分解目标", "绩效指标", "", "指标目标值", ""), vocab)
    assert is_header_row(row("", "绩效指标", "", "指标目标值"), vocab)
    assert not is_header_row(row("", "绩效指标", "", ""), vocab)
    assert not is_header_row(row("分解目标", "绩效指标", "指标目标值", ""), vocab)
    header = printed_columns(row("", "绩效指标", "", "指标目标值"), vocab)
    assert [c.field for c in header.columns] == [BLOCK, "level1", "name", "target"]


def test_a_row_printed_without_the_cut_side_column_stands_under_the_last_columns():
    vocab = vocabulary("sh-2019-target")
    header = printed_columns(row("分解目标", "绩效指标", "", "指标目标值"), vocab)
    assert side_cut(row("影响力目标", "长效监管机制建立情况", "建立抽检机制"), header) == {
        1: 0,
        2: 1,
        3: 2,
    }
    assert side_cut(row("效果目标"), header) is None  # a lone label is no row
    assert side_cut(row("", "", "参与读者人次", ">=8000人次"), header) is None


def test_a_cut_level1_cell_printed_after_its_rows_is_theirs():
    result, left = read(
        [
            *HEAD,
            ["", "绩效指标", "", "指标目标值"],
            ["", "产出目标", "水质抽检样品数", ">=1200份"],
            ["", "^产出目标", "检测报告按时出具率", ">=98%"],
            ["", "", "游泳场所水质合格率", ">=90%"],  # page 1: its level-1 cell cut
            ["分解目标", "", "", ""],
            ["效果目标", "", "", ""],  # page 2: the cut cell's text, alone
            ["", "游泳场所经营者满意度", ">=85%"],
            ["影响力目标", "长效监管机制建立情况", "建立游泳场所水质常态化抽检机制"],
        ]
    )
    form = result.forms[0]
    assert [(i.level1, i.name, i.target) for i in form.indicators] == [
        ("产出目标", "水质抽检样品数", ">=1200份"),
        ("产出目标", "检测报告按时出具率", ">=98%"),
        ("效果目标", "游泳场所水质合格率", ">=90%"),
        ("效果目标", "游泳场所经营者满意度", ">=85%"),
        ("影响力目标", "长效监管机制建立情况", "建立游泳场所水质常态化抽检机制"),
    ]
    assert [g.name for g in form.groups] == ["产出目标", "效果目标", "影响力目标"]
    assert "uncertain-value" not in [f.code for f in result.findings]
    assert left == []


def test_a_lone_level_name_no_row_waits_for_is_a_side_label():
    # placeholders_self_eval.pdf: 绩效指标 (a level-1 name of 四川's tree) printed midway down
    # the merged side cell, above a row that names its own level-1.
    result, _ = read(
        [
            ["项目支出绩效自评表", "", "", "", ""],
            ["项目名称", "示范项目", "", "", ""],
            ["", "一级指标", "二级指标", "三级指标", "年度指标值"],
            ["", "产出指标", "数量指标", "维修座数", "≥30座"],
            ["", "^产出指标", "^数量指标", "维修口数", "≥12口"],
            ["绩效指标", "", "", "", ""],
            ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
        ]
    )
    levels = [i.level1 for i in result.forms[0].indicators]
    assert levels == ["产出指标", "产出指标", "满意度指标"]


def test_a_label_merged_over_two_rows_continues_its_value():
    result, left = read(
        [
            *HEAD,
            ["项目类型", "结转项目□ 其他一次性项目□", "", ""],
            ["^项目类型", "经常性专项业务费□ 其他经常性项目√", "", ""],
        ]
    )
    assert result.forms[0].project.category == ("其他经常性项目",)
    assert left == []
