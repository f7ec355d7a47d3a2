"""Issue 11 §3: every mutation class, planted one at a time at every applicable place of every
gold form, is found at its place (the right code at the right path).

A place where the unchanged form already has the expected finding is not counted: finding it
again would measure nothing. Every place is tried (no sampling): the whole product runs in a
few seconds. ``python -m tests.core.checks.mutation_test`` prints detection per class.
"""

from collections import Counter
from dataclasses import dataclass, field

import pytest

from jixiao.core.checks.runner import check_form
from jixiao.core.rulesets import load_config
from tests.conftest import GOLD, gold_form
from tests.core.checks.mutations import Place, classes


@dataclass
class Tally:
    """Detection of one class: places tried, places found, the misses by place."""

    tried: int = 0
    found: int = 0
    already: int = 0  # places the unchanged form already flags with the expected finding
    misses: list[str] = field(default_factory=list)


def gold_places():
    """(seed, index) of each of the 14 gold forms."""
    counts = Counter(seed for seed, _ in GOLD)
    return [(seed, index) for seed in sorted(counts) for index in range(counts[seed])]


def measure(config) -> dict[str, Tally]:
    """Plant every class at every place of every gold form; tally what is found where."""
    tallies = {name: Tally() for name, _ in classes()}
    for seed, index in gold_places():
        form = gold_form(seed, index)
        report = check_form(form, config)
        base = {(f.code, f.location.path) for f in report.findings}
        at = Place(report.ruleset, config)
        for name, make in classes():
            tally = tallies[name]
            for mutant in make(form, at):
                if (mutant.code, mutant.path) in base:
                    tally.already += 1
                    continue
                tally.tried += 1
                findings = check_form(mutant.form, config).findings
                if any((f.code, f.location.path) == (mutant.code, mutant.path) for f in findings):
                    tally.found += 1
                else:
                    where = f"{seed}/{index} {mutant.place}: {mutant.code} at {mutant.path}"
                    tally.misses.append(where)
    return tallies


@pytest.fixture(scope="module")
def tallies(config):
    return measure(config)


@pytest.mark.parametrize("name", [name for name, _ in classes()])
def test_each_mutant_is_found_at_its_place(tallies, name):
    tally = tallies[name]
    assert tally.tried > 0, f"{name}: no gold form has a place for it"
    assert tally.misses == []
    assert tally.found == tally.tried


def table(tallies: dict[str, Tally]) -> str:
    """Detection per class, as the note prints it."""
    lines = [f"{'class':42} {'found':>7} {'tried':>7} {'rate':>7} {'already':>8}"]
    for name, t in tallies.items():
        share = f"{100 * t.found / t.tried:.1f}%" if t.tried else "—"
        lines.append(f"{name:42} {t.found:>7} {t.tried:>7} {share:>7} {t.already:>8}")
    total = sum(t.tried for t in tallies.values())
    found = sum(t.found for t in tallies.values())
    lines.append(f"{'all':42} {found:>7} {total:>7} {100 * found / total:.1f}%")
    for name, t in tallies.items():
        lines += [f"  missed ({name}): {m}" for m in t.misses]
    return "\n".join(lines)


def main() -> None:
    """Print the detection table."""
    print(table(measure(load_config())))


if __name__ == "__main__":
    main()
