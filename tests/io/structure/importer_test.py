"""The structure importer on small grids: each behaviour with its values worked out by hand."""

from decimal import Decimal

from jixiao.core.model import FormKind
from jixiao.io.parse import parse_bytes
from tests.io.structure.helpers import HEADER, codes, read


def test_level_cells_merged_or_left_blank_belong_to_the_rows_below():
    result, _ = read(
        [
            HEADER,
            ["产出指标", "数量指标", "培训期数", "≥12期", "14期", "10", "10"],
            ["^产出指标", "^数量指标", "培训人次", "≥600人次", "532人次", "10", "8.87"],
            ["", "质量指标", "合格率", "≥95%", "98.5%", "10", "10"],
            ["效益指标", "", "能力提升", "明显提升", "明显提升", "10", "10"],
        ]
    )
    [form] = result.forms
    levels = [(i.level1, i.level2, i.name) for i in form.indicators]
    assert levels == [
        ("产出指标", "数量指标", "培训期数"),
        ("产出指标", "数量指标", "培训人次"),
        ("产出指标", "质量指标", "合格率"),
        ("效益指标", None, "能力提升"),  # a new level 1 does not keep the old level 2
    ]
    assert form.indicators[1].score == Decimal("8.87")


def test_a_target_split_over_cells_is_joined_in_printed_order():
    result, _ = read(
        [
            ["一级指标", "二级指标", "三级指标", "年度指标值", "", "", "实际完成值"],
            ["产出指标", "数量指标", "培训人次", "≧", "120", "人次", "126人次"],
            ["^产出指标", "^数量指标", "评估次数", "大于等于", "1", "次", "1次"],
        ]
    )
    assert [i.target for i in result.forms[0].indicators] == ["≧120人次", "大于等于1次"]


def test_a_comparator_column_and_a_unit_column_join_the_target_and_the_actual():
    result, _ = read(
        [
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "指标性质",
                "指标值",
                "完成值",
                "度量单位",
                "权重",
            ],
            ["产出指标", "数量指标", "活动场次", "≥", "1200", "1260", "场次", "15"],
            ["效益指标", "社会效益指标", "综合素质", "定性", "有效提升", "有效提升", "", "15"],
        ]
    )
    first, second = result.forms[0].indicators
    assert (first.target, first.actual) == ("≥1200场次", "1260场次")
    assert (second.target, second.actual) == ("有效提升", "有效提升")


def test_group_points_in_the_level1_label_are_the_group_weight_and_a_range_is_a_band():
    result, _ = read(
        [
            ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
            ["产出指标(50分)", "数量指标", "培训期数", "≥12期", "20%"],
            ["效益指标(30-50)分", "社会效益指标", "能力提升", "明显提升", "30"],
        ]
    )
    [form] = result.forms
    assert [(g.name, g.weight, g.band) for g in form.groups] == [
        ("产出指标", Decimal(50), None),
        ("效益指标", None, (Decimal(30), Decimal(50))),
    ]
    assert [i.level1 for i in form.indicators] == ["产出指标", "效益指标"]
    assert form.indicators[0].weight == Decimal(20)  # printed 20%


def test_annual_columns_are_read_and_long_term_ones_reported_with_their_values():
    result, _ = read(
        [
            ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
            ["产出指标", "数量指标", "服务站个数", "90个", "30个"],
        ]
    )
    assert result.forms[0].indicators[0].target == "30个"
    [long_term] = [f for f in result.findings if f.code == "long-term-indicators"]
    assert long_term.found == "服务站个数: 中期指标值 90个"


def test_several_projects_in_one_table_give_one_form_each_with_its_budget_and_goal():
    result, _ = read(
        [
            ["单位：元"],
            [
                "项目名称",
                "预算金额",
                "年度绩效目标",
                "一级指标",
                "二级指标",
                "三级指标",
                "指标值",
                "权重",
            ],
            [
                "道路养护",
                "1,260,000.00",
                "养护86公里",
                "产出指标",
                "数量指标",
                "养护里程",
                "≥86公里",
                "60%",
            ],
            [
                "^道路养护",
                "^1,260,000.00",
                "^养护86公里",
                "满意度指标",
                "服务对象满意度指标",
                "满意度",
                "≥90%",
                "40%",
            ],
            [
                "垃圾清运",
                "845600.00",
                "日产日清",
                "产出指标",
                "时效指标",
                "清运及时率",
                "≥98%",
                "100%",
            ],
        ]
    )
    roads, rubbish = result.forms
    assert (roads.project.name, rubbish.project.name) == ("道路养护", "垃圾清运")
    assert roads.funds.budget == Decimal("1260000.00") and roads.funds.currency_unit == "元"
    assert rubbish.goals.annual == "日产日清"
    assert [i.name for i in roads.indicators] == ["养护里程", "满意度"]
    assert [g.name for g in rubbish.groups] == ["产出指标"]


def test_every_title_starts_a_form_of_its_kind_and_year():
    result, _ = read(
        [
            ["项目支出绩效目标表（2024年度）"],
            ["项目名称", "甲项目"],
            HEADER[:4],
            ["产出指标", "数量指标", "甲指标", "≥1个"],
            ["项目支出绩效自评表"],
            ["（2023年度）"],
            ["项目名称", "乙项目"],
            HEADER,
            ["产出指标", "数量指标", "乙指标", "≥1个", "2个", "10", "10"],
        ]
    )
    target, evaluation = result.forms
    assert (target.kind, target.year, target.project.name) == (FormKind.TARGET, 2024, "甲项目")
    assert (evaluation.kind, evaluation.year) == (FormKind.SELF_EVALUATION, 2023)
    assert [i.name for i in evaluation.indicators] == ["乙指标"]


def test_placeholders_are_not_part_of_a_name_and_ellipsis_rows_are_not_indicators():
    result, _ = read(
        [
            HEADER,
            ["产出指标", "数量指标", "指标1:完成改造项目数量", "1", "1", "10", "10"],
            ["^产出指标", "^数量指标", "指标2：……", "", "", "", ""],
            ["^产出指标", "^数量指标", "……", "", "", "", ""],
        ]
    )
    assert [i.name for i in result.forms[0].indicators] == ["完成改造项目数量"]


def test_instruction_text_left_in_a_cell_stays_as_printed():
    result, _ = read(
        [
            [*HEADER, "偏差原因分析及改进措施"],
            ["产出指标", "数量指标", "培训期数", "≥12期", "10期", "10", "8", "（100字以内）"],
        ]
    )
    assert result.forms[0].indicators[0].deviation == "（100字以内）"


def test_a_column_with_no_canonical_field_is_reported_with_its_values():
    result, left = read(
        [
            ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"],
            ["产出指标", "数量指标", "培训期数", "≥12期", "计划标准"],
            ["^产出指标", "^数量指标", "培训人次", "≥600人次", "历史标准"],
        ]
    )
    [unknown] = [f for f in result.findings if f.code == "unknown-column"]
    assert unknown.found == "绩效标准: 计划标准 | 历史标准"
    assert left == []


def test_a_form_with_no_year_anywhere_says_so():
    result, _ = read([HEADER[:4], ["产出指标", "数量指标", "培训期数", "≥12期"]])
    assert result.forms[0].year is None
    assert "year-missing" in codes(result)


def test_the_year_comes_from_the_dates_when_no_title_prints_it():
    result, _ = read(
        [
            ["开始时间", "2023-01-01", "结束时间", "2023-12-31"],
            HEADER[:4],
            ["产出指标", "数量指标", "培训期数", "≥12期"],
        ]
    )
    assert result.forms[0].year == 2023
    assert "year-missing" not in codes(result)


def test_a_self_evaluation_cut_short_inside_its_table_is_returned_with_a_finding():
    result, _ = read(
        [
            ["项目支出绩效自评表（2022年度）"],
            HEADER,
            ["产出指标", "数量指标", "培训期数", "≥12期", "14期", "10", "10"],
        ]
    )
    assert [i.name for i in result.forms[0].indicators] == ["培训期数"]
    assert "truncated-form" in codes(result)


def test_a_total_row_ends_the_table_and_gives_the_total_score():
    result, _ = read(
        [
            ["项目支出绩效自评表（2022年度）"],
            HEADER,
            ["产出指标", "数量指标", "培训期数", "≥12期", "14期", "10", "9.5"],
            ["总分", "", "", "", "", "10", "9.5"],
        ]
    )
    assert result.forms[0].total_score == Decimal("9.5")
    assert "truncated-form" not in codes(result)


def test_a_known_layout_is_named_by_its_distinctive_words_and_an_unknown_one_is_reported():
    sichuan, _ = read(
        [
            ["预算执行情况（10分）", "年初预算", "调整后预算数", "预算执行数"],
            ["总额", "120.00", "126.50", "121.86"],
            [
                *HEADER[:3],
                "指标性质",
                "指标值",
                "度量单位",
                "完成值",
                "权重",
                "得分",
                "未完成原因分析",
            ],
            ["产出指标", "数量指标", "活动场次", "≥", "1200", "场次", "1260", "15", "15", ""],
        ]
    )
    assert sichuan.forms[0].template == "sichuan-2023-self-eval"
    assert sichuan.forms[0].kind is FormKind.SELF_EVALUATION
    unknown, _ = read([[*HEADER[:3], "目标值"], ["项目产出", "产出数量", "口岸个数", "≥12个"]])
    assert unknown.forms[0].template is None
    assert "layout-unmatched" in codes(unknown)


def test_a_department_wide_form_has_no_project_name_and_the_department_as_unit():
    result, _ = read(
        [
            ["部门整体支出绩效目标表（2019年度）"],
            ["部门（单位）名称", "示范市档案馆"],
            HEADER[:4],
            ["产出指标", "数量指标", "接收档案数量", "≥1.2万卷"],
        ]
    )
    [form] = result.forms
    assert form.project.name is None and form.project.unit == "示范市档案馆"
    assert form.kind is FormKind.TARGET


def test_a_rows_labels_then_their_values_pair_in_order():
    # 湖北 广水, flattened: 部门(单位)名称 填报人 广水市人民政府办公室 南春锋
    result, left = read(
        [
            ["部门整体支出绩效目标申报表"],
            ["部门（单位）名称", "填报人", "广水市人民政府办公室", "南春锋"],
            HEADER[:4],
            ["产出指标", "数量指标", "接收档案数量", "≥1.2万卷"],
        ]
    )
    assert result.forms[0].project.unit == "广水市人民政府办公室"
    assert left == ["南春锋"]  # 填报人 has no field: its value is reported
    # One value after two labels: the first was left empty (安徽 天长 主管部门).
    result, _ = read(
        [
            ["项目名称", "示范项目"],
            ["主管部门", "实施单位", "示范局"],
            HEADER[:4],
            ["产出指标", "数量指标", "接收档案数量", "≥1.2万卷"],
        ]
    )
    project = result.forms[0].project
    assert (project.department, project.unit) == (None, "示范局")


def test_a_unit_label_among_other_cells_gives_the_currency_with_no_funds_read():
    # 湖北 广水, flattened and cut short: 单位:万元 stands among the funds block's cells.
    result, left = read(
        [
            ["部门整体支出绩效目标申报表"],
            ["部门（单位）名称", "示范局", "单位：万元", "联系电话"],
            HEADER[:4],
            ["产出指标", "数量指标", "接收档案数量", "≥1.2万卷"],
        ]
    )
    assert result.forms[0].funds.currency_unit == "万元"
    assert result.forms[0].funds.budget is None
    assert "单位：万元" not in left


def test_every_cell_is_placed_or_left_for_a_finding():
    result, left = read(
        [
            ["项目名称", "示范项目", "主管部门", "示范局"],
            HEADER,
            ["产出指标", "数量指标", "培训期数", "≥12期", "14期", "10", "不适用"],
        ]
    )
    assert result.forms[0].project.department == "示范局"
    assert left == ["不适用"]  # a score that is not a number is not placed: reported


def test_a_groups_points_printed_alone_go_to_the_group_the_tree_names():
    # 安徽 天长: the level-1 cells are lost, only '(50分)' stands where the label was
    result, _ = read(
        [
            HEADER,
            ["(50分)", "", "", "", "", "", ""],
            ["", "数量指标", "改造项目数量", "1", "1", "10", "10"],
            ["", "经济效益指标", "全市安全度汛", "达标", "达标", "10", "10"],
        ]
    )
    [form] = result.forms
    assert [(g.name, g.weight) for g in form.groups] == [
        ("产出指标", Decimal(50)),
        ("效益指标", None),
    ]
    uncertain = {f.location.path for f in result.findings if f.code == "uncertain-value"}
    assert uncertain == {"groups[0].name", "groups[1].name"}  # named by the tree, not printed


def test_a_label_alone_on_its_row_takes_the_paragraphs_under_it():
    result, _ = read(
        [
            ["年度总体目标"],
            ["目标1:确保工资发放;"],
            ["目标2:保障日常运行。"],
            HEADER[:4],
            ["产出指标", "数量指标", "培训期数", "≥12期"],
        ]
    )
    assert result.forms[0].goals.overall == "目标1:确保工资发放;\n目标2:保障日常运行。"


def test_a_table_printed_without_its_header_row_is_read_in_the_layouts_column_order():
    # the Shanghai 2020 target's entry names its columns: 一级目标 二级目标 三级目标 指标目标值
    result, left = read(
        [
            ["财政项目支出绩效目标表", "", "", ""],
            ["（2020年度）", "", "", ""],
            ["项目名称", "阅读推广活动经费", "", ""],
            ["产出目标", "数量", "阅读推广活动场次", ">=120场"],
            ["^产出目标", "质量", "活动方案审核通过率", "100%"],
            ["效果目标", "社会效益", "全民阅读氛围", "进一步浓厚"],
            ["投入与管理", "投入管理", "预算资金到位率", ">=95%"],
            ["填报人：李四", "", "", ""],
        ]
    )
    [form] = result.forms
    assert form.template == "sh-2020-target"
    assert [(i.level1, i.level2, i.name) for i in form.indicators][:2] == [
        ("产出目标", "数量", "阅读推广活动场次"),
        ("产出目标", "质量", "活动方案审核通过率"),
    ]
    assert left == ["填报人：李四"]  # a signature line ends the table, reported


def test_a_stores_truncation_mark_cuts_the_form_short_and_is_no_part_of_a_field():
    text = (
        "项目绩效目标表（2023年度）\n"
        "项目名称 | 示范培训项目\n"
        "一级指标 | 二级指标 | 三级指标 | 指标值\n"
        "产出指标 | 数量指标 | 培训期数 | ≥12期\n"
        " | 质量指标 | 培训合格率 [truncated in store]\n"
    )
    result = parse_bytes("page.txt", text.encode("utf-8"))
    (form,) = result.forms
    assert [i.name for i in form.indicators] == ["培训期数", "培训合格率"]
    assert form.indicators[1].target is None  # the mark is not read as the target
    codes = [f.code for f in result.findings]
    assert "truncated-form" in codes
    assert not any("truncated in store" in (f.found or "") for f in result.findings)
