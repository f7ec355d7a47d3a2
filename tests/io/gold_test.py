"""Parsing the five seeds reproduces every field of their hand-checked gold files.

Amounts and scores compare as decimals, text after whitespace normalisation (the rules of
SPEC §2.1, as in the shared goldcmp tool); fields listed under ``uncertain`` are not pinned,
but each must be reported by a finding.
"""

import json

import pytest

from jixiao.io.parse import parse_path
from tests.conftest import SAMPLES
from tests.goldcmp import flatten

SEEDS = sorted((SAMPLES / "seeds").glob("*.txt"))


def gold_of(seed):
    return json.loads((SAMPLES / "forms" / f"{seed.name}.json").read_text(encoding="utf-8"))


def seed_params():
    return [pytest.param(seed, id=seed.name[:3]) for seed in SEEDS]


def differences(gold, parsed):
    skip = {(u["form"], u["path"]) for u in gold.get("uncertain", [])}
    misses = []
    if len(parsed["forms"]) != len(gold["forms"]):
        misses.append(f"forms: gold {len(gold['forms'])}, parsed {len(parsed['forms'])}")
    for i, gold_form in enumerate(gold["forms"]):
        want = flatten(gold_form)
        got = flatten(parsed["forms"][i]) if i < len(parsed["forms"]) else {}
        for path, value in want.items():
            if value is None or any(i == f and path.startswith(p) for f, p in skip):
                continue
            if got.get(path) != value:
                misses.append(f"form {i} {path}: gold={value!r} parsed={got.get(path)!r}")
        extra = {
            p
            for p, v in got.items()
            if v is not None
            and want.get(p) is None
            and not any(i == f and p.startswith(s) for f, s in skip)
        }
        misses.extend(f"form {i} {p}: gold=None parsed={got[p]!r}" for p in sorted(extra))
    return misses


@pytest.mark.parametrize("seed", seed_params())
def test_every_gold_field_is_reproduced(seed):
    misses = differences(gold_of(seed), parse_path(seed).to_dict())
    assert not misses, "\n".join(misses[:60])


@pytest.mark.parametrize(
    "seed", [p for p in seed_params() if gold_of(p.values[0]).get("uncertain")]
)
def test_every_uncertain_place_is_reported(seed):
    findings = parse_path(seed).findings
    reported = {(f.location.form, f.location.path) for f in findings if f.code == "uncertain-value"}
    wanted = {(u["form"], u["path"]) for u in gold_of(seed).get("uncertain", [])}
    assert wanted <= reported
