"""Parse the five seed texts: one warm round, then N rounds (for callgrind), or per-seed CPU ms.

Usage: .venv/bin/python bench/seed_rounds.py N          # N rounds after a warm one
       .venv/bin/python bench/seed_rounds.py N time     # each seed's least CPU ms over N parses
"""

import sys
import time
from pathlib import Path

from jixiao.io.parse import parse_bytes

SEEDS = sorted(
    (Path(__file__).resolve().parent.parent / "jixiao" / "samples" / "seeds").glob("*.txt")
)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    contents = [(p.name, p.read_bytes()) for p in SEEDS]
    for name, data in contents:
        parse_bytes(name, data)
    if sys.argv[2:3] == ["time"]:
        for name, data in contents:
            best = float("inf")
            for _ in range(rounds):
                started = time.process_time()
                parse_bytes(name, data)
                best = min(best, time.process_time() - started)
            print(f"{name[:3]} {best * 1000:.1f} ms (least CPU of {rounds})")
        return
    for _ in range(rounds):
        for name, data in contents:
            parse_bytes(name, data)


if __name__ == "__main__":
    main()
