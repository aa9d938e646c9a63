"""The reading companion's speed, against baselines measured in the same run.

    python tests/perf/bench_lookup.py [--runs 5] [--words 300] [--startup] [--baseline TREE]

* index: building the CC-CEDICT index once (first use on a machine), in a new cache folder.
* first lookup: a fresh process that imports the companion and looks a word up (index
  already built); baseline: a fresh process opening the same index with sqlite3 and
  running one query. Then the first lookup after Companion.warm_up, which the window runs
  on a worker once the reader first pauses over an article.
* first lookup in the window (bound ≤ 300 ms, without stopping the window): a fresh
  process with the window's modules loaded and a reading pane on screen asks the popup's
  controller for a word before any warm-up; from the ask to the popup shown, and the
  longest stop of a 1 ms heartbeat on the window's thread meanwhile (the baseline: the
  heartbeat's longest stop over the same time with nothing asked). In 原文 (pinyin) and
  in 香港繁体 (pinyin and jyutping; the Cantonese reading may follow the popup: the time
  until it is in too). --baseline TREE runs another checkout's the same way, interleaved.
* popup: after the first lookup, the lookup of each of N words of the seed page (as the
  segmenter cuts them), then the popup filled and placed on an offscreen window; baseline:
  the bare SQL query for the same words. Bound: p95 ≤ 16 ms.
* pinyin: readings of a 3,000-character article word by word (what 拼音 mode needs), the
  engines loaded but nothing cached; baseline: the segmenter alone on the same text.
  Bound: ≤ 100 ms.
* 拼音 mode: a 3,000-character article (the seed page's paragraphs) in a real reading
  pane with a real segmenter process (pypinyin loaded there, no paragraph read yet):
  turning 拼音 mode on until the readings of what is shown are painted, and the part of
  that on the window's thread; baseline: laying the same article out and painting it
  without. Bound: ≤ 100 ms. Then the same for a 100,000-character article, and its end
  shown after a jump there (only what is shown is read).
* start-up: the window's modules imported in a fresh process load none of the companion's
  (pypinyin, xjyutping, genanki, the dictionary); --startup also runs bench_startup.py.
"""

from __future__ import annotations

import argparse
import html
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"

FIRST_LOOKUP = """
import sys, time
start = time.perf_counter()
from pathlib import Path
from reader.companion import Companion
found = Companion(Path(sys.argv[1])).lookup("发展", jyutping=False)
assert found.found
print(time.perf_counter() - start)
"""
WARM_FIRST_LOOKUP = """
import sys, time
from pathlib import Path
from reader.companion import Companion
companion = Companion(Path(sys.argv[1]))
companion.warm_up()  # what the window does on a worker once the reader pauses
start = time.perf_counter()
found = companion.lookup("银行", jyutping=False)
assert found.found
print(time.perf_counter() - start)
"""
BARE_QUERY = """
import sys, time
start = time.perf_counter()
import sqlite3
conn = sqlite3.connect(f"file:{sys.argv[2]}?mode=ro", uri=True)
row = conn.execute("SELECT * FROM entries WHERE simplified = ? OR traditional = ?",
                   ("发展", "发展")).fetchone()
assert row
print(time.perf_counter() - start)
"""
WINDOW_FIRST_LOOKUP = """
import os, sys, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
import reader.gui.app, reader.gui.mainwindow  # what the window has loaded
from reader.gui.lookup_popup import LookupController
from reader.gui.reading_pane import ReadingPane
from reader.library import Library

app = QApplication([])
folder = Path(sys.argv[1])
config = sys.argv[2] or None  # the script view, shown as the window would show it
library = Library.open(folder / "lib", seed=False)
pane = ReadingPane()
text = "国家发展银行行长说，经济发展了解都市的需要。"
if config:
    from reader.core import scripts

    text = scripts.convert(text, config)
pane.setPlainText(text)
pane.resize(600, 400)
pane.show()
settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
controller = LookupController(pane, library, settings, lambda: config, None)
controller._idle.stop()  # no warm-up: this is the first lookup
last = [time.perf_counter()]
gaps = {"idle": 0.0, "lookup": 0.0}
phase = ["idle"]

def tick():
    now = time.perf_counter()
    gaps[phase[0]] = max(gaps[phase[0]], now - last[0])
    last[0] = now

heart = QTimer(interval=1)
heart.timeout.connect(tick)
heart.start()
shown = []

def ask():
    phase[0] = "lookup"
    controller._text = pane.document().begin().text()
    controller._block_position = 0
    shown.append(time.perf_counter())
    controller._look_up(2, 4)  # 发展

def on_shown(found):
    shown.append(time.perf_counter())
    if found.jyutping or not config:  # all of it in (the Cantonese reading may follow)
        app.quit()

controller.shown.connect(on_shown)
QTimer.singleShot(400, ask)
app.exec()
print(shown[1] - shown[0], shown[-1] - shown[0], gaps["lookup"], gaps["idle"])
"""
STARTUP_MODULES = """
import sys
import reader.gui.app, reader.gui.mainwindow
loaded = [m for m in ("pypinyin", "xjyutping", "genanki", "reader.companion",
                      "reader.store.dictionary", "reader.core.readings",
                      "reader.gui.lookup_popup") if m in sys.modules]
print(" ".join(loaded) or "none")
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def fresh(code: str, *args: str, env: dict[str, str]) -> float:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--startup", action="store_true", help="also run bench_startup.py")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="TREE",
        help="another checkout (with its own .venv, else this Python) whose first lookup in "
        "the window runs interleaved with this one's",
    )
    args = parser.parse_args()
    _compile(REPO)  # as pip does on install: imports on the worker do not compile
    if args.baseline:
        _compile(args.baseline)
    cache = Path(tempfile.mkdtemp(prefix="bench-lookup-"))
    os.environ["READER_CACHE_DIR"] = str(cache)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    print(f"load average as the run starts: {os.getloadavg()[0]:.2f}")

    from reader.core import cedict, readings, segment
    from reader.store.dictionary import Dictionary, index_path

    started = time.perf_counter()
    Dictionary.open(cache).close()
    print(f"index: built once in {time.perf_counter() - started:.2f} s")
    path = index_path(cache, cedict.data_file())

    first = [fresh(FIRST_LOOKUP, str(cache), env=env) for _ in range(args.runs)]
    warm = [fresh(WARM_FIRST_LOOKUP, str(cache), env=env) for _ in range(args.runs)]
    bare = [fresh(BARE_QUERY, str(cache), str(path), env=env) for _ in range(args.runs)]
    trees = {"this tree": Tree(REPO, sys.executable)}
    if args.baseline:
        trees["baseline"] = Tree.at(args.baseline.resolve())
    for config, view in ((None, "原文, pinyin"), ("s2hk", "香港繁体, pinyin and jyutping")):
        runs: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, tree in trees.items():  # interleaved: the machine's noise hits both
                runs[name].append(_in_window(env, config, tree))
        for name, in_window in runs.items():
            shown, whole, stop, idle = (
                statistics.median(r[i] for r in in_window) for i in range(4)
            )
            print(
                f"first lookup in the window ({view}; {name}): shown after median "
                f"{ms(shown)}, max {ms(max(r[0] for r in in_window))} (bound 300 ms); all of "
                f"it in (the Cantonese reading follows) {ms(whole)}; the window's longest "
                f"stop meanwhile median {ms(stop)}, max {ms(max(r[2] for r in in_window))}, "
                f"against {ms(idle)} idle before it"
            )
    print(
        f"first lookup (fresh process): median {ms(statistics.median(first))}, "
        f"max {ms(max(first))} vs bare sqlite3 query "
        f"{ms(statistics.median(bare))}; the first lookup after the window's warm-up: "
        f"median {ms(statistics.median(warm))}, max {ms(max(warm))}"
    )

    text = SEED.read_text(encoding="utf-8")
    words = list(dict.fromkeys(w for w in segment.cut(text) if readings.has_han(w)))
    words = words[: args.words]
    popup_times, lookup_times, sql_times = _popup(cache, words)
    print(
        f"popup ({len(words)} words): lookup p50 {ms(statistics.median(lookup_times))} "
        f"p95 {ms(p95(lookup_times))}; lookup + popup shown p50 "
        f"{ms(statistics.median(popup_times))} p95 {ms(p95(popup_times))} (bound 16 ms); "
        f"bare SQL p50 {ms(statistics.median(sql_times))} p95 {ms(p95(sql_times))}"
    )

    article = "".join(text.split())[:3000]
    readings.warm_up()
    segment.cut("预热")
    pinyin, cut = [], []
    for _ in range(args.runs):
        readings._run_reading.cache_clear()  # nothing cached: the article is new
        started = time.perf_counter()
        readings.read_text(article, readings.MARKS)
        pinyin.append(time.perf_counter() - started)
        started = time.perf_counter()
        segment.cut(article)
        cut.append(time.perf_counter() - started)
    print(
        f"pinyin of {len(article)} characters: median {ms(statistics.median(pinyin))} "
        f"(bound 100 ms) vs the segmenter alone {ms(statistics.median(cut))}, ratio "
        f"{statistics.median(pinyin) / statistics.median(cut):.1f}"
    )

    _ruby(text, args.runs)

    loaded = subprocess.run(
        [sys.executable, "-c", STARTUP_MODULES],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"start-up: companion modules imported with the window: {loaded}")
    if args.startup:
        subprocess.run([sys.executable, str(REPO / "tests/perf/bench_startup.py")], check=True)


@dataclass(frozen=True)
class Tree:
    """A checkout of the reader and the Python that runs it."""

    folder: Path
    python: str

    @classmethod
    def at(cls, folder: Path) -> Tree:
        own = folder / ".venv" / "bin" / "python"
        return cls(folder, str(own) if own.exists() else sys.executable)


def _compile(tree: Path) -> None:
    import compileall

    compileall.compile_dir(tree / "reader", quiet=1)


def _in_window(
    env: dict[str, str], config: str | None, tree: Tree
) -> tuple[float, float, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [tree.python, "-c", WINDOW_FIRST_LOOKUP, folder, config or ""],
            env={**env, "PYTHONPATH": str(tree.folder)},
            cwd=tree.folder,  # "-c" puts the working folder first on the path
            capture_output=True,
            text=True,
            check=True,
        )
    shown, whole, stop, idle = map(float, done.stdout.split())
    return shown, whole, stop, idle


def _popup(cache: Path, words: list[str]) -> tuple[list[float], list[float], list[float]]:
    """Each word looked up and shown in the popup of a real (offscreen) reading pane."""
    import sqlite3

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.core.cedict import data_file
    from reader.gui.lookup_popup import LookupController
    from reader.gui.reading_pane import ReadingPane
    from reader.library import Library
    from reader.store.dictionary import index_path

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-lookup-lib-"))
    library = Library.open(folder)
    pane = ReadingPane()
    pane.setPlainText("".join(words))
    pane.resize(900, 700)
    pane.show()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    # Nothing is written here: no writer.
    controller = LookupController(pane, library, settings, lambda: None, None)  # type: ignore[arg-type]
    controller._text = pane.document().begin().text()
    controller._block_position = 0
    library.companion.lookup("发展")  # the first lookup: measured above
    popup, lookup = [], []
    at = 0
    for word in words:
        started = time.perf_counter()
        found = library.companion.lookup(word, jyutping=False)
        looked = time.perf_counter()
        controller._span = (at, at + len(word))
        controller._asked += 1
        controller._found(controller._asked, found)
        app.processEvents()  # the benchmark's own loop: the popup painted
        done = time.perf_counter()
        lookup.append(looked - started)
        popup.append(done - started)
        at += len(word)
    controller.close()
    conn = sqlite3.connect(index_path(cache, data_file()))
    sql = []
    for word in words:
        started = time.perf_counter()
        conn.execute(
            "SELECT * FROM entries WHERE simplified = ? OR traditional = ?", (word, word)
        ).fetchall()
        sql.append(time.perf_counter() - started)
    conn.close()
    library.close()
    return popup, lookup, sql


def _repaint(pane) -> float:
    """The median time to paint the whole of the pane's screen again (as scrolling does)."""
    times = []
    for _ in range(10):
        started = time.perf_counter()
        pane.viewport().repaint()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _ruby(seed: str, runs: int) -> None:
    """拼音 mode on an article, against the same article laid out and painted without."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.gui import word_selection
    from reader.gui.reading_pane import ReadingPane
    from reader.library import Library

    app = QApplication.instance() or QApplication([])
    library = Library.open(Path(tempfile.mkdtemp(prefix="bench-ruby-")))
    paragraphs = [p.strip() for p in seed.splitlines() if len(p.strip()) > 20]

    def article(chars: int, title: str) -> object:
        """One article of `chars` characters: a saved page (a text page of repeated
        paragraphs would be split into several articles)."""
        body, i = [], 0
        while sum(map(len, body)) < chars:
            body.append(f"{paragraphs[i % len(paragraphs)]}（{title}，{i}）")  # each one new
            i += 1
        page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        page += "".join(f"<p>{html.escape(p)}</p>" for p in body) + "</article></body></html>"
        [record] = library.import_bytes(page.encode(), f"{title}.html", f"{title}.html").articles
        view = library.view(library.get(record.id), None)
        assert len(view.body.text) >= chars * 0.95, len(view.body.text)
        return view

    def wait(done) -> None:
        while not done():
            app.processEvents()  # the benchmark's own loop: the segmenter's answers
            time.sleep(0.0005)

    def shown_read(pane: ReadingPane) -> bool:
        bottom = pane.verticalScrollBar().value() + pane.viewport().height()
        top = pane.verticalScrollBar().value()
        block = pane.document().begin()
        while block.isValid():
            y = block.layout().position().y()
            box = pane.document().documentLayout().blockBoundingRect(block)
            if y > bottom:
                return True
            shown = y + box.height() >= top and readings.has_han(block.text())
            if shown and word_selection.char_readings(block.text(), "marks") is None:
                return False
            block = block.next()
        return True

    from reader.core import readings

    def fresh_segmenter() -> None:
        # Nothing read yet in either process; pypinyin loaded (as after the first use).
        if word_selection._segmenter is not None:
            word_selection._segmenter.stop()
            word_selection._segmenter = None
        word_selection.warm_up_in_background()
        wait(word_selection.segmenter_ready)
        word_selection.ask_readings(["预热"], "marks")
        wait(lambda: word_selection.char_readings("预热", "marks") is not None)

    for chars, label in ((3000, "3,000"), (100_000, "100,000")):
        plain, on, thread, end, page, plain_page = [], [], [], [], [], []
        for run in range(runs):
            view = article(chars, f"第{run}篇 {label}")
            pane = ReadingPane()
            pane.resize(900, 800)
            pane.show()
            fresh_segmenter()
            started = time.perf_counter()
            pane.show_article(view)  # type: ignore[arg-type]
            pane.viewport().repaint()
            plain.append(time.perf_counter() - started)
            plain_page.append(_repaint(pane))
            started = time.perf_counter()
            pane.set_ruby("marks")
            pane.viewport().repaint()  # asks for the paragraphs shown
            thread.append(time.perf_counter() - started)
            wait(lambda p=pane: shown_read(p))
            pane.viewport().repaint()
            on.append(time.perf_counter() - started)
            page.append(_repaint(pane))
            started = time.perf_counter()
            bar = pane.verticalScrollBar()
            bar.setValue(bar.maximum())
            pane.viewport().repaint()
            wait(lambda p=pane: shown_read(p))
            pane.viewport().repaint()
            end.append(time.perf_counter() - started)
            pane.close()
            pane.deleteLater()
        median = statistics.median
        bound = " (bound 100 ms)" if chars == 3000 else ""
        print(
            f"拼音 mode on a {label}-character article: readings on screen median "
            f"{ms(median(on))}, max {ms(max(on))}{bound}, of which the window's thread "
            f"{ms(median(thread))}; vs laying it out and painting without "
            f"{ms(median(plain))}, ratio {median(on) / median(plain):.1f}; its end after "
            f"a jump there {ms(median(end))}; a screen repainted {ms(median(page))} vs "
            f"{ms(median(plain_page))} without"
        )
    if word_selection._segmenter is not None:
        word_selection._segmenter.stop()
    library.close()


if __name__ == "__main__":
    main()
