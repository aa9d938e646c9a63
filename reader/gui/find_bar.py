"""Find in the open article (Ctrl+F): a slim bar under the reading pane.

Matching is script-blind (texttextsearch.find_spans folds both sides), so 脱贫 finds 脫貧 in a
traditional view. Spans count code points of the view's body.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

log = logging.getLogger(__name__)


class FindBar(QWidget):
    """Emits :attr:`matches_changed` with every match and :attr:`current_changed` with the
    one to show; the window draws them (it owns the reading pane's layers)."""

    matches_changed = Signal(list)  # [(start, end)] in the view's body
    current_changed = Signal(int, int)  # view span of the current match
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("在本文中查找（简繁通用）"))
        self.count = QLabel()
        self.count.setMinimumWidth(64)
        previous = QToolButton()
        previous.setText("↑")
        previous.setToolTip(self.tr("上一个 (Shift+Enter)"))
        following = QToolButton()
        following.setText("↓")
        following.setToolTip(self.tr("下一个 (Enter)"))
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("关闭 (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(self.tr("查找")))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self._text = ""
        self._spans: list[tuple[int, int]] = []
        self._index = -1
        self.edit.textChanged.connect(self._find)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(+1))
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        # Enter / Shift+Enter / Esc in the field. Installed here, not when the window is
        # built: the first event a Python handler sees makes PySide create every event
        # class, which the first paint need not wait for.
        self.edit.installEventFilter(self)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._spans, self._index = [], -1
        self.matches_changed.emit([])
        self.closed.emit()

    def set_text(self, text: str) -> None:
        """The body shown (a new article or script): find again in it."""
        self._text = text
        if self.isVisible():
            self._find(self.edit.text())

    def step(self, delta: int) -> None:
        if not self._spans:
            return
        self._index = (self._index + delta) % len(self._spans)
        self._show_count()
        self.current_changed.emit(*self._spans[self._index])

    def _find(self, query: str) -> None:
        # The whole query is one phrase here (a find bar looks for what was typed).
        from reader.core import textsearch  # not before the window paints

        phrase = textsearch.normalise(query.strip())
        self._spans = textsearch.find_spans(self._text, [phrase]) if phrase else []
        self._index = -1
        self.matches_changed.emit(list(self._spans))
        if self._spans:
            self.step(+1)
        else:
            self._show_count()

    def _show_count(self) -> None:
        if not self.edit.text().strip():
            self.count.clear()
        elif not self._spans:
            self.count.setText(self.tr("无结果"))
        else:
            self.count.setText(f"{self._index + 1}/{len(self._spans)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if back else +1)
                return True
        return super().eventFilter(watched, event)
