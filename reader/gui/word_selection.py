"""Selecting words in the reading pane the way Chinese is read: by jieba words.

Qt's own double-click picks one ideograph or a whole run of them; here a double-click
selects the jieba word under the mouse, and Shift+←/→ grow the selection by one word at
its start or end (Shift+↑/↓ by a line). The paragraph under the mouse is cut on the GUI
thread (one paragraph takes well under a millisecond), but only once the segmenter is
loaded: until then, Qt's default double-click is left alone. The segmenter loads on the
thread pool once the reader first pauses (warm_up_when_idle), so the window never waits
for jieba's dictionary.
"""

from __future__ import annotations

import itertools
import logging
import subprocess
import sys
import threading
from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.gui.offsets import Utf16Index

log = logging.getLogger(__name__)

_ready = threading.Event()  # the segmenter is loaded (process-wide, like the segmenter)
_loading = threading.Lock()


def segmenter_ready() -> bool:
    return _ready.is_set()


def warm_up_in_background() -> None:
    """Load the segmenter on the thread pool unless it is loaded or loading already."""
    if _ready.is_set() or not _loading.acquire(blocking=False):
        return

    def load() -> None:
        try:
            from reader.core import segment  # imported off the GUI thread, after paint

            if not segment.jieba_cached():
                # Built here, jieba's prefix dict (~1 s of Python) would hold Python's lock
                # ~30-100 ms at a time while its dict grows: a process of its own builds it.
                _build_cache_apart()
            segment.segmenter().jieba()
            _ready.set()
        except Exception:  # double-click keeps Qt's behaviour; nothing else depends on it
            log.warning("could not load the segmenter for word selection", exc_info=True)
        finally:
            _loading.release()

    QThreadPool.globalInstance().start(load)


# Input events that mean the reader is busy with the window (a key bound to an action,
# J or N, arrives as ShortcutOverride, not KeyPress).
_BUSY_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
)


class _WhenIdle(QObject):
    """Loads the segmenter once the reader has left the window alone for ``idle_ms``.

    Loading is ~0.5 s of a worker's Python (jieba's dictionary, a chunk of a few ms at a
    time), which shares Python's lock with the window: better while the reader reads than
    while they scroll or type. Every key press, click or wheel turn puts it off again."""

    def __init__(self, idle_ms: int) -> None:
        super().__init__(QCoreApplication.instance())
        self._timer = QTimer(self, singleShot=True, interval=idle_ms)
        self._timer.timeout.connect(self._load)
        QCoreApplication.instance().installEventFilter(self)
        self._timer.start()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _BUSY_EVENTS:
            self._timer.start()
        return False

    def _load(self) -> None:
        QCoreApplication.instance().removeEventFilter(self)
        warm_up_in_background()
        self.deleteLater()


def _build_cache_apart() -> None:
    from reader.gui.workers import PACKAGE_PARENT, python_env

    command = [sys.executable, "-m", "reader.core.segment"]
    done = subprocess.run(
        command, cwd=PACKAGE_PARENT, env=python_env(), capture_output=True, text=True, timeout=300
    )
    if done.returncode:  # loading builds it then, in this process
        log.warning("building the segmenter's cache failed: %s", done.stderr.strip()[-500:])


def warm_up_when_idle(idle_ms: int = 1500) -> None:
    """Load the segmenter on the thread pool once the reader pauses (see _WhenIdle)."""
    if not _ready.is_set():
        _WhenIdle(idle_ms)


def use_user_words(words: Iterable[str]) -> None:
    """Cut with the user dictionary (and reporters' names) too. The window's segmenter is
    its own (the analysis runs in another process), so the window passes the words on;
    applied on the thread pool, since dropping a word reloads jieba's dictionary."""
    words = list(words)

    def apply() -> None:
        from reader.core import keywords

        keywords.set_user_words(words)
        word_bounds.cache_clear()

    QThreadPool.globalInstance().start(apply)


@lru_cache(maxsize=64)
def word_bounds(text: str) -> tuple[int, ...]:
    """Code-point offsets where jieba words start in ``text``, and its end."""
    from reader.core import segment

    return (*(t.start for t in segment.tokenize_by_jieba(text)), len(text))


def word_at(text: str, offset: int) -> tuple[int, int]:
    """The word of ``text`` holding code point ``offset`` (the last one at the end)."""
    bounds = word_bounds(text)
    if len(bounds) < 2:
        return (0, 0)
    for start, end in itertools.pairwise(bounds):
        if offset < end:
            return (start, end)
    return (bounds[-2], bounds[-1])


class WordSelection(QObject):
    """Installs itself on a text view; ``enabled`` False gives back Qt's behaviour."""

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self.view = view
        self.enabled = True
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        # The segmenter loads once the window has painted (MainWindow.load), not here.

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.enabled:
            return False
        kind = event.type()
        if (
            kind == QEvent.Type.MouseButtonDblClick
            and obj is self.view.viewport()
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and segmenter_ready()
        ):
            # Qt handles the click first (it arms triple-click and word dragging), then
            # the selection is replaced by the jieba word.
            self.view.viewportEvent(event)
            position = self.view.cursorForPosition(event.position().toPoint()).position()
            self.select_word(position)
            return True
        if kind == QEvent.Type.KeyPress and obj is self.view and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        if event.modifiers() != Qt.KeyboardModifier.ShiftModifier:
            return False
        if not self.view.textCursor().hasSelection():
            return False
        steps = {
            Qt.Key.Key_Right: lambda: self.grow(end=+1),
            Qt.Key.Key_Left: lambda: self.grow(start=-1),
            Qt.Key.Key_Down: lambda: self.grow_line(+1),
            Qt.Key.Key_Up: lambda: self.grow_line(-1),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None:
            return False
        step()
        return True

    # -- selecting ------------------------------------------------------------------------

    def select_word(self, position: int) -> bool:
        """Select the word at document ``position`` (UTF-16 units); False if none."""
        if not segmenter_ready():
            return False
        block = self.view.document().findBlock(position)
        text = block.text()
        if not block.isValid() or not text:
            return False
        index = Utf16Index(text)
        start, end = word_at(text, index.to_code_points(position - block.position()))
        if start == end:
            return False
        self._select(
            block.position() + index.to_units(start), block.position() + index.to_units(end)
        )
        return True

    def grow(self, *, start: int = 0, end: int = 0) -> None:
        """Move the selection's start back by ``-start`` words, its end on by ``end`` words."""
        cursor = self.view.textCursor()
        first, last = cursor.selectionStart(), cursor.selectionEnd()
        for _ in range(-start):
            first = self._word_edge(first, -1)
        for _ in range(end):
            last = self._word_edge(last, +1)
        self._select(first, last)

    def grow_line(self, direction: int) -> None:
        """Extend the selection by one visual line, down at its end or up at its start."""
        cursor = self.view.textCursor()
        first, last = cursor.selectionStart(), cursor.selectionEnd()
        probe = QTextCursor(self.view.document())
        probe.setPosition(last if direction > 0 else first)
        probe.movePosition(
            QTextCursor.MoveOperation.Down if direction > 0 else QTextCursor.MoveOperation.Up
        )
        if direction > 0:
            last = max(last, probe.position())
        else:
            first = min(first, probe.position())
        self._select(first, last)

    def _word_edge(self, position: int, direction: int) -> int:
        """The next word boundary after (``+1``) or before (``-1``) ``position``."""
        doc = self.view.document()
        block = doc.findBlock(position)
        inside = position - block.position()
        if direction > 0 and inside >= block.length() - 1:
            block = block.next()  # at a paragraph's end: take the next paragraph's first word
            if not block.isValid():
                return position
            inside = 0
        elif direction < 0 and inside == 0:
            block = block.previous()
            if not block.isValid():
                return position
            inside = block.length() - 1
        return block.position() + self._edge_in(block, inside, direction)

    def _edge_in(self, block: QTextBlock, units: int, direction: int) -> int:
        text = block.text()
        index = Utf16Index(text)
        offset = index.to_code_points(units)
        # Before the segmenter is loaded, grow by characters.
        bounds = word_bounds(text) if segmenter_ready() else tuple(range(len(text) + 1))
        if direction > 0:
            found = next((b for b in bounds if b > offset), len(text))
        else:
            found = next((b for b in reversed(bounds) if b < offset), 0)
        return index.to_units(found)

    def _select(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
