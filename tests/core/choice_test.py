"""Choosing the rule set: by the template a rule set lists, else by the form's tree and funds rows."""

import pytest

from jixiao.core.model import Funds, FundSource
from jixiao.core.rulesets import ConfigError, load_config
from jixiao.core.rulesets.choice import choose_ruleset
from tests.core.handmade import row, scored_rows, self_evaluation, target

NATIONAL = scored_rows(产出指标="50", 效益指标="30", 满意度指标="10")
SHANGHAI = [row(g, f"{g}一") for g in ("投入与管理", "产出目标", "效果目标", "影响力目标")]


def chosen(form, config):
    choice = choose_ruleset(form, config)
    return choice.ruleset.id, choice.inferred


@pytest.mark.parametrize(
    ("template", "ruleset"),
    [
        ("mof-2020-self-eval", "mof-2020"),
        ("mof-2020-target", "mof-2020"),
        ("mof-2021-target", "mof-2021"),
        ("mof-2021-self-eval", "mof-2021"),
        ("gansu-2023-target", "mof-2021"),
        ("sichuan-2023-self-eval", "sichuan-2023"),
        ("sichuan-township-target", "sichuan-2023"),
        ("sh-2019-self-eval", "sh-2019"),
        ("sh-2020-target", "sh-target"),
    ],
)
def test_a_listed_template_chooses_its_rule_set_whatever_the_tree(template, ruleset, config):
    form = self_evaluation(template, [row("成本指标", "a")])  # 成本指标 would infer mof-2021
    assert chosen(form, config) == (ruleset, False)


def test_cost_indicators_as_a_level_1_group_infer_mof_2021(config):
    form = self_evaluation(None, [*NATIONAL, row("成本指标", "单位成本", "10", "10")])
    choice = choose_ruleset(form, config)
    assert (choice.ruleset.id, choice.inferred) == ("mof-2021", True)
    assert "成本指标" in choice.reason_zh and "成本指标" in choice.reason_en
    assert "版式未能识别" in choice.reason_zh and "layout was not recognised" in choice.reason_en


def test_cost_indicators_only_as_a_level_2_do_not(config):
    form = self_evaluation(None, [row("产出指标", "单位成本", level2="成本指标")])
    assert chosen(form, config) == ("mof-2020", True)


@pytest.mark.parametrize(
    ("make", "ruleset"),
    [(self_evaluation, "sh-2019"), (target, "sh-target")],
)
def test_shanghais_four_groups_infer_shanghais_rule_set_of_that_kind(make, ruleset, config):
    assert chosen(make(None, SHANGHAI), config) == (ruleset, True)


def test_shanghai_target_groups_under_another_spelling(config):
    form = target(None, [row("投入和管理目标", "a"), *SHANGHAI[1:]])
    assert chosen(form, config) == ("sh-target", True)


def test_three_of_shanghais_four_groups_are_not_enough(config):
    assert chosen(self_evaluation(None, SHANGHAI[1:]), config) == ("mof-2020", True)


@pytest.mark.parametrize("source", ["财政专户管理资金", "单位资金"])
def test_sichuans_funds_rows_infer_sichuan(source, config):
    rows = (FundSource("财政资金"), FundSource(source), FundSource("其他资金"))
    form = self_evaluation(None, NATIONAL, funds=Funds(sources=rows))
    choice = choose_ruleset(form, config)
    assert (choice.ruleset.id, choice.inferred) == ("sichuan-2023", True)
    assert source in choice.reason_zh and source in choice.reason_en


def test_sichuans_performance_block_as_a_level_1_infers_sichuan(config):
    form = self_evaluation(None, [row("绩效指标", "a", "90", "90")])
    assert chosen(form, config) == ("sichuan-2023", True)


def test_a_province_mark_wins_over_the_national_tree(config):
    # 四川 forms after 2021 print 成本指标 too: the funds rows say which province's rules apply.
    form = self_evaluation(
        None,
        [*NATIONAL, row("成本指标", "单位成本")],
        funds=Funds(sources=(FundSource("财政专户管理资金"),)),
    )
    assert chosen(form, config) == ("sichuan-2023", True)


def test_an_unknown_layout_falls_back_to_mof_2020_and_says_why(config):
    choice = choose_ruleset(self_evaluation("hunan-target", NATIONAL), config)
    assert (choice.ruleset.id, choice.inferred) == ("mof-2020", True)
    # Users read words: the layout's id is no part of the reason, the rule set is named by title.
    assert "没有规则集适用于表的版式" in choice.reason_zh
    assert "no rule set governs the form's layout" in choice.reason_en
    assert "hunan-target" not in choice.reason_zh + choice.reason_en
    assert "财预〔2020〕10号" in choice.reason_zh and "national" in choice.reason_en


def test_a_form_with_no_groups_at_all_falls_back(config):
    assert chosen(target(None, []), config) == ("mof-2020", True)


def write(tmp_path, text):
    path = tmp_path / "deploy.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_fallback_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="fallback"):
        load_config(write(tmp_path, "[rulesets.mof-2021]\nfallback = true\n"))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('[rulesets.mof-2021.inferred]\nlevel1_none = ["x"]\n', "level1_none"),
        ('[rulesets.mof-2021.inferred]\nrank = "first"\n', "rank"),
        ('[rulesets.sh-2019.inferred]\nkinds = ["plan"]\n', "kinds"),
    ],
)
def test_bad_inference_settings_are_refused_with_the_key_named(tmp_path, text, named):
    with pytest.raises(ConfigError, match=named):
        load_config(write(tmp_path, text))


def test_a_deployment_can_move_a_mark(tmp_path):
    config = load_config(
        write(tmp_path, '[rulesets.sichuan-2023.inferred]\nsources_any = ["自有资金"]\n')
    )
    form = self_evaluation(None, NATIONAL, funds=Funds(sources=(FundSource("自有资金"),)))
    assert chosen(form, config) == ("sichuan-2023", True)
