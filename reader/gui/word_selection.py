"""Selecting words in the reading pane the way Chinese is read: by jieba words.

Qt's own double-click picks one ideograph or a whole run of them; here a double-click
selects the jieba word under the mouse, and Shift+←/→ grow the selection by one word at
its start or end (Shift+↑/↓ by a line).

The segmenter runs as a process of its own (``python -m reader.core.segment_server``):
loading jieba's dictionary is 600,000 entries of Python objects, and in the window's
process that held Python's lock against the window's thread for tens of ms at a time.
It starts once the reader first pauses (warm_up_when_idle); each pane asks it for the
word starts of the paragraphs it shows and keeps the answers (a paragraph takes well
under a millisecond). Until a paragraph's answer is in, Qt's own double-click is left
alone there. 拼音 mode (:mod:`reader.gui.ruby`) asks the same process for the readings
of the paragraphs it shows, read in context there (pypinyin, xjyutping), never in the
window's process.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QProcess,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.gui.offsets import Utf16Index

log = logging.getLogger(__name__)


class _Notices(QObject):
    """Tells every pane to ask for its paragraphs again (the segmenter started, or its
    user words changed)."""

    ask_again = Signal()
    read = Signal()  # readings of paragraphs came in


class _Segmenter(QObject):
    """The segmenter process and the word starts it has sent, by paragraph text."""

    def __init__(self, words: list[str] | None) -> None:
        super().__init__(QCoreApplication.instance())
        from reader.gui.workers import python_process

        self.ready = False
        self._starts: dict[str, tuple[int, ...]] = {}
        self._asked: set[str] = set()
        self._readings: dict[tuple[str, str], tuple[str, ...]] = {}  # (text, format)
        self._asked_readings: set[tuple[str, str]] = set()
        self._pending = b""
        self._process = python_process("reader.core.segment_server", [], self)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.finished.connect(self._ended)
        app = QCoreApplication.instance()
        assert app is not None  # made with the window, inside the application
        app.aboutToQuit.connect(self.stop)
        self._process.start()
        if words is not None:
            self.use_words(words)

    def bounds(self, text: str) -> tuple[int, ...] | None:
        return self._starts.get(text)

    def ask(self, texts: Iterable[str]) -> None:
        for text in dict.fromkeys(texts):
            if text and text not in self._starts and text not in self._asked:
                self._asked.add(text)
                self._send({"text": text})

    def readings(self, text: str, fmt: str) -> tuple[str, ...] | None:
        return self._readings.get((text, fmt))

    def ask_readings(self, texts: Iterable[str], fmt: str) -> None:
        for text in dict.fromkeys(texts):
            key = (text, fmt)
            if text and key not in self._readings and key not in self._asked_readings:
                self._asked_readings.add(key)
                self._send({"read": text, "format": fmt})

    def use_words(self, words: list[str]) -> None:
        self._send({"words": words})
        self._starts.clear()  # cut without them
        self._asked.clear()
        self._readings.clear()
        self._asked_readings.clear()
        _notices().ask_again.emit()
        _notices().read.emit()  # 拼音 mode paints again, asking for the readings anew

    def stop(self) -> None:
        self.ready = False  # an end asked for, not one to report
        if self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.closeWriteChannel()  # it ends at the end of its input
            if not self._process.waitForFinished(2000):
                self._process.kill()
                self._process.waitForFinished(2000)

    def _send(self, message: dict) -> None:
        self._process.write((json.dumps(message) + "\n").encode())

    def _read(self) -> None:
        from reader.gui.workers import read_lines

        lines, self._pending = read_lines(self._process, self._pending)
        read = False
        for line in lines:
            message = json.loads(line)
            if message.get("ready"):
                self.ready = True
                _notices().ask_again.emit()
            elif "starts" in message:
                text = message["text"]
                if len(self._starts) > _KEPT:
                    self._starts.clear()
                self._starts[text] = (*message["starts"], len(text))
                self._asked.discard(text)
            elif "readings" in message:
                key = (message["read"], message["format"])
                if len(self._readings) > _KEPT:
                    self._readings.clear()
                self._readings[key] = tuple(message["readings"])
                self._asked_readings.discard(key)
                read = True
        if read:
            _notices().read.emit()

    def _ended(self) -> None:
        if self.ready:  # double-click is Qt's own from now on
            # .data() is bytes at run time; PySide's stub also allows a memoryview
            stderr = bytes(self._process.readAllStandardError().data())
            errors = stderr.decode(errors="replace")
            log.warning("the word segmenter ended:\n%s", errors[-2000:])
        self.ready = False


_KEPT = 5000  # paragraphs' word starts kept (a few MB)
_segmenter: _Segmenter | None = None
_notices_hub: _Notices | None = None
_words: list[str] | None = None  # the user words, kept for a segmenter not started yet


def _notices() -> _Notices:
    global _notices_hub
    if _notices_hub is None:  # made on the GUI thread, by the first pane
        _notices_hub = _Notices(QCoreApplication.instance())
    return _notices_hub


def segmenter_ready() -> bool:
    return _segmenter is not None and _segmenter.ready


def warm_up_in_background() -> None:
    """Start the segmenter process unless it runs."""
    global _segmenter
    if _segmenter is None:
        _segmenter = _Segmenter(_words)


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
    """Starts the segmenter once the reader has left ``watched`` alone for ``idle_ms``.

    Its process loads jieba's dictionary (bench_tricks.py, the word segmenter): better while the
    reader reads than while they scroll or type. Every key press, click or wheel turn in a watched
    widget puts it off (a key bound to an action arrives at the widget with the focus).
    Not a filter on the whole application: PySide would make a Python object for every
    object that gets an event, and the Python types of their Qt classes, enums and all,
    at their first events (on the window's thread as it opens: bench_gui.py's fill),
    and each event after would take Python's lock from the workers."""

    def __init__(self, idle_ms: int, watched: Iterable[QObject]) -> None:
        super().__init__(QCoreApplication.instance())
        self._timer = QTimer(self, singleShot=True, interval=idle_ms)
        self._timer.timeout.connect(self._load)
        for widget in watched:
            widget.installEventFilter(self)  # a deleted filter leaves their lists itself
        self._timer.start()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _BUSY_EVENTS:
            self._timer.start()
        return False

    def _load(self) -> None:
        warm_up_in_background()
        self.deleteLater()


def warm_up_when_idle(watched: Iterable[QObject], idle_ms: int = 1500) -> None:
    """Start the segmenter process once the reader pauses in ``watched`` (the widgets
    the reader types, clicks and scrolls in; see _WhenIdle)."""
    if _segmenter is None:
        _WhenIdle(idle_ms, watched)


def use_user_words(words: Iterable[str]) -> None:
    """Cut with the user dictionary (and reporters' names) too: the segmenter process
    gets the words, now or when it starts."""
    global _words
    wanted = list(words)
    if wanted == _words:
        return  # the same (after every analysis, mostly): the answers kept still hold
    _words = wanted
    if _segmenter is not None:
        _segmenter.use_words(wanted)


def word_bounds(text: str) -> tuple[int, ...] | None:
    """Code-point offsets where jieba words start in ``text``, and its end; None until
    the segmenter has answered for this text (see :meth:`WordSelection.ask`)."""
    return _segmenter.bounds(text) if _segmenter is not None else None


def char_readings(text: str, fmt: str) -> tuple[str, ...] | None:
    """The reading of each code point of ``text`` in context ("" for one that is not
    Han); None until the segmenter has answered (see :func:`ask_readings`)."""
    return _segmenter.readings(text, fmt) if _segmenter is not None else None


def ask_readings(texts: Iterable[str], fmt: str) -> None:
    """Ask for the readings of these paragraphs (starting the segmenter if need be);
    :func:`readings_arrived` is emitted as answers come in."""
    warm_up_in_background()
    assert _segmenter is not None
    _segmenter.ask_readings(texts, fmt)


def readings_arrived() -> SignalInstance:
    return _notices().read


def word_at(text: str, offset: int) -> tuple[int, int]:
    """The word of ``text`` holding code point ``offset`` (the last one at the end);
    (0, 0) while the text's words are not known."""
    bounds = word_bounds(text)
    if bounds is None or len(bounds) < 2:
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
        # The segmenter starts once the window has painted (MainWindow.load), not here.
        # What the pane shows is asked for once the text stops changing (one turn later).
        self._asking = QTimer(self, singleShot=True, interval=0)
        self._asking.timeout.connect(self.ask)
        view.document().contentsChanged.connect(self._asking.start)
        _notices().ask_again.connect(self.ask)

    def ask(self) -> None:
        """Ask the segmenter for the words of every paragraph the pane shows."""
        if _segmenter is not None:
            block, texts = self.view.document().begin(), []
            while block.isValid():
                texts.append(block.text())
                block = block.next()
            _segmenter.ask(texts)

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
        # Until the segmenter has answered for the paragraph, grow by characters.
        bounds = word_bounds(text) or tuple(range(len(text) + 1))
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
