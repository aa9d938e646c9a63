"""The side panel: an article's keywords as weighted chips, related articles, layer toggles.

The panel only shows and asks; the main window decides what a click means (highlight
the occurrences, step through them, open a related article).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from reader.gui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from reader.views import ShownKeyword

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

ENTITY_KINDS = (
    ("person", QT_TRANSLATE_NOOP("KeywordPanel", "人名")),
    ("place", QT_TRANSLATE_NOOP("KeywordPanel", "地名")),
    ("org", QT_TRANSLATE_NOOP("KeywordPanel", "机构")),
)


class KeywordModel(QAbstractListModel):
    """Keywords best first, as the script view writes them; the weight relative to the
    best is WeightRole. A row stands for its keyword's identity (:meth:`word`)."""

    WeightRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[tuple[str, float]] = []  # (shown, weight)
        self._identities: list[str] = []

    def set_keywords(self, words: list[ShownKeyword]) -> None:
        self.beginResetModel()
        self._words = [(k.text, k.weight) for k in words]
        self._identities = [k.word for k in words]
        self.endResetModel()

    def word(self, row: int) -> str:
        return self._identities[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._words)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._words):
            return None
        word, weight = self._words[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return word
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{word}　权重 {weight}").format(word=word, weight=f"{weight:.3f}")
        if role == self.WeightRole:
            best = self._words[0][1] or 1.0
            return weight / best
        return None


class WeightBarDelegate(QStyledItemDelegate):
    """A keyword with a bar as long as its weight relative to the top keyword."""

    BAR = QColor("#f2c94c")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # QStyle taken here, not imported: PySide makes its Python type and enums when first
        # taken (bench_tricks.py "QStyle"), and the panel is empty at the first paint.
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect = option.rect.adjusted(6, 3, -6, -3)
        word_width = option.fontMetrics.horizontalAdvance("八个汉字八个汉字")
        share = float(index.data(KeywordModel.WeightRole) or 0.0)
        bar = QRect(
            rect.left() + word_width + 8,
            rect.center().y() - 3,
            max(2, int((rect.width() - word_width - 8) * share)),
            7,
        )
        painter.fillRect(bar, self.BAR)
        painter.setPen(
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        painter.drawText(
            rect.adjusted(0, 0, -rect.width() + word_width, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            index.data(),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(200, option.fontMetrics.height() + 10)


class KeywordPanel(QWidget):
    keyword_chosen = Signal(str)  # "" when cleared
    step_requested = Signal(int)  # +1 next occurrence, -1 previous
    article_chosen = Signal(int)
    entity_kinds_changed = Signal(object)  # set[str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keywordPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.headings: list[QLabel] = []

        layout.addWidget(self._heading(self.tr("关键词")))
        self.model = KeywordModel(self)
        self.keyword_view = QListView()
        self.keyword_view.setObjectName("keywordList")
        self.keyword_view.setModel(self.model)
        self.keyword_view.setItemDelegate(WeightBarDelegate(self.keyword_view))
        self.keyword_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.keyword_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The bars take the width there is: nothing to scroll sideways to.
        self.keyword_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.keyword_view.clicked.connect(
            lambda i: self.keyword_chosen.emit(self.model.word(i.row()))
        )
        layout.addWidget(self.keyword_view, 3)

        nav = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ 上一处"))
        self.next_button = QPushButton(self.tr("下一处 ▶"))
        self.position_label = QLabel("")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(+1))
        nav.addWidget(self.previous_button)
        nav.addWidget(self.position_label, 1)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)

        self.related_heading = self._heading(self.tr("含此关键词的其他文章"))
        layout.addWidget(self.related_heading)
        self.related = QListWidget()
        self.related.setObjectName("relatedArticles")
        # Titles wrap to the panel's width: nothing hides behind a sideways scroll bar.
        self.related.setWordWrap(True)
        self.related.setResizeMode(QListView.ResizeMode.Adjust)
        self.related.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.related.itemActivated.connect(self._related_activated)
        self.related.itemClicked.connect(self._related_activated)
        layout.addWidget(self.related, 2)

        layout.addWidget(self._heading(self.tr("人名 · 地名 · 机构")))
        legend = QHBoxLayout()
        self.entity_boxes: dict[str, QCheckBox] = {}
        for kind, label in ENTITY_KINDS:
            box = QCheckBox(QCoreApplication.translate("KeywordPanel", label))
            box.toggled.connect(self._entities_toggled)
            legend.addWidget(box)
            self.entity_boxes[kind] = box
        legend.addStretch(1)
        layout.addLayout(legend)

        layout.addWidget(self._heading(self.tr("关注词")))
        self.watch_label = QLabel(self.tr("未设置（查看 → 关注词…）"))
        self.watch_label.setWordWrap(True)
        layout.addWidget(self.watch_label)
        self.set_occurrence(0, 0)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("panelHeading")
        self.headings.append(label)
        return label

    # -- filled by the main window --------------------------------------------------------

    def set_keywords(self, words: list[ShownKeyword]) -> None:
        self.model.set_keywords(words)
        self.related.clear()
        self.set_occurrence(0, 0)
        if not words:
            self.position_label.setText(self.tr("分析中…"))

    def select_keyword(self, word: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.word(row) == word:
                self.keyword_view.setCurrentIndex(self.model.index(row))

    def set_occurrence(self, current: int, total: int) -> None:
        self.position_label.setText(f"{current}/{total}" if total else "")
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    def set_related(self, articles: list[tuple[int, str]]) -> None:
        self.related.clear()
        for article_id, title in articles:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, article_id)
            item.setToolTip(title)
            self.related.addItem(item)
        if not articles:
            self.related.addItem(QListWidgetItem(self.tr("（没有）")))

    def set_watch_counts(self, counts: list[tuple[str, int]]) -> None:
        if not counts:
            self.watch_label.setText(self.tr("未设置（查看 → 关注词…）"))
            return
        self.watch_label.setText("　".join(f"{w} ×{n}" for w, n in counts))

    def set_colors(self, entities: dict[str, str], *, heading: str) -> None:
        """The theme's: headings in its muted text colour, and the legend, each kind's
        check box in the colour its layer uses."""
        for label in self.headings:
            label.setStyleSheet(f"font-weight: bold; color: {heading}; margin-top: 6px;")
        for kind, box in self.entity_boxes.items():
            box.setStyleSheet(f"QCheckBox {{ color: {entities[kind]}; font-weight: bold; }}")

    def entity_kinds(self) -> set[str]:
        return {kind for kind, box in self.entity_boxes.items() if box.isChecked()}

    def set_entity_kinds(self, kinds: set[str]) -> None:
        for kind, box in self.entity_boxes.items():
            box.blockSignals(True)
            box.setChecked(kind in kinds)
            box.blockSignals(False)

    def _entities_toggled(self) -> None:
        self.entity_kinds_changed.emit(self.entity_kinds())

    def _related_activated(self, item: QListWidgetItem) -> None:
        article_id = item.data(Qt.ItemDataRole.UserRole)
        if article_id is not None:
            self.article_chosen.emit(int(article_id))
