"""Printed values read apart: group points and bands, weights, split targets, paragraphs."""

from decimal import Decimal

import pytest

from jixiao.io.structure.values import (
    form_date,
    group_label,
    joined,
    paragraphs,
    ticked,
    weight,
    with_unit,
)
from tests.io.structure.helpers import read


@pytest.mark.parametrize(
    ("printed", "name", "points", "band"),
    [
        ("产出指标(50分)", "产出指标", Decimal(50), None),
        ("产出指标（50分）", "产出指标", Decimal(50), None),
        ("投入与管理（36分）", "投入与管理", Decimal(36), None),
        ("产出指标(30-50)分", "产出指标", None, (Decimal(30), Decimal(50))),
        ("效益指标（20～30分）", "效益指标", None, (Decimal(20), Decimal(30))),
        ("满意度指标", "满意度指标", None, None),
    ],
)
def test_a_level1_label_gives_its_name_and_points_or_band(printed, name, points, band):
    label = group_label(printed)
    assert (label.name, label.points, label.band) == (name, points, band)


@pytest.mark.parametrize(
    ("printed", "value"), [("20", Decimal(20)), ("20%", Decimal(20)), ("7.5", Decimal("7.5"))]
)
def test_a_weight_printed_as_a_percentage_is_its_number(printed, value):
    assert weight(printed) == value


def test_a_weight_that_is_not_a_number_is_none():
    assert weight("较好") is None and weight("") is None


def test_cells_of_one_value_are_joined_in_printed_order_without_spaces():
    assert joined(["≧", "120", "人次"]) == "≧120人次"
    assert joined(["大于等于", " 1 ", "次"]) == "大于等于1次"
    assert joined(["", ""]) is None


def test_a_comparator_mark_goes_before_the_target_and_other_words_are_reported():
    result, left = read(
        [
            ["项目支出绩效自评表", "", "", "", "", "", "", ""],
            ["项目名称", "示范项目", "", "", "", "", "", ""],
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "计算符号",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分",
            ],
            ["产出指标", "数量指标", "培训人次", "大于等于", "95", "96", "10", "10"],
            ["产出指标", "质量指标", "培训质量", "定性", "有效提升", "有效提升", "10", "9"],
        ]
    )
    form = result.forms[0]
    assert [i.target for i in form.indicators] == ["大于等于95", "有效提升"]
    assert left == []


def test_a_unit_follows_a_value_ending_in_its_number_only():
    assert with_unit("≥120", "人次") == "≥120人次"
    assert with_unit("0", "次") == "0次"
    assert with_unit("40%", "%") == "40%"
    assert with_unit("否", "是/否") == "否"


def test_typed_line_breaks_are_paragraphs():
    assert paragraphs("第一段。\n第二段。", typed=True) == ("第一段。\n第二段。", None)


def test_a_wrapped_line_after_a_full_stop_is_read_as_a_paragraph_and_the_other_reading_given():
    text = "偏差原因：线上课程未达\n预期。\n改进措施：提前组织。"
    chosen, other = paragraphs(text, typed=False)
    assert chosen == "偏差原因：线上课程未达预期。\n改进措施：提前组织。"
    assert other == "偏差原因：线上课程未达预期。改进措施：提前组织。"


def test_ticked_boxes_are_the_chosen_items():
    assert ticked("新增项目□ 延续项目√") == ("延续项目",)
    assert ticked("√政府购买服务 □其他事业专业类") == ("政府购买服务",)
    assert ticked("专项业务经费") == ("专项业务经费",)


@pytest.mark.parametrize(
    ("printed", "iso"),
    [("2019/1/1", "2019-01-01"), ("2024年1月", "2024-01"), ("2024-12", "2024-12")],
)
def test_a_printed_day_or_month_is_read(printed, iso):
    assert form_date(printed).isoformat() == iso


def test_a_date_that_is_not_one_is_none():
    assert form_date("2024年13月") is None and form_date("年底前") is None


def test_a_break_before_a_numbered_item_is_a_settled_paragraph():
    assert paragraphs("1、全年签约12860人。\n2、建档率98.2%。", typed=False) == (
        "1、全年签约12860人。\n2、建档率98.2%。",
        None,
    )
