"""Throughput of ``jixiao check`` on N copies of the 14 gold forms, on one core.

Usage: .venv/bin/python bench/check_throughput.py [N ...]   (default: 1000 10000)

Each N runs in a fresh process pinned to one core: decode (JSON → Form), score and run every
check, streaming form by form as the CLI does. Prints forms/s for decode+check and for check
alone, and the process's peak resident memory.
"""

import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from jixiao.core.checks.runner import check_form
from jixiao.core.formjson import decode_form
from jixiao.core.rulesets import load_config

ROOT = Path(__file__).resolve().parent.parent


def gold_objects() -> list[dict]:
    forms = []
    for path in sorted((ROOT / "jixiao" / "samples" / "forms").glob("*.json")):
        forms.extend(json.loads(path.read_text(encoding="utf-8"))["forms"])
    return forms


def measure(copies: int) -> dict:
    config = load_config()
    objects = gold_objects()
    forms = [decode_form(o) for o in objects]
    started = time.perf_counter()
    findings = 0
    for _ in range(copies):
        for obj in objects:
            findings += len(check_form(decode_form(obj), config).findings)
    both = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(copies):
        for form in forms:
            check_form(form, config)
    check_only = time.perf_counter() - started
    total = copies * len(objects)
    return {
        "copies": copies,
        "forms": total,
        "findings": findings,
        "decode_and_check_per_s": round(total / both),
        "check_per_s": round(total / check_only),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        os.sched_setaffinity(0, {0})
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, one core per run"
    )
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(n)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        print(out.strip())


if __name__ == "__main__":
    main()
