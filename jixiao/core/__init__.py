"""The plain-Python core: no Django, no I/O beyond reading its own data files.

Modules, in pipeline order:

- ``numbers``: the only text → ``Decimal`` path, and half-up rounding.
- ``dates``: dates as printed, to the day or only to the month (``Month``).
- ``model``: the canonical form (SPEC §2) as frozen dataclasses.
- ``formkeys``: the canonical form's keys, in SPEC order.
- ``formreader``: ``jixiao/form@1`` JSON → model, with bilingual errors naming the JSON path.
- ``formjson``: model → JSON, and whole documents (one form, a parse@1 object, a list).
- ``values``: the target/actual grammar (SPEC §3).
- ``findings``: the one ``Finding`` record every stage returns.
- ``rulesets``: versioned rule sets (TOML data), overridable per deployment; ``rulesets.choice``
  picks one by template or, when no rule set lists the template, from the form's tree.
- ``scoring``: execution rate and points, indicator rule scores, totals, grades.
- ``checks``: one module per check code, run by ``checks.runner.check_form`` on any form (a
  check declares what it needs, ``checks.needs``; one that cannot run says so once).
"""
