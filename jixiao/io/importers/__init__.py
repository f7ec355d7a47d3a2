"""Importers, one module per template id (SPEC §1), and the detection that picks them.

- ``base``: the ``Importer`` protocol and ``ImportResult``.
- ``detect``: titles → template, splitting mixed documents.
- ``mof_2020_self_eval``: 财政项目支出绩效自评表 (财预〔2020〕10号 layout).
"""
