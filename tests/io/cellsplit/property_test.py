"""Any line made of labels, values, text and separators: recovery never drops a character."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.io.cellsplit import recover_cells
from jixiao.io.readers.txt import read
from tests.io.cellsplit.labelsets import ANHUI

PARTS = [
    *("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"),
    *("产出指标", "数量指标", "成本指标", "年度资金总额:", "其中:", "本年财政拨款", "总分"),
    *("880", "10", "≥60", "次", "90%", "=300天", "-", "/", "(50分)", "指标1:", "工程质量合格"),
    *("（", "）", "2021", "年", "…", "。", "a"),
]
SEPARATORS = ["", "", " ", "  ", " | ", "|", "\u3000", "\n"]
STRIP = re.compile(r"[\s|｜│┃]")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PARTS), st.sampled_from(SEPARATORS)), max_size=40))
def test_cells_joined_are_the_text_without_separators(parts):
    text = "".join(p + s for p, s in parts)
    doc = read("random.txt", text.encode())
    recovered, uncertain = recover_cells(doc, ANHUI)
    joined = "".join(c.text for b in recovered.blocks for c in b.cells)
    assert STRIP.sub("", joined) == STRIP.sub("", text)
    lines = {b.cells[0].source.line for b in doc.blocks}
    assert {c.source.line for b in recovered.blocks for c in b.cells} == lines
    assert all(u.source.line in lines for u in uncertain)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet="项目名称指标值一二三级产出数量总分其中:：|｜ \t\u3000()（）≥=%-/0123456789.,年月日次万元。…a\n"
    )
)
def test_any_text_is_split_without_loss(text):
    doc = read("random.txt", text.encode())
    recovered, _ = recover_cells(doc, ANHUI)
    joined = "".join(c.text for b in recovered.blocks for c in b.cells)
    assert STRIP.sub("", joined) == STRIP.sub("", text)
