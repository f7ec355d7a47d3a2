"""The readers alone, on one core: CPU milliseconds per text file, XLSX file, PDF page, ….

Usage: .venv/bin/python bench/readers_throughput.py [--rounds 5]

Each reader reads its fixtures (the five seed texts; the XLSX, DOCX, HTML and PDF files of
tests/io/fixtures/files) from memory, over and over, in this process pinned to core 0;
the median of the rounds is printed. CPU time (``process_time``) is used, not wall time:
the machine may be shared. The importers are left out: ``parse_throughput.py`` measures
the whole import.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import pypdfium2

from jixiao.io.readers import docx, html, pdf, txt, xlsx

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "tests" / "io" / "fixtures" / "files"
SETS = {
    "text": (txt, sorted((ROOT / "jixiao" / "samples" / "seeds").glob("*.txt"))),
    "xlsx": (xlsx, sorted(FILES.glob("*.xlsx"))),
    "docx": (docx, sorted(FILES.glob("*.docx"))),
    "html": (html, sorted(FILES.glob("*.html"))),
    "pdf": (pdf, sorted(FILES.glob("*.pdf"))),
}


def one_round(reader, contents: list[tuple[str, bytes]], repeats: int = 5) -> float:
    """CPU seconds for reading every file ``repeats`` times, divided by ``repeats``."""
    started = time.process_time()
    for _ in range(repeats):
        for name, data in contents:
            reader.read(name, data)
    return (time.process_time() - started) / repeats


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    os.sched_setaffinity(0, {0})
    for kind, (reader, paths) in SETS.items():
        contents = [(p.name, p.read_bytes()) for p in paths]
        units = (
            sum(len(pypdfium2.PdfDocument(d)) for _, d in contents)
            if kind == "pdf"
            else len(contents)
        )
        one_round(reader, contents, 1)  # warm up: imports, caches
        seconds = statistics.median(one_round(reader, contents) for _ in range(rounds))
        unit = "page" if kind == "pdf" else "file"
        print(
            kind,
            json.dumps({f"cpu_ms_per_{unit}": round(seconds / units * 1000, 2), f"{unit}s": units}),
        )


if __name__ == "__main__":
    main()
