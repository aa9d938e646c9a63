"""Notice what other processes (``reader import`` while the window is open) did to the library.

SQLite bumps ``PRAGMA data_version`` on this connection whenever another connection has
committed: asking costs microseconds, so it is asked on a timer and when the window is
activated. Only when it moved is the list's signature (counts and the highest id) read,
and only a changed signature is reported, so background analysis, which commits often
without changing the list, does not make the list reload.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from reader.core.errors import LibraryError

if TYPE_CHECKING:
    from reader.library import Library

log = logging.getLogger(__name__)

INTERVAL_MS = 1500


class LibraryWatch(QObject):
    """Emits ``changed`` when the article list changed outside this connection."""

    changed = Signal()

    def __init__(self, library: Library, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.library = library
        self._version: int | None = None
        self._signature: tuple[int, ...] | None = None
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._window = parent

    def start(self) -> None:
        """Take the library as it is now as the known state, then watch it."""
        # From now on, not while the window is first shown: the filter sees every event.
        self._window.installEventFilter(self)  # a window brought to the front looks at once
        try:
            self._version = self.library.data_version()
            self._signature = self.library.list_signature()
        except (LibraryError, sqlite3.Error) as e:
            log.warning("cannot watch the library: %s", e)
            return
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> bool:
        """True (and ``changed`` emitted) when the list changed since the last look."""
        if not self._timer.isActive():
            return False
        try:
            version = self.library.data_version()
            if version == self._version:
                return False
            self._version = version
            signature = self.library.list_signature()
        except (LibraryError, sqlite3.Error) as e:
            # Busy or damaged: the next look (or the next query of the window) tells.
            log.debug("library check failed: %s", e)
            return False
        if signature == self._signature:
            return False
        self._signature = signature
        log.info("the library changed outside this window: %s", signature)
        self.changed.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self.check)
        return False
