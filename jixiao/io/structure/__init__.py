"""The structure-driven importer (issue 9 §1): forms of any layout, read by their content.

``importer`` runs the stages: ``reader`` walks a form's blocks into a ``Draft``, ``match`` names
its layout, ``forms`` builds canonical forms, ``findings`` reports what they have no field for.
"""
