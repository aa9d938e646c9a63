"""How the window fills once it has painted: the list and the reading stack (on
workers), then the last article, each part in a turn of the event loop of its own."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from reader.gui import turns
from reader.gui.app import open_settings
from reader.gui.mainwindow import MainWindow
from reader.library import Library


def new_window(qtbot, library: Library) -> MainWindow:
    window = MainWindow(library, open_settings(library))
    qtbot.addWidget(window)
    window.auto_analyse = False
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


def test_each_part_of_loading_lets_waiting_timers_run_first(
    qtbot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[str] = []
    waiting = QTimer(singleShot=True, interval=0)  # a timer, as input and other work are
    waiting.timeout.connect(lambda: order.append("timer"))
    build, select = MainWindow._build_annotating, MainWindow.select_article

    def build_annotating(self: MainWindow) -> None:
        build(self)
        order.append("notes")
        waiting.start()

    def select_article(self: MainWindow, article_id: int | None) -> bool:
        order.append("article")
        return select(self, article_id)

    monkeypatch.setattr(MainWindow, "_build_annotating", build_annotating)
    monkeypatch.setattr(MainWindow, "select_article", select_article)
    window = new_window(qtbot, library)
    with qtbot.waitSignal(window.loaded):
        window.load()
    assert order == ["notes", "timer", "article"]
