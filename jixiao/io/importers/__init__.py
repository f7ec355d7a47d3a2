"""Importers, one module per template id (SPEC §1), and the detection that picks them.

- ``base``: the ``Importer`` protocol and ``ImportResult``.
- ``detect``: titles → template, splitting mixed documents.
- ``sh_2019_target``: 上海市财政支出项目绩效目标申报表（2019年）.

Every other layout is read by ``jixiao.io.structure`` in every format.
"""
