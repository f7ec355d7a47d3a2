"""Which known layout a form is: scored on its title words and its distinctive printed words.

Every layout entry names the words of its title and the words that tell it apart from its
siblings (``指标性质``, ``采集数据项`` …). A layout scores one point per distinctive word the
form prints and ``TITLE_POINTS`` when its title words are in the form's title; ties go to the
layout whose words the form covers most completely. A provincial layout needs at least
``MIN_HITS`` of its words; the national (generic) layouts are chosen only when no provincial
one matches, the most completely covered first. Below ``MIN_SCORE`` nothing matches.
"""

from functools import cache

from jixiao.io.vocabulary import Layout, layouts, normalise

MIN_SCORE = 3
MIN_HITS = 2
TITLE_POINTS = 3


class Printed:
    """A document's normalised text, each layout's distinctive words counted in it once.

    Every part of a document is matched against the same text; counting once per document,
    not once per part and per kind asked, saves a search of the whole text per layout.
    """

    def __init__(self, text: str) -> None:
        """``text``: every cell, normalised (``vocabulary.normalise``) and joined."""
        self.text = text
        self._hits: dict[str, int] = {}

    def hits(self, layout: Layout) -> int:
        """How many of the layout's distinctive words the text prints."""
        found = self._hits.get(layout.id)
        if found is None:
            found = sum(1 for w in _normalised(layout.distinctive) if w in self.text)
            self._hits[layout.id] = found
        return found


def _score(layout: Layout, title: str, text: Printed) -> tuple[int, float] | None:
    """``(points, share of distinctive words printed)``; None when too few words are printed."""
    hits = text.hits(layout)
    if hits < (1 if layout.generic else MIN_HITS):
        return None  # a title alone is not a match: the content must agree
    titled = any(w in title for w in _normalised(layout.title_words))
    points = TITLE_POINTS * titled + hits
    return (points, hits / len(layout.distinctive)) if points >= MIN_SCORE else None


@cache
def _normalised(words: tuple[str, ...]) -> tuple[str, ...]:
    """A layout's words as looked up in a form's normalised text: once per layout, not per form."""
    return tuple(normalise(w) for w in words)


def match_layout(title: str, text: str | Printed, kind: str | None) -> Layout | None:
    """The best-matching layout of a form, or None.

    Args:
        title: the form's printed title ('' when none).
        text: every cell of the form, normalised (``vocabulary.normalise``) and joined, or
            that text as ``Printed`` (counted once for all the parts of a document).
        kind: the kind the title names, or None; a layout of the other kind is not chosen.

    Returns:
        The matched layout, or None when no layout scores ``MIN_SCORE``.
    """
    title = normalise(title)
    text = text if isinstance(text, Printed) else Printed(text)
    scored = [
        (score, layout)
        for layout in layouts()
        if not (kind and layout.kind != kind) and (score := _score(layout, title, text)) is not None
    ]
    provincial = [(s, lay) for s, lay in scored if not lay.generic]
    if provincial:
        return max(provincial, key=lambda pair: pair[0])[1]
    # The national layouts share most words (2021 = 2020 + the cost group): the one whose
    # words the form prints most completely.
    generic = [((s[1], s[0]), lay) for s, lay in scored if lay.generic]
    return max(generic, key=lambda pair: pair[0])[1] if generic else None
