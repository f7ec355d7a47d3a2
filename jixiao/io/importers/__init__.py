"""Importers, one module per template id (SPEC §1), and the detection that picks them.

- ``base``: the ``Importer`` protocol and ``ImportResult``.
- ``detect``: titles → template, splitting mixed documents.
- (财政项目支出绩效自评表, mof-2020-self-eval, is read by ``jixiao.io.structure`` in every format.)
- ``sh_2019_self_eval``: 2019年度财政项目绩效自评价.
- ``sh_2020_target``: 财政项目支出绩效目标表（2020年度）.
- ``sh_2019_target``: 上海市财政支出项目绩效目标申报表（2019年）.
"""
