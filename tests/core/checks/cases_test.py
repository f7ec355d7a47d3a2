"""Each check on small changes to a gold form: one that fires, one that does not.

The changed figures are worked out by hand in the comments.
"""

from dataclasses import replace
from decimal import Decimal

import pytest

from jixiao.core.checks import registry, runner
from jixiao.core.checks.runner import check_form
from jixiao.core.findings import Severity
from jixiao.core.model import Group
from jixiao.core.rulesets import load_config
from tests.conftest import gold_form

D = Decimal


def codes(form, config):
    return {(f.code, f.location.path) for f in check_form(form, config).findings}


def with_row(form, index, **changes):
    rows = list(form.indicators)
    rows[index] = replace(rows[index], **changes)
    return replace(form, indicators=tuple(rows))


def with_funds(form, **changes):
    return replace(form, funds=replace(form.funds, **changes))


def test_rate_mismatch_beyond_rounding_is_an_error(config):
    form = with_funds(gold_form("001", 0), execution_rate=D("85.00"))  # computed 80.89
    report = check_form(form, config)
    (finding,) = [f for f in report.findings if f.code == "rate-mismatch"]
    assert finding.severity is Severity.ERROR


def test_rate_printed_at_one_decimal_is_a_slip_of_precision(config):
    # 80.885… → 80.9 at one decimal, 80.89 at the rule set's two (issue 11 §2: reported)
    form = with_funds(gold_form("001", 0), execution_rate=D("80.9"))
    (slip,) = [f for f in check_form(form, config).findings if f.code == "rate-mismatch"]
    assert (slip.severity, slip.expected, slip.found) == (Severity.WARNING, "80.89", "80.9")


def test_exec_score_mismatch(config):
    form = with_funds(
        gold_form("001", 0),
        execution_score=D("8.90"),
    )  # rule: 8.09
    assert ("exec-score-mismatch", "funds.execution_score") in codes(form, config)
    assert ("exec-score-mismatch", "funds.execution_score") not in codes(
        gold_form("001", 2), config
    )


def test_total_mismatch(config):
    form = replace(gold_form("001", 2), total_score=D("99.86"))  # rows give 98.86
    assert ("total-mismatch", "total_score") in codes(form, config)


def test_weight_sum_and_group_weight(config):
    form = gold_form("000", 0)
    form = with_row(form, 5, weight=D("5"), score=D("4"))  # 投入与管理 now 37, all 101
    found = codes(form, config)
    assert ("weight-sum", "indicators") in found
    assert ("weight-sum", "groups[0].weight") in found
    assert ("group-weights", "indicators[5].weight") in found  # fixed weight of 4


def test_weight_sum_uses_the_printed_group_weight(config):
    form = gold_form("001", 0)
    groups = (Group("产出指标", D("40")), *form.groups[1:])  # rows under 产出指标 give 50
    assert ("weight-sum", "groups[0].weight") in codes(replace(form, groups=groups), config)


def test_group_weights_warns_on_a_different_split(config):
    form = gold_form("001", 0)
    form = with_row(form, 0, weight=D("20"), score=D("20"))  # 产出 60
    form = with_row(form, 5, weight=D("0"), score=D("0"))  # 效益 20
    found = check_form(form, config).findings
    (split,) = [f for f in found if f.code == "group-weights"]
    assert split.severity is Severity.WARNING
    assert split.found == "预算执行率 10 / 产出指标 60 / 效益指标 20 / 满意度指标 10"


def test_score_out_of_range(config):
    form = with_row(gold_form("001", 0), 0, score=D("12"))
    form = with_funds(form, execution_score=D("-1"))
    found = codes(form, config)
    assert {
        ("score-out-of-range", "indicators[0].score"),
        ("score-out-of-range", "funds.execution_score"),
    } <= found


def test_grade_mismatch(config):
    assert ("grade-mismatch", "grade") in codes(
        replace(gold_form("000", 0), grade="优秀"), config
    )  # 88 is 良好
    assert ("grade-mismatch", "grade") not in codes(
        replace(gold_form("000", 0), grade="良"), config
    )


def test_a_total_of_exactly_90_is_excellent(config):
    form = replace(gold_form("000", 0), total_score=D("90"), grade="优秀")
    assert ("grade-mismatch", "grade") not in codes(form, config)


def test_deduction_without_reason(config):
    form = with_row(gold_form("001", 2), 9, deviation=None)  # 9 of 10, reason removed
    assert ("deduction-without-reason", "indicators[9].deviation") in codes(form, config)


def test_2019_deductions_need_the_problems_text(config):
    form = gold_form("000", 0)  # 项目计划完成情况 9 of 11 etc.; 主要问题 given
    assert not any(c == "deduction-without-reason" for c, _ in codes(form, config))
    bare = replace(form, narrative=replace(form.narrative, problems=None))
    assert ("deduction-without-reason", "indicators[6].deviation") in codes(bare, config)


def test_unmet_target_full_score(config):
    form = with_row(gold_form("001", 2), 9, score=D("10"))  # 100 % target, 99 % actual
    assert ("unmet-target-full-score", "indicators[9].score") in codes(form, config)


def test_reverse_target_met_is_not_unmet(config):
    form = with_row(gold_form("001", 1), 2, actual="0.00%")  # 差错率 0.00% → 0.00%
    assert not any(c == "unmet-target-full-score" for c, _ in codes(form, config))
    form = with_row(gold_form("001", 1), 2, actual="1%")  # error rate 1 % against a zero target
    assert ("unmet-target-full-score", "indicators[2].score") in codes(form, config)


def test_target_too_low_threshold_is_inclusive(config):
    form = with_row(gold_form("001", 0), 0, actual="90 次")  # ≥60 → 90 = 1.5 ×
    assert ("target-too-low", "indicators[0].target") in codes(form, config)
    form = with_row(gold_form("001", 0), 0, actual="89 次")  # 1.48 ×
    assert ("target-too-low", "indicators[0].target") not in codes(form, config)


def test_copied_qualitative_actuals_by_default_unless_configured_off(config, tmp_path):
    form = gold_form("001", 0)  # 支撑作用明显 → 支撑作用明显 at indicators[5], 10 of 10
    assert ("actual-not-measured", "indicators[5].actual") in codes(form, config)
    settings = tmp_path / "d.toml"
    settings.write_text(
        "[checks.actual-not-measured]\nflag_copied_qualitative = false\n", encoding="utf-8"
    )
    assert ("actual-not-measured", "indicators[5].actual") not in codes(form, load_config(settings))
    # Below full score the copy comes with a deduction and its reason: not reported.
    deducted = with_row(form, 5, score=D("8"), deviation="作用尚需加强。")
    assert ("actual-not-measured", "indicators[5].actual") not in codes(deducted, config)


def test_low_execution_is_quiet_when_explained(config):
    form = gold_form("001", 0)
    explained = with_row(form, 0, deviation="受疫情影响部分出差取消，预算执行率偏低。")
    assert ("low-execution", "funds.execution_rate") not in codes(explained, config)


def test_budget_adjusted_is_quiet_when_explained(config):
    form = replace(
        gold_form("001", 1),
        goals=replace(gold_form("001", 1).goals, achieved="年中预算调减19万元。"),
    )
    assert ("budget-adjusted", "funds.budget") not in codes(form, config)


def test_target_missing_when_empty(config):
    form = with_row(gold_form("003", 0), 0, target=None)
    assert ("target-missing", "indicators[0].target") in codes(form, config)


def test_no_target_checks_on_the_2019_self_evaluation_which_has_no_target_column(config):
    assert not any(c.startswith("target-") for c, _ in codes(gold_form("000", 1), config))


def test_misplaced_indicator_is_quiet_under_management(config):
    assert not any(c == "misplaced-indicator" for c, _ in codes(gold_form("004", 0), config))


def test_duplicate_indicator_folds_brackets_and_spaces(config):
    form = gold_form("001", 0)
    form = with_row(form, 1, name="赴对口支援地区工作 次数")
    assert ("duplicate-indicator", "indicators[1].name") in codes(form, config)


def test_an_unknown_template_is_checked_under_the_inferred_rule_set(config):
    # 产出 / 效益 / 满意度 and 当年财政拨款 rows: no other rule set's marks, so mof-2020; the
    # seed's findings stay; grade-mismatch (it needs the form's own template) is skipped.
    report = check_form(replace(gold_form("001", 0), template="gd-2023-self-eval"), config)
    assert sorted((f.code, f.location.path, f.severity) for f in report.findings) == [
        ("actual-not-measured", "indicators[5].actual", Severity.WARNING),  # copied at full
        ("actual-not-measured", "indicators[6].actual", Severity.WARNING),  # score, as in
        ("actual-not-measured", "indicators[7].actual", Severity.WARNING),  # gold_findings_test
        ("actual-not-measured", "indicators[8].actual", Severity.WARNING),
        ("check-skipped", "template", Severity.INFO),
        ("low-execution", "funds.execution_rate", Severity.WARNING),
        ("rate-mismatch", "funds.execution_rate", Severity.WARNING),
        ("ruleset-inferred", "template", Severity.INFO),
        ("target-too-low", "indicators[1].target", Severity.WARNING),
    ]
    assert report.ruleset.id == "mof-2020"


def test_a_crashing_check_becomes_an_internal_error_finding(config, monkeypatch):
    def broken(ctx):
        raise ZeroDivisionError("boom")

    first = registry.FORM_CHECKS[0]
    monkeypatch.setattr(
        runner, "FORM_CHECKS", (replace(first, run=broken), *registry.FORM_CHECKS[1:])
    )
    report = check_form(gold_form("001", 0), config)
    crash = [f for f in report.findings if f.code == "internal-error"]
    assert len(crash) == 1 and first.code in crash[0].message_en
    assert any(f.code == "target-too-low" for f in report.findings)  # the others still ran


def test_severity_override(config, tmp_path):
    settings = tmp_path / "d.toml"
    settings.write_text('[severity]\ntarget-missing = "warning"\n', encoding="utf-8")
    report = check_form(gold_form("004", 3), load_config(settings))
    assert {f.severity for f in report.findings if f.code == "target-missing"} == {Severity.WARNING}


@pytest.mark.parametrize("kind_code", ["rate-mismatch", "low-execution", "total-mismatch"])
def test_self_evaluation_checks_do_not_run_on_targets(kind_code, config):
    assert not any(c == kind_code for c, _ in codes(gold_form("004", 0), config))


def test_tier_inconsistent_when_the_actual_claims_the_target_but_the_score_does_not(config):
    form = gold_form("001", 0)  # 长效机制建立情况: 长效机制健全 → 长效机制健全, weight 5
    form = with_row(form, 7, score=D("3"), deviation="机制运行尚需完善")  # 3 of 5 = 60 %: 部分达成
    assert ("tier-inconsistent", "indicators[7].score") in codes(form, config)
    assert ("tier-inconsistent", "indicators[7].score") not in codes(
        with_row(form, 7, score=D("4")), config
    )


def test_tier_inconsistent_when_the_deviation_says_not_reached_but_the_score_is_top(config):
    form = with_row(gold_form("001", 3), 2, deviation="后勤保障未达到预期要求。")  # 8 of 10: 达成
    assert ("tier-inconsistent", "indicators[2].score") in codes(form, config)
    assert ("tier-inconsistent", "indicators[2].score") not in codes(gold_form("001", 3), config)
