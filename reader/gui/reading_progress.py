"""Where the reader is in an article: its length, its reading time, the remembered position.

The position is kept per article as a fraction (0..1) of the reading pane's scroll range,
so it survives a new font size, column width or script view. It is saved a moment after
scrolling stops, when another article is opened and when the window closes, and restored
when the article is opened again, once the pane has laid it out.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from reader.core.errors import LibraryError
from reader.gui.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.gui.writer import LibraryWriter
    from reader.library import Library

log = logging.getLogger(__name__)

# Adults read Chinese prose silently at roughly 300-500 characters a minute; news text on a
# screen sits in the middle, so 400 gives a fair "about N minutes".
CHARS_PER_MINUTE = 400
SAVE_DELAY_MS = 800  # scrolling has stopped for this long: write the position
# Positions closer than this to a stored one are not written again (about one line in a
# long article), so restoring or a tiny nudge costs no write.
MIN_CHANGE = 0.002


def reading_chars(text: str) -> int:
    """Characters a reader reads: everything but whitespace and line breaks."""
    return sum(1 for c in text if not c.isspace())


def reading_minutes(chars: int) -> int:
    return max(1, round(chars / CHARS_PER_MINUTE))


class ReadingPositions(QObject):
    """Keeps the pane's scroll position per article in ``library``."""

    def __init__(
        self, pane: ReadingPane, library: Library, writer: LibraryWriter | None = None
    ) -> None:
        super().__init__(pane)
        self.pane = pane
        self.library = library
        self.writer = writer  # positions are written off the window's thread through it
        self._current: int | None = None  # the article whose scrolling is being followed
        self._saved: dict[int, float] = {}  # last value read or written, per article
        self._pending: float | None = None  # a position being restored during layout
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        bar = pane.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._range_changed)
        pane.article_leaving.connect(self._leaving)
        pane.article_shown.connect(self._shown)

    def flush(self) -> None:
        """Write the open article's position now (on close, and after scrolling stops)."""
        self._timer.stop()
        if self._current is not None:
            self._save(self._current, self.pane.scroll_fraction())

    # -- following the pane -------------------------------------------------------------

    def _scrolled(self, _value: int) -> None:
        if self._current is not None and self._pending is None:
            self._timer.start()  # restarted by every step: one write when scrolling stops

    def _leaving(self, article_id: int, fraction: float) -> None:
        self._timer.stop()
        self._pending = None
        if self._current == article_id:
            self._save(article_id, fraction)
        self._current = None  # scrolling while the next article is built belongs to none

    def _shown(self, article_id: int) -> None:
        self._current = article_id
        # What this window last wrote wins: its write may still be on the writer's queue.
        stored = self._saved.get(article_id)
        if stored is None:
            try:
                stored = self.library.reading_position(article_id)
            except (LibraryError, sqlite3.Error) as e:
                log.warning("cannot read the reading position of %s: %s", article_id, e)
        self._saved[article_id] = stored or 0.0
        if stored:
            self._pending = stored
            self.pane.document().documentLayout().documentSize()  # lay it all out now
            self._apply()
            # A layout still growing the range in this turn of the event loop moves it on.
            QTimer.singleShot(0, self._restored)

    def _range_changed(self, _minimum: int, _maximum: int) -> None:
        if self._pending is not None:
            self._apply()

    def _apply(self) -> None:
        bar = self.pane.verticalScrollBar()
        if self._pending is not None:
            bar.setValue(round(self._pending * bar.maximum()))

    def _restored(self) -> None:
        self._pending = None

    def _save(self, article_id: int, fraction: float) -> None:
        if abs(fraction - self._saved.get(article_id, 0.0)) < MIN_CHANGE:
            return
        if self.writer is not None:
            self.writer.write(lambda lib: _keep_position(lib, article_id, fraction))
            self._saved[article_id] = fraction
            return
        try:
            self.library.set_reading_position(article_id, fraction)
        except (LibraryError, sqlite3.Error, ValueError) as e:
            # A busy or damaged library must not break reading; the position is a nicety.
            log.warning("cannot keep the reading position of %s: %s", article_id, e)
            return
        self._saved[article_id] = fraction


def _keep_position(library: Library, article_id: int, fraction: float) -> None:
    try:
        library.set_reading_position(article_id, fraction)
    except (LibraryError, sqlite3.Error, ValueError) as e:
        # A busy or damaged library must not break reading; the position is a nicety.
        log.warning("cannot keep the reading position of %s: %s", article_id, e)
