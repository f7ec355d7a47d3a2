"""A document cut where its forms change between project forms and other forms.

A file of project forms may carry a form that is not a project form (a department-wide
部门整体支出绩效 table among project tables): that part is reported, never read as a project.
A document of department-wide forms only is read like any other. Titles are told from the
vocabulary's printed title words, never from the file name.
"""

from dataclasses import dataclass
from functools import cache

from jixiao.io.document import Block, Document
from jixiao.io.text import squeeze
from jixiao.io.vocabulary import layouts, vocabulary

MAX_TITLE = 60  # a longer line quotes a title, it is not one


@dataclass(frozen=True)
class Part:
    """A run of blocks: project forms (``project``), or a form that is not one."""

    start: int
    stop: int
    project: bool
    title: str


@cache
def _project_titles() -> tuple[str, ...]:
    return tuple(squeeze(w) for layout in layouts() for w in layout.title_words)


def title_of(block: Block) -> tuple[bool, str] | None:
    """``(project, title)`` for a block printing a form's title, else None."""
    if "绩" not in block.text:  # every title names 绩效: most lines end here, unsqueezed
        return None
    text = squeeze(block.text)
    if len(text) > MAX_TITLE or "绩效" not in text:
        return None
    if any(word in text for word in vocabulary().words("titles", "department")):
        return False, text
    if any(word in text for word in _project_titles()):
        return True, text
    return None


def split(doc: Document) -> list[Part]:
    """Parts of the document; blocks before the first title go with it.

    A document whose titles are all of forms that are not project forms is one part read
    like any other (department-wide forms only).
    """
    marks = [(i, *found) for i, block in enumerate(doc.blocks) if (found := title_of(block))]
    if not any(project for _, project, _ in marks):
        return [Part(0, len(doc.blocks), True, marks[0][2] if marks else "")]
    parts: list[Part] = []
    for i, project, title in marks:
        if parts and parts[-1].project == project:
            continue
        if parts:
            previous = parts[-1]
            parts[-1] = Part(previous.start, i, previous.project, previous.title)
        parts.append(Part(0 if not parts else i, len(doc.blocks), project, title))
    return parts
