"""The side panel: this article's highlights and notes, in reading order.

Each row shows the colour, the quote as the current script view shows it, the colour's
meaning and the note. Annotations that could not be found in the text again (orphans)
are listed after the others, marked, never hidden. The panel only shows and asks; the
main window's annotation glue decides what a click means.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from reader.core.records import Annotation, Colour

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

# The store's default colour meanings (reader.core.records.DEFAULT_COLOURS), shown in
# the interface language until the user renames them.
DEFAULT_LABELS = (
    QT_TRANSLATE_NOOP("Colours", "重点"),
    QT_TRANSLATE_NOOP("Colours", "引用"),
    QT_TRANSLATE_NOOP("Colours", "疑问"),
    QT_TRANSLATE_NOOP("Colours", "待查"),
)


def shown_colours(colours: list[Colour]) -> list[Colour]:
    """The colours with their default meanings translated; a user's own names as they are."""
    return [
        c if c.renamed else replace(c, label=QCoreApplication.translate("Colours", c.label))
        for c in colours
    ]


@dataclass(frozen=True)
class Entry:
    """One row: an annotation as the current view shows it."""

    annotation: Annotation
    quote: str  # in the current script view
    label: str  # the colour's meaning, e.g. 重点
    color: str  # the colour's hex


class AnnotationListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    ColorRole = Qt.ItemDataRole.UserRole + 2  # hex
    LabelRole = Qt.ItemDataRole.UserRole + 3
    NoteRole = Qt.ItemDataRole.UserRole + 4
    OrphanRole = Qt.ItemDataRole.UserRole + 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, annotation_id: str) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.annotation.id == annotation_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        a = entry.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.quote
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{entry.label}：{entry.quote}"
            if a.note:
                tip += f"\n\n{a.note}"
            if a.orphaned:
                tip += "\n\n" + self.tr("原文已改动，找不到这段文字了；引文保留在这里。")
            return tip
        if role == self.IdRole:
            return a.id
        if role == self.ColorRole:
            return entry.color
        if role == self.LabelRole:
            return entry.label
        if role == self.NoteRole:
            return a.note
        if role == self.OrphanRole:
            return a.orphaned
        return None


class AnnotationDelegate(QStyledItemDelegate):
    """A colour bar, the quote (two lines at most), then the meaning and the note."""

    PAD = 6
    BAR = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, palette.highlight())
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.fillRect(
            QRect(rect.left(), rect.top(), self.BAR, rect.height()),
            QColor(index.data(AnnotationListModel.ColorRole) or "#cccccc"),
        )
        text_rect = rect.adjusted(self.BAR + self.PAD, 0, 0, 0)
        orphan = bool(index.data(AnnotationListModel.OrphanRole))
        text = palette.highlightedText() if selected else palette.text()
        muted = text.color() if selected else palette.color(QPalette.ColorRole.PlaceholderText)

        quote_font = QFont(option.font)
        quote_font.setItalic(orphan)
        metrics = QFontMetrics(quote_font)
        quote = index.data() or ""
        lines = self._lines(quote, metrics, text_rect.width(), 2)
        painter.setFont(quote_font)
        painter.setPen(muted if orphan else text.color())
        y = text_rect.top()
        for line in lines:
            painter.drawText(
                QRect(text_rect.left(), y, text_rect.width(), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
            y += metrics.height()

        small = self._small_font(option.font)
        small_metrics = QFontMetrics(small)
        meta = index.data(AnnotationListModel.LabelRole) or ""
        if orphan:
            meta += " · " + self.tr("未能定位")
        note = index.data(AnnotationListModel.NoteRole) or ""
        if note:
            meta += " · " + " ".join(note.split())
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(
            QRect(text_rect.left(), y + 2, text_rect.width(), small_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(meta, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        metrics = QFontMetrics(option.font)
        width = max(80, option.rect.width() - 3 * self.PAD - self.BAR)
        quote_lines = len(self._lines(index.data() or "", metrics, width, 2))
        small = QFontMetrics(self._small_font(option.font))
        height = 2 * self.PAD + quote_lines * metrics.height() + 2 + small.height()
        return QSize(200, height)

    @staticmethod
    def _small_font(font: QFont) -> QFont:
        small = QFont(font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.88)
        else:
            small.setPixelSize(max(9, round(small.pixelSize() * 0.88)))
        return small

    @staticmethod
    def _lines(text: str, metrics: QFontMetrics, width: int, most: int) -> list[str]:
        """``text`` broken to ``width`` at any character (CJK has no spaces), elided."""
        text = " ".join(text.split())
        lines: list[str] = []
        while len(lines) < most - 1 and metrics.horizontalAdvance(text) > width:
            low, high = 1, len(text)
            while low < high:  # the longest head that fits (one character at least)
                middle = (low + high + 1) // 2
                if metrics.horizontalAdvance(text[:middle]) <= width:
                    low = middle
                else:
                    high = middle - 1
            lines.append(text[:low])
            text = text[low:]
        if text:
            lines.append(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
        return lines or [""]


class ColourNames(QWidget):
    """One line per colour: its swatch and its meaning, renamed when editing ends."""

    renamed = Signal(str, str)  # colour key, new meaning

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}

    def set_colours(self, colours: list[Colour]) -> None:
        if [c.key for c in colours] == list(self.edits):
            # Same colours, new meanings: update in place. Rebuilding would delete the
            # line edit whose editingFinished led here, inside its own signal.
            for colour in colours:
                edit = self.edits[colour.key]
                if edit.text() != colour.label and not edit.hasFocus():
                    edit.setText(colour.label)
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits = {}
        for colour in colours:
            swatch = QLabel()
            swatch.setFixedSize(28, 18)
            swatch.setStyleSheet(f"background: {colour.hex}; border: 1px solid #888;")
            edit = QLineEdit(colour.label)
            edit.setMaxLength(20)
            edit.setObjectName(f"colour-{colour.key}")
            edit.editingFinished.connect(lambda key=colour.key, e=edit: self._finished(key, e))
            self.form.addRow(swatch, edit)
            self.edits[colour.key] = edit

    def _finished(self, key: str, edit: QLineEdit) -> None:
        label = edit.text().strip()
        if label:
            self.renamed.emit(key, label)


class AnnotationPanel(QWidget):
    """This article's annotations, a way to rename colours, and the library-wide browser."""

    chosen = Signal(str)  # annotation id: go to it
    note_requested = Signal(str)
    delete_requested = Signal(str)
    recolour_requested = Signal(str, str)  # annotation id, colour key
    link_requested = Signal(str)  # copy a link to the passage
    browse_requested = Signal()
    renamed = Signal(str, str)  # colour key, new meaning

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self.colours: list[Colour] = []
        self.model = AnnotationListModel(self)
        self.view = QListView()
        self.view.setObjectName("annotationList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(AnnotationDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.clicked.connect(lambda index: self.chosen.emit(index.data(self.model.IdRole)))
        self.view.activated.connect(lambda index: self.chosen.emit(index.data(self.model.IdRole)))

        self.summary = QLabel()
        self.summary.setObjectName("annotationSummary")
        self.empty = QLabel(self.tr("选中文字后按 1–4 高亮，或右键选择颜色、添加批注。"))
        self.empty.setWordWrap(True)
        self.empty.setObjectName("annotationHint")
        self.empty.setStyleSheet("color: palette(placeholder-text);")

        self.note_button = QPushButton(self.tr("批注…"))
        self.note_button.clicked.connect(lambda: self._for_current(self.note_requested))
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.clicked.connect(lambda: self._for_current(self.delete_requested))
        self.browse_button = QPushButton(self.tr("全部批注…"))
        self.browse_button.clicked.connect(self.browse_requested)
        self.names_button = QPushButton(self.tr("颜色含义…"))
        self.names_button.clicked.connect(self._toggle_names)
        self.names = ColourNames()
        self.names.renamed.connect(self.renamed)
        self.names.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        more = QHBoxLayout()
        more.addWidget(self.names_button)
        more.addStretch(1)
        more.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addWidget(self.names)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.set_entries([])

    # -- content --------------------------------------------------------------------------

    def set_colours(self, colours: list[Colour]) -> None:
        self.colours = list(colours)
        self.names.set_colours(self.colours)

    def set_entries(self, entries: list[Entry]) -> None:
        current = self.current_id()
        self.model.set_entries(entries)
        orphans = sum(1 for e in entries if e.annotation.orphaned)
        text = self.tr("本文 {} 处高亮").format(len(entries))
        if orphans:
            text += self.tr("（{} 处未能定位）").format(orphans)
        self.summary.setText(text)
        self.empty.setVisible(not entries)
        if current is not None:
            self.select(current)
        self._update_buttons()

    def select(self, annotation_id: str) -> None:
        row = self.model.row_of(annotation_id)
        if row is None:
            self.view.clearSelection()
            return
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def current_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return rows[0].data(self.model.IdRole) if rows else None

    # -- actions --------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.note_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _for_current(self, signal) -> None:
        current = self.current_id()
        if current is not None:
            signal.emit(current)

    def _toggle_names(self) -> None:
        self.names.setVisible(not self.names.isVisible())

    def _menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        annotation_id = index.data(self.model.IdRole)
        menu = QMenu(self)
        menu.addAction(self.tr("转到"), lambda: self.chosen.emit(annotation_id))
        menu.addAction(self.tr("编辑批注…"), lambda: self.note_requested.emit(annotation_id))
        recolour = menu.addMenu(self.tr("改为"))
        for colour in self.colours:

            def recolour_to(key: str = colour.key) -> None:
                self.recolour_requested.emit(annotation_id, key)

            recolour.addAction(colour.label, recolour_to)
        menu.addAction(self.tr("复制链接"), lambda: self.link_requested.emit(annotation_id))
        menu.addSeparator()
        menu.addAction(self.tr("删除高亮"), lambda: self.delete_requested.emit(annotation_id))
        menu.exec(self.view.viewport().mapToGlobal(pos))
