"""The plain-Python core: no Django, no I/O beyond reading its own data files.

Modules, in pipeline order:

- ``numbers``: the only text → ``Decimal`` path, and half-up rounding.
- ``model``: the canonical form (SPEC §2) as frozen dataclasses.
- ``formkeys``: the canonical form's keys, in SPEC order.
- ``formreader``: ``jixiao/form@1`` JSON → model, with bilingual errors naming the JSON path.
- ``formjson``: model → JSON, and whole documents (one form, a parse@1 object, a list).
- ``values``: the target/actual grammar (SPEC §3).
- ``findings``: the one ``Finding`` record every stage returns.
- ``rulesets``: versioned rule sets (TOML data) chosen by template, overridable per deployment.
- ``scoring``: execution rate and points, indicator rule scores, totals, grades.
- ``checks``: one module per check code, run by ``checks.run_checks``.
"""
