"""sh-2020-target (财政项目支出绩效目标表（2020年度）) in plain PDF text, read by structure.

The documents here are written by hand in the layout of seed 003 but differ from it: other
units, names and targets, amounts with thousands separators and in 万元, 是 for 政府购买服务,
targets wrapping over three lines, page footers inside the table, merged level-2 cells,
rows without blank lines between them. Expected values are worked out from the text. Page
footers, wrapped lines and labels sharing a line are tested at the end.
"""

from datetime import date
from decimal import Decimal

import pytest

from jixiao.io.cellsplit import LabelSet, recover_cells
from jixiao.io.document import Block, Cell, Source
from jixiao.io.parse import parse_bytes
from jixiao.io.readers.txt import read
from jixiao.io.structure.reader import title_of
from jixiao.io.structure.values import paragraphs
from jixiao.io.text import clean, is_page_footer
from jixiao.io.vocabulary import vocabulary
from tests.conftest import SAMPLES

HEAD = """
财政项目支出绩效目标表
（2021年度）

申报单位名称：上海市某某区文化和旅游局

项目名称： 社区文化活动中心运维 项目类别： 其他经常性项目

计划开始日期： 2021-03-01 计划完成日期： 2021-11-30

是否含有政府购买服务： 是 绩效类型： 运维类

项目概况：

本项目用于保障全区十二个社区文化活动中心的日常运行，包括场馆保
洁、设施维护和活动组织
，服务周边居民。

立项依据：
依据《中华人民共和国公共文化服务保障法》。

项目设立的必要性：

社区文化活动中心是基层公共文化服务的主阵地。

保证项目实施的制度、措施：

建立月度检查制度。

项目实施计划：
3月完成招标，4月至11月实施。

总目标及阶段性目标：
全年开放不少于300天，
服务居民20万人次。

本项目上年度区级财政资金使用情况
项目总预算（元）： 1,234,567.89 项目当年预算（元）： 1,200,000

同名项目上年预算额（元）： 980,000.50 同名项目上年预算执行数（元）： 975,321
"""

TABLE = """ 2021年绩效目标
一级目标 二级目标 三级目标 指标目标值

投入与管理

投入管理 资金到位及时性 按合同约定及时拨付

财务管理 资金使用规范性 符合财务制度

实施管理 招标程序合规性 程序合规

产出目标

数量 开放天数 >=300天

质量 设施完好率
设施完好率不低于95%，损坏设
施在48小时内完成维修，重大

- 2 -

故障当日处置

时效 维修响应时间 <=48小时

- 3 -

效果目标

经济效益 场馆运营成本 较上年有所下降

社会效益 服务居民人次 全年服务居民不少
于20万人次，其中青少年不
少于5万人次

满意度 居民满意度 >=85%

影响力目标

长效管理 运维制度建设 形成长效运维机制

人力资源 专职管理人员 每个中心配备专职人员

部门协助 街道配合情况 配合有效
"""


def parse(text):
    return parse_bytes("hand.txt", text.encode("utf-8"))


def unplaced(result):
    """Text left out: unplaced text, and the page numbers noted together in one finding."""
    out = []
    for f in result.findings:
        if f.code == "unplaced-text":
            out.append(f.found)
        elif f.code == "page-footer":
            out.extend(f.found.split(" | "))
    return out


def uncertain_paths(result):
    return {
        (f.location.form, f.location.path): f
        for f in result.findings
        if f.code == "uncertain-value"
    }


@pytest.fixture(scope="module")
def hand():
    return parse(HEAD + TABLE)


def test_header_fields(hand):
    (form,) = hand.forms
    assert form.template == "sh-2020-target"
    assert form.year == 2021
    p = form.project
    assert p.unit == "上海市某某区文化和旅游局"
    assert p.name == "社区文化活动中心运维"
    assert p.category == ("其他经常性项目",)
    assert p.performance_type == "运维类"
    assert p.purchases_services is True
    assert (p.start_date, p.end_date) == (date(2021, 3, 1), date(2021, 11, 30))


def test_prose_sections_are_joined(hand):
    p = hand.forms[0].project
    assert p.overview == (
        "本项目用于保障全区十二个社区文化活动中心的日常运行，包括场馆保洁、设施维护和"
        "活动组织，服务周边居民。"
    )
    assert p.basis == "依据《中华人民共和国公共文化服务保障法》。"
    assert p.necessity == "社区文化活动中心是基层公共文化服务的主阵地。"
    assert p.safeguards == "建立月度检查制度。"
    assert p.plan == "3月完成招标，4月至11月实施。"
    assert hand.forms[0].goals.overall == "全年开放不少于300天，服务居民20万人次。"


def test_amounts_drop_thousands_separators(hand):
    funds = hand.forms[0].funds
    assert funds.currency_unit == "元"
    assert funds.total_budget == Decimal("1234567.89")
    assert funds.budget == Decimal("1200000")
    assert funds.previous_budget == Decimal("980000.50")
    assert funds.previous_executed == Decimal("975321")
    assert funds.initial_budget is None and funds.executed is None


def test_groups_in_table_order_without_weights(hand):
    groups = hand.forms[0].groups
    assert [g.name for g in groups] == ["投入与管理", "产出目标", "效果目标", "影响力目标"]
    assert all(g.weight is None for g in groups)


def test_rows_and_targets(hand):
    rows = [(i.level1, i.level2, i.name, i.target) for i in hand.forms[0].indicators]
    assert rows == [
        ("投入与管理", "投入管理", "资金到位及时性", "按合同约定及时拨付"),
        ("投入与管理", "财务管理", "资金使用规范性", "符合财务制度"),
        ("投入与管理", "实施管理", "招标程序合规性", "程序合规"),
        ("产出目标", "数量", "开放天数", ">=300天"),
        (
            "产出目标",
            "质量",
            "设施完好率",
            "设施完好率不低于95%，损坏设施在48小时内完成维修，重大故障当日处置",
        ),
        ("产出目标", "时效", "维修响应时间", "<=48小时"),
        ("效果目标", "经济效益", "场馆运营成本", "较上年有所下降"),
        (
            "效果目标",
            "社会效益",
            "服务居民人次",
            "全年服务居民不少于20万人次，其中青少年不少于5万人次",
        ),
        ("效果目标", "满意度", "居民满意度", ">=85%"),
        ("影响力目标", "长效管理", "运维制度建设", "形成长效运维机制"),
        ("影响力目标", "人力资源", "专职管理人员", "每个中心配备专职人员"),
        ("影响力目标", "部门协助", "街道配合情况", "配合有效"),
    ]


def test_only_page_footers_are_left_and_nothing_is_guessed(hand):
    assert unplaced(hand) == ["- 2 -", "- 3 -"]
    assert not uncertain_paths(hand)


def test_two_forms_a_title_with_its_year_and_amounts_in_wan_yuan():
    second = """ 财政项目支出绩效目标表（2021年度）
申报单位名称：某某信息中心
项目名称： 信息系统运维 项目类别： 信息化建设类
计划开始日期： 2021-01-01 计划完成日期： 2021年12月31日
是否含有政府购买服务： 否 绩效类型： 信息化类
项目总预算（万元）： 12.5 项目当年预算（万元）： 10
同名项目上年预算额（万元）： 同名项目上年预算执行数（万元）：
2021年绩效目标
产出目标
数量 巡检次数 >=12次
"""
    result = parse(HEAD + TABLE + second)
    assert len(result.forms) == 2
    form = result.forms[1]
    assert form.project.name == "信息系统运维"
    assert form.project.purchases_services is False
    assert form.project.end_date == date(2021, 12, 31)
    assert form.project.overview is None
    assert (form.funds.currency_unit, form.funds.total_budget, form.funds.budget) == (
        "万元",
        Decimal("12.5"),
        Decimal("10"),
    )
    assert form.funds.previous_budget is None and form.funds.previous_executed is None
    assert [(i.level2, i.name, i.target) for i in form.indicators] == [
        ("数量", "巡检次数", ">=12次")
    ]
    assert unplaced(result) == ["- 2 -", "- 3 -"]


TABLE_HEAD = "财政项目支出绩效目标表\n（2021年度）\n项目名称： 某项目\n2021年绩效目标\n一级目标 二级目标 三级目标 指标目标值\n"


def test_merged_level2_cells_are_inherited_and_the_unsettled_ones_reported():
    table = """
产出目标

系统可用率 >=99%

数量 巡检次数 >=12次

故障修复数 全部修复

质量 数据准确率 100%

效果目标

社会效益

受益人数 >=1000人

带动就业 >=50人
"""
    result = parse(TABLE_HEAD + table)
    rows = [(i.level1, i.level2, i.name, i.target) for i in result.forms[0].indicators]
    assert rows == [
        ("产出目标", None, "系统可用率", ">=99%"),
        ("产出目标", "数量", "巡检次数", ">=12次"),
        ("产出目标", "数量", "故障修复数", "全部修复"),
        ("产出目标", "质量", "数据准确率", "100%"),
        ("效果目标", "社会效益", "受益人数", ">=1000人"),
        ("效果目标", "社会效益", "带动就业", ">=50人"),
    ]
    found = uncertain_paths(result)
    # The first row's level-2 cell may be empty or the merged 数量 (its label printed below
    # it): read as empty, reported; the third row's may be 数量 (above) or 质量 (below).
    # Rows under 社会效益 alone are settled.
    assert set(found) == {(0, "indicators[0].level2"), (0, "indicators[2].level2")}
    assert found[(0, "indicators[0].level2")].expected == "(空) | 数量"
    assert found[(0, "indicators[2].level2")].expected == "数量 | 质量"
    assert not unplaced(result)


def test_rows_without_blank_lines_are_told_by_their_shape():
    table = """产出目标
数量 巡检次数 >=12次
故障修复数 全部修复
时效 响应时间 接到报修后
2小时内到场
，节假日不
间断
"""
    result = parse(TABLE_HEAD + table)
    rows = [(i.level2, i.name, i.target) for i in result.forms[0].indicators]
    assert rows == [
        ("数量", "巡检次数", ">=12次"),
        ("数量", "故障修复数", "全部修复"),
        ("时效", "响应时间", "接到报修后 2小时内到场，节假日不间断"),
    ]


def test_a_level2_of_another_group_goes_to_its_tree_group_and_is_reported():
    # 满意度 stands under 效果目标 in the layout's tree: the row under a printed 产出目标 is
    # read into the tree's group, and the group is reported as inferred.
    result = parse(TABLE_HEAD + "产出目标\n\n满意度 服务对象满意度 >=90%\n")
    (indicator,) = result.forms[0].indicators
    assert (indicator.level1, indicator.level2) == ("效果目标", "满意度")
    assert [g.name for g in result.forms[0].groups] == ["产出目标", "效果目标"]
    assert (0, "groups[1].name") in uncertain_paths(result)


def test_text_after_the_table_is_reported_not_read_as_a_target():
    result = parse(TABLE_HEAD + "产出目标\n\n数量 巡检次数 >=12次\n\n填报人：张三 联系电话：1234\n")
    (indicator,) = result.forms[0].indicators
    assert indicator.target == ">=12次"
    # the line is partly placed (联系电话： a label of no field): the rest is reported by piece
    assert unplaced(result) == ["填报人：张三 | 1234"]


def test_an_unreadable_value_is_reported_with_what_was_printed():
    result = parse(HEAD.replace("2021-03-01", "2021-13-01") + TABLE)
    form = result.forms[0]
    assert form.project.start_date is None
    assert form.project.end_date == date(2021, 11, 30)
    (bad,) = [f for f in result.findings if f.code == "unreadable-value"]
    assert (bad.location.path, bad.found) == ("project.start_date", "2021-13-01")


def test_a_table_without_heading_starts_at_its_first_level1_label():
    text = (
        "财政项目支出绩效目标表\n（2021年度）\n项目名称： 某项目\n产出目标\n数量 巡检次数 >=12次\n"
        "效果目标\n满意度 服务对象满意度 >=90%\n"
    )
    result = parse(text)
    rows = [(i.level1, i.level2, i.name, i.target) for i in result.forms[0].indicators]
    assert rows == [
        ("产出目标", "数量", "巡检次数", ">=12次"),
        ("效果目标", "满意度", "服务对象满意度", ">=90%"),
    ]
    assert result.forms[0].project.name == "某项目"
    assert not unplaced(result)


def test_a_definition_in_brackets_becomes_the_explanation():
    result = parse(TABLE_HEAD + "投入与管理\n\n投入管理 预算执行率(执行数/预算数) >=90%\n")
    (indicator,) = result.forms[0].indicators
    assert (indicator.name, indicator.explanation, indicator.target) == (
        "预算执行率",
        "执行数/预算数",
        ">=90%",
    )


def test_seed_003_leaves_only_its_page_footer_and_guesses_nothing():
    seed = SAMPLES / "seeds" / "003_0ac360506fdddbba.txt"
    result = parse_bytes(seed.name, seed.read_bytes())
    assert [f.code for f in result.findings] == ["page-footer"]
    assert unplaced(result) == ["- 3 -"]


def test_the_title_names_a_project_form():
    title = Block(0, (Cell(" 财政项目支出绩效目标表", Source(line=1)),))
    assert title_of(title, vocabulary()) == ("财政项目支出绩效目标表", "target", False)


def test_vocabulary_names_the_layout_s_labels_levels_and_tree():
    words = vocabulary("sh-2020-target")
    for label in ("项目总预算（元）", "同名项目上年预算执行数（万元）", "总目标及阶段性目标"):
        assert words.is_label(label)
    assert words.field("indicators.levels", "投入与管理") == "level1"
    assert words.field("indicators.levels", "数量") == "level2"
    assert words.field("indicators.levels", "质量达标") is None  # a wrapped target
    assert words.group_of("满意度") == "效果目标"
    assert words.field("indicators", "2020年绩效目标") == "block"
    assert words.field("indicators.columns", "三级目标") == "name"
    assert words.field("goals", "总目标及阶段性目标：") == "overall"


# page footers, wrapped lines, labels sharing a line


@pytest.mark.parametrize("text", ["- 3 -", "-12-", "— 7 —", "第 3 页", "第3页 共9页", "3/9"])
def test_page_footers(text):
    assert is_page_footer(text)


@pytest.mark.parametrize("text", ["-", "2020-12-31", "第三季度", ">=3", "3次"])
def test_not_page_footers(text):
    assert not is_page_footer(text)


def test_wrapped_lines_and_paragraphs_are_joined():
    assert (
        clean("该项目是为了保障\n，主要用于\n课题研究。") == "该项目是为了保障，主要用于课题研究。"
    )
    # A break after a full stop is a paragraph break; after an unfinished sentence it is not.
    chosen, _ = paragraphs("第一段。\n\n第二段的前半\n\n和后半。", typed=False)
    assert chosen == "第一段。\n第二段的前半和后半。"
    assert clean("完成 60\n次调研") == "完成 60 次调研"
    assert clean(" \n ") is None


def test_labels_sharing_a_line_are_cut_with_their_units():
    labels = LabelSet.build(fields=["项目名称", "项目类别", "项目总预算", "项目当年预算"])

    def cells(line):
        doc, _ = recover_cells(read("hand.txt", line.encode()), labels)
        return [b.texts for b in doc.blocks]

    assert cells("项目总预算（万元）： 1,000 项目当年预算(元)：") == [
        ["项目总预算（万元）：", "1,000", "项目当年预算(元)："]
    ]
    assert cells("见上 项目类别： 其他") == [["见上", "项目类别：", "其他"]]
    assert cells("项目名称：甲乙项目类别：其他") == [["项目名称：", "甲乙", "项目类别：", "其他"]]
    assert cells("没有标签的一行") == [["没有标签的一行"]]
