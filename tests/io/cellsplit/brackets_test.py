"""A merged label's bracket closed on a later line is moved back onto the label."""

from jixiao.io.cellsplit.wraps import rejoin_brackets
from jixiao.io.document import Block, Cell, Document, Source


def doc(*lines):
    blocks = tuple(Block(n, (Cell(t, Source(line=n + 1)),)) for n, t in enumerate(lines))
    return Document("form.txt", blocks)


def texts(document):
    return [b.cells[0].text for b in document.blocks]


def test_a_closing_bracket_on_a_line_of_its_own():
    lines = ("产出指标（50分", "质量指标 合格率 100% 100% 20 20", "）")
    assert texts(rejoin_brackets(doc(*lines))) == [
        "产出指标（50分）",
        "质量指标 合格率 100% 100% 20 20",
        "",
    ]


def test_the_points_unit_and_bracket_at_the_head_of_a_row():
    lines = ("满意度指标（10", "服务对象满意度指标 满意度 ≥90% 93% 10 10", "分） 其他")
    assert texts(rejoin_brackets(doc(*lines)))[::2] == ["满意度指标（10分）", "其他"]


def test_a_closed_label_and_a_bracket_too_far_below_are_left_alone():
    closed = doc("产出指标（50分）", "）")
    assert rejoin_brackets(closed) is closed
    far = doc("产出指标（50分", "a", "b", "c", "）")
    assert rejoin_brackets(far) is far


def test_a_unit_bracket_closed_two_lines_below():
    lines = ("项目资金（", "其中：当年财政拨款 300.00 280.00", "元）")
    assert texts(rejoin_brackets(doc(*lines)))[::2] == ["项目资金（元）", ""]
