"""Annotations benchmark: saving, drawing, browsing and re-splitting (not a test).

    python tests/perf/bench_annotations.py [--per-article 40] [--runs 9]

On a new library seeded with the seed page (its longest article is ~2,800 characters):

* ``add``: one highlight saved through the s2twp view (map to the original, one
  transaction, search text refreshed), p50 ms; the baseline is ``set_starred``, the
  smallest write the library has;
* ``in_view``: ``annotations_in_view`` of the longest article holding --per-article
  highlights, in s2twp, view cached, p50 ms, against ``lib.view`` alone;
* ``browse``: a folded text query over every annotation of the library (the seed's
  articles times --per-article), p50 ms;
* ``resplit``: ``Library.resplit`` of the seed source, unchanged (everything kept) and with
  a sentence inserted in every article (every annotation re-anchored), ms.

Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.library import Library  # noqa: E402

SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"


def p50(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def once(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-article", type=int, default=40)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    os.environ["READER_NO_SEED"] = "1"
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        lib = Library.open(Path(folder))
        ids = [a.id for a in lib.import_paths([SEED]).articles]
        longest = max(ids, key=lambda i: len(lib.get(i).body))
        for article in ids:
            body = lib.view(lib.get(article), "s2twp").body.text
            step = max(1, (len(body) - 6) // args.per_article)
            for k in range(args.per_article):
                start = (k * step) % max(1, len(body) - 6)
                lib.annotate(article, "s2twp", start, start + 5, note=f"笔记{k}")
        total = lib.annotations.count()
        body = lib.view(lib.get(longest), "s2twp").body.text
        figures["add_ms"] = p50(lambda: lib.annotate(longest, "s2twp", 10, 14), args.runs)
        figures["baseline_star_ms"] = p50(lambda: lib.articles.set_starred(longest), args.runs)
        record = lib.get(longest)
        figures["in_view_ms"] = p50(lambda: lib.annotations_in_view(longest, "s2twp"), args.runs)
        figures["baseline_view_ms"] = p50(lambda: lib.view(record, "s2twp"), args.runs)
        figures["browse_ms"] = p50(lambda: lib.annotations.browse("筆記1"), args.runs)
        source = record.source_id
        figures["resplit_unchanged_ms"] = once(lambda: lib.resplit(source))
        text = lib.db.execute("SELECT text FROM sources WHERE id = ?", (source,)).fetchone()[0]
        changed = text.replace("。", "。补充一句。", 40)
        with lib.db.transaction() as conn:
            conn.execute("UPDATE sources SET text = ? WHERE id = ?", (changed, source))
        report = None

        def changed_split() -> None:
            nonlocal report
            report = lib.resplit(source)

        figures["resplit_changed_ms"] = once(changed_split)
        assert report is not None
        figures["moved"] = len(report.moved)
        figures["orphaned"] = len(report.orphaned)
        figures["annotations"] = total
        lib.close()
    print(f"{'what':<28}{'figure':>12}")
    for key, value in figures.items():
        print(f"{key:<28}{value:>12.2f}")
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
