"""The library in a script view vs as stored: list, search and analysis (not a test).

    python tests/perf/bench_script_views.py [--articles 2000] [--dir DIR] [--json]

Builds (or reuses, with ``--dir``) the synthetic library of ``bench.py`` (half its pages
traditional) and times, in the same run, each figure as stored (the baseline) and in the
s2tw and t2s views, printing medians and their ratio to the baseline:

* ``list``: what ``reader list`` does, every id, its row and its title (in the view);
  cold (the conversion cache emptied first) and warm;
* ``list_block``: a block of 200 rows as the window's list reads them, titles in the view
  (the window converts only the rows it shows; cold cache);
* ``search``: ``search(q, limit=20)`` for the queries of ``bench.py``, then (in a view)
  each hit's title and snippet converted with its hits moved, as ``reader search --script``;
* ``analysis``: ``reader.analysis.analyse`` per article, simplified articles (read as they
  are) against traditional ones (read through their simplified view), per 1,000 characters.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # the synthetic library of the library benchmark

VIEWS = ("s2tw", "t2s")


def median_ms(fn: Callable[[], object], runs: int, before: Callable[[], object] | None = None):
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def figures(lib, rng: random.Random) -> dict[str, dict[str, float]]:
    from reader.core import scripts
    from reader.core.textsearch import Snippet

    ids = lib.articles.ids()
    queries = bench.make_queries(lib.articles, ids, 70, rng)
    out: dict[str, dict[str, float]] = {}
    for config in (None, *VIEWS):
        in_view = lib.script_view(config)

        def listing(in_view=in_view) -> None:
            rows = lib.articles.rows(ids)
            for i in ids:
                r = rows[i]
                in_view(r.display_title, r.script)

        def block(in_view=in_view) -> None:
            start = rng.randrange(max(1, len(ids) - 200))
            rows = lib.rows(ids[start : start + 200])
            for r in rows.values():
                in_view(r.display_title, r.script)

        def search(in_view=in_view, config=config) -> None:
            for q in queries:
                hits = lib.articles.search(q, limit=20)
                if config is None:
                    continue
                rows = lib.rows(h.id for h in hits)
                for h in hits:
                    script = rows[h.id].script
                    in_view.snippet(Snippet(h.title, h.title_spans), script)
                    in_view.snippet(h.snippet, script)

        name = config or "stored"
        out[name] = {
            "list_cold": median_ms(listing, 5, scripts.clear_cache),
            "list_warm": median_ms(listing, 5),
            "list_block": median_ms(block, 21, scripts.clear_cache),
            "search_per_query": median_ms(search, 3, scripts.clear_cache) / len(queries),
        }
    return out


def analysis_figures(lib, rng: random.Random) -> dict[str, float]:
    """Median ms per 1,000 characters of ``analyse``, simplified vs traditional articles."""
    from reader.analysis import analyse, keyword_text
    from reader.core import keywords, scripts

    keywords.warm_up()
    idf = keywords.IdfTable.default()
    ids = lib.articles.ids()
    by_script: dict[str, list[float]] = {"simplified": [], "traditional": []}
    for article_id in rng.sample(ids, min(len(ids), 300)):
        record = lib.get(article_id)
        if record is None or record.script not in by_script:
            continue
        scripts.clear_cache()
        started = time.perf_counter()
        analyse(record, idf)
        spent = (time.perf_counter() - started) * 1000
        by_script[record.script].append(spent / max(1, len(keyword_text(record))) * 1000)
    return {script: statistics.median(v) for script, v in by_script.items() if v}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--dir", type=Path, help="library folder (kept; reused if it exists)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ["READER_NO_SEED"] = "1"
    from reader.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        directory = args.dir or Path(tmp)
        rng = random.Random(20200310)
        lib = Library.open(directory, seed=False)
        if len(lib.articles.ids()) < args.articles:
            bench.build(lib, args.articles, rng)
        lib.close()
        lib = Library.open(directory, seed=False)
        found = figures(lib, rng)
        analysed = analysis_figures(lib, rng)
        lib.close()
    base = found["stored"]
    print(f"{len(base)} figures, median ms; ratio to the stored script in the same run")
    print(f"  {'':18s}" + "".join(f"{name:>18s}" for name in found))
    for key in base:
        cells = [f"{found[name][key]:9.2f}" + (
            f" ({found[name][key] / base[key]:4.2f})" if name != "stored" else "       "
        ) for name in found]  # fmt: skip
        print(f"  {key:18s}" + "".join(f"{c:>18s}" for c in cells))
    ratio = analysed["traditional"] / analysed["simplified"]
    print(
        f"  analysis per 1,000 chars: simplified {analysed['simplified']:.2f} ms, "
        f"traditional (through the simplified view) {analysed['traditional']:.2f} ms "
        f"({ratio:.2f})"
    )
    if args.json:
        print(json.dumps({"views": found, "analysis_ms_per_1000_chars": analysed}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
