"""No input makes the import stage raise: any bytes give a result with findings."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.io.parse import parse_bytes
from tests.conftest import SAMPLES

SEEDS = sorted((SAMPLES / "seeds").glob("*.txt"))
WORDS = [
    "财政项目支出绩效自评表",
    "2019年度财政项目绩效自评价",
    "财政项目支出绩效目标表",
    "上海市财政支出项目绩效目标申报表",
    "项目名称",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "总分",
    "合计",
    "投入与管理(36分)",
    "产出指标",
    "≥60 次",
    "100%",
    "80.88%",
    "506,745.04",
    "-",
    "\t",
    "\n",
    " ",
    "（元）",
    "项目资金（万元）",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "执行率",
    "√",
    "□",
    "- 3 -",
    "2019/1/1",
    "是",
    "否",
]


def check(data: bytes) -> None:
    result = parse_bytes("fuzz.txt", data)
    assert result.failed or isinstance(result.forms, list)
    for finding in result.findings:
        assert finding.code and finding.message_zh and finding.message_en


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=120))
def test_form_like_text_never_raises(pieces):
    check("".join(pieces).encode("utf-8"))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_never_raise(data):
    check(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SEEDS),
    st.integers(min_value=0, max_value=30000),
    st.integers(min_value=1, max_value=400),
)
def test_a_seed_with_a_piece_cut_out_never_raises(seed, start, length):
    text = seed.read_text(encoding="utf-8")
    check((text[:start] + text[start + length :]).encode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.data())
def test_a_seed_with_lines_dropped_or_repeated_never_raises(seed, data):
    lines = seed.read_text(encoding="utf-8").split("\n")
    keep = data.draw(
        st.lists(st.integers(min_value=0, max_value=len(lines) - 1), max_size=len(lines))
    )
    check("\n".join(lines[i] for i in keep).encode("utf-8"))


def test_a_form_without_its_year_is_read_with_the_year_reported_missing():
    # issue 9: a form whose year is not printed is still read; its year is null, with a finding
    text = (SAMPLES / "seeds" / "001_655e35476e9ed446.txt").read_text(encoding="utf-8")
    result = parse_bytes("no-year.txt", text.replace("（ 2022 年度）", "").encode("utf-8"))
    assert [form.year for form in result.forms] == [None, None, None, None]
    missing = [
        (f.location.form, f.location.path) for f in result.findings if f.code == "year-missing"
    ]
    assert missing == [(0, "year"), (1, "year"), (2, "year"), (3, "year")]
