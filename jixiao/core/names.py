"""Comparing names as people mean them.

``上海市政府驻外办事处视频会议系统（运维）`` and ``…系统(运维)`` are the same project; an
indicator printed with a line break inside is the same indicator. ``name_key`` folds
full-width forms and drops whitespace, so equal keys mean the same name.
"""

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def name_key(name: str | None) -> str:
    """Comparison key of a project, unit or indicator name."""
    if not name:
        return ""
    return _SPACES.sub("", unicodedata.normalize("NFKC", name))


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two printed names are the same name."""
    return name_key(a) == name_key(b)
