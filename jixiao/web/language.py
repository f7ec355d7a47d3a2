"""Which of a pair of wordings (Chinese, English) the page's language asks for."""

from django.utils.translation import get_language


def in_language(zh: str, en: str) -> str:
    """The Chinese or the English wording, as the interface's language asks."""
    return en if (get_language() or "").startswith("en") else zh
