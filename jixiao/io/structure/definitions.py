"""An indicator's name printed with its definition in brackets: ``预算执行率(执行数/预算数)``."""

import re

from jixiao.io.text import join_lines

_DEFINED = re.compile(r"^(?P<name>.+?)\s*[（(](?P<definition>[^（）()]{2,})[)）]$", re.S)
_FORMULA = re.compile(r"[/÷×*＊／]")


def split_definition(name: str | None) -> tuple[str | None, str | None]:
    """``(name, definition)``: a bracket's formula (SPEC §2.1), not ``（小时）``; else None."""
    match = _DEFINED.match(name or "")
    if match is None or not _FORMULA.search(match["definition"]):
        return name, None
    return join_lines(match["name"]), join_lines(match["definition"])
