"""Lines spaced by single spaces: which spaces are cell boundaries (inputs by hand)."""

from jixiao.io.cellsplit.labels import LabelSet, matcher
from jixiao.io.cellsplit.tokens import spaced_tokens

LABELS = LabelSet.build(
    fields=["填报日期", "项目名称", "部门(单位)名称", "填报人"],
    columns={"一级指标": "level1", "年度指标值": "target"},
    level1=["产出指标", "效益指标", "满意度指标"],
    level2=["数量指标", "质量指标", "时效指标", "成本指标"],
)


def cells(line):
    return [line[t.start : t.end] for t in spaced_tokens(line, 0, len(line), matcher(LABELS))]


def test_a_unit_after_its_number_stays_in_the_cell():
    assert cells("赴对口支援地区工作次数 ≥60 次 70 次 10 10") == [
        "赴对口支援地区工作次数",
        "≥60 次",
        "70 次",
        "10",
        "10",
    ]


def test_a_comparator_alone_joins_its_number():
    assert cells("接待人次 ≥ 120 人次 10") == ["接待人次", "≥ 120 人次", "10"]


def test_spaces_inside_brackets_are_inside_the_cell():
    assert cells("（ 2022 年度）") == ["（ 2022 年度）"]
    assert cells("项目名称 水利工程 (一期 二标段) 10") == [
        "项目名称",
        "水利工程",
        "(一期 二标段)",
        "10",
    ]


def test_a_word_of_labels_and_values_is_cut():
    assert cells("填报日期:2021-01-28 项目名称") == ["填报日期:", "2021-01-28", "项目名称"]


def test_a_word_with_other_text_is_one_cell():
    assert cells("时效指标 指标1:年度资金支付完成率100% 10") == [
        "时效指标",
        "指标1:年度资金支付完成率100%",
        "10",
    ]


def test_a_word_holding_a_whole_table_is_cut_unless_it_is_a_sentence():
    assert cells("产出指标数量指标开放天数=300天质量指标 [缺]") == [
        "产出指标",
        "数量指标",
        "开放天数",
        "=300天",
        "质量指标",
        "[缺]",
    ]
    note = "注:产出指标50分、效益指标30分、满意度指标10分。"
    assert cells(f"{note} 如有") == [note, "如有"]


def test_a_date_printed_with_spaces_is_one_cell():
    # 湖北 广水's copy: `填报日期:2021 年 1 月 28 日`.
    assert cells("填报日期:2021 年 1 月 28 日 填报人") == [
        "填报日期:",
        "2021 年 1 月 28 日",
        "填报人",
    ]


def test_a_label_broken_by_a_space_is_one_cell():
    assert cells("部门(单位) 名称 填报人") == ["部门(单位) 名称", "填报人"]
    assert cells("一级 指标 年度 指标值") == ["一级 指标", "年度 指标值"]
    # Two words that make no label stay apart.
    assert cells("项目名称 水利 工程") == ["项目名称", "水利", "工程"]


def test_points_after_a_label_stay_with_it():
    assert cells("产出指标 (50分) 数量指标") == ["产出指标 (50分)", "数量指标"]
    assert cells("(30分)") == ["(30分)"]


def test_a_placeholder_stays_with_the_name_after_it():
    assert cells("数量指标 指标1: 完成中型灌区节水改造项目数量 1") == [
        "数量指标",
        "指标1: 完成中型灌区节水改造项目数量",
        "1",
    ]
