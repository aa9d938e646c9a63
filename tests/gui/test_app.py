"""Starting the app as a user does: a new library seeds after the window paints."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.gui import app


def test_first_launch_seeds_the_library_in_the_background(qtbot, tmp_path: Path) -> None:
    window = app.start(str(tmp_path / "fresh"), [])
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10_000)
    qtbot.waitUntil(lambda: window.reading_pane.record is not None)  # the first one opens
    assert not window.library.needs_seed()


def test_start_up_objects_leave_the_collectors_full_passes(qtbot, tmp_path: Path) -> None:
    assert gc.get_freeze_count() == 0
    window = app.start(str(tmp_path / "fresh"), [])
    assert window is not None
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    assert gc.get_freeze_count() > 10_000  # the window's modules, classes and widgets


def test_files_on_the_command_line_are_imported_and_shown(qtbot, tmp_path: Path) -> None:
    page = tmp_path / "晚报.txt"
    page.write_text(
        "菜篮子价格平稳\n\n本报讯 本周全市主要蔬菜价格保持平稳,供应充足。\n", encoding="utf-8"
    )
    window = app.start(str(tmp_path / "lib"), [str(page)])
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: (
            window.reading_pane.record is not None
            and window.reading_pane.record.title == "菜篮子价格平稳"
        ),
        timeout=10_000,
    )


def test_damaged_library_is_reported_in_a_dialog_and_kept(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes(b"\x00garbage" * 100)
    assert app.start(str(folder), []) is None
    assert len(shown) == 1 and "not a Reader library" in shown[0]
    assert (folder / "library.sqlite3").read_bytes() == b"\x00garbage" * 100


# Run as `reader --data-dir DIR` is, but print the loaded modules at the first paint.
MODULES_AT_FIRST_PAINT = """
import sys
from PySide6.QtCore import QTimer
from reader.gui import app

def shown(qapp):
    from PySide6 import QtCore, QtGui, QtWidgets  # and the Qt classes made a Python type

    made = [f"qt:{n}" for m in (QtCore, QtGui, QtWidgets) for n in vars(m) if n[0] == "Q"]
    print(" ".join(sorted(sys.modules) + made), flush=True)
    QTimer.singleShot(0, qapp.quit)

app._report_shown = shown
sys.exit(app.run(sys.argv[1], []))
"""


@pytest.mark.slow
@pytest.mark.parametrize("library", ["new", "existing"])
def test_nothing_slow_is_loaded_before_the_window_paints(tmp_path: Path, library: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_EXIT_WHEN_SHOWN": "1"}
    argv = [sys.executable, "-c", MODULES_AT_FIRST_PAINT, str(tmp_path / "lib")]
    if library == "existing":
        subprocess.run(argv, env=env, capture_output=True, timeout=60, check=True)
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, check=True)
    loaded = set(done.stdout.split())
    assert "reader.gui.mainwindow" in loaded  # the hook ran at the first paint
    slow = {
        "jieba",  # the segmenter and its dictionary
        "opencc",  # conversion
        "reader.store.articles",  # the article store, its search index and queries
        "reader.store.annotations",
        "reader.views",
        "reader.gui.annotation_ui",  # highlights and notes: built after the paint
        "reader.gui.annotation_list",
        "reader.gui.annotations_controller",
        "reader.annotation_io",
        "PySide6.QtNetwork",  # listening for later launches
        "json",
        "reader.store.analysis",
        "reader.gui.find_bar",
        "reader.gui.dialogs",
        "qt:QStyle",  # its Python type and enums, ~12 ms
        "qt:QProcess",
        "reader.gui.word_selection",  # the segmenter process's client
        "reader.gui.settings_dialog",
        "reader.gui.printing",
        "PySide6.QtPrintSupport",
        "reader.export",
        "reader.gui.library_errors",
    }
    assert loaded.isdisjoint(slow), sorted(loaded & slow)


# Started from the command line, reporting the cyclic collector at the first paint and after.
COLLECTOR_AT_FIRST_PAINT = """
import gc
import sys
from PySide6.QtCore import QTimer
from reader import cli
from reader.gui import app

def shown(qapp):
    print("painted", gc.isenabled(), flush=True)
    QTimer.singleShot(0, lambda: (print("then", gc.isenabled(), flush=True), qapp.quit()))

app._report_shown = shown
sys.exit(cli.main(["--data-dir", sys.argv[1]]))
"""


@pytest.mark.slow
def test_the_collector_is_off_until_the_window_has_painted(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_EXIT_WHEN_SHOWN": "1"}
    argv = [sys.executable, "-c", COLLECTOR_AT_FIRST_PAINT, str(tmp_path / "lib")]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["painted", "False", "then", "True"]
