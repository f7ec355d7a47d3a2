"""The structure-driven importer (issue 9 §1): forms of any layout, read by their content.

``importer`` runs the stages over a document: ``reader`` walks a form's blocks into a ``Draft``
(``columns``, ``rows``, ``funds``, ``labels`` and the modules for text that lost its cells),
``match`` names its layout, ``forms`` builds canonical forms and ``findings`` reports what they
have no field for. Each module's docstring says what it reads.
"""
