"""The structure-driven importer (issue 9 §1): forms of any layout, read by their content.

Stages, each a module of plain functions:

- ``columns``: the indicator table's header → columns, through the vocabulary; rows of text
  shifted off their columns, put back.
- ``rows``: table rows → indicators and groups (merged-cell inheritance, split values,
  merged cells cut by a page break).
- ``funds``: the funds block (budget columns, total and source rows).
- ``labels``: label cells outside the tables and their values (project, goals, totals).
- ``reader``: a form's blocks walked in order → ``Draft``.
- ``match``: which known layout a form is (its ``template``), scored on printed words.
- ``forms``: a draft → canonical forms (one per project of a table of several).
- ``importer``: the ``Importer`` that runs them over a document.
- ``taken_lines``: which lines of a text were placed, from the cells recovered from them.
- ``findings``: what a form has no field for, reported (unknown columns, no year …).
- ``values``: group points and bands, weights, values split over cells.
- ``definitions``: a name printed with its definition in brackets, split (SPEC §2.1).
- ``flattened``: PDF text that lost its table's cells and order, put back into rows of cells.
- ``wrapped_rows``: indicator rows whose cells wrapped over lines, ended by their numbers.
- ``flattened_head``: head labels cut out of a line; values printed away from them, given back.
- ``flattened_groups``: level-1 groups printed apart from their rows, given by the points.
- ``flattened_rebuild``: a flattened form rebuilt as rows of cells, each knowing its lines.
- ``sentences``: indicator trees written as sentences in a notice (产出指标：数量指标：…；).
- ``funds_sentence``: funds written as a sentence (年度预算 300 万元，其中财政拨款 260 万元).
- ``label_column``: PDF text that printed the label column apart from its values, put back.
- ``target_rows``: a name | target table whose cells lost their boundaries, into rows.
- ``merged_labels``: a label cell merged down over rows whose cells continue its value.

Plain text copied out of a PDF has its own stages (a row's cell wrapped onto lines of its
own is joined to the row when the cells are recovered, ``jixiao.io.cellsplit.wraps``):

- ``stacked``: a label printed down a tall or narrow cell, one piece a line (``年度`` / ``总体`` /
  ``目标``, ``项目设立的必`` / ``要性``).
- ``goal_lines``: the two goal cells side by side over several lines.
- ``wrapped``: a value wrapped under its label and value line.
- ``centred``: level labels printed on the middle line of their rows; level-2 names inherited
  that the text does not settle.
"""
