"""How the pages say what a target is: measurable or not, and why not."""

from django.utils import translation

from jixiao.core.checks.runner import check_form
from jixiao.web.review.presenter import present
from jixiao.web.store.rules import rules
from tests.conftest import gold_form


def readings(seed, index):
    return [row["reading"] for row in present(check_form(gold_form(seed, index), rules())).rows]


def test_a_bare_direction_is_shown_as_not_measurable_with_its_reason():
    # seed 004 form 4: 平台运行故障率 "降低" (row 10); 主会场 … of form 3: "≤2%" is reverse.
    with translation.override("zh-hans"):
        assert readings("004", 4)[10] == "无法衡量 (只有方向词)"
        assert readings("004", 3)[11] == "定量 ≤2% 反向"
    with translation.override("en"):
        assert readings("004", 4)[10] == "not measurable (a bare direction)"
        assert readings("003", 0)[6] == "quantitative =100%"
