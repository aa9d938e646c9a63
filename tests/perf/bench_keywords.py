"""Benchmark the keyword core: segmenter start-up, cutting speed, keywords, entities.

Not a test: prints a table and one JSON line.

    python tests/perf/bench_keywords.py [--rounds 5] [--repeat 20]

Each start-up figure is measured in a fresh subprocess (the modes alternate within a round,
so drift on a shared machine hits them alike) and reported as the median over rounds. The
time covers importing the engine and loading its dictionary, not the interpreter start.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"

# Child programs: each prints the seconds its start-up took.
_MODES = {
    # jieba as shipped: initialize() with its marshal cache already in the cache dir.
    "jieba default (marshal cache)": """
import os, time, logging
t = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
jieba.dt.tmp_dir = os.environ["READER_CACHE_DIR"]
jieba.initialize()
print(time.perf_counter() - t)
""",
    # Ours, cold: no pickle yet, so the prefix dict is built from dict.txt and pickled.
    "pickle cold (build + write)": """
import time, pathlib, os
for p in pathlib.Path(os.environ["READER_CACHE_DIR"]).glob("jieba-pfdict-*.pickle"):
    p.unlink()
t = time.perf_counter()
from reader.core import segment
segment.segmenter().jieba()
print(time.perf_counter() - t)
""",
    # Ours, warm: the prefix dict comes from the pickle.
    "pickle warm": """
import time
t = time.perf_counter()
from reader.core import segment
segment.segmenter().jieba()
print(time.perf_counter() - t)
""",
    # The fast engine that tokenize() uses.
    "rjieba (tokenize engine)": """
import time
t = time.perf_counter()
from reader.core import segment
segment.segmenter().fast()
print(time.perf_counter() - t)
""",
    # What tokenize/keywords need: rjieba, bundled IDF (pickled), stop words.
    "warm_up(entities=False), warm": """
import time
t = time.perf_counter()
from reader.core import keywords
keywords.warm_up(entities=False)
print(time.perf_counter() - t)
""",
    # Everything warm_up() loads: rjieba, jieba (pickle), posseg tags, bundled IDF.
    "warm_up() total, warm": """
import time
t = time.perf_counter()
from reader.core import keywords
keywords.warm_up()
print(time.perf_counter() - t)
""",
}


def _child(code: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def _median_ms(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="subprocess runs per mode")
    parser.add_argument("--repeat", type=int, default=20, help="seed copies for chars/s")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, READER_CACHE_DIR=cache)
        # Prime both caches so "warm" means warm from the first round.
        _child(_MODES["jieba default (marshal cache)"], env)
        _child(_MODES["warm_up() total, warm"], env)
        init: dict[str, list[float]] = {mode: [] for mode in _MODES}
        for _ in range(args.rounds):
            for mode, code in _MODES.items():
                init[mode].append(_child(code, env))

        os.environ["READER_CACHE_DIR"] = cache
        import jieba

        from reader.core import keywords, segment

        keywords.warm_up()
        seed = SEED.read_text(encoding="utf-8")
        big = seed * args.repeat
        jieba_s = _best(lambda: jieba.dt.lcut(big), 3)
        fast_s = _best(lambda: segment.cut(big), 3)
        same = segment.cut(big) == jieba.dt.lcut(big)
        keywords_ms = _median_ms(lambda: keywords.keywords(seed), 15)
        entities_ms = _median_ms(lambda: keywords.entities(seed), 5)

    medians = {mode: statistics.median(values) for mode, values in init.items()}
    print(f"start-up, median of {args.rounds} fresh subprocesses (seconds):")
    for mode, value in medians.items():
        spread = f"{min(init[mode]):.3f}-{max(init[mode]):.3f}"
        print(f"  {mode:32s} {value:7.3f}   (range {spread})")
    speedup = medians["jieba default (marshal cache)"] / medians["pickle warm"]
    print(f"  pickle warm vs jieba default: {speedup:.1f}x faster")
    print(f"cutting the seed x{args.repeat} ({len(big):,} chars), best of 3:")
    print(f"  jieba.lcut                       {len(big) / jieba_s / 1e6:7.2f} M chars/s")
    print(f"  segment.cut (rjieba + fix-ups)   {len(big) / fast_s / 1e6:7.2f} M chars/s")
    print(f"  identical tokens                 {same}")
    print(f"keywords(seed) median             {keywords_ms:7.1f} ms")
    print(f"entities(seed) median             {entities_ms:7.1f} ms")
    print(
        json.dumps(
            {
                "init_s": {mode: round(v, 4) for mode, v in medians.items()},
                "pickle_speedup": round(speedup, 2),
                "cut_chars_per_s": {
                    "jieba": round(len(big) / jieba_s),
                    "segment": round(len(big) / fast_s),
                },
                "identical_tokens": same,
                "keywords_ms": round(keywords_ms, 2),
                "entities_ms": round(entities_ms, 2),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
