"""The web system (Django): units fill in forms, reviewers return or approve, the public reads.

Apps, one per area:

- ``accounts``: organisations (finance bureau → departments → budget units), roles, access.
- ``store``: projects, forms and their indicator rows, the audit trail; canonical JSON in and out.
- ``entry``: typing targets and self-evaluations, with live scores from ``jixiao.core``.
- ``review``: the workflow (``transitions``), the reviewer's queue, comments on indicators.
- ``imports``: uploads parsed by ``jixiao.io`` in background tasks, previewed, then stored.
- ``public``: what anonymous visitors may read: published forms.

The core stays free of Django: views call ``jixiao.core`` and ``jixiao.io``, never the reverse.
"""
