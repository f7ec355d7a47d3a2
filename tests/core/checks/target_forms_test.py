"""Issue 11 §1: the checks a careful reviewer makes on a table of targets.

Each form is built by hand or changed from a gold form; the comments say what it prints and
why the finding follows.
"""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from jixiao.core.checks.runner import check_form
from jixiao.core.findings import Severity
from jixiao.core.model import Group
from tests.conftest import gold_form
from tests.core.handmade import row, target

W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO


def found(form, config, code):
    return [
        (f.location.path, f.severity) for f in check_form(form, config).findings if f.code == code
    ]


def national(*rows, template="mof-2020-target", year=2023):
    """A national target: one row per group of 10号's tree unless ``rows`` are given."""
    rows = rows or (
        row("产出指标", "培训人次", target="≥120人次", level2="数量指标"),
        row("产出指标", "培训合格率", target="≥95%", level2="质量指标"),
        row("产出指标", "培训按期完成率", target="100%", level2="时效指标"),
        row("产出指标", "人均培训成本", target="≤800元", level2="成本指标"),
        row("效益指标", "学员技能提升率", target="≥80%", level2="社会效益指标"),
        row("满意度指标", "学员满意度", target="≥90%", level2="服务对象满意度指标"),
    )
    return target(template, rows, year=year)


def test_the_hand_made_national_target_is_clean(config):
    assert [f.code for f in check_form(national(), config).findings] == []


def with_target(form, index, text, name=None):
    rows = list(form.indicators)
    rows[index] = replace(rows[index], target=text, name=name or rows[index].name)
    return replace(form, indicators=tuple(rows))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("促进社会和谐稳定", "≥95%"),  # 95 % of what? issue 11's example
        ("带动产业发展", "≥90%"),
        ("培训场次", "3"),  # a number with no unit
        ("覆盖村数", "100"),
        ("设备采购成本", "按政府采购价格执行"),  # a statement of practice
        ("项目成本", "不超过预算"),  # a constraint, no level
        ("按年度发放绩效奖、文明奖", "≥60%"),  # 福建 宁德 2019: 年度 inside a name is no rate
    ],
)
def test_a_target_that_cannot_be_measured(config, name, text):
    form = with_target(national(), 4, text, name)
    assert found(form, config, "target-unmeasurable") == [("indicators[4].target", W)]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("服务对象满意度", "≥95%"),  # 满意度 is a rate
        ("系统功能充分应用", "90%以上功能得到应用"),  # seed 004: the functions are counted
        ("成本控制", "成本控制在预算内"),  # seed 001: a graded level (SPEC §3)
        ("安全事故次数", "0"),  # zero needs no unit
        ("培训人数（人）", "120"),  # the unit is in the name
        ("项目计划完成及时性", "100%"),  # seed 001: 及时性 is a share of tasks on time
        ("居民健康素养水平", "≥25%"),  # a national statistic, a share of residents
        ("服务对象满意度指标", "≥90%"),  # a generic 指标 after the rate word
    ],
)
def test_a_measurable_target_passes(config, name, text):
    assert found(with_target(national(), 4, text, name), config, "target-unmeasurable") == []


def test_an_indicator_name_that_holds_its_value(config):
    form = with_target(national(), 0, "", "培训教师120人")
    assert found(form, config, "name-holds-value") == [("indicators[0].name", W)]
    defined = with_target(national(), 0, "≥95%", "故障24小时内修复率")  # a definition, not a value
    assert found(defined, config, "name-holds-value") == []


@pytest.mark.parametrize("mark", ["/", "-", "—", "无", "不适用"])
def test_a_missing_mark_is_a_missing_target(config, mark):
    form = with_target(national(), 2, mark)
    assert found(form, config, "target-missing") == [("indicators[2].target", E)]


def test_the_required_groups_of_the_national_tree(config):
    no_satisfaction = national(*national().indicators[:5])
    assert found(no_satisfaction, config, "required-groups") == [("groups", W)]
    no_timeliness = national(*national().indicators[:2], *national().indicators[3:])
    assert found(no_timeliness, config, "required-groups") == [("groups", W)]
    # 10号: a self-evaluation may leave 满意度 out (its weight moves to 产出 and 效益).
    evaluation = gold_form("001", 0)
    kept = tuple(i for i in evaluation.indicators if i.level1 != "满意度指标")
    assert found(replace(evaluation, indicators=kept, groups=()), config, "required-groups") == []


def test_shanghai_targets_need_their_own_four_groups(config):
    form = gold_form("004", 0)  # 投入和管理目标 / 产出目标 / 效果目标 / 影响力目标
    assert found(form, config, "required-groups") == []
    kept = tuple(i for i in form.indicators if i.level1 != "影响力目标")
    groups = tuple(g for g in form.groups if g.name != "影响力目标")
    changed = replace(form, indicators=kept, groups=groups)
    assert found(changed, config, "required-groups") == [("groups", W)]


def test_a_provinces_own_tree_is_not_held_to_the_national_groups(config):
    # 广东 city targets print 预期产出指标 / 效果指标: not the national tree of the fallback.
    rows = (
        row("预期产出指标", "建成村级电商服务站", target="30个"),
        row("效果指标", "带动农民就业", target="≥200人"),
    )
    form = target("guangdong-city-target", rows, year=2024)
    assert found(form, config, "required-groups") == []
    assert found(form, config, "cost-indicator-missing") == []
    # The same layout printing the national tree is held to it (SPEC §4: national rules apply).
    national_tree = replace(national(*national().indicators[:2]), template="guangdong-city-target")
    assert found(national_tree, config, "required-groups") != []


def test_satisfaction_printed_as_a_level_2_counts(config):
    # 湖南 city targets put 满意度 under 效益指标.
    rows = list(national().indicators[:5])
    rows.append(row("效益指标", "群众满意度", target="≥90%", level2="满意度指标"))
    assert found(national(*rows), config, "required-groups") == []


def test_a_cost_indicator_from_budget_year_2022(config):
    no_cost = national(*national().indicators[:3], *national().indicators[4:])
    assert found(no_cost, config, "cost-indicator-missing") == [("groups", W)]
    assert found(replace(no_cost, year=2021), config, "cost-indicator-missing") == []
    # 2021+ tree: 成本指标 as a level 1 counts as well.
    level1 = national(*no_cost.indicators, row("成本指标", "单位成本", target="≤800元"))
    assert (
        found(replace(level1, template="mof-2021-target"), config, "cost-indicator-missing") == []
    )
    # No year: the check says once that it did not run.
    skipped = check_form(replace(no_cost, year=None), config).findings
    assert [(f.code, f.found) for f in skipped if f.severity is INFO] == [
        ("check-skipped", "cost-indicator-missing"),
        ("check-skipped", "period-outside-year"),
    ]


def test_near_duplicate_indicators(config):
    twice = national(*national().indicators, row("满意度指标", "学员满意度指标", target="≥90%"))
    assert found(twice, config, "near-duplicate-indicator") == [("indicators[6].name", W)]
    apart = national(*national().indicators, row("效益指标", "群众满意度", target="≥90%"))
    assert found(apart, config, "near-duplicate-indicator") == [("indicators[6].name", W)]
    together = national(*national().indicators, row("满意度指标", "家长满意度", target="≥90%"))
    assert found(together, config, "near-duplicate-indicator") == []


def weighted(*weights):
    """The national target with its six rows weighted as given."""
    rows = zip(national().indicators, weights, strict=True)
    return national(*(replace(r, weight=D(w)) for r, w in rows))


def test_a_targets_weights_give_90_or_100(config):
    ninety = weighted("20", "10", "10", "10", "30", "10")
    assert found(ninety, config, "weight-sum") == []
    hundred = weighted("20", "20", "10", "10", "30", "10")
    assert found(hundred, config, "weight-sum") == []
    ninety_five = weighted("25", "10", "10", "10", "30", "10")
    assert found(ninety_five, config, "weight-sum") == [("indicators", E)]


def test_one_indicator_with_more_than_half_the_points(config):
    heavy = weighted("50", "5", "5", "5", "20", "5")  # 50 of 90 = 55.6 %
    assert found(heavy, config, "weight-concentrated") == [("indicators[0].weight", W)]
    half = weighted("45", "5", "5", "5", "25", "5")  # 45 of 90 = 50 %
    assert found(half, config, "weight-concentrated") == []


def test_an_indicator_left_out_of_a_self_evaluation_is_no_missing_target(config):
    # SPEC §4: a not applicable indicator is left out and the rest rescaled.
    form = gold_form("001", 3)
    rows = list(form.indicators)
    rows[6] = replace(rows[6], target="不适用", actual="不适用")  # 环保达标
    left_out = replace(form, indicators=tuple(rows))
    assert found(left_out, config, "target-missing") == []
    rows[6] = replace(rows[6], actual="无整改通知或警告")  # the actual says it applied
    assert found(replace(form, indicators=tuple(rows)), config, "target-missing") == [
        ("indicators[6].target", E)
    ]


def test_a_slash_row_under_a_level_2_is_no_missing_target(config):
    # 安徽 天长 2022: 效益指标 / 生态效益指标 / "/" with nothing else: no indicator there.
    rows = (*national().indicators, row("效益指标", "/", target=None, level2="生态效益指标"))
    assert found(national(*rows), config, "target-missing") == []


def test_an_annual_goal_with_nothing_to_count(config):
    form = gold_form("004", 0)  # "…满意度争取达到85%以上。"
    assert found(form, config, "goal-vague") == []
    vague = "进一步提高博物馆纪念馆运行效率和免费开放服务水平"  # 甘肃 嘉峪关 2023, as printed
    changed = replace(form, goals=replace(form.goals, annual=vague))
    assert found(changed, config, "goal-vague") == [("goals.annual", W)]
    counted = replace(form, goals=replace(form.goals, annual="完成三个课题的研究"))
    assert found(counted, config, "goal-vague") == []


def test_a_targets_printed_group_weight_on_the_national_tree(config):
    # 产出指标(50分) printed over 产出 rows of 20 + 10 + 10 + 10 = 50; 效益 30, 满意度 10: 90.
    form = weighted("20", "10", "10", "10", "30", "10")
    printed = (Group("产出指标", D("50")), Group("效益指标", D("30")), Group("满意度指标", D("10")))
    assert found(replace(form, groups=printed), config, "weight-sum") == []
    wrong = (Group("产出指标", D("40")), *printed[1:])  # rows give 50
    assert found(replace(form, groups=wrong), config, "weight-sum") == [("groups[0].weight", E)]


@pytest.mark.parametrize(
    ("index", "name", "text", "fires"),
    [
        (1, "培训合格率", "30人", True),  # a count for a rate
        (1, "传染病有症状者筛查率", "5人/10万人", False),  # 吉林 2016: a rate per 100,000
        (0, "培训场次", "按计划完成", True),  # words under 数量指标
        (1, "培训质量", "培训质量达到省级标准", False),  # words under 质量指标: a graded level
    ],
)
def test_counts_for_rates_and_words_for_counts(config, index, name, text, fires):
    form = with_target(national(), index, text, name)
    expected = [(f"indicators[{index}].target", W)] if fires else []
    assert found(form, config, "target-unmeasurable") == expected


def test_a_satisfaction_row_whose_level_was_lost_is_no_near_duplicate(config):
    # A flattened copy loses level cells: a row with no level 1 is not "under another group".
    lost = row(None, "群众满意度", target="≥90%")
    assert found(national(*national().indicators, lost), config, "near-duplicate-indicator") == []
