"""Which known layout a form is: scored on its title words and its distinctive printed words.

Every layout entry names the words of its title and the words that tell it apart from its
siblings (``指标性质``, ``采集数据项`` …). A layout scores one point per distinctive word the
form prints and three per title word; the best score of at least ``MIN_SCORE`` wins, ties
going to the layout whose words the form covers most completely. None matches below that.
"""

from jixiao.io.vocabulary import Layout, layouts, normalise

MIN_SCORE = 3
TITLE_POINTS = 3


def _score(layout: Layout, title: str, text: str) -> tuple[int, float] | None:
    """``(points, share of distinctive words printed)``; None when no distinctive word is."""
    hits = sum(1 for w in layout.distinctive if normalise(w) in text)
    if not hits:
        return None  # a title alone is not a match: the content must agree
    titled = any(normalise(w) in title for w in layout.title_words)
    return TITLE_POINTS * titled + hits, hits / len(layout.distinctive)


def match_layout(title: str, text: str, kind: str | None) -> Layout | None:
    """The best-matching layout of a form, or None.

    Args:
        title: the form's printed title ('' when none).
        text: every cell of the form, normalised (``vocabulary.normalise``) and joined.
        kind: the kind the title names, or None; a layout of the other kind is not chosen.

    Returns:
        The matched layout, or None when no layout scores ``MIN_SCORE``.
    """
    title = normalise(title)
    best: tuple[tuple[int, float], Layout] | None = None
    for layout in layouts():
        if kind and layout.kind != kind:
            continue
        score = _score(layout, title, text)
        if score is not None and (best is None or score > best[0]):
            best = (score, layout)
    if best is None or best[0][0] < MIN_SCORE:
        return None
    return best[1]
