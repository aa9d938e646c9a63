"""Opening an article that carries many highlights and notes, in a script view.

    python tests/perf/bench_annotations_gui.py [--highlights 50] [--script s2twp] [--json]

Builds a seeded library in a temporary folder, opens the real main window offscreen on the
longest seed article, adds highlights spread over its body (a third with notes, four
colours), then times re-drawing them (``Annotating.refresh``: placing each one in the view,
the layers, the side list) and opening the article again. Baseline in the same run: the
same open with no highlights.
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
    parser.add_argument("--highlights", type=int, default=50)
    parser.add_argument("--script", default="s2twp", help="a script view ('' for the original)")
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["READER_CACHE_DIR"] = str(Path(tmp, "cache"))
        from reader.core.anchors import make_anchor
        from reader.gui.app import create_application, open_settings
        from reader.gui.mainwindow import MainWindow
        from reader.library import Library

        create_application()
        lib = Library.open(Path(tmp, "lib"))
        window = MainWindow(lib, open_settings(lib))
        window.analysis_runner.enabled = False
        window.show()
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()  # the list is fetched on a worker: wait for it
        window.loaded.connect(loop.quit)
        window.load()
        loop.exec()
        window.scripts.set_config(args.script or None)
        rows = window.model.rowCount()
        lengths = {}
        for row in range(rows):
            window.list_view.selectRow(row)
            lengths[row] = len(window.reading_pane.record.body)
        row = max(lengths, key=lengths.__getitem__)
        other = (row + 1) % rows

        def open_times() -> list[float]:
            times = []
            for _ in range(args.repeat):
                window.list_view.selectRow(other)
                start = time.perf_counter()
                window.list_view.selectRow(row)
                times.append(time.perf_counter() - start)
            return times

        baseline = open_times()
        record = window.reading_pane.record
        step = max(1, (len(record.body) - 8) // max(1, args.highlights))
        colours = ("yellow", "green", "blue", "pink")
        for i in range(args.highlights):
            at = min(i * step, len(record.body) - 8)
            note = "笔记" if i % 3 == 0 else ""
            lib.annotations.add(
                record.id, make_anchor(record.body, at, at + 8), colours[i % 4], note
            )
        refreshes = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            window.annotating.ui.refresh()
            refreshes.append(time.perf_counter() - start)
        opens = open_times()
        drawn = len(window.annotating.ui._drawn)
        window.close()
        lib.close()

    result = {
        "highlights": args.highlights,
        "drawn": drawn,
        "script": args.script or None,
        "body_chars": lengths[row],
        "refresh_ms_p50": round(statistics.median(refreshes) * 1000, 2),
        "open_ms_p50": round(statistics.median(opens) * 1000, 2),
        "baseline_open_ms_p50": round(statistics.median(baseline) * 1000, 2),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{args.highlights} highlights on a {lengths[row]}-char article, "
        f"view {args.script or '原文'}"
    )
    print(f"  redraw highlights + side list p50   {result['refresh_ms_p50']:.2f} ms")
    print(f"  open the article p50                {result['open_ms_p50']:.2f} ms")
    print(f"  baseline: open, no highlights p50   {result['baseline_open_ms_p50']:.2f} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
