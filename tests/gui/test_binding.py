"""The Qt binding keeps Python's reference counts: a binding that loses a reference on every
call (PySide6 6.12.0 with None and True) aborts a long reading session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    toggled = Signal(bool)


def test_qt_calls_returning_nothing_keep_none_alive() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    assert before - sys.getrefcount(None) < 50


def test_signal_emits_keep_true_alive() -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.toggled.connect(seen.append)
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.toggled.emit(True)
    seen.clear()
    assert before - sys.getrefcount(True) < 50
