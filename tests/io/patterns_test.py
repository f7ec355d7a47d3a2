"""Printed words as one alternation (``jixiao.io.vocabulary.alternation``); cases by hand."""

import re

from jixiao.io.vocabulary import alternation


def first(words, text):
    found = re.match(alternation(words), text)
    return found.group() if found else None


def test_the_longest_word_at_a_position_wins():
    assert first(["一级指标", "一级项目名称"], "一级项目名称：X") == "一级项目名称"
    assert first(["产出", "产出指标"], "产出指标数量") == "产出指标"
    assert first(["产出", "产出指标"], "产出数量") == "产出"


def test_bracket_and_colon_widths_match_each_other():
    assert first(["项目资金(万元)"], "项目资金（万元）300") == "项目资金（万元）"
    assert first(["单位:元"], "单位：元") == "单位：元"


def test_no_words_match_nothing():
    assert first([], "") is None
