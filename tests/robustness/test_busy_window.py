"""The window while another process writes the library: its own writes (a star, a read
mark, a reading position) wait off its thread for as long as that takes (not 10 s and an
error as before), the status bar says another reader is writing and for how long, and
what the reader did is written once the library is free."""

from __future__ import annotations

import json
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


@pytest.mark.slow
def test_every_write_of_the_window_waits_out_another_writer_and_lands(
    qtbot, tmp_path: Path, data_dir: Path, db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tag renamed, a highlight made, a note edited, a highlight deleted, an annotation
    file imported and the watch words saved while another process holds the library's
    write lock: none of them stops the window, none is written before the lock is free,
    each is written then (in the order asked), and nothing is said but the waiting."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from reader.gui import dialogs, note_dialog
    from reader.gui.app import create_application, open_settings
    from reader.gui.mainwindow import MainWindow

    lib = Library.open(data_dir)
    lib.import_paths([str(write_pages(tmp_path / "pages", 2))])
    first, second, third, *_ = lib.ids()
    lib.add_tag(first, "待读")
    edited = lib.annotate_quote(second, None, "市民普遍表示满意")
    deleted = lib.annotate_quote(second, None, "相关部门")
    restored = lib.annotate_quote(third, None, "后续工作", note="导入的批注")
    notes_file = tmp_path / "notes.json"
    notes_file.write_text(json.dumps(lib.export_annotations([third])), "utf-8")
    lib.delete_annotation(restored.id)  # the file brings it back
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: told.append(args[2]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("已读", True))
    monkeypatch.setattr(note_dialog, "ask_note", lambda *_args, **_kw: ("blue", "改过的批注"))
    monkeypatch.setattr(dialogs, "edit_word_list", lambda *_args: ["疫情", "满意"])

    create_application()
    window = MainWindow(lib, open_settings(lib))
    qtbot.addWidget(window)
    window.analysis_runner.enabled = False
    window.show()
    with qtbot.waitSignal(window.loaded):
        window.load()
    qtbot.waitUntil(lambda: window.reading_pane.record is not None)
    qtbot.waitUntil(lambda: window.writer.pending == 0)  # opening it marked it read
    notes = window.annotating.ui
    changes: list[Change] = []
    window.changes.changed.connect(changes.append)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_file), str(HOLD_S)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        window.reading_pane.select_span(0, 4)
        writes = {
            "rename a tag": lambda: window.list_sync.rename_tag("待读"),
            "highlight": lambda: notes.highlight("yellow"),
            "edit a note": lambda: notes.edit_note(edited.id),
            "delete a highlight": lambda: notes.delete(deleted.id),
            "import annotations": lambda: notes.import_file(notes_file),
            "watch words": window.word_lists.edit_watch_words,
        }
        for name, write in writes.items():
            asked = time.monotonic()
            write()
            assert time.monotonic() - asked < 1, name  # the window did not wait for the lock
        qtbot.waitUntil(
            lambda: "另一个阅报正在写入文库" in window.statusBar().currentMessage(), timeout=5_000
        )
        qtbot.waitUntil(lambda: "已等 2 秒" in window.statusBar().currentMessage())
        # Nothing written yet, nothing announced.
        assert lib.tags(first) == ["待读"]
        assert lib.annotations_of(window.reading_pane.record.id) == []
        assert lib.annotation(edited.id).note == ""
        assert lib.find_annotation(deleted.id) is not None
        assert lib.find_annotation(restored.id) is None
        assert lib.analysis.watch_words() == []
        assert changes == []
        qtbot.waitUntil(lambda: window.writer.pending == 0, timeout=(HOLD_S + 20) * 1000)
    finally:
        holder.communicate(timeout=HOLD_S + 30)
    assert time.monotonic() - started >= HOLD_S - 1  # written only once the lock was free
    assert lib.tags(first) == ["已读"]
    [made] = lib.annotations_of(window.reading_pane.record.id)
    assert made.color == "yellow"
    assert (lib.annotation(edited.id).color, lib.annotation(edited.id).note) == (
        "blue",
        "改过的批注",
    )
    assert lib.find_annotation(deleted.id) is None
    assert lib.annotation(restored.id).note == "导入的批注"
    assert lib.analysis.watch_words() == ["疫情", "满意"]
    # Each announced once written, in the order asked.
    assert [c for c in changes if c.annotated or c.watch][-1] == Change(watch=True)
    assert Change(listed=True, counted=True) in changes
    assert notes.controller.stack.count() == 4  # highlight, edit, delete, import: undoable
    assert told == []  # no error: the waiting was the only thing said
    assert "另一个阅报" not in window.statusBar().currentMessage()
    window.close()
    qtbot.waitUntil(lambda: not window.lists.busy(), timeout=10_000)
    lib.close()
