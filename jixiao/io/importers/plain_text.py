"""Plain PDF text, where one block is one printed line: its page footers and sentence ends.

Copying text out of a PDF loses the table grid and lets page footers (``- 3 -``) interrupt
the text. Labels sharing a line are cut by ``jixiao.io.cellsplit``; wrapped lines are joined
by ``jixiao.io.text.clean`` and ``structure.values.paragraphs``.
"""

import re

_DASH = "-－—–"
PAGE_FOOTER = re.compile(
    rf"^(?:[{_DASH}]\s*\d{{1,4}}\s*[{_DASH}]"  # - 3 -
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 3 页 (共 9 页)
    r"|\d{1,4}\s*/\s*\d{1,4})$"  # 3/9
)
# A paragraph that ends with none of these was cut by a page break or a stray blank line.
SENTENCE_END = "。！？；!?;：:”’）)"


def is_page_footer(text: str) -> bool:
    """Whether a line is a page number printed as a footer (``- 3 -``, ``第 3 页``)."""
    return bool(PAGE_FOOTER.match(text.strip()))
