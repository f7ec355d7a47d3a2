"""The free-text fields of a form, by path, and texts compared as a reader compares them."""

import re
import unicodedata
from collections.abc import Iterator

from jixiao.core.model import Form

_NOT_WORDS = re.compile(r"[\W_]+")


def text_key(text: str | None) -> str:
    """A text without spaces, punctuation and width differences: equal keys say the same."""
    return _NOT_WORDS.sub("", unicodedata.normalize("NFKC", text or ""))


def text_fields(form: Form) -> Iterator[tuple[str, str]]:
    """``(path, text)`` of every printed free text, in form order (empty ones left out)."""
    project = form.project
    for key in ("overview", "basis", "necessity", "safeguards", "plan"):
        yield f"project.{key}", getattr(project, key)
    for key in ("overall", "annual", "achieved"):
        yield f"goals.{key}", getattr(form.goals, key)
    for index, ind in enumerate(form.indicators):
        for key in ("name", "target", "actual", "deviation", "note"):
            yield f"indicators[{index}].{key}", getattr(ind, key)
    for key in ("achievements", "problems", "improvements"):
        yield f"narrative.{key}", getattr(form.narrative, key)
