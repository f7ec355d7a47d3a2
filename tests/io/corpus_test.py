"""The real forms of ``../shared/corpus`` read against their hand-checked expected JSON.

``tests/io/fixtures/corpus`` holds copies of the corpus files (five provinces' text pages, the
seventeen 吉林 HTML forms) and beside each a ``<name>.expected.json`` (``name`` the file's
stem) written by hand from the document (its ``note`` says how). Each case parses the file and
requires every expected field (SPEC §2.1 comparison; ``uncertain`` places are never pinned),
every import code listed under ``findings``, and that nothing is dropped silently (the
accounting test's rule).

``python -m tests.io.corpus_test`` prints the field accuracy per fixture (fields equal / total).
"""

import json
from pathlib import Path

import pytest

from jixiao.io.parse import parse_path
from jixiao.io.readers import read_file
from tests.goldcmp import flatten, norm_text
from tests.io.accounting_test import assert_accounted
from tests.io.gold_test import differences

# Fixtures the importer does not read correctly yet (strict xfail): remove a name as soon as
# its case passes.
PENDING = [
    "gansu_jiayuguan_2023",
    "hunan_ningxiang_2021",
]

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SUFFIX = ".expected.json"
# Lists of printed words, which ``flatten`` does not descend into.
TEXT_LISTS = (("project", "category"), ("project", "funds_use"))


def names() -> list[str]:
    """Every corpus fixture that has expected JSON, by the name its expected JSON has."""
    return sorted(p.name.removesuffix(SUFFIX) for p in CORPUS.glob(f"*{SUFFIX}"))


def document(name: str) -> Path:
    """The fixture file itself (``file`` of its expected JSON)."""
    return CORPUS / expected(name)["file"]


def expected(name: str) -> dict:
    """The hand-written expected parse result of a fixture."""
    return json.loads((CORPUS / f"{name}{SUFFIX}").read_text(encoding="utf-8"))


def cases() -> list:
    """One parameter per fixture; the pending ones as strict xfail."""
    mark = pytest.mark.xfail(strict=True, reason="not yet read as expected (issue 9 §1)")
    return [pytest.param(n, id=n, marks=[mark] if n in PENDING else []) for n in names()]


def uncertain(want: dict, form: int, path: str) -> bool:
    return any(u["form"] == form and path.startswith(u["path"]) for u in want["uncertain"])


def text_lists(want: dict, got: dict) -> list[tuple[int, str, list, list]]:
    """``category`` and ``funds_use`` (lists of printed words): (form, path, expected, parsed)."""
    out = []
    for i, form in enumerate(want["forms"]):
        other = got["forms"][i] if i < len(got["forms"]) else {}
        for section, key in TEXT_LISTS:
            path = f"{section}.{key}"
            if not uncertain(want, i, path):
                wanted = [norm_text(v) for v in form[section][key] or []]
                found = [norm_text(v) for v in (other.get(section) or {}).get(key) or []]
                out.append((i, path, wanted, found))
    return out


def list_differences(want: dict, got: dict) -> list[str]:
    return [
        f"form {i} {path}: gold={wanted!r} parsed={found!r}"
        for i, path, wanted, found in text_lists(want, got)
        if wanted != found
    ]


@pytest.mark.parametrize("name", cases())
def test_corpus_form_is_read_as_expected(name, monkeypatch):
    want = expected(name)
    result = parse_path(document(name))
    got = result.to_dict()
    misses = differences(want, got) + list_differences(want, got)
    assert not misses, "\n".join(misses[:60])
    missing = set(want["findings"]) - {f.code for f in result.findings}
    assert not missing, f"import codes not given: {sorted(missing)}"
    assert_accounted(read_file(document(name)), monkeypatch)


def test_every_fixture_has_expected_json_and_a_note():
    assert set(PENDING) <= set(names())
    for name in names():
        want = expected(name)
        assert document(name).is_file() and document(name).stem == name
        assert want["note"] and want["forms"]
        for place in want["uncertain"]:
            assert place["candidates"] and place["why"], place


def accuracy(name: str, got: dict) -> tuple[int, int]:
    """(fields equal, fields expected) of one fixture's parse result ``got``, counted as
    ``tests/goldcmp.py`` does."""
    want = expected(name)
    equal = total = 0
    for i, form in enumerate(want["forms"]):
        parsed = flatten(got["forms"][i]) if i < len(got["forms"]) else {}
        for path, value in flatten(form).items():
            if value is None or uncertain(want, i, path):
                continue
            total += 1
            equal += parsed.get(path) == value
    for _, _, wanted, found in text_lists(want, got):
        if wanted:
            total += 1
            equal += wanted == found
    return equal, total


def main() -> None:
    """Print field accuracy per fixture and in all."""
    equal = total = 0
    width = max(len(n) for n in names())
    print(f"{'fixture':<{width}}  {'fields equal/total':<19} forms expected/parsed")
    for name in names():
        got = parse_path(document(name)).to_dict()
        e, t = accuracy(name, got)
        equal, total = equal + e, total + t
        forms = f"{len(expected(name)['forms'])}/{len(got['forms'])}"
        print(f"{name:<{width}}  {e:>4}/{t:<4} {100 * e / t:6.1f} %  {forms}")
    print(f"{'all':<{width}}  {equal:>4}/{total:<4} {100 * equal / total:6.1f} %")


if __name__ == "__main__":
    main()
