"""Background operations: the result on the GUI thread, and quiet when their window is gone."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool

from reader.gui.workers import Operation


def test_result_and_finished_arrive_on_the_gui_thread(qtbot) -> None:
    op = Operation(lambda _progress, _cancelled: threading.current_thread().name)
    got: list[str] = []
    op.succeeded.connect(got.append)
    with qtbot.waitSignal(op.finished):
        op.start()
    assert got and got[0] != threading.current_thread().name  # the work ran elsewhere


def test_an_operation_deleted_while_it_runs_ends_quietly(qtbot, capfd) -> None:
    # Closing the window deletes its operations; one still running must not print
    # "Error calling Python override of QRunnable::run()" when it ends.
    owner = QObject()
    release = threading.Event()
    op = Operation(lambda _progress, _cancelled: release.wait(5), owner)
    op.start()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(op))
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    assert "Error calling Python override" not in capfd.readouterr().err


def _alive(op: Operation) -> bool:
    from shiboken6 import isValid

    return isValid(op)
