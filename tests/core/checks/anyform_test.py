"""Checks on any form (issue 9 §3): no template, an unknown one, no year, month-only dates.

Every check that does not need what is missing runs; none refuses; a check that cannot run
says so once, as ``check-skipped``; an inferred rule set is said once, as ``ruleset-inferred``.
"""

from dataclasses import replace

import pytest

from jixiao.core.checks import registry, runner
from jixiao.core.checks.needs import Need
from jixiao.core.checks.runner import check_form
from jixiao.core.dates import Month
from jixiao.core.findings import Severity
from jixiao.core.model import Project
from jixiao.core.rulesets import load_config
from tests.core.handmade import row, scored_rows, self_evaluation, target

INFO = Severity.INFO

# 预算执行率 10 (95000 ÷ 100000 → 9.50) + 产出 50 + 效益 30 + 满意度 10 = 100 in weights;
# scores 9.5 + 50 + 30 + 10 = 99.5. Printed total 99: total-mismatch is the one real problem.
ROWS = scored_rows(产出指标="50", 效益指标="30", 满意度指标="10")


def clean(template="mof-2020-self-eval", year=2023, total="99.5", grade="优", **extra):
    return self_evaluation(template, ROWS, year=year, total=total, grade=grade, **extra)


def found(form, config):
    return sorted((f.code, f.location.path, f.severity) for f in check_form(form, config).findings)


def test_the_hand_made_form_is_clean_under_its_own_template(config):
    assert found(clean(), config) == []


def test_no_template_and_no_year_every_check_but_those_needing_them_runs(config):
    form = clean(template=None, year=None, total="99")  # 99.5 summed: total-mismatch
    report = check_form(form, config)
    assert sorted((f.code, f.location.path, f.severity) for f in report.findings) == [
        ("check-skipped", "template", INFO),  # grade-mismatch needs the form's own template
        ("check-skipped", "year", INFO),  # cost-indicator-missing needs the year
        ("check-skipped", "year", INFO),  # period-outside-year: the same
        ("ruleset-inferred", "template", INFO),
        ("total-mismatch", "total_score", Severity.ERROR),
    ]
    assert sorted(f.found for f in report.findings if f.code == "check-skipped") == [
        "cost-indicator-missing",
        "grade-mismatch",
        "period-outside-year",
    ]


def test_the_skip_names_the_check_and_what_is_missing(config):
    report = check_form(clean(template=None), config, "f.json", 3)
    skips = [f for f in report.findings if f.code == "check-skipped"]
    (skipped,) = [f for f in skips if f.found == "grade-mismatch"]
    assert skipped.expected == "template"
    # The check is named by its title, its code stays in ``found`` for machines.
    assert (
        "“绩效等级与总分不符”" in skipped.message_zh and "grade-mismatch" not in skipped.message_zh
    )
    assert "grade-mismatch" not in skipped.message_en
    assert (skipped.location.document, skipped.location.form) == ("f.json", 3)
    (inferred,) = [f for f in report.findings if f.code == "ruleset-inferred"]
    assert inferred.expected == "mof-2020@1" and inferred.found is None
    assert report.ruleset.id == "mof-2020" and report.choice.inferred


def test_an_unknown_template_is_checked_and_named(config):
    report = check_form(clean(template="yunnan-2022-self-eval", grade="良"), config)
    (inferred,) = [f for f in report.findings if f.code == "ruleset-inferred"]
    assert inferred.found == "yunnan-2022-self-eval"
    # 99.5 is 优, the form prints 良: not reported, the grade scale is the template's own.
    assert "grade-mismatch" not in {f.code for f in report.findings}


def test_the_same_grade_slip_is_an_error_under_a_listed_template(config):
    assert ("grade-mismatch", "grade", Severity.ERROR) in found(clean(grade="良"), config)


def test_no_year_alone_skips_only_the_checks_of_the_year(config):
    report = check_form(clean(year=None), config)
    assert [(f.code, f.location.path, f.found) for f in report.findings] == [
        ("check-skipped", "year", "cost-indicator-missing"),  # from budget year 2022 on
        ("check-skipped", "year", "period-outside-year"),  # targets within the year
    ]


def test_month_only_dates_skip_nothing_today(config):
    form = clean(
        project=Project(start_date=Month(2023, 1), end_date=Month(2023, 12)),
        evaluated_on=Month(2024, 3),
    )
    assert found(form, config) == []


def test_a_target_with_no_template_gets_only_the_inferred_note(config):
    # The national tree in full (产出: 数量 / 质量 / 时效 / 成本; 效益; 满意度), no template.
    rows = [
        row("产出指标", "培训人次", target="≥120人次", actual=None, level2="数量指标"),
        row("产出指标", "培训合格率", target="≥95%", actual=None, level2="质量指标"),
        row("产出指标", "按期完成率", target="100%", actual=None, level2="时效指标"),
        row("产出指标", "人均培训成本", target="≤800元", actual=None, level2="成本指标"),
        row("效益指标", "学员技能提升率", target="≥80%", actual=None),
        row("满意度指标", "学员满意度", target="≥90%", actual=None),
    ]
    report = check_form(target(None, rows), config)
    assert [(f.code, f.found) for f in report.findings] == [("ruleset-inferred", None)]


def test_an_inferred_national_tree_is_held_to_its_groups(config):
    # SPEC §4: where a province's rule is not known, the national rules apply.
    form = target(None, [row("产出指标", "培训人次", target="≥120人次", actual=None)])
    report = check_form(form, config)
    assert sorted((f.code, f.found) for f in report.findings if f.code != "required-groups") == [
        ("cost-indicator-missing", None),  # 2023, no 成本指标
        ("ruleset-inferred", None),
    ]
    # 效益指标 and 满意度指标 missing; 数量 / 质量 / 时效 missing under 产出
    assert len([f for f in report.findings if f.code == "required-groups"]) == 5


def needing(monkeypatch, *needs):
    """Register a copy of duplicate-indicator that declares ``needs``; return its code."""
    checks = tuple(
        replace(c, needs=needs) if c.code == "duplicate-indicator" else c
        for c in registry.FORM_CHECKS
    )
    monkeypatch.setattr(runner, "FORM_CHECKS", checks)
    return "duplicate-indicator"


def twice(form):
    """The form with one indicator printed twice: duplicate-indicator fires when it runs.

    The copy carries no weight, so the weights still add up (90: 预算执行 10 kept off them).
    """
    copy = replace(form.indicators[0], weight=None, score=None)
    return replace(form, indicators=(*form.indicators, copy))


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"year": None}, "year"),
        ({"evaluated_on": Month(2024, 3)}, "evaluated_on"),
        ({"project": Project(end_date=Month(2023, 12))}, "project.end_date"),
    ],
)
def test_a_needing_check_is_skipped_at_the_missing_place(changes, path, config, monkeypatch):
    code = needing(monkeypatch, Need.YEAR, Need.FULL_DATES)
    form = replace(twice(target("mof-2020-target", ROWS)), **changes)
    # cost-indicator-missing and period-outside-year need the year too: their own skips are
    # not this test's subject.
    others = ("cost-indicator-missing", "period-outside-year")
    findings = [f for f in check_form(form, config).findings if f.found not in others]
    assert [(f.code, f.location.path, f.found) for f in findings] == [("check-skipped", path, code)]


def test_one_skip_per_check_however_much_is_missing(config, monkeypatch):
    code = needing(monkeypatch, Need.YEAR, Need.TEMPLATE, Need.FULL_DATES)
    form = replace(twice(target(None, ROWS)), year=None, evaluated_on=Month(2024, 3))
    findings = check_form(form, config).findings
    skipped = [f for f in findings if f.code == "check-skipped" and f.found == code]
    assert len(skipped) == 1
    assert skipped[0].expected == "year, template, full-dates"
    assert "年度" in skipped[0].message_zh and "the year" in skipped[0].message_en


def test_the_needing_check_runs_when_nothing_is_missing(config, monkeypatch):
    needing(monkeypatch, Need.YEAR, Need.TEMPLATE, Need.FULL_DATES)
    form = twice(target("mof-2020-target", ROWS))
    assert [f.code for f in check_form(form, config).findings] == ["duplicate-indicator"]


def test_runner_notes_can_be_raised_by_a_deployment(tmp_path):
    settings = tmp_path / "d.toml"
    settings.write_text('[severity]\nruleset-inferred = "warning"\n', encoding="utf-8")
    report = check_form(clean(template=None), load_config(settings))
    assert {f.severity for f in report.findings if f.code == "ruleset-inferred"} == {
        Severity.WARNING
    }
