"""Importers, one module per template id (SPEC §1), and the detection that picks them.

- ``base``: the ``Importer`` protocol and ``ImportResult``.
- ``detect``: titles → template, splitting mixed documents.

Every layout is read by ``jixiao.io.structure`` in every format.
"""
