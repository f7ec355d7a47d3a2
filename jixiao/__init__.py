"""jixiao (绩效): performance management of public-finance project spending.

Layers, dependencies pointing inward only:

- ``jixiao.core``: plain-Python model, value grammar, rule sets, scoring, checks.
- ``jixiao.cli``: the ``jixiao`` command.
"""

__version__ = "0.1.0"
