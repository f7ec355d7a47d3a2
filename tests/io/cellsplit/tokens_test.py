"""Run-together text cut at labels and values (fragments of the 甘肃 and 湖南 pages)."""

from jixiao.io.cellsplit.labels import LabelSet, matcher
from jixiao.io.cellsplit.shapes import Shape
from jixiao.io.cellsplit.tokens import cut

LABELS = LabelSet.build(
    fields=["项目类型", "项目分类", "政策依据", "其他依据", "项目总投资", "项目名称", "项目"],
    rows=["中央补助安排", "其他资金", "本年财政拨款"],
    furniture=["其中"],
    columns={"指标内容": "name", "指标值": "target", "备注": "note"},
    level1=["产出指标"],
    level2=["数量指标"],
)


def pieces(text):
    return [
        (text[t.start : t.end], t.shape)
        for t in cut(text, 0, len(text), matcher(LABELS).find(text, 0, len(text)))
    ]


def words(text):
    return [w for w, _ in pieces(text)]


def test_labels_and_values_between_them():
    assert pieces("项目总投资20万元中央补助安排0其他资金20万元") == [
        ("项目总投资", Shape.LABEL),
        ("20万元", Shape.VALUE),
        ("中央补助安排", Shape.LABEL),
        ("0", Shape.NUMBER),
        ("其他资金", Shape.LABEL),
        ("20万元", Shape.VALUE),
    ]


def test_short_labels_only_between_labels():
    # 项目 is a label of its own, but inside 新增项目 it touches text: not cut there.
    assert words("项目类型新增项目项目分类专项工作经费") == [
        "项目类型",
        "新增项目",
        "项目分类",
        "专项工作经费",
    ]
    # 指标值 and 备注 (three characters or fewer) touch labels on both sides: cut.
    assert words("指标内容指标值备注产出指标") == ["指标内容", "指标值", "备注", "产出指标"]


def test_a_number_after_text_is_not_a_value():
    assert words("政策依据甘财科[2022]78号其他依据") == ["政策依据", "甘财科[2022]78号", "其他依据"]


def test_strong_values_at_the_ends_of_a_gap():
    assert words("项目名称免费开放天数=300天") == ["项目名称", "免费开放天数", "=300天"]
    assert words("项目名称2023-01-01项目完成H期2023-12-31") == [
        "项目名称",
        "2023-01-01",
        "项目完成H期",
        "2023-12-31",
    ]


def test_digits_run_together_stay_one_token():
    assert pieces("数量指标88100产出指标") == [
        ("数量指标", Shape.LABEL),
        ("88100", Shape.NUMBER),
        ("产出指标", Shape.LABEL),
    ]


def test_furniture_glues_onto_the_next_label_only():
    assert words("其中:本年财政拨款880") == ["其中:本年财政拨款", "880"]


def test_only_the_first_token_is_not_glued():
    tokens = cut("项目名称博物馆", 0, 7, matcher(LABELS).find("项目名称博物馆", 0, 7))
    assert [t.glued for t in tokens] == [False, True]
