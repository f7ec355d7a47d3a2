"""Labels a PDF prints down a narrow or tall cell, in the text copied from it (seed 004)."""

from jixiao.io.document import Block, Cell, Document, Ledger, Source
from jixiao.io.structure.importer import extract
from jixiao.io.structure.stacked import join_stacked, take_pieces
from jixiao.io.vocabulary import vocabulary


def lines(*texts: str) -> list[Block]:
    return [Block(n, (Cell(t, Source(line=n + 1)),)) for n, t in enumerate(texts)]


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def test_pieces_of_a_label_are_one_label_on_the_first_line():
    vocab = vocabulary("sh-2019-target")
    blocks = lines(
        "项目设立的必", "要性", "", "贯彻执行国家战略。", "同名项目上年预算执行数", "", "（元）"
    )
    joined, pieces = join_stacked(blocks, vocab)
    assert texts(joined) == [
        "项目设立的必要性",
        "",
        "贯彻执行国家战略。",
        "同名项目上年预算执行数（元）",
    ]
    assert {first: [b.index for b in run] for first, run in pieces.items()} == {
        0: [0, 1],
        4: [4, 5, 6],
    }


def test_the_pieces_of_a_placed_label_are_placed_with_it():
    blocks = lines("项目设立的必", "要性", "同名项目上年预算执行数", "（元）")
    joined, pieces = join_stacked(blocks, vocabulary("sh-2019-target"))
    ledger = Ledger()
    ledger.take(joined[0])  # only the first label was read
    take_pieces(pieces, ledger)
    assert [b.index for b in blocks if ledger.is_taken(b, 0)] == [0, 1]


def test_two_labels_on_two_lines_stay_two_labels():
    vocab = vocabulary("sh-2019-target")
    blocks = lines("项目名称", "资金用途", "投入和管理目", "标")
    joined, _ = join_stacked(blocks, vocab)
    assert texts(joined) == ["项目名称", "资金用途", "投入和管理目标"]


def test_a_wrapped_label_takes_the_paragraph_after_a_blank_line():
    doc = Document(
        "004.txt",
        tuple(
            lines(
                "上海市财政支出项目绩效目标申报表",
                "申报单位名称：   上海市人民政府合作交流办公室",
                "项目设立的必",
                "要性",
                "",
                "贯彻执行国家战略和上海市有关部署，统筹",
                "、组织本市对口支援与合作交流工作。",
                "",
                "项目总预算（元） 2665500 项目当年预算（元） 2665500",
            )
        ),
        "text",
    )
    form = extract(doc, Ledger()).forms[0]
    assert (
        form.project.necessity
        == "贯彻执行国家战略和上海市有关部署，统筹、组织本市对口支援与合作交流工作。"
    )
