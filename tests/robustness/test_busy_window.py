"""The window while another process writes the library: its own writes (a star, a read
mark, a reading position) wait off its thread for as long as that takes (not 10 s and an
error as before), the status bar says another reader is writing and for how long, and
what the reader did is written once the library is free."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from robust_helpers import write_pages

from reader.gui.changes import Change
from reader.library import Library

HOLD_S = 12  # longer than the window used to wait before giving up (10 s)

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.setenv("READER_DATA_DIR", str(data_dir))


@pytest.mark.slow
def test_the_window_waits_out_another_writer_and_says_so(
    qtbot, tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    from reader.gui.app import create_application, open_settings
    from reader.gui.mainwindow import MainWindow

    lib = Library.open(data_dir)
    lib.import_paths([str(write_pages(tmp_path / "pages", 2))])
    create_application()
    window = MainWindow(lib, open_settings(lib))
    qtbot.addWidget(window)
    window.analysis_runner.enabled = False
    changes: list[Change] = []
    window.changes.changed.connect(changes.append)
    window.show()
    with qtbot.waitSignal(window.loaded):
        window.load()
    qtbot.waitUntil(lambda: window.reading_pane.record is not None)
    article = window.reading_pane.record.id
    # Opening it marked it read: written, then announced a turn later.
    qtbot.waitUntil(lambda: any(c.read for c in changes))
    assert lib.read_at(article) is not None
    changes.clear()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_file), str(HOLD_S)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        window.organise.toggle_star()
        assert time.monotonic() - started < 1  # the window did not wait for the lock
        qtbot.waitUntil(
            lambda: "另一个阅报正在写入文库" in window.statusBar().currentMessage(), timeout=5_000
        )
        assert not lib.articles.is_starred(article) and changes == []
        # The window goes on meanwhile: its event loop turns, the count goes up.
        qtbot.waitUntil(lambda: "已等 2 秒" in window.statusBar().currentMessage())
        qtbot.waitUntil(lambda: bool(changes), timeout=(HOLD_S + 20) * 1000)
    finally:
        holder.communicate(timeout=HOLD_S + 30)  # waits, and closes its pipe
    assert time.monotonic() - started >= HOLD_S - 1  # written only once the lock was free
    assert changes == [Change(rows=(article,), counted=True)]
    assert lib.articles.is_starred(article)
    assert "另一个阅报" not in window.statusBar().currentMessage()
    window.close()
    qtbot.waitUntil(lambda: not window.lists.busy(), timeout=10_000)
    lib.close()
