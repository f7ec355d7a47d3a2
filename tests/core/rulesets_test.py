import pytest

from jixiao.core.findings import Severity
from jixiao.core.rulesets import ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "deploy.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_template_of_the_seeds_has_a_rule_set(config):
    found = {
        t: config.ruleset_for(t).id
        for t in ("mof-2020-self-eval", "sh-2019-self-eval", "sh-2019-target", "sh-2020-target")
    }
    assert found == {
        "mof-2020-self-eval": "mof-2020",
        "sh-2019-self-eval": "sh-2019",
        "sh-2019-target": "sh-target",
        "sh-2020-target": "sh-target",
    }


def test_mof_2020_weights_in_principle(config):
    rs = config.rulesets["mof-2020"]
    assert [(g.name, str(g.weight)) for g in rs.groups] == [
        ("产出指标", "50"),
        ("效益指标", "30"),
        ("满意度指标", "10"),
    ]
    assert str(rs.execution.weight) == "10"


def test_sh_2019_fixed_block_adds_up_to_36(config):
    group = config.rulesets["sh-2019"].groups[0]
    assert group.name == "投入与管理" and sum(w for _, w in group.fixed) == group.weight == 36


def test_grade_bands_default_to_the_10_hao_bands(config):
    words = [(g.word, str(g.min)) for g in config.rulesets["sh-2019"].grades]
    assert words == [("优秀", "90"), ("良好", "80"), ("中", "60"), ("差", "0")]


def test_a_deployment_overrides_thresholds_words_and_severity(tmp_path):
    config = load_config(
        write(
            tmp_path,
            """
[checks.target-too-low]
ratio = "2"
[[rulesets.sh-2019.grades]]
min = "85"
word = "优"
[[rulesets.sh-2019.grades]]
min = "0"
word = "合格"
[severity]
target-vague = "error"
""",
        )
    )
    assert config.setting("target-too-low", "ratio") == "2"
    assert [g.word for g in config.rulesets["sh-2019"].grades] == ["优", "合格"]
    assert config.severity["target-vague"] is Severity.ERROR


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('[checks.target-too-low]\nratoi = "2"\n', "ratoi"),
        ("[checks.no-such-check]\nx = 1\n", "no-such-check"),
        ("[checks.target-too-low]\nratio = 2\n", "ratio"),
        ("[rulesets.gd-2030]\nversion = 2\n", "gd-2030"),
        ('[rulesets.mof-2020]\ncolour = "red"\n', "colour"),
        ('[rulesets.sh-2019.execution]\npoints = "piecewise"\n', "bands"),
        ('[severity]\ntarget-vague = "fatal"\n', "fatal"),
        ('[rulesets.mof-2020.execution]\nweight = "ten"\n', "ten"),
        ("this is not toml", "deploy.toml"),
        ("[unknown]\n", "unknown"),
        ('[rulesets.mof-2020.weights]\nreserve = "10"\n', "reserve"),
        ('[rulesets.mof-2020.cost]\nrequired_from_year = "2022"\n', "2022"),
        ('[rulesets.mof-2020.weights]\nmax_share = "half"\n', "half"),
    ],
)
def test_bad_settings_are_refused_with_the_key_named(tmp_path, text, named):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert named in str(caught.value)


def test_a_missing_settings_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match=r"nowhere\.toml"):
        load_config(tmp_path / "nowhere.toml")


def test_mof_2020_also_governs_the_national_target_and_every_unknown_layout(config):
    rs = config.rulesets["mof-2020"]
    assert rs.templates == ("mof-2020-self-eval", "mof-2020-target")
    assert config.fallback is rs
    assert config.ruleset_for(None) is None and config.ruleset_for("hunan-target") is None


def test_mof_2020_moves_a_missing_satisfaction_weight_to_outputs_and_effects(config):
    (satisfaction,) = [g for g in config.rulesets["mof-2020"].groups if g.name == "满意度指标"]
    assert satisfaction.absent_moves_to == ("产出指标", "效益指标")


def test_mof_2021_has_cost_indicators_as_a_level_1_and_no_fixed_split(config):
    rs = config.rulesets["mof-2021"]
    assert [(g.name, g.weight) for g in rs.groups] == [
        ("产出指标", None),
        ("效益指标", None),
        ("满意度指标", None),
        ("成本指标", None),
    ]
    assert rs.group_for("成本指标").level2 == ("经济成本指标", "社会成本指标", "生态环境成本指标")
    assert (rs.execution.placement, str(rs.execution.weight)) == ("row", "10")
    assert "gansu-2023-target" in rs.templates


def test_sichuan_2023_10_points_for_execution_and_a_reason_below_90(config):
    rs = config.rulesets["sichuan-2023"]
    assert (str(rs.execution.weight), str(rs.execution.explain_below)) == ("10", "90")
    assert rs.templates == ("sichuan-2023-self-eval", "sichuan-township-target")
    assert [(g.word, str(g.min)) for g in rs.grades] == [
        ("优", "90"),
        ("良", "80"),
        ("中", "60"),
        ("差", "0"),
    ]


def test_every_template_of_the_design_note_for_a_rule_set_is_listed_once(config):
    listed = [t for rs in config.rulesets.values() for t in rs.templates]
    assert len(listed) == len(set(listed)) == 10


def test_national_and_sichuan_rule_sets_require_their_groups_and_reserve_10(config):
    # Issue 11 §1: 产出 / 效益 / 满意度, and 数量 / 质量 / 时效 under 产出; 10 points for 预算执行.
    for rid in ("mof-2020", "mof-2021", "sichuan-2023"):
        rs = config.rulesets[rid]
        required = {g.name: g.required for g in rs.groups if g.required}
        assert required == {
            "产出指标": ("target", "self_evaluation"),
            "效益指标": ("target", "self_evaluation"),
            "满意度指标": ("target",),  # 10号 lets a self-evaluation leave it out
        }
        assert rs.group_for("产出指标").required_level2 == ("数量指标", "质量指标", "时效指标")
        assert (rs.weights.reserved_for_execution, rs.weights.max_share) == (10, 50)
        assert rs.execution.rate_places == 2
    # 101号's cost indicators from budget year 2022, under the national rule sets only.
    assert config.rulesets["mof-2020"].cost.required_from_year == 2022
    assert config.rulesets["mof-2021"].cost.required_from_year == 2022
    assert config.rulesets["sichuan-2023"].cost.required_from_year is None


def test_shanghai_layouts_require_their_own_four_groups(config):
    target = config.rulesets["sh-target"]
    assert [g.name for g in target.groups if g.required == ("target",)] == [
        "投入和管理目标",
        "产出目标",
        "效果目标",
        "影响力目标",
    ]
    evaluation = config.rulesets["sh-2019"]
    assert len([g for g in evaluation.groups if g.required == ("self_evaluation",)]) == 4
    assert evaluation.weights.reserved_for_execution is None  # 预算执行率 is an indicator there
