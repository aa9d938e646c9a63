"""Benchmark importing a saved web page against importing newspaper text, end to end.

Not a test: prints the median (p50) and p90 wall time of ``Library.import_paths`` for each
of the real saved pages in tests/data/webpages and for the seed text page, each into a new
library (made before the clock starts), side by side.

    python tests/perf/bench_import_web.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.library import Library  # noqa: E402

PAGES = sorted((REPO / "tests" / "data" / "web" / "pages").glob("*.html"))
SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"


def timed_import(path: Path) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        lib = Library(Path(folder))
        lib.articles.index  # the store made, as in a running app  # noqa: B018
        started = time.perf_counter()
        report = lib.import_paths([path])
        elapsed = time.perf_counter() - started
        lib.close()
    return elapsed, len(report.articles)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    timed_import(SEED)  # warm: the splitter's patterns, the script tables, the decoder
    web: list[float] = []
    print(f"{'file':<44} {'KB':>6} {'articles':>8} {'p50 ms':>8}")
    for path in PAGES:
        runs = [timed_import(path) for _ in range(args.repeat)]
        times = [t for t, _ in runs]
        web += times
        name = path.name[-44:]
        size = path.stat().st_size / 1024
        print(f"{name:<44} {size:6.0f} {runs[0][1]:>8} {statistics.median(times) * 1000:8.1f}")
    text_runs = [timed_import(SEED) for _ in range(args.repeat * 3)]
    text = [t for t, _ in text_runs]
    seed_kb = SEED.stat().st_size / 1024

    def p(values: list[float], q: float) -> float:
        return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000

    print()
    print(f"saved web page (12 real pages, {len(web)} imports): "
          f"p50 {p(web, 0.5):.1f} ms, p90 {p(web, 0.9):.1f} ms")  # fmt: skip
    print(f"newspaper text page ({seed_kb:.0f} KB, {text_runs[0][1]} articles, "
          f"{len(text)} imports): p50 {p(text, 0.5):.1f} ms, "
          f"p90 {p(text, 0.9):.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
