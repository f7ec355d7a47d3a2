"""The table of import codes names exactly the codes the importers and readers report."""

import re
from pathlib import Path

from jixiao.io.problems import BY_CODE, IMPORT_CODES

IO = Path(__file__).resolve().parents[2] / "jixiao" / "io"
# problem("code", …) and unreadable(name, "code", …): the code is the first quoted kebab-case word.
CALL = re.compile(
    r"\b(?:problem|unreadable)\(\s*(?:[\w.]+(?:\([\w.]*\))?,\s*)?\"([a-z]+(?:-[a-z0-9]+)+)\"", re.S
)


def codes_in_source():
    found = set()
    for path in IO.rglob("*.py"):
        found.update(CALL.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_reported_code_is_listed_and_every_listed_code_is_used():
    assert codes_in_source() == set(BY_CODE)


def test_codes_are_unique_and_bilingual():
    assert len(IMPORT_CODES) == len(BY_CODE)
    assert all(c.zh and c.en for c in IMPORT_CODES)
