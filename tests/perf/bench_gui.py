"""GUI responsiveness benchmark: how long the window stops responding while a reader works
through a large library (not a test).

    python tests/perf/bench_gui.py [--articles 100000] [--dir DIR] [--json] [--stacks FILE]
                                   [--feeds 50]

Opens the real main window (offscreen) on a library of N articles (built and made to look
used as ``bench.py`` does; ``--dir`` keeps or reuses it) and plays a reader's session:
filling the window once it has painted, scrolling the list to the end and back, J/K
through articles, typing a search, sorting by each column, every sidebar choice,
star/read/trash, next unread, then a pause (when the word segmenter process starts).
A 1 ms timer ticks on the GUI thread throughout; the longest gap between two ticks in a
step is how long the window could not answer the reader then (the issue's bound: 50 ms).
The reader package is byte-compiled first, as pip does on install.

Baseline, same run: the same heartbeat while the window sits idle as long as the session
took (the machine's own scheduling noise). Prints a table, or one JSON object with
``--json``: ``block_ms`` per step, ``block_ms_max``, ``idle_block_ms``.

``--feeds N``: N subscriptions of 30 entries each, with their pages, on servers on
127.0.0.1 (tests/perf/bench_feeds.py); F5 refreshes them all as the session starts, so the
refresh process runs (and its new articles come into the list) during the steps.

``--stacks FILE``: whenever the GUI thread misses its tick for more than 50 ms, every
thread's Python stack is written to FILE (faulthandler needs no lock to do it): the
thread holding Python's lock, or the window's thread in Qt's own work, is named there.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # the library builder, beside this file

TICK_MS = 1
STALL_S = 0.05  # --stacks: a block this long has every thread's stack written
PAUSE_MS = 30  # between a reader's key presses or clicks


class Heartbeat:
    """The longest gap between ticks of a GUI-thread timer, per named step."""

    def __init__(self, stacks=None) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.stacks = stacks  # an open file: where stalls' stacks go (see --stacks)
        self.steps: dict[str, float] = {}
        self._step = ""
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        if self.stacks:
            faulthandler.dump_traceback_later(STALL_S, file=self.stacks)  # re-armed each tick
        now = time.perf_counter()
        gap = (now - self._last) * 1000 - TICK_MS
        self._last = now
        if self._step:
            self.steps[self._step] = max(self.steps.get(self._step, 0.0), gap)

    def step(self, name: str) -> None:
        self._tick()  # the gap before this step belongs to the one before
        self._step = name
        self.steps.setdefault(name, 0.0)
        if self.stacks:
            self.stacks.write(f"=== {name}\n")
            self.stacks.flush()


def run_for(ms: int) -> None:
    """Let the event loop run (timers, workers' results) for ``ms``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(signal, action: Callable[[], object], timeout_ms: int = 30_000) -> None:
    """Do ``action`` and run the event loop until ``signal`` fires (a worker's result);
    RuntimeError if it does not within ``timeout_ms``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    action()
    if not fired:  # the action may run the event loop itself (a key press and its pause)
        loop.exec()
    signal.disconnect(done)
    if not fired:
        raise RuntimeError(f"timed out after {timeout_ms} ms")


def prepare(directory: Path, n: int) -> None:
    """A used-looking library of ``n`` articles in ``directory`` (kept if there already)."""
    from reader.library import Library

    lib = Library.open(directory, seed=False)
    try:
        if lib.articles.count() < n:
            rng = random.Random(20200310)
            bench.build(lib, n - lib.articles.count(), rng)
            bench.make_used(lib, lib.articles.ids(), rng)
    finally:
        lib.close()


def press(widget, key, times: int = 1) -> None:
    """Key presses as the reader makes them, a short pause after each."""
    from PySide6.QtTest import QTest

    for _ in range(times):
        QTest.keyClick(widget, key)
        run_for(PAUSE_MS)


def click(widget, point) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def forget_layout(directory: Path) -> None:
    """Every session starts from a new reader's layout: a layout saved by an earlier run
    in a narrower window (docks folded, the list narrowed) would change what is measured."""
    from PySide6.QtCore import QSettings

    from reader.core.paths import settings_path

    settings = QSettings(str(settings_path(directory)), QSettings.Format.IniFormat)
    settings.remove("window")
    settings.sync()


def session(directory: Path, stacks=None, feeds: int = 0) -> dict[str, object]:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from reader.gui import app
    from reader.gui.sidebar import Scope

    servers, urls = [], []
    if feeds:  # the servers and their pages made before the clock starts
        from bench_feeds import serve_feeds

        for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
            os.environ.pop(name, None)  # the refresh process talks to 127.0.0.1 directly
        servers, urls, _pages = serve_feeds(feeds, 30)
    app.create_application()
    heart = Heartbeat(stacks)
    started = time.perf_counter()

    # The window as the app starts it (app.start: it loads after its first paint). Up to
    # that paint is start-up (bench_startup.py); from there it is on screen and every
    # block counts. The reader's keys and clicks are real input events (the segmenter,
    # for one, waits for a pause in them).
    forget_layout(directory)
    window = app.start(str(directory), [])
    assert window is not None
    window.analysis_runner.enabled = False  # keywords of 100,000 articles: a separate, long job
    # Wide enough for the list's three columns beside the article at its measure and both
    # docks (narrower, the list gives way first and drops its source column).
    window.resize(1700, 760)
    library = window.library
    wait(window.first_painted, lambda: None)
    window.activateWindow()
    heart.step("fill the window: list, counts, last article")
    wait(window.lists.counted, lambda: None)
    run_for(200)
    view = window.list_view
    rows = window.model.rowCount()
    key = Qt.Key

    if feeds:
        for url in urls:
            library.feeds.add(url)
        window.menus.refresh_action.trigger()  # F5: the refresh runs through the steps

    heart.step("scroll the list: page down ×10, end, home")
    press(view, key.Key_PageDown, 10)
    press(view, key.Key_End)
    press(view, key.Key_Home)

    heart.step("J ×20, K ×10")
    press(view, key.Key_J, 20)
    press(view, key.Key_K, 10)

    heart.step("type a search (疫情), list filtered")
    word = "疫情"  # typed through an input method: text, not key presses
    for end in range(1, len(word)):
        window.search_edit.setText(word[:end])
        run_for(PAUSE_MS)
    wait(window.lists.listed, lambda: window.search_edit.setText(word))
    run_for(PAUSE_MS)

    heart.step("J ×10 through search hits")
    press(view, key.Key_J, 10)

    heart.step("Esc clears the search")
    window.search_edit.setFocus()  # the reader is still in the box
    wait(window.lists.listed, lambda: press(window.search_edit, key.Key_Escape))

    header = view.horizontalHeader()
    for column, name in ((0, "title"), (1, "source"), (2, "date")):
        for turn in ("first", "second"):  # a second click turns the order round
            heart.step(f"click header: {name} ({turn})")
            middle = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
            point = QPoint(middle, header.height() // 2)
            wait(window.lists.listed, lambda p=point: click(header.viewport(), p))
            run_for(PAUSE_MS)

    scopes = [Scope("unread"), Scope("starred"), Scope("tag", "基准"), Scope("trash")]
    source = library.db.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
    scopes += [Scope("source", source), Scope("section", bench.SECTIONS[0]), Scope()]
    sidebar = window.sidebar
    for scope in scopes:
        heart.step(f"click sidebar: {scope.kind}")
        item = sidebar._item(scope)
        sidebar.scrollToItem(item)
        point = sidebar.visualItemRect(item).center()
        wait(window.lists.listed, lambda p=point: click(sidebar.viewport(), p))
        run_for(PAUSE_MS)

    heart.step("S star, M read, Delete to trash")
    view.setFocus()
    press(view, key.Key_Down, 3)
    press(view, key.Key_S)
    press(view, key.Key_M)
    wait(window.lists.listed, lambda: press(view, key.Key_Delete))
    run_for(PAUSE_MS)

    heart.step("N next unread ×10")
    press(view, key.Key_N, 10)

    # Ctrl+4 / Ctrl+1: the list's titles, the panels and the article in the new script.
    for shortcut, name in ((key.Key_4, "台湾正体"), (key.Key_1, "原文")):
        heart.step(f"switch the script: {name}")
        QTest.keyClick(view, shortcut, Qt.KeyboardModifier.ControlModifier)
        run_for(PAUSE_MS)
        press(view, key.Key_PageDown)  # rows not yet shown, converted as they come

    heart.step("the reader pauses: word segmenter starts")
    from reader.gui import word_selection

    # It waits for a pause in the reader's input (word_selection.warm_up_when_idle).
    deadline = time.perf_counter() + 10
    while not word_selection.segmenter_ready() and time.perf_counter() < deadline:
        run_for(100)
    run_for(100)

    refresh_ended = None
    if feeds:
        heart.step("the feed refresh ends: list and counts")
        deadline = time.perf_counter() + 600
        while window.feeds.operation is not None and time.perf_counter() < deadline:
            run_for(50)
        refresh_ended = time.perf_counter() - started
        run_for(2000)  # the list and counts fetched again with the new articles

    heart.step("")
    took = time.perf_counter() - started
    heart.step("idle, as long as the session")
    run_for(int(took * 1000))
    heart.step("")

    for server in servers:  # after the clock: shutting down waits for their poll
        server.__exit__()
    idle = heart.steps.pop("idle, as long as the session")
    window.close()  # closes the library too
    run_for(50)
    return {
        "articles": rows,
        "block_ms": heart.steps,
        "block_ms_max": max(heart.steps.values()),
        "idle_block_ms": idle,
        "session_s": took,
        "feeds": feeds,
        "refresh_ended_s": refresh_ended,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, help="library folder (kept; reused if it exists)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--stacks", type=Path, help="write stalled threads' stacks here")
    parser.add_argument("--feeds", type=int, default=0, help="refresh N feeds during the session")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["READER_NO_SEED"] = "1"
    import compileall

    import reader

    # As after pip install: imports read byte code (this machine may not write it).
    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="reader-bench-gui-") as tmp:
        directory = args.dir or Path(tmp)
        os.environ["READER_CACHE_DIR"] = str(Path(tmp, "cache"))
        prepare(directory, args.articles)
        with open(args.stacks or os.devnull, "w") as stacks:
            figures = session(directory, stacks if args.stacks else None, args.feeds)
            faulthandler.cancel_dump_traceback_later()
    if args.json:
        print(json.dumps(bench._rounded(figures), ensure_ascii=False))
        return 0
    print(f"articles listed {figures['articles']}, session {figures['session_s']:.1f} s")
    if args.feeds:
        print(
            f"{args.feeds} feeds × 30 entries refreshed in {figures['refresh_ended_s']:.1f} s"
            " of the session"
        )
    print("longest GUI-thread block per step (ms):")
    for name, ms in figures["block_ms"].items():
        print(f"  {name:<40} {ms:8.1f}")
    print(f"  {'max':<40} {figures['block_ms_max']:8.1f}")
    print(f"  {'idle window (baseline)':<40} {figures['idle_block_ms']:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
