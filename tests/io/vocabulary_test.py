"""The vocabulary files: every layout of the design note, names mapped, files validated."""

from pathlib import Path

import pytest

from jixiao.io.vocabulary import VocabularyError, _check, labels, layouts, normalise, vocabulary

# docs/design/issue-9.md, table "Layout ids", with each layout's kind.
DESIGN_NOTE = {
    "mof-2020-self-eval": "self_evaluation",
    "mof-2020-target": "target",
    "mof-2021-target": "target",
    "mof-2021-self-eval": "self_evaluation",
    "sh-2019-self-eval": "self_evaluation",
    "sh-2019-target": "target",
    "sh-2020-target": "target",
    "sichuan-2023-self-eval": "self_evaluation",
    "sichuan-township-target": "target",
    "gansu-2023-target": "target",
    "hunan-target": "target",
    "hunan-city-target": "target",
    "fujian-2019-dept-target": "target",
    "hubei-dept-target": "target",
    "hubei-district-target": "target",
    "guangdong-city-target": "target",
    "shaanxi-target": "target",
    "jilin-2016-eval": "target",
    "ndrc-investment-target": "target",
    "transfer-region-self-eval": "self_evaluation",
}


def test_every_layout_of_the_design_note_is_known_with_its_kind():
    assert {layout.id: layout.kind for layout in layouts()} == DESIGN_NOTE


def test_every_layout_names_its_parent_title_and_where_it_was_seen():
    for layout in layouts():
        assert layout.parent == "national"
        assert layout.title_zh and layout.title_en and layout.seen


@pytest.mark.parametrize(
    ("section", "printed", "field"),
    [
        ("project", "实施单位", "unit"),
        ("project", "填报单位", "unit"),
        ("project", "预算单位", "unit"),
        ("funds.columns", "全年预算数(A)", "budget"),
        ("funds.columns", "调整后预算数", "budget"),
        ("funds.columns", "预算执行数", "executed"),
        ("funds.columns", "执行率（B/A）", "execution_rate"),
        ("funds.rows", "财政专户管理资金", "sources"),
        ("indicators.columns", "年度 指标值", "target"),
        ("indicators.columns", "指标值及单位", "target"),
        ("indicators.columns", "全年实际值", "actual"),
        ("indicators.columns", "权重", "weight"),
        ("indicators.columns", "自评分", "score"),
        ("indicators.columns", "未完成原因及拟采取的改进措施", "deviation"),
        ("indicators.columns", "计算符号", "comparator"),
        ("indicators.columns", "度量单位", "unit"),
    ],
)
def test_printed_names_map_to_their_field(section, printed, field):
    assert vocabulary().field(section, printed) == field


def test_a_layout_adds_its_own_names_to_the_national_ones():
    jilin = vocabulary("jilin-2016-eval")
    assert jilin.field("indicators.columns", "采集数据项") == "collected"
    assert vocabulary().field("indicators.columns", "采集数据项") is None
    assert jilin.field("indicators.columns", "年度指标值") == "target"  # inherited


def test_placeholders_are_recognised_at_the_start_of_a_name():
    placeholder = vocabulary().placeholder
    assert (
        placeholder.sub("", "指标1:完成中型灌区节水改造项目数量") == "完成中型灌区节水改造项目数量"
    )
    assert placeholder.sub("", "完成指标1:") == "完成指标1:"


def test_a_label_is_looked_up_without_spaces_brackets_widths_or_its_colon():
    assert normalise(" 项目 名称： ") == "项目名称"
    assert normalise("项目总预算（万元）:") == "项目总预算(万元)"


def test_labels_hold_every_printed_name_in_both_bracket_widths():
    assert {"年度指标值", "目标值(标准)", "目标值（标准）", "采集数据项"} <= labels()


LAYOUT = {
    "id": "x",
    "kind": "target",
    "title_zh": "x",
    "title_en": "x",
    "seen": "x",
    "parent": "national",
}


@pytest.mark.parametrize(
    "data",
    [
        {"layout": {**LAYOUT, "colour": "red"}},
        {"layout": LAYOUT, "project": {"nmae": ["项目名称"]}},
        {"layout": LAYOUT, "projects": {"name": ["项目名称"]}},
        {"layout": LAYOUT, "project": {"name": "项目名称"}},
        {"layout": {**LAYOUT, "kind": "plan"}},
        {"project": {"name": ["项目名称"]}},
        {"layout": {**LAYOUT, "id": "y"}},
    ],
    ids=["layout-key", "field", "table", "not-a-list", "kind", "no-layout", "id"],
)
def test_a_file_with_an_unknown_key_or_a_wrong_type_is_refused(data):
    with pytest.raises(VocabularyError):
        _check(data, Path("x.toml"))


def test_a_name_a_layout_gives_another_field_leaves_the_parent_field():
    # 吉林 prints 目标值(标准) for the target and 指标值 for the value reached.
    assert vocabulary().field("indicators.columns", "指标值") == "target"
    assert vocabulary("jilin-2016-eval").field("indicators.columns", "指标值") == "actual"


def test_a_name_listed_under_two_fields_of_one_file_stays_in_both():
    levels = vocabulary().names["indicators.levels"]
    assert "满意度指标" in levels["level1"] and "满意度指标" in levels["level2"]
