"""Opening an article in the window, with every highlight layer on, once its analysis is stored.

    python tests/perf/bench_open.py [--opens 60] [--script s2tw] [--json]

Builds a seeded library in a temporary folder, analyses it (as the background worker
would), opens the real main window offscreen, then selects the seed articles in turn and
times each open: fetching the article, building the script view, laying out the
document, and drawing keyword, entity and watch-word layers. Baseline in the same run:
the same text put into a bare QTextBrowser with setPlainText.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opens", type=int, default=60)
    parser.add_argument("--script", default=None, help="a script view, e.g. s2tw")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["READER_CACHE_DIR"] = str(Path(tmp, "cache"))
        from PySide6.QtWidgets import QTextBrowser

        from reader.analysis import analyse_pending
        from reader.gui.app import create_application, open_settings
        from reader.gui.mainwindow import MainWindow
        from reader.library import Library

        app = create_application()
        lib = Library.open(Path(tmp, "lib"))
        analyse_pending(lib)
        window = MainWindow(lib, open_settings(lib))
        window.analysis_runner.enabled = False
        window.show()
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()  # the list is fetched on a worker: wait for it
        window.loaded.connect(loop.quit)
        window.load()
        loop.exec()
        window.scripts.set_config(args.script)
        window.library.analysis.set_watch_words(["疫情", "脱贫", "防控", "社区"])
        window.keyword_panel.set_entity_kinds({"person", "place", "org"})
        bare = QTextBrowser()
        bare.show()
        rows = window.model.rowCount()

        first_start = time.perf_counter()
        window.list_view.selectRow(1 % rows)
        app.processEvents()
        first_open = time.perf_counter() - first_start

        opens, bares, chars = [], [], []
        for i in range(args.opens):
            row = i % rows
            start = time.perf_counter()
            window.list_view.selectRow(row)
            opens.append(time.perf_counter() - start)
            layers = sum(len(layer.spans) for layer in window.reading_pane.layers.values())
            text = window.reading_pane.view.body.text
            chars.append(len(text))
            start = time.perf_counter()
            bare.setPlainText(text)
            bares.append(time.perf_counter() - start)
        window.close()
        lib.close()

    seed_row = max(range(len(chars)), key=chars.__getitem__)
    seed_opens = [t for i, t in enumerate(opens) if i % rows == seed_row % rows]
    result = {
        "opens": args.opens,
        "script": args.script,
        "first_open_ms": round(first_open * 1000, 1),
        "open_ms_p50": round(statistics.median(opens) * 1000, 2),
        "open_ms_p95": round(sorted(opens)[int(len(opens) * 0.95) - 1] * 1000, 2),
        "largest_article_chars": max(chars),
        "largest_article_open_ms_p50": round(statistics.median(seed_opens) * 1000, 2),
        "bare_set_plain_text_ms_p50": round(statistics.median(bares) * 1000, 2),
        "highlight_spans_last_open": layers,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"open an article with all layers ({args.opens} opens, view {args.script or '原文'})")
    print(f"  first open (imports, tables)  {result['first_open_ms']:.1f} ms")
    print(
        f"  p50 / p95                     {result['open_ms_p50']:.2f} / "
        f"{result['open_ms_p95']:.2f} ms"
    )
    print(f"  largest ({max(chars)} chars) p50   {result['largest_article_open_ms_p50']:.2f} ms")
    print(f"  bare setPlainText p50         {result['bare_set_plain_text_ms_p50']:.2f} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
