"""The jixiao command as a user runs it: output, JSON and exit status."""

import json
import subprocess
import sys

from jixiao.cli import main
from tests.conftest import GOLD_FILES, SAMPLES

CLEAN = [p for p in GOLD_FILES if p.name.startswith("000")]  # no findings at all


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_samples_prints_every_form_and_the_summary(capsys):
    status, out, _ = run(capsys, "check", "--samples")
    assert status == 1  # seed 004 has targets missing: errors
    assert out.count("规则集 rule set") == 14
    assert "rate-mismatch" in out and "80.89" in out
    assert "5 个文件 files, 14 张表 forms" in out


def test_check_json_has_recomputed_figures_and_findings(capsys):
    status, out, _ = run(capsys, "check", "--samples", "--json")
    record = json.loads(out)
    assert record["schema"] == "jixiao/check@1"
    forms = [f for d in record["documents"] for f in d["forms"]]
    assert len(forms) == 14
    first_2022 = next(f for f in forms if f["template"] == "mof-2020-self-eval")
    assert first_2022["declared"]["execution_rate"] == "80.88"
    assert first_2022["recomputed"]["execution_rate"] == "80.89"
    assert first_2022["recomputed"]["execution_score"] == "8.09"
    assert first_2022["recomputed"]["rule_grade"] == "优"
    assert first_2022["ruleset"] == "mof-2020@1"
    assert {f["code"] for f in first_2022["findings"]} == {
        "rate-mismatch",
        "low-execution",
        "target-too-low",
        "actual-not-measured",  # qualitative actuals copied at full score (issue 11 §2)
    }
    assert status == 1


def test_clean_forms_exit_zero(capsys):
    status, out, _ = run(capsys, "check", str(CLEAN[0]))
    assert status == 0 and out.count("无问题 no findings") == 2


def test_bad_json_exits_two_naming_the_file(capsys, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"schema": "jixiao/form@1", "year": ', encoding="utf-8")
    status, out, _ = run(capsys, "check", str(bad))
    assert status == 2
    assert "broken.json" in out and "不是有效的 JSON" in out and "not valid JSON" in out


def test_unreadable_inputs_exit_two_and_the_rest_is_still_checked(capsys, tmp_path):
    binary = tmp_path / "scan.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    status, out, _ = run(
        capsys, "check", str(tmp_path / "missing.json"), str(binary), str(CLEAN[0]), "--json"
    )
    record = json.loads(out)
    assert status == 2
    assert [len(d["problems"]) for d in record["documents"]] == [1, 1, 0]
    assert len(record["documents"][2]["forms"]) == 2


def test_bad_settings_exit_two(capsys, tmp_path):
    settings = tmp_path / "deploy.toml"
    settings.write_text("[checks.target-too-low]\nratoi = '2'\n", encoding="utf-8")
    status, _, err = run(capsys, "--config", str(settings), "check", "--samples")
    assert status == 2 and "ratoi" in err


def test_no_files_is_a_usage_error(capsys):
    status, _, err = run(capsys, "check")
    assert status == 2 and "--samples" in err


def test_rules_lists_every_check_and_rule_set(capsys):
    status, out, _ = run(capsys, "rules")
    assert status == 0
    for code in (
        "rate-mismatch",
        "target-vague",
        "duplicate-indicator",
        "mof-2020@1",
        "sh-2019@1",
        "sh-target@1",
    ):
        assert code in out


def test_the_installed_command_runs_without_a_traceback(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "jixiao", "check", str(bad)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr


def test_check_reads_a_published_text_form_too(capsys):
    seed = SAMPLES / "seeds" / "001_655e35476e9ed446.txt"
    status, out, _ = run(capsys, "check", str(seed), "--json")
    forms = json.loads(out)["documents"][0]["forms"]
    assert [f["project"] for f in forms] == [
        "合作交流工作业务费",
        "合作交流专项工作经费",
        "机关服务费",
        "驻外办驻外工作经费",
    ]
    assert forms[0]["recomputed"]["execution_rate"] == "80.89"
    codes = {f["code"] for f in forms[2]["findings"]}
    assert {"rule-score-differs", "uncertain-value"} <= codes
    assert status == 0


def any_form(tmp_path, **changes):
    """The first gold form of seed 001 as a one-form JSON file, with ``changes`` applied."""
    data = json.loads(GOLD_FILES[1].read_text(encoding="utf-8"))["forms"][0]
    data.update(changes)
    path = tmp_path / "any.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_takes_a_form_with_no_template_no_year_and_month_dates(capsys, tmp_path):
    path = any_form(tmp_path, template=None, year=None, evaluated_on="2023-03")
    status, out, _ = run(capsys, "check", str(path), "--json")
    (form,) = json.loads(out)["documents"][0]["forms"]
    assert status == 0  # seed 001's three warnings, and two notes: no error
    assert form["ruleset"] == "mof-2020@1" and form["template"] is None and form["year"] is None
    assert sorted(f["code"] for f in form["findings"]) == [
        "actual-not-measured",  # four qualitative actuals copied at full score (issue 11 §2)
        "actual-not-measured",
        "actual-not-measured",
        "actual-not-measured",
        "check-skipped",  # grade-mismatch (no template); cost-indicator-missing and
        "check-skipped",  # period-outside-year (no year, issue 11)
        "check-skipped",
        "low-execution",
        "rate-mismatch",
        "ruleset-inferred",
        "target-too-low",
    ]


def test_check_prints_the_inferred_rule_set(capsys, tmp_path):
    status, out, _ = run(capsys, "check", str(any_form(tmp_path, template="yunnan-2022")))
    assert status == 0
    assert "mof-2020@1" in out and "(推断 inferred)" in out and "ruleset-inferred" in out


def test_check_still_refuses_a_year_that_is_not_a_year(capsys, tmp_path):
    status, out, _ = run(capsys, "check", str(any_form(tmp_path, year="2022年")))
    assert status == 2 and "bad-form-json" in out


def test_rules_lists_the_new_rule_sets_and_codes(capsys):
    status, out, _ = run(capsys, "rules")
    assert status == 0
    for code in ("mof-2021@1", "sichuan-2023@1", "ruleset-inferred", "check-skipped"):
        assert code in out
    assert "unknown-template" in out and "retired" in out
