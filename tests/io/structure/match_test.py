"""Layouts matched on their title and distinctive words; national layouts only as a fallback."""

from jixiao.io.structure.match import match_layout
from jixiao.io.vocabulary import layouts, normalise


def text(*cells):
    return "|".join(normalise(c) for c in cells)


def test_a_provincial_layout_is_preferred_to_the_national_one_it_resembles():
    words = text(
        "一级指标", "三级指标", "中长期指标值", "年度指标值", "中期目标", "年度目标", "产出指标"
    )
    layout = match_layout("示范区2024年项目支出绩效目标申报表", words, "target")
    assert layout.id == "hubei-district-target"


def test_the_national_layout_is_the_fallback():
    words = text("年度资金总额", "全年预算数", "全年执行数", "年度指标值", "实际完成值")
    assert match_layout("项目支出绩效自评表", words, "self_evaluation").id == "mof-2020-self-eval"


def test_a_title_alone_matches_nothing():
    assert match_layout("项目支出绩效自评表", text("项目名称", "三级指标"), None) is None


def test_a_layout_of_the_other_kind_is_not_chosen():
    words = text("采集数据项", "数据项1", "数据项2", "计量单位")
    assert match_layout("", words, "target").id == "jilin-2016-eval"
    assert match_layout("", words, "self_evaluation") is None


def test_of_the_national_layouts_the_one_printed_most_completely_wins():
    # a 2021+ self-evaluation prints the 2020 words and the cost group
    words = text(
        "年度资金总额",
        "全年预算数",
        "全年执行数",
        "年度指标值",
        "实际完成值",
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
    )
    assert match_layout("项目支出绩效自评表", words, "self_evaluation").id == "mof-2021-self-eval"


def test_no_layout_word_holds_the_cell_separator():
    # The importer matches a document's cells joined by "|" and normalised at once.
    assert not [w for lay in layouts() for w in (*lay.distinctive, *lay.title_words) if "|" in w]
