"""Placing a row's tokens in the header's columns (classes and kinds written by hand)."""

from jixiao.io.cellsplit.table import align

MOF = ("prefix", "level1", "level2", "name", "value", "value", "number", "number", "text")
FUNDS = ("prefix", "amount", "amount", "amount", "number", "rate", "number")


def test_a_full_indicator_row():
    classes = ("level2", "text", "number", "number", "number", "number")
    assert align(classes, MOF) == [(2, 3, 4, 5, 6, 7)]


def test_two_numbers_after_a_name_are_weight_and_score():
    assert align(("level2", "text", "number", "number"), MOF) == [(2, 3, 6, 7)]


def test_a_label_on_both_trees_alone_before_its_name_is_a_level_2():
    # 成本指标 is level 1 on the 2021 tree and level 2 on the 2020 tree.
    assert align(("level", "text", "number", "number"), MOF) == [(2, 3, 6, 7)]
    # Followed by a level-2 name, it is the level 1.
    assert align(("level", "level2", "text", "value"), MOF)[0] == (1, 2, 3, 4)


def test_large_numbers_are_amounts_not_weights():
    assert align(("rows", "large", "large", "large", "number", "number"), FUNDS) == [
        (0, 1, 2, 3, 4, 6)
    ]


def test_ambiguous_rows_give_every_best_placement():
    readings = align(("level2", "text", "mark", "mark"), MOF)
    assert len(readings) > 1
    assert {r[:2] for r in readings} == {(2, 3)}
    assert readings[0] == (2, 3, 4, 5)  # the leftmost first


def test_a_row_that_fits_no_placement():
    assert align(("number",) * 10, MOF) == []
    assert align(("number",), ("level1", "level2")) == []


def test_two_texts_share_a_cell_only_where_the_row_needs_it():
    # 偏差原因：… 改进措施：… printed with a space: one deviation cell.
    classes = ("level2", "text", "value", "value", "number", "number", "text", "text")
    assert align(classes, MOF) == [(2, 3, 4, 5, 6, 7, 8, 8)]
    # A name and a qualitative value: two cells, not one (target or actual: both readings).
    readings = align(("level2", "text", "text", "number", "number"), MOF)
    assert readings == [(2, 3, 4, 6, 7), (2, 3, 5, 6, 7)]
