"""Label cells outside the tables and their values (``structure.reader``)."""

from jixiao.io.document import Block, Cell, Ledger, Source
from jixiao.io.structure.reader import Draft, Fields, read_labels
from jixiao.io.vocabulary import vocabulary


def test_each_label_takes_the_cells_after_it_up_to_the_next_label():
    row = ("项目名称：", "", "河道保洁", "主管部门", "临江县水利局")
    block = Block(0, tuple(Cell(t, Source(line=1, column=i + 1)) for i, t in enumerate(row)))
    ledger, fields = Ledger(), Fields()
    assert read_labels(Draft([block], vocabulary(), ledger, fields=fields), 0) == 1
    assert fields.values == {"project.name": "河道保洁", "project.department": "临江县水利局"}
    assert ledger.taken == {(0, 0), (0, 2), (0, 3), (0, 4)}
