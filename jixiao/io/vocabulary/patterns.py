"""Printed words as one regular expression: an alternation written as a prefix tree.

Common prefixes are written once (``一(?:级指标|级项目名称)``): at each position the longest
word wins, matching stays linear in the text, and bracket, colon and comma widths match.
"""

import re
from collections.abc import Iterable

_VARIANTS = {"(": "[(（]", ")": "[)）]", ":": "[:：]", ",": "[,，]"}


def alternation(words: Iterable[str]) -> str:
    """A pattern (no group of its own) matching the longest of ``words``; ``(?!)`` for none."""
    return _pattern(_trie(words)) or "(?!)"


def _trie(words: Iterable[str]) -> dict:
    """The words as a prefix tree: char → subtree; the key ``""`` marks a word's end."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _pattern(node: dict) -> str:
    """A regex matching the longest word of a prefix tree (an optional tail is greedy)."""
    branches = [
        _VARIANTS.get(char, re.escape(char)) + _pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
    return body
