"""The indicator header: columns mapped through the vocabulary."""

from jixiao.io.structure.columns import is_header, read_header
from jixiao.io.vocabulary import vocabulary
from tests.io.grids import grid


def fields(rows, layout="national"):
    doc = grid(rows)
    header = read_header(list(doc.blocks), 0, vocabulary(layout))
    return [(c.field, c.part) for c in header.columns], header


def test_every_printed_name_of_a_column_maps_to_its_field():
    mapped, _ = fields(
        [["一级指标", "二级指标", "指标名称", "目标值", "全年实际值", "权重", "自评分", "原因"]]
    )
    assert [f for f, _ in mapped] == [
        "level1",
        "level2",
        "name",
        "target",
        "actual",
        "weight",
        "score",
        "deviation",
    ]


def test_a_row_of_project_labels_is_not_a_header():
    doc = grid([["项目名称", "某项目", "主管部门", "某局"]])
    assert not is_header(doc.blocks[0], vocabulary())


def test_a_heading_spanning_three_cells_makes_three_parts_of_one_value():
    mapped, _ = fields([["一级指标", "二级指标", "三级指标", "年度指标值", "", "", "实际完成值"]])
    assert mapped[3:] == [("target", 0), ("target", 1), ("target", 2), ("actual", 0)]


def test_a_heading_over_two_sub_headings_reads_both_rows():
    rows = [
        [
            "一级指标",
            "权重",
            "二级指标",
            "分值",
            "三级指标",
            "目标值(标准)",
            "分值",
            "采集数据项",
            "",
            "指标值",
        ],
        [
            "^一级指标",
            "^权重",
            "^二级指标",
            "^分值",
            "^三级指标",
            "^目标值(标准)",
            "^分值",
            "数据项1",
            "数据项2",
            "^指标值",
        ],
    ]
    mapped, header = fields(rows, "jilin-2016-eval")
    assert header.blocks == (0, 1)
    assert [f for f, _ in mapped] == [
        "level1",
        "group_weight",
        "level2",
        "level2_weight",
        "name",
        "target",
        "weight",
        "collected",
        "collected",
        "actual",
    ]
    assert header.columns[8].heading == "采集数据项/数据项2"


def test_long_term_columns_are_marked_and_the_annual_one_is_first():
    _, header = fields([["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"]])
    assert header.columns[3].long_term and not header.columns[4].long_term
    assert header.first("target").index == 4


def test_an_unknown_heading_has_no_field():
    mapped, _ = fields([["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"]])
    assert mapped[4] == (None, 0)
