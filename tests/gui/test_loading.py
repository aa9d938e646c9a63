"""How the window fills once it has painted: the reading stack, then the list, then the
last article, each part in a turn of the event loop of its own."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from reader.core.records import NewArticle
from reader.gui import mainwindow, startup, turns, word_selection
from reader.gui.annotating import Annotating
from reader.gui.app import open_settings
from reader.gui.mainwindow import MainWindow
from reader.gui.reading import ReadingController
from reader.library import Library


def many_articles(library: Library, n: int = 300) -> list[int]:
    page = [NewArticle(title=f"第{i}篇", body="正文。", script="simplified") for i in range(n)]
    library.articles.add_source("/papers/many.txt", "utf-8", "page", 1, page)
    return library.articles.ids()


def new_window(qtbot, library: Library) -> MainWindow:
    window = MainWindow(library, open_settings(library))
    qtbot.addWidget(window)
    window.analysis_runner.enabled = False
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_part_for_the_next_turn_runs_after_the_paint_and_the_timers_that_waited(qtbot) -> None:
    done: list[str] = []

    class Painted(QWidget):
        def paintEvent(self, _event) -> None:  # noqa: N802
            done.append("paint")

    widget = Painted()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    waiting = QTimer(singleShot=True, interval=1)
    waiting.timeout.connect(lambda: done.append("timer"))

    def first() -> None:
        done.clear()
        widget.update()
        waiting.start()
        time.sleep(0.003)  # the timer comes due while this part runs
        turns.next_turn(widget, lambda: done.append("next part"))

    QTimer.singleShot(0, first)  # a part posted as the window's own steps are
    qtbot.waitUntil(lambda: "next part" in done)
    assert done == ["paint", "timer", "next part"]


def test_a_part_for_the_next_turn_is_dropped_with_its_owner(qtbot) -> None:
    called: list[str] = []
    kept, gone = QWidget(), QWidget()
    qtbot.addWidget(kept)
    turns.next_turn(kept, lambda: called.append("kept"))
    turns.next_turn(gone, lambda: called.append("gone"))
    gone.deleteLater()  # a window closed right after it painted
    qtbot.waitUntil(lambda: called == ["kept"])
    qtbot.wait(4 * turns.TURN_MS)
    assert called == ["kept"]


def test_the_reading_stack_is_prepared_before_the_list_is_fetched(
    qtbot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One worker of Python at a time, and none while the list first paints.
    order: list[str] = []
    prepare = startup.prepare_reading

    def prepare_reading(config: str | None) -> None:
        order.append("preparing")
        prepare(config)
        order.append("prepared")

    monkeypatch.setattr(startup, "prepare_reading", prepare_reading)
    window = new_window(qtbot, library)
    refresh = window.lists.refresh

    def fetch(**kinds: bool) -> None:
        order.append("fetching")
        refresh(**kinds)

    monkeypatch.setattr(window.lists, "refresh", fetch)
    # The notes dock narrows the list: built before its rows first paint.
    notes = lambda: "notes" if window.annotating.built else "no notes"  # noqa: E731
    window.lists.listed.connect(lambda: order.append(f"listed, {notes()}"))
    with qtbot.waitSignal(window.loaded):
        window.load()
    assert order[:4] == ["preparing", "prepared", "fetching", "listed, notes"]
    assert window.reading_pane.record is not None


def test_each_part_of_loading_lets_waiting_timers_run_first(
    qtbot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[str] = []
    waiting = QTimer(singleShot=True, interval=0)  # a timer, as input and other work are
    waiting.timeout.connect(lambda: order.append("timer"))
    build, select = Annotating.build, ReadingController.select_article

    def build_annotating(self: Annotating) -> None:
        if not self.built:
            order.append("notes")
            waiting.start()
        build(self)

    def select_article(self: ReadingController, article_id: int | None) -> bool:
        order.append("article")
        waiting.start()
        return select(self, article_id)

    monkeypatch.setattr(Annotating, "build", build_annotating)
    monkeypatch.setattr(ReadingController, "select_article", select_article)
    window = new_window(qtbot, library)
    window.loaded.connect(lambda: order.append("loaded"))
    with qtbot.waitSignal(window.loaded):
        window.load()
    assert order == ["notes", "timer", "article", "timer", "loaded"]


def test_the_list_opens_at_the_last_article_with_its_rows_read_by_the_worker(
    qtbot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = many_articles(library)
    last = ids[250]
    settings = open_settings(library)
    settings.setValue("reading/last_article", last)
    settings.sync()
    read_here: list[list[int]] = []  # rows the window read itself, on its own thread
    read = mainwindow.ArticleTableModel._read_rows
    monkeypatch.setattr(
        mainwindow.ArticleTableModel,
        "_read_rows",
        lambda self, article_ids: read_here.append(list(article_ids)) or read(self, article_ids),
    )
    window = new_window(qtbot, library)
    view = window.list_view
    listed: list[int] = []

    def first_listed() -> None:  # after the window's own slot, before the list paints
        if not listed:
            row = window.model.row_of(last)
            assert row is not None
            rect = view.visualRect(window.model.index(row, 0))
            assert view.viewport().rect().contains(rect)
            listed.append(view.verticalScrollBar().value())

    window.lists.listed.connect(first_listed)
    with qtbot.waitSignal(window.loaded):
        window.load()
    assert listed and listed[0] > 0
    assert window.reading_pane.record.id == last
    assert view.verticalScrollBar().value() == listed[0]  # not scrolled again to show it
    assert all(len(article_ids) == 1 for article_ids in read_here)  # only its read mark


def test_input_in_the_window_puts_off_the_segmenter(
    qtbot, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []

    class Watch(word_selection._WhenIdle):  # this test's own (other windows' may be left)
        def _load(self) -> None:
            started.append(True)
            self.deleteLater()

    watched: list[QWidget] = []  # what the window asks to be watched, once loaded
    monkeypatch.setattr(
        word_selection, "warm_up_when_idle", lambda widgets: watched.extend(widgets)
    )
    window = open_window()
    window.activateWindow()
    qtbot.waitActive(window)
    window.list_view.setFocus()
    Watch(600, watched)
    for _ in range(8):
        qtbot.wait(120)
        QTest.keyClick(window.list_view, Qt.Key.Key_J)  # 下一篇, a shortcut of the window
    assert started == []  # ~1 s of keys, never a 0.6 s pause
    qtbot.waitUntil(lambda: started == [True], timeout=3000)
