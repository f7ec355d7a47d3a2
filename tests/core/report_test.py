from jixiao.core.checks.runner import check_form
from jixiao.core.report import counts, form_record
from tests.conftest import gold_form


def test_form_record_of_a_2019_self_evaluation(config):
    report = check_form(gold_form("000", 0), config, "000", 0)
    record = form_record(report, "sh-2019@1")
    assert record["declared"] == {
        "execution_rate": "65.37",
        "execution_score": None,
        "total_score": "88",
        "grade": "良好",
    }
    assert record["recomputed"]["execution_rate"] == "65.37"
    assert record["recomputed"]["score_sum"] == "88"
    assert record["recomputed"]["grade_of_total"] == "良好"
    assert record["counts"] == {"error": 0, "warning": 0, "info": 0}
    assert len(record["recomputed"]["indicators"]) == 14


def test_counts_by_severity(config):
    report = check_form(gold_form("004", 3), config)
    assert counts(report.findings) == {"error": 3, "warning": 0, "info": 0}
