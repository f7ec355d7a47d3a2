"""Lines of a text taken from the placed cells recovered from them."""

from jixiao.io.cellsplit import Recovery
from jixiao.io.document import Block, Cell, Document, Ledger, Source
from jixiao.io.structure.importer import take_lines


def line(n: int, *cells: str) -> Block:
    return Block(n, tuple(Cell(t, Source(line=n + 1, column=k + 1)) for k, t in enumerate(cells)))


def test_a_line_partly_placed_is_taken_and_only_its_other_pieces_reported():
    doc = Document(
        "t.txt", (line(0, "项目名称 某项目"), line(1, "年度资金总额 36.00 见说明")), "text"
    )
    recovered = Document(
        "t.txt",
        (line(0, "项目名称", "某项目"), line(1, "年度资金总额", "36.00", "见说明")),
        "text",
    )
    own = Ledger()
    own.take(recovered.blocks[0])  # both cells of the first line placed
    own.take(recovered.blocks[1], 0)
    own.take(recovered.blocks[1], 1)
    ledger = Ledger()
    findings = take_lines(doc, Recovery(recovered, ()), own, ledger)
    assert ledger.is_taken(doc.blocks[0], 0) and ledger.is_taken(doc.blocks[1], 0)
    assert [(f.code, f.found) for f in findings] == [("unplaced-text", "见说明")]


def test_a_line_nothing_of_which_was_placed_is_left_for_the_document_to_report():
    doc = Document("t.txt", (line(0, "填报人 张三"),), "text")
    recovered = Document("t.txt", (line(0, "填报人", "张三"),), "text")
    ledger = Ledger()
    assert take_lines(doc, Recovery(recovered, ()), Ledger(), ledger) == []
    assert not ledger.is_taken(doc.blocks[0], 0)
