"""Which known layout a form is: scored on its title words and its distinctive printed words."""

from functools import cache, lru_cache

from jixiao.io.vocabulary import Layout, layouts, normalise

MIN_SCORE = 3  # a point a distinctive word printed, TITLE_POINTS for title words in the title
MIN_HITS = 2  # distinctive words a provincial layout needs printed
TITLE_POINTS = 3


@lru_cache(maxsize=256)  # a document's text is matched again for each of its parts
def _hits(text: str, distinctive: tuple[str, ...]) -> int:
    """How many of a layout's distinctive words the text prints."""
    return sum(1 for w in _normalised(distinctive) if w in text)


@cache
def _normalised(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalise(w) for w in words)


def match_layout(title: str, text: str, kind: str | None) -> Layout | None:
    """The best-matching layout of ``kind`` (if given) for every cell normalised and joined."""
    title = normalise(title)
    provincial, generic = [], []
    for layout in layouts():
        if kind and layout.kind != kind:
            continue
        hits = _hits(text, layout.distinctive)
        if hits < (1 if layout.generic else MIN_HITS):
            continue  # a title alone is not a match: the content must agree
        titled = any(w in title for w in _normalised(layout.title_words))
        points = TITLE_POINTS * titled + hits
        if points < MIN_SCORE:
            continue
        share = hits / len(layout.distinctive)
        if layout.generic:
            generic.append(((share, points), layout))
        else:
            provincial.append(((points, share), layout))
    # national (generic) layouts only when no provincial one matches, most completely printed first
    best = max(provincial or generic, key=lambda pair: pair[0], default=None)
    return best[1] if best else None
