"""Importers and exporters: published files in, canonical forms out.

``readers`` make a file a ``Document`` (blocks of cells, each knowing its ``Source``); ``parse``
reads it with ``structure`` (text that lost its cells first through ``cellsplit``) and reports
what no field took. ``bounded`` bounds what comes in.
"""
