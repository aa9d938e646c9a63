"""The note editor: the quote, its colour (with the colour's meaning) and the note."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reader.core.records import Colour

log = logging.getLogger(__name__)

QUOTE_SHOWN = 120  # code points of the quote shown above the note


def colour_icon(hex_color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(hex_color))
    return QIcon(pixmap)


class NoteDialog(QDialog):
    def __init__(
        self,
        quote: str,
        colours: list[Colour],
        color: str,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("批注"))
        shown = " ".join(quote.split())
        if len(shown) > QUOTE_SHOWN:
            shown = shown[:QUOTE_SHOWN] + "…"
        self.quote = QLabel(self.tr("「{quote}」").format(quote=shown))
        self.quote.setWordWrap(True)
        self.quote.setStyleSheet("color: palette(placeholder-text);")
        self.colour = QComboBox()
        for c in colours:
            self.colour.addItem(colour_icon(c.hex), c.label, c.key)
        self.colour.setCurrentIndex(max(0, self.colour.findData(color)))
        self.note = QPlainTextEdit(note)
        self.note.setPlaceholderText(self.tr("写下你的想法…"))
        self.note.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("颜色"), self.colour)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.note, 1)
        layout.addWidget(buttons)
        self.resize(440, 300)
        self.note.setFocus()

    def values(self) -> tuple[str, str]:
        """(colour key, note) as chosen."""
        return self.colour.currentData(), self.note.toPlainText().strip()


def ask_note(
    parent: QWidget, quote: str, colours: list[Colour], color: str, note: str = ""
) -> tuple[str, str] | None:
    """(colour key, note), or None when cancelled."""
    dialog = NoteDialog(quote, colours, color, note, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()
