"""The window's own small writes (read marks, stars, tags, trash, reading positions,
highlights and notes, annotation files, word lists, phrase fixes, subscriptions' names and
options) off its thread, one after another on a connection of their own.

While another process writes the library (an import in a terminal, a second window's
annotation file) a write waits its turn: the window goes on, the status bar says that
another reader is writing and for how long it has waited, and the write is made when the
library is free (SQLite retried every step; WAIT_S at most, then one message). What was
asked is made in the order asked; closing the window waits for what is queued.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from reader.gui.workers import Operation

if TYPE_CHECKING:
    from reader.library import Library

log = logging.getLogger(__name__)

WAIT_S = 3600.0  # a write waits this long for another process at most (then it is said)
TICK_MS = 1000  # the waiting message's count, updated


class LibraryWriter(QObject):
    """Writes ``change(library)`` on a worker of its own; ``done(result)`` on the window's
    thread once written. A write that fails is reported through ``failed``."""

    waiting = Signal(bool)  # another process holds the library: waiting / not any more
    failed = Signal(object)  # the exception (a LibraryError the window reports)

    def __init__(self, library: Library, status_bar: QStatusBar, parent: QObject) -> None:
        super().__init__(parent)
        self.directory = library.directory
        self.status_bar = status_bar
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one at a time, in the order asked
        self.pending = 0
        self._library: Library | None = None  # opened and used on the pool's thread only
        self._waiting_since: float | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._say_waiting)
        self.waiting.connect(self._waiting_changed)

    def write(
        self, change: Callable[[Library], Any], done: Callable[[Any], None] | None = None
    ) -> None:
        def work(_progress, _cancelled) -> Any:
            return change(self._connection())

        op = Operation(work, self)
        if done is not None:
            op.succeeded.connect(done)
        op.failed.connect(lambda _message: self.failed.emit(op.error))
        op.finished.connect(self._finished)
        self.pending += 1
        op.start(self.pool)

    def _connection(self) -> Library:
        if self._library is None:
            from reader.library import Library

            self._library = Library(
                self.directory,
                lock_wait=WAIT_S,
                on_wait=lambda _path: self.waiting.emit(True),
                defer_check=True,  # the window checks the file (StartupSequence)
            )
        return self._library

    def _finished(self) -> None:
        self.pending -= 1
        if self._waiting_since is not None:
            self._waiting_changed(False)

    def flush(self, timeout_ms: int = 30_000) -> bool:
        """Wait for the queued writes (closing); False if they are still waiting."""
        done = self.pool.waitForDone(timeout_ms)
        if done and self._library is not None:
            self._library.close()
            self._library = None
        return done

    # -- the status bar while waiting -----------------------------------------------------

    def _waiting_changed(self, waiting: bool) -> None:
        if waiting and self._waiting_since is None:
            self._waiting_since = time.monotonic()
            self._tick.start()
            self._say_waiting()
        elif not waiting and self._waiting_since is not None:
            self._waiting_since = None
            self._tick.stop()
            self.status_bar.clearMessage()

    def _say_waiting(self) -> None:
        if self._waiting_since is None:
            return
        seconds = int(time.monotonic() - self._waiting_since)
        self.status_bar.showMessage(
            self.tr("另一个阅报正在写入文库，等它写完再保存（已等 {seconds} 秒）…").format(
                seconds=seconds
            )
        )
