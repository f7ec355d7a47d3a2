"""Importers and exporters: published files in, canonical forms out.

``readers`` turn a file into a ``Document`` (blocks of cells, each knowing its ``Source``);
``parse`` cuts it where project forms and other forms change, reads each part with
``structure`` (through the ``vocabulary``; text that lost its cells first goes through
``cellsplit``) and reports what no field took. ``limits``, ``intake``, ``isolation`` and
``bounded`` bound what comes in: file size, parse time and memory.
"""
