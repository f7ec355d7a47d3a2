"""The label matcher: longest first, bracket widths, suffixes, roles, built once per set."""

from jixiao.io.cellsplit.labels import (
    COLUMN,
    FIELD,
    LEVEL1,
    LEVEL2,
    LabelSet,
    is_label_word,
    matcher,
)

LABELS = LabelSet.build(
    fields=["项目名称", "二级项目名称", "部门(单位)名称", "项目资金"],
    columns={"指标值": "target", "指标目标值": "target", "三级指标": "name"},
    level1=["成本指标", "效益指标"],
    level2=["成本指标", "经济成本指标", "社会效益指标"],
)


def found(text):
    return [text[h.start : h.end] for h in matcher(LABELS).find(text, 0, len(text))]


def test_longest_label_wins_at_a_position():
    assert found("二级项目名称博物馆") == ["二级项目名称"]
    assert found("社会效益指标") == ["社会效益指标"]
    assert found("成本指标经济成本指标") == ["成本指标", "经济成本指标"]
    assert found("三级指标指标目标值") == ["三级指标", "指标目标值"]


def test_bracket_widths_and_suffixes():
    # Full-width brackets match a half-width label; a bracket and a colon after it stay.
    assert found("部门（单位）名称：中共宁德市委") == ["部门（单位）名称："]
    assert found("项目资金(万元)年初") == ["项目资金(万元)"]
    assert found("效益指标(30-50)分经济") == ["效益指标(30-50)分"]


def test_roles_and_weak_labels():
    hits = matcher(LABELS).find("成本指标指标值", 0, 7)
    assert hits[0].label.roles == frozenset({LEVEL1, LEVEL2})
    assert hits[1].label.roles == frozenset({COLUMN})
    assert hits[1].label.columns == frozenset({"target"})
    assert hits[1].label.weak and not hits[0].label.weak  # 指标值 has three characters
    assert matcher(LABELS).index["项目名称"].roles == frozenset({FIELD})


def test_matcher_is_built_once_per_label_set():
    same = LabelSet.build(
        fields=["项目名称", "二级项目名称", "部门(单位)名称", "项目资金"],
        columns={"指标值": "target", "指标目标值": "target", "三级指标": "name"},
        level1=["成本指标", "效益指标"],
        level2=["成本指标", "经济成本指标", "社会效益指标"],
    )
    assert matcher(same) is matcher(LABELS)


def test_values_marks_and_comparators_are_never_labels():
    assert not is_label_word("-")
    assert not is_label_word("无")
    assert not is_label_word("大于等于")
    assert not is_label_word("……")
    assert is_label_word("备注")
    odd = LabelSet.build(fields=["-", "≥", "项目名称"])
    assert set(matcher(odd).index) == {"项目名称"}
