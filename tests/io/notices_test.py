"""Notices that write the indicator tree as sentences, read against hand-written expected JSON.

``tests/io/fixtures/notices/<name>.txt`` are hand-made notices in the styles published (one
line of ``产出指标：数量指标：…；``, numbered headings over lines, ``一是……；二是……``, a page of
two projects, also as the web page ``.html``); beside each, ``<name>.expected.json`` was
written by hand from the text (its ``note`` says how). Every document of a notice must parse
to it field by field (SPEC §2.1, ``uncertain`` places not pinned) and give the import codes
it lists and no error; ``accounting_test`` checks that it drops nothing silently.

``python -m tests.io.notices_test`` prints the field accuracy per notice.
"""

import json
from pathlib import Path

import pytest

from jixiao.io.parse import parse_path
from tests.goldcmp import flatten
from tests.io.gold_test import differences

NOTICES = Path(__file__).parent / "fixtures" / "notices"
NAMES = sorted(p.name.removesuffix(".expected.json") for p in NOTICES.glob("*.expected.json"))
DOCUMENTS = sorted(p for p in NOTICES.iterdir() if p.suffix in (".txt", ".html"))


def expected(name: str) -> dict:
    return json.loads((NOTICES / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_notice_is_read_as_expected(document):
    want = expected(document.stem)
    result = parse_path(document)
    misses = differences(want, result.to_dict())
    assert not misses, "\n".join(misses[:60])
    assert set(want["findings"]) <= {f.code for f in result.findings}
    assert not [f for f in result.findings if f.severity == "error"]


def test_every_notice_has_its_text_and_a_note():
    assert len(NAMES) >= 4
    for name in NAMES:
        want = expected(name)
        assert (NOTICES / want["file"]).is_file() and want["note"] and want["forms"]
    assert {d.stem for d in DOCUMENTS} == set(NAMES)


def test_a_clause_with_no_value_is_reported_where_the_importer_keeps_it():
    result = parse_path(NOTICES / "inline_notice.txt")
    places = {f.location.path for f in result.findings if f.code == "uncertain-value"}
    # 年底前完成, 群众知晓率明显提高, 长效机制健全: indicators 2, 3 and 4 of the notice
    assert places == {f"indicators[{k}].name" for k in (2, 3, 4)}


def accuracy(document: Path) -> tuple[int, int]:
    """(fields equal, fields expected) of a notice's document, uncertain places left out."""
    want = expected(document.stem)
    skip = {(u["form"], u["path"]) for u in want["uncertain"]}
    wanted = [
        f"form {i} {path}"
        for i, form in enumerate(want["forms"])
        for path, value in flatten(form).items()
        if value is not None and (i, path) not in skip
    ]
    missed = {m.split(":")[0] for m in differences(want, parse_path(document).to_dict())}
    return sum(1 for w in wanted if w not in missed), len(wanted)


def main() -> None:
    """Print field accuracy per notice and in all."""
    equal = total = 0
    for document in DOCUMENTS:
        e, t = accuracy(document)
        equal, total = equal + e, total + t
        print(f"{document.name:<30} {e:>4}/{t:<4} {100 * e / t:6.1f} %")
    print(f"{'all':<30} {equal:>4}/{total:<4} {100 * equal / total:6.1f} %")


if __name__ == "__main__":
    main()
