"""Importers and exporters: published files in, canonical forms out.

Pipeline, each stage a plain function over plain data:

1. ``readers``: a file (text, XLSX, DOCX, PDF, HTML) → ``Document``: blocks of cells, each
   cell with its ``Source`` (line, page, sheet cell). Readers resolve merged cells and decode
   text; they know nothing of forms.
2. ``parts``: the document cut where project forms and other forms (department-wide tables
   among project tables) change, told by printed titles, never by the file name.
3. ``structure``: a part → ``Form`` objects of any layout, read by its content through the
   ``vocabulary`` (text that lost its cell boundaries first goes through ``cellsplit``),
   taking each piece of text it places from a ``Ledger`` so that nothing is dropped silently.
4. ``parse``: runs the stages for one file and turns leftovers into ``unplaced-text``
   findings; ``batch`` runs it over folders.

Around them, the limits on what comes in: ``bounded`` (the settings: file size, parse time and
memory; regular files only, none over the size bound, each parsed in a reusable worker process
with a time and memory bound; over a limit, a refusal naming the file).
"""
