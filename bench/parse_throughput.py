"""Import throughput on one core: text forms/s, XLSX forms/s, PDF pages/s; memory over 10,000 files.

Usage: .venv/bin/python bench/parse_throughput.py [--files 10000] [--only text,xlsx,pdf]

Each measurement runs in a fresh process pinned to one core. Rates are given per second of
wall time and per second of the process's CPU time (``*_per_cpu_s``): on a machine shared
with other work the second stays close to what an idle core gives, the first does not. Text: the five seed texts
(14 forms) parsed over and over from memory. XLSX and PDF: the LibreOffice-made fixtures of
tests/io/fixtures/files. Streaming: N text files written to a temporary folder and parsed by
``jixiao.io.batch.parse_many`` (what ``jixiao parse DIR --out OUT`` runs: each file in a bounded
worker process), one JSON written per file; the peak resident memory of that process and of its
worker shows whether memory grows with N.
"""

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

from jixiao.io.batch import parse_many
from jixiao.io.bounded import BoundedParser
from jixiao.io.parse import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "jixiao" / "samples" / "seeds").glob("*.txt"))
FILES = ROOT / "tests" / "io" / "fixtures" / "files"


def rate(paths: list[Path], seconds: float = 5.0) -> dict:
    contents = [(p.name, p.read_bytes()) for p in paths]
    forms = rounds = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for name, data in contents:
            forms += len(parse_bytes(name, data).forms)
        rounds += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    pages = 0
    if paths[0].suffix == ".pdf":
        pages = sum(len(pypdfium2.PdfDocument(str(p))) for p in paths) * rounds
    return {
        "files": len(paths) * rounds,
        "forms": forms,
        "seconds": round(elapsed, 2),
        "forms_per_s": round(forms / elapsed, 1),
        "pages_per_s": round(pages / elapsed, 1) if pages else None,
        "cpu_seconds": round(cpu, 2),
        "forms_per_cpu_s": round(forms / cpu, 1),
        "pages_per_cpu_s": round(pages / cpu, 1) if pages else None,
    }


def stream(count: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder, "in"), Path(folder, "out")
        source.mkdir()
        for i in range(count):
            seed = SEEDS[i % len(SEEDS)]
            (source / f"{i:05d}_{seed.name}").write_bytes(seed.read_bytes())
        with BoundedParser() as parser:  # as the CLI: files parsed in a bounded worker process
            started = time.perf_counter()
            outcomes = sum(1 for _ in parse_many(sorted(source.iterdir()), out, [source], parser))
            elapsed = time.perf_counter() - started
            worker = parser.call("bench", resource.getrusage, resource.RUSAGE_SELF)
    return {
        "files": outcomes,
        "seconds": round(elapsed, 1),
        "files_per_s": round(outcomes / elapsed, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_rss_mib": round(worker.ru_maxrss / 1024, 1),
    }


def child(kind: str, count: int) -> dict:
    os.sched_setaffinity(0, {0})
    if kind == "stream":
        return stream(count)
    paths = SEEDS if kind == "text" else sorted(FILES.glob(f"*.{kind}"))
    with BoundedParser() as parser:  # measured where the CLI and the web parse: in the worker
        return parser.call("bench", rate, paths)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]))))
        return
    count = int(sys.argv[sys.argv.index("--files") + 1]) if "--files" in sys.argv else 10000
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, one core"
    )
    kinds = ("text", "xlsx", "pdf", "stream-1000", "stream")
    if "--only" in sys.argv:
        kinds = tuple(sys.argv[sys.argv.index("--only") + 1].split(","))
    for kind in kinds:
        n = 1000 if kind == "stream-1000" else count
        run = subprocess.run(
            [sys.executable, __file__, "--child", kind.split("-")[0], str(n)],
            check=True,
            capture_output=True,
            text=True,
        )
        print(kind, run.stdout.strip())


if __name__ == "__main__":
    main()
