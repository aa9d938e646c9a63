"""The lookup popup: point at (or click) a word in the reading pane to see its readings,
CC-CEDICT's definitions, its other script and its parts.

The word is the segmenter's (:mod:`reader.gui.word_selection`), so 银行行长 is looked up as
银行 or 行长, never as one character; Shift+→/← (or the wheel over the popup) widen and
narrow it a word at a time. The lookup runs on a worker (the first one opens the
dictionary and loads the readings; the Cantonese reading may follow it); the popup is
placed under the word, or above it when there is no room below, and never over it.
Escape or moving away closes it; A adds the word to the vocabulary with its sentence and
article.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QMouseEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from reader.core import readings
from reader.core.readings import HAN
from reader.gui import word_selection
from reader.gui.offsets import Utf16Index
from reader.gui.preferences import reading_choice
from reader.gui.workers import Operation

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from reader.companion import Lookup
    from reader.core.records import VocabularyWord
    from reader.gui.changes import LibraryChanges
    from reader.gui.reading_pane import ReadingPane
    from reader.gui.writer import LibraryWriter
    from reader.library import Library

log = logging.getLogger(__name__)

HOVER_MS = 350  # pointing this long at a word looks it up
IDLE_MS = 2000  # the reader left the pane alone this long: load the dictionary
_BUSY_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
)
MODE_KEY = "companion/lookup"  # "hover" (default) or "click"
HOVER, CLICK = "hover", "click"
MAX_SENSES = 8
MAX_PARTS = 8


class Popup(QFrame):
    """The framed panel itself: a tool tip window that never takes the focus."""

    wheeled = Signal(int)  # +1 widen, -1 narrow

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("lookupPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.label)
        self.setMaximumWidth(460)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self.wheeled.emit(1 if event.angleDelta().y() > 0 else -1)
        event.accept()


class LookupController(QObject):
    """Watches the reading pane for pointing and keys, and shows the popup."""

    shown = Signal(object)  # the Lookup now on screen
    said = Signal(str)  # a line for the status bar

    def __init__(
        self,
        pane: ReadingPane,
        library: Library,
        settings: QSettings,
        config: Callable[[], str | None],  # the view's config
        writer: LibraryWriter,
        changes: LibraryChanges | None = None,  # told of a word added to the vocabulary
    ) -> None:
        super().__init__(pane)
        self.pane = pane
        self.library = library
        self.writer = writer
        self.changes = changes
        self.settings = settings
        self._config = config
        self.popup = Popup(pane)
        self.popup.wheeled.connect(self.widen)
        self._hover = QTimer(self, singleShot=True, interval=HOVER_MS)
        self._hover.timeout.connect(self._pointed)
        self._point = QPoint()
        # What is looked up: the paragraph's position in the document and the code-point
        # span of the word in its text.
        self._block_position = -1
        self._text = ""
        self._span = (0, 0)
        self._word_rect = QRect()
        self._asked = 0  # the newest lookup's number: older answers are dropped
        self.current: Lookup | None = None
        # Kept: while the window is destroyed the viewport still has events, its pane not.
        self._viewport = pane.viewport()
        self._viewport.setMouseTracking(True)
        self._viewport.installEventFilter(self)
        pane.installEventFilter(self)
        # The dictionary and readings load once the reader pauses (as the segmenter does),
        # on a worker: not at the first lookup, nor while the window is busy opening.
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self._warm_up)
        self._idle.start()

    def _warm_up(self) -> None:
        companion = self.library.companion
        cantonese = self.shown_format() == readings.JYUTPING
        op = Operation(lambda _progress, _cancelled: companion.warm_up(cantonese), self)
        op.failed.connect(lambda message: log.warning("the dictionary did not load: %s", message))
        op.finished.connect(op.deleteLater)
        op.start()

    def shown_format(self) -> str:
        """The reading shown beside the pinyin (the one rule 拼音 mode follows too)."""
        return readings.shown_format(reading_choice(self.settings), self._config())

    @property
    def mode(self) -> str:
        return str(self.settings.value(MODE_KEY, HOVER))

    def set_mode(self, mode: str) -> None:
        self.settings.setValue(MODE_KEY, mode)

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if self._idle.isActive() and kind in _BUSY_EVENTS:
            self._idle.start()  # not yet: the reader is busy
        if obj is self._viewport:
            if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                self._moved(event.position().toPoint())
            elif (
                kind == QEvent.Type.MouseButtonRelease
                and isinstance(event, QMouseEvent)
                and self.mode == CLICK
                and event.button() == Qt.MouseButton.LeftButton
                and not self.pane.textCursor().hasSelection()
            ):
                self.look_up_at(event.position().toPoint())
            elif kind == QEvent.Type.Leave:
                self._hover.stop()
                QTimer.singleShot(0, self._left)
            elif kind == QEvent.Type.Wheel:
                self.close()  # the text scrolls away from under the popup
        elif obj is self.pane and isinstance(event, QKeyEvent):
            if kind == QEvent.Type.ShortcutOverride and self._wanted(event):
                event.accept()  # the key comes to the pane, not to a shortcut (Esc, A)
                return True
            if kind == QEvent.Type.KeyPress:
                return self._key(event)
        return False

    def _wanted(self, event: QKeyEvent) -> bool:
        if not self.popup.isVisible():
            return False
        key, mods = event.key(), event.modifiers()
        return (
            key in (Qt.Key.Key_Escape, Qt.Key.Key_A) and mods == Qt.KeyboardModifier.NoModifier
        ) or (
            key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods == Qt.KeyboardModifier.ShiftModifier
        )

    def _moved(self, point: QPoint) -> None:
        if self.popup.isVisible():
            if self._word_rect.adjusted(-2, -2, 2, 2).contains(point):
                return
            self.close()
        if self.mode == HOVER:
            self._point = point
            self._hover.start()

    def _pointed(self) -> None:
        if self.pane.viewport().rect().contains(self._point):
            self.look_up_at(self._point)

    def _left(self) -> None:
        if not self.popup.geometry().contains(QCursor.pos()):
            self.close()

    def _key(self, event: QKeyEvent) -> bool:
        if not self.popup.isVisible():
            return False
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.close()
            return True
        if mods == Qt.KeyboardModifier.ShiftModifier and key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.widen(1 if key == Qt.Key.Key_Right else -1)
            return True
        if mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_A:
            self.add_to_vocabulary()
            return True
        return False

    # -- looking up -----------------------------------------------------------------------

    def look_up_at(self, point: QPoint) -> bool:
        """Look up the word under `point` (viewport coordinates); False if none there."""
        cursor = self.pane.cursorForPosition(point)
        block = cursor.block()
        text = block.text()
        if not block.isValid() or not text:
            return False
        index = Utf16Index(text)
        units = cursor.position() - block.position()
        # cursorForPosition gives the nearest gap between characters: take the character
        # whose box holds the point.
        if units > 0 and self._char_rect(block.position() + units - 1).contains(point):
            units -= 1
        offset = index.to_code_points(units)
        if offset >= len(text) or not HAN.match(text[offset]):
            return False
        if not self._char_rect(block.position() + index.to_units(offset)).contains(point):
            return False  # beside the text, past a line's end
        start, end = word_selection.word_at(text, offset)
        if start == end or not start <= offset < end:
            start, end = offset, offset + 1  # the segmenter has not answered yet
        self._block_position, self._text = block.position(), text
        self._look_up(start, end)
        return True

    def widen(self, step: int) -> None:
        """One word more (+1) or less (-1) at the end of what is looked up."""
        if not self.popup.isVisible() or not self._text:
            return
        start, end = self._span
        bounds = word_selection.word_bounds(self._text) or tuple(range(len(self._text) + 1))
        if step > 0:
            end = next((b for b in bounds if b > end), end)
        else:
            end = next((b for b in reversed(bounds) if start < b < end), end)
        if (start, end) != self._span:
            self._look_up(start, end)

    def _look_up(self, start: int, end: int) -> None:
        self._span = (start, end)
        word = self._text[start:end]
        cantonese = self.shown_format() == readings.JYUTPING
        # xjyutping takes longer to load than all the rest of a lookup: a lookup before it
        # is in shows at once, and its Cantonese reading follows (bench_lookup.py).
        now = cantonese and readings.jyutping_ready()
        self._asked += 1
        asked = self._asked
        companion = self.library.companion

        def work(_progress, _cancelled) -> Lookup:
            return companion.lookup(word, jyutping=now)

        op = Operation(work, self)
        op.succeeded.connect(lambda found: self._found(asked, found, cantonese and not now))
        op.failed.connect(lambda message: log.warning("lookup of %s failed: %s", word, message))
        op.finished.connect(op.deleteLater)
        op.start()

    def _found(self, asked: int, found: Lookup, jyutping_to_come: bool = False) -> None:
        if asked != self._asked:
            return  # the reader has moved on to another word
        self.current = found
        self.popup.label.setText(self._html(found, jyutping_to_come))
        self.popup.adjustSize()
        self._place()
        self.popup.show()
        self.shown.emit(found)
        if jyutping_to_come:
            from reader.companion import with_jyutping

            op = Operation(lambda _progress, _cancelled: with_jyutping(found), self)
            op.succeeded.connect(lambda filled: self._found(asked, filled))
            op.failed.connect(lambda message: log.warning("no Cantonese reading: %s", message))
            op.finished.connect(op.deleteLater)
            op.start()

    # -- placing --------------------------------------------------------------------------

    def _char_rect(self, position: int) -> QRect:
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(position)
        left = self.pane.cursorRect(cursor)
        cursor.setPosition(position + 1)
        right = self.pane.cursorRect(cursor)
        if right.top() != left.top():  # the next character starts the next line
            return QRect(left.left(), left.top(), self.pane.fontMetrics().height(), left.height())
        return QRect(left.topLeft(), QPoint(right.left(), left.bottom()))

    def word_rect(self) -> QRect:
        """The looked-up word's box in the viewport (its lines' union if it wraps)."""
        index = Utf16Index(self._text)
        first = self._block_position + index.to_units(self._span[0])
        last = self._block_position + index.to_units(self._span[1]) - 1
        rect = QRect()
        for position in range(first, last + 1):
            rect = rect.united(self._char_rect(position))
        return rect

    def _place(self) -> None:
        """Under the word, or above it when the screen has no room below; never over it."""
        self._word_rect = self.word_rect()
        viewport = self.pane.viewport()
        word = QRect(viewport.mapToGlobal(self._word_rect.topLeft()), self._word_rect.size())
        size = self.popup.sizeHint()
        screen = (viewport.screen() or QApplication.primaryScreen()).availableGeometry()
        gap = 4
        y = word.bottom() + 1 + gap
        if y + size.height() > screen.bottom() and word.top() - gap - size.height() >= screen.top():
            y = word.top() - gap - size.height()
        x = min(max(word.left(), screen.left()), screen.right() - size.width())
        self.popup.setGeometry(x, y, size.width(), size.height())

    def word_on_screen(self) -> QRect:
        viewport = self.pane.viewport()
        return QRect(viewport.mapToGlobal(self._word_rect.topLeft()), self._word_rect.size())

    def close(self) -> None:
        self._asked += 1  # an answer still on its way is not shown
        self._hover.stop()
        if self.popup.isVisible():
            self.popup.hide()

    # -- content --------------------------------------------------------------------------

    def _html(self, found: Lookup, jyutping_to_come: bool = False) -> str:
        theme = self.pane.theme
        muted = theme.muted
        e = html.escape
        other = found.traditional if found.word != found.traditional else found.simplified
        head = f'<span style="font-size:26px">{e(found.word)}</span>'
        if other != found.word:
            head += f' <span style="font-size:18px; color:{muted}">{e(other)}</span>'
        sounds = [found.pinyin]
        if self.shown_format() == readings.ZHUYIN:
            sounds.append(found.zhuyin)
        if found.jyutping or jyutping_to_come:
            sounds.append(self.tr("粤") + " " + (found.jyutping or "…"))
        out = [f"<div>{head}</div>", f"<div style='font-size:16px'>{e('  ·  '.join(sounds))}</div>"]
        if not found.found:
            none = self.tr("词典中没有这个词")
            out.append(f"<p style='color:{muted}'>{e(none)}</p>")
        for sense in found.senses[:MAX_SENSES]:
            heading = ""
            if len(found.senses) > 1 or sense.pinyin.lower() != found.pinyin.lower():
                heading = f"<b>{e(sense.pinyin)}</b> "
            out.append(f"<p style='margin:4px 0'>{heading}{e(' / '.join(sense.definitions))}</p>")
        parts = [p for p in found.parts if p.senses][:MAX_PARTS]
        if parts:
            rows = "".join(
                f"<div><b>{e(p.text)}</b> {e(p.pinyin)} "
                f"<span style='color:{muted}'>{e(' / '.join(p.definitions[:3]))}</span></div>"
                for p in parts
            )
            out.append(f"<div style='margin-top:6px'>{rows}</div>")
        hint = self.tr("Shift+←/→ 缩短/加长 · A 加入生词本 · Esc 关闭")
        out.append(f"<div style='color:{muted}; font-size:11px; margin-top:6px'>{e(hint)}</div>")
        return "".join(out)

    # -- vocabulary ----------------------------------------------------------------------

    def sentence(self) -> str:
        """The sentence of the paragraph that holds the looked-up word."""
        from reader.core.speech import sentences

        start = self._span[0]
        for sentence in sentences(self._text):
            if sentence.start <= start < sentence.end:
                return sentence.of(self._text).strip()
        return self._text.strip()

    def add_to_vocabulary(self) -> None:
        if self.current is None or not self.current.word:
            return
        from reader import vocabulary

        found = self.current
        word = found.simplified if found.found else found.word
        record = self.pane.record
        article_id = record.id if record is not None else None
        sentence = self.sentence()

        def added(kept: VocabularyWord) -> None:
            if self.changes is not None:
                from reader.gui.changes import Change

                self.changes.announce(Change(vocabulary=True))
            self.said.emit(self.tr("已加入生词本：%1").replace("%1", kept.word))

        # Through the window's writer, in order with its other writes (failures: its own).
        self.writer.write(
            lambda library: vocabulary.add_word(
                library, word, article_id=article_id, sentence=sentence, found=found
            ),
            added,
        )
