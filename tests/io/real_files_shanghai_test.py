"""The Shanghai layouts as published files: XLSX, and the PDF, HTML and DOCX LibreOffice made.

``tests/io/fixtures/files/sh20*.expected.json`` were written by hand from what was typed into
the sheets (scripts/fixtures_shanghai.py): labels in cells of their own, long texts merged
across the value columns, level-1 cells merged down over their rows. Every version of a
file must parse to its expected JSON, field by field with the gold rules of SPEC §2.1, and
leave no text unplaced. scripts/make_fixtures rebuilds the files.
"""

import pytest

from jixiao.io.parse import parse_document, parse_path
from jixiao.io.readers import read_file
from jixiao.io.structure.values import paragraphs
from tests.io.grids import grid
from tests.io.realfiles import FILES, cases, parsed_against_expected

FORMS = (
    "sh2020_target_lab",
    "sh2020_target_long",
    "sh2019_self_eval_clinic",
    "sh2019_self_eval_long",
)
CASES = cases(FORMS)


@pytest.mark.parametrize(("form", "kind"), CASES)
def test_every_expected_field_is_reproduced(form, kind):
    _, misses = parsed_against_expected(form, kind)
    assert not misses, "\n".join(misses[:60])


@pytest.mark.parametrize(("form", "kind"), CASES)
def test_nothing_is_left_unplaced_or_guessed(form, kind):
    findings = parse_path(FILES / f"{form}.{kind}").findings
    # One sheet, so LibreOffice's HTML prints no sheet headings: every cell is the form's.
    assert not [f.found for f in findings if f.code == "unplaced-text"]
    # Merged cells say which rows they cover: no reading is left to a guess, except that a
    # PDF cannot tell the break typed after 。 in the plan cell from a wrapped line.
    guessed = {f.location.path for f in findings if f.code == "uncertain-value"}
    assert guessed == ({"project.plan"} if form.startswith("sh2020") and kind == "pdf" else set())
    assert not any(f.severity == "error" for f in findings)


def test_level1_cells_merged_down_are_read_once_per_row():
    form = parse_path(FILES / "sh2020_target_lab.xlsx").forms[0]
    assert [i.level1 for i in form.indicators] == [
        *["投入与管理"] * 3,
        *["产出目标"] * 3,
        *["效果目标"] * 2,
        *["影响力目标"] * 2,
    ]
    assert [g.name for g in form.groups] == ["投入与管理", "产出目标", "效果目标", "影响力目标"]


def test_points_suffix_gives_the_group_weight():
    form = parse_path(FILES / "sh2019_self_eval_clinic.html").forms[0]
    assert [(g.name, str(g.weight)) for g in form.groups] == [
        ("投入与管理", "36"),
        ("产出目标", "34"),
        ("效果目标", "15"),
        ("影响力目标", "15"),
    ]


TARGET_HEAD = [
    ["财政项目支出绩效目标表", "", "", ""],
    ["（2020年度）", "", "", ""],
    ["申报单位名称", "示范区图书馆", "", ""],
    ["项目名称", "阅读推广 活动经费", "项目类别", "一般性项目"],
]


def test_a_merged_level2_cell_names_its_rows_and_text_after_the_table_is_reported():
    doc = grid(
        [
            *TARGET_HEAD,
            # No heading, no column header: the table starts at its first level-1 cell.
            ["产出目标", "数量", "阅读推广 活动场次", ">=120场"],
            ["^产出目标", "^数量", "参与读者人次", ">=8000人次"],
            ["^产出目标", "质量", "活动方案审核通过率", "100%"],
            ["效果目标", "社会效益", "全民阅读氛围", "进一步\n浓厚"],
            ["填报人：李四", "", "联系电话：12345678", ""],
        ]
    )
    result = parse_document(doc)
    form = result.forms[0]
    assert form.project.unit == "示范区图书馆"
    # A space between CJK characters is a wrap artefact (jixiao.io.text.join_lines).
    assert form.project.name == "阅读推广活动经费"
    assert form.project.category == ("一般性项目",)
    assert [(i.level1, i.level2, i.name, i.target) for i in form.indicators] == [
        # The name's cell keeps its space-separated words together (not name + target).
        ("产出目标", "数量", "阅读推广活动场次", ">=120场"),
        ("产出目标", "数量", "参与读者人次", ">=8000人次"),
        ("产出目标", "质量", "活动方案审核通过率", "100%"),
        ("效果目标", "社会效益", "全民阅读氛围", "进一步浓厚"),
    ]
    assert not [f for f in result.findings if f.code == "uncertain-value"]
    unplaced = [f.found for f in result.findings if f.code == "unplaced-text"]
    assert unplaced == ["填报人：李四 | 联系电话：12345678"]


def test_the_long_form_runs_onto_a_second_page_with_its_level1_cell_cut():
    doc = read_file(FILES / "sh2020_target_long.pdf")
    assert {c.source.page for b in doc.blocks for c in b.cells} == {1, 2}
    # The merged 产出目标 cell is printed once, on a line of its own below the group's first
    # row; that row's empty level-1 cell and its level-2 word 数量 put it in 产出目标.
    form = parse_path(FILES / "sh2020_target_long.pdf").forms[0]
    assert [(i.level1, i.level2) for i in form.indicators[2:5]] == [
        ("投入与管理", "实施管理"),
        ("产出目标", "数量"),
        ("产出目标", "质量"),
    ]


def test_breaks_inside_a_cell_are_paragraphs_when_typed_and_wraps_in_a_pdf():
    typed = "按季度采购试剂耗材\n上半年完成维护。"
    assert paragraphs(typed, typed=True) == (
        "按季度采购试剂耗材\n上半年完成维护。",
        None,
    )
    # In a PDF a break inside a sentence is a wrapped line; after 。 it may be either.
    assert paragraphs("包括检测试剂耗材采购和实验\n室能力验证。", typed=False) == (
        "包括检测试剂耗材采购和实验室能力验证。",
        None,
    )
    assert paragraphs("采购试剂耗材。\n上半年完成维护。", typed=False) == (
        "采购试剂耗材。\n上半年完成维护。",
        "采购试剂耗材。上半年完成维护。",
    )
