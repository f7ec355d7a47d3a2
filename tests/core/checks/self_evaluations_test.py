"""Issue 11 §2: the checks a careful reviewer makes on a self-evaluation.

Each form is a gold form changed by hand at one place; the comments work out the figures.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from jixiao.core.checks.runner import check_form
from jixiao.core.findings import Severity
from tests.conftest import gold_form
from tests.core.handmade import funds, scored_rows, self_evaluation

W, E = Severity.WARNING, Severity.ERROR


def found(form, config, code=None):
    return sorted(
        (f.code, f.location.path, f.severity)
        for f in check_form(form, config).findings
        if code is None or f.code == code
    )


def with_row(form, index, **changes):
    rows = list(form.indicators)
    rows[index] = replace(rows[index], **changes)
    return replace(form, indicators=tuple(rows))


def unfilled(form):
    rows = tuple(replace(i, actual=None, score=None, deviation=None) for i in form.indicators)
    return replace(form, indicators=rows, total_score=None, grade=None)


def test_an_unfilled_self_evaluation_is_one_clear_error(config):
    # seed 001 合作交流工作业务费 with every 实际完成值 and 得分 blank and no 总分; its funds row
    # keeps its own two findings (80.88 printed for 80.89; low execution unexplained).
    assert found(unfilled(gold_form("001", 0)), config) == [
        ("form-unfilled", "indicators", E),
        ("low-execution", "funds.execution_rate", W),
        ("rate-mismatch", "funds.execution_rate", W),
    ]
    # The same with every actual marked "/": a mark says nothing either.
    marked = unfilled(gold_form("001", 0))
    marked = replace(marked, indicators=tuple(replace(i, actual="/") for i in marked.indicators))
    assert found(marked, config, "form-unfilled") == [("form-unfilled", "indicators", E)]


def test_template_debris_is_reported_where_it_sits(config):
    form = gold_form("001", 2)
    form = replace(
        form, goals=replace(form.goals, achieved="请对照年度目标说明完成情况（100字以内）")
    )
    form = with_row(form, 3, actual="……")  # 任务完成及时性: a placeholder
    form = with_row(form, 9, deviation="0")  # 服务对象满意度 9 of 10: a 0 typed as the reason
    assert found(form, config, "template-debris") == [
        ("template-debris", "goals.achieved", W),
        ("template-debris", "indicators[3].actual", W),
        ("template-debris", "indicators[9].deviation", W),
    ]
    assert found(gold_form("001", 2), config, "template-debris") == []


def test_the_achieved_text_copying_the_goal(config):
    form = gold_form("001", 1)
    copied = replace(form, goals=replace(form.goals, achieved=form.goals.overall + " "))
    assert found(copied, config, "achieved-copies-goal") == [
        ("achieved-copies-goal", "goals.achieved", W)
    ]
    assert found(form, config, "achieved-copies-goal") == []


def test_the_annual_goal_copying_the_overall_goal(config):
    form = gold_form("004", 0)
    copied = replace(form, goals=replace(form.goals, annual=form.goals.overall))
    assert found(copied, config, "goal-copied") == [("goal-copied", "goals.annual", W)]
    assert found(form, config, "goal-copied") == []


def test_a_qualitative_actual_that_contradicts_its_target_at_full_score(config):
    form = with_row(gold_form("001", 0), 7, actual="长效机制尚未建立")  # 5 of 5
    assert found(form, config, "actual-contradicts-target") == [
        ("actual-contradicts-target", "indicators[7].actual", E)
    ]
    # 无整改通知或警告 (seed 001 驻外办): the target says 无 too; 后勤保障质量 8 of 10 is no full score.
    assert found(gold_form("001", 3), config, "actual-contradicts-target") == []


@pytest.mark.parametrize(
    ("index", "field", "text"),
    [(9, "actual", "102%"), (0, "target", "≥110%")],  # 满意度 102 %; 服务办事处人员覆盖率 ≥110 %
)
def test_a_share_above_100_percent(config, index, field, text):
    form = with_row(gold_form("001", 3 if index == 0 else 0), index, **{field: text})
    assert found(form, config, "impossible-value") == [
        ("impossible-value", f"indicators[{index}].{field}", E)
    ]


def test_a_growth_rate_may_pass_100_percent(config):
    form = with_row(gold_form("001", 0), 9, name="营业收入增长率", target="≥100%", actual="130%")
    assert found(form, config, "impossible-value") == []


def test_more_spent_than_budgeted(config):
    form = gold_form("001", 0)
    over = replace(form, funds=replace(form.funds, executed=D("626600")))  # budget 626,500
    assert found(over, config, "over-budget") == [("over-budget", "funds.executed", E)]
    assert found(gold_form("001", 3), config, "over-budget") == []  # 306,600 of 306,600


def test_a_missing_total_and_a_blank_score_the_total_counts(config):
    form = gold_form("001", 0)
    assert found(replace(form, total_score=None), config, "score-missing") == [
        ("score-missing", "total_score", E)
    ]
    blank = with_row(form, 0, score=None)  # 赴对口支援地区工作次数 10 points, total 98.09 printed
    assert found(blank, config, "score-missing") == [("score-missing", "indicators[0].score", E)]
    assert found(form, config, "score-missing") == []


@pytest.mark.parametrize(
    ("printed", "fires"),
    [
        ("91", True),  # 90.64 % printed with no decimals: a gap of 0.36 hidden
        ("90.6", True),  # one decimal
        ("90.64", False),
    ],
)
def test_a_rate_printed_with_fewer_decimals_than_two(config, printed, fires):
    rows = scored_rows(产出指标="50", 效益指标="30", 满意度指标="10")
    # 90,640 ÷ 100,000 = 90.64 %; 9.06 of 10 points; total 9.06 + 90 = 99.06
    form = self_evaluation(
        "mof-2020-self-eval",
        rows,
        funds=funds(executed="90640", rate=printed, score="9.06"),
        total="99.06",
        grade="优",
    )
    assert found(form, config) == ([("rate-mismatch", "funds.execution_rate", W)] if fires else [])


def test_a_rate_exact_at_no_decimals_is_no_slip(config):
    form = gold_form("001", 3)  # 306,600 ÷ 306,600 printed 100
    assert found(form, config, "rate-mismatch") == []


def test_money_posing_as_an_output(config):
    form = with_row(gold_form("001", 0), 0, name="项目资金支付金额", target="50", actual="46.5")
    assert ("money-as-output", "indicators[0].name", W) in found(form, config)
    assert found(gold_form("001", 0), config, "money-as-output") == []


def test_a_cost_indicator_at_100_percent_while_less_was_spent(config):
    # 成本控制 (产出指标 / 成本指标) claims 100 %; 506,745.04 ÷ 626,500 = 80.89 % spent
    form = with_row(gold_form("001", 0), 4, target="100%", actual="100%")
    assert found(form, config, "cost-contradicts-execution") == [
        ("cost-contradicts-execution", "indicators[4].actual", W)
    ]
    spent = with_row(gold_form("001", 3), 4, target="100%", actual="100%")  # 100 % spent
    assert found(spent, config, "cost-contradicts-execution") == []


def test_an_unrelated_saving_no_longer_explains_low_execution(config):
    form = gold_form("001", 0)  # 80.89 %, nothing said
    thrift = replace(
        form, narrative=replace(form.narrative, improvements="厉行节约，提高资金使用效益。")
    )
    assert found(thrift, config, "low-execution") == [("low-execution", "funds.execution_rate", W)]


@pytest.mark.parametrize(
    "reason",
    [
        "部分工程款待审计后拨付。",  # issue 11's example
        "因疫情影响，部分调研活动未开展，降低了预算执行率。",
        "通过政府采购节约资金3.2万元。",
        "年底结余资金12万元已按规定上缴。",
    ],
)
def test_a_reason_about_the_spending_explains_it(config, reason):
    form = with_row(gold_form("001", 0), 9, deviation=reason)
    assert found(form, config, "low-execution") == []


def test_low_execution_is_judged_on_the_recomputed_rate(config):
    form = gold_form("001", 0)
    printed_high = replace(form, funds=replace(form.funds, execution_rate=D("92.00")))
    report = check_form(printed_high, config)
    (low,) = [f for f in report.findings if f.code == "low-execution"]
    assert low.found == "80.89"  # 506,745.04 ÷ 626,500, not the 92 printed
    assert "92.00" in low.message_zh


def test_a_target_or_period_past_the_budget_year(config):
    form = gold_form("003", 0)  # 2020; 2020-01-01 to 2020-12-31
    assert found(form, config, "period-outside-year") == []
    late = with_row(form, 5, target="2021年6月底前完成")  # 项目启动及时性
    assert found(late, config, "period-outside-year") == [
        ("period-outside-year", "indicators[5].target", W)
    ]
    project = replace(form.project, start_date=date(2021, 1, 1), end_date=date(2021, 12, 31))
    assert found(replace(form, project=project), config, "period-outside-year") == [
        ("period-outside-year", "project.start_date", W)
    ]
    several = replace(form.project, end_date=date(2022, 12, 31))  # a project of three years
    assert found(replace(form, project=several), config, "period-outside-year") == []


def test_a_scored_row_with_no_actual(config):
    form = with_row(gold_form("001", 0), 2, actual=None)  # 完成年度工作质量, 10 of 10
    assert found(form, config, "actual-missing") == [("actual-missing", "indicators[2].actual", E)]
    marked = with_row(gold_form("001", 0), 2, actual="/")
    assert found(marked, config, "actual-missing") == [
        ("actual-missing", "indicators[2].actual", E)
    ]
    assert found(gold_form("001", 0), config, "actual-missing") == []


@pytest.mark.parametrize(
    "text", ["完成年度目标。", "已完成", "圆满完成年度绩效目标", "达到预期目标"]
)
def test_an_achieved_text_that_says_nothing(config, text):
    form = gold_form("001", 1)
    vague = replace(form, goals=replace(form.goals, achieved=text))
    assert found(vague, config, "achieved-vague") == [("achieved-vague", "goals.achieved", W)]


def test_an_achieved_text_that_says_what_was_done(config):
    # seed 001 合作交流专项工作经费: "为上海市、区两级政府、相关职能部门等赴云南工作组开展相关工作…"
    assert found(gold_form("001", 1), config, "achieved-vague") == []


def test_a_delay_of_the_works_explains_an_indicator_not_the_spending(config):
    # The reason of a missed output says nothing of the money (as the 广东 variant
    # 06_guangdong_water_deduction of tests/io expects: 81.03 % with 工程推迟施工 → reported).
    form = with_row(gold_form("001", 0), 9, deviation="受汛期影响，部分维修项目顺延至次年。")
    assert found(form, config, "low-execution") == [("low-execution", "funds.execution_rate", W)]


def test_an_actual_counted_in_another_unit(config):
    form = with_row(gold_form("001", 1), 1, actual="68 个")  # 接待团组数量 ≥60 批
    assert found(form, config, "unit-mismatch") == [("unit-mismatch", "indicators[1].actual", W)]
    money = with_row(gold_form("001", 1), 1, target="≥6万元", actual="68000元")  # converts
    assert found(money, config, "unit-mismatch") == []


@pytest.mark.parametrize("words", ["已完成", "达到目标", "完成"])
def test_words_where_a_quantitative_target_asks_a_number(config, words):
    form = with_row(gold_form("001", 0), 0, actual=words)  # 赴对口支援地区工作次数 ≥60 次
    assert ("actual-not-measured", "indicators[0].actual", W) in found(form, config)
