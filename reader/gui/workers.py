"""Background operations: run a function on the thread pool, report on the GUI thread.

The function gets a ``progress(done, total, label)`` callback and a ``cancelled()``
check; the operation's signals carry progress and the result back through Qt's queued
connections, so no widget is ever touched from the worker.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class Operation(QObject):
    """One piece of long work. Connect to its signals, then call :meth:`start`."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.error: Exception | None = None  # what the work raised, once failed

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as e:  # reported to the user; the worker thread must not die silently
            log.error("background operation failed:\n%s", traceback.format_exc())
            self.error = e
            self.failed.emit(str(e) or e.__class__.__name__)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op

    def run(self) -> None:
        try:
            self.op._run()
        except RuntimeError:  # the work's own errors are caught in _run: this is an emit
            # The operation was deleted while it ran (its window closed): nobody is left to
            # tell, and Qt would print a traceback for it.
            log.debug("a background operation outlived its window")
