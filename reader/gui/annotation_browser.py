"""全部批注: every highlight and note in the library, searchable and filterable.

Search looks in quotes and notes (simplified and traditional fold together, as the library
search does); filters narrow to one colour, one article, or the annotations that could
not be found in their article again. Opening a row shows the article at the passage.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.gui.annotation_list import shown_colours
from reader.gui.note_dialog import colour_icon

if TYPE_CHECKING:
    from reader.core.records import Annotation, ArticleRow, Colour

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


class AnnotationSource(Protocol):
    """The library's annotations, as :class:`reader.library.Library` gives them."""

    def browse_annotations(
        self,
        query: str = "",
        color: str | None = None,
        article_id: int | None = None,
        *,
        orphaned: bool | None = None,
        include_trashed: bool = False,
    ) -> list[Annotation]: ...

    def colours(self) -> list[Colour]: ...


class RowSource(Protocol):
    """Article rows for titles: :meth:`reader.library.Library.rows`."""

    def rows(self, ids: Iterable[int]) -> dict[int, ArticleRow]: ...


SEARCH_DELAY_MS = 200  # wait for typing to pause before searching
UNKNOWN_HEX = "#b0b0b0"


class AnnotationTableModel(QAbstractTableModel):
    COLOUR, QUOTE, NOTE, ARTICLE, MODIFIED = range(5)
    IdRole = Qt.ItemDataRole.UserRole + 1
    ArticleRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, in_view: Callable[[str], str], parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._titles: dict[int, str] = {}
        self._colours: dict[str, Colour] = {}
        self._in_view = in_view  # a quote in the reader's current script
        self._headers = [
            self.tr("颜色"),
            self.tr("摘录"),
            self.tr("批注"),
            self.tr("文章"),
            self.tr("修改时间"),
        ]

    def set_rows(self, rows: list[Annotation], titles: dict[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._titles = dict(titles)
        self.endResetModel()

    def set_colours(self, colours: list[Colour]) -> None:
        self._colours = {c.key: c for c in colours}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.COLOUR), self.index(len(self._rows) - 1, self.COLOUR)
            )

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        column = index.column()
        colour = self._colours.get(a.color)
        if role == self.IdRole:
            return a.id
        if role == self.ArticleRole:
            return a.article_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COLOUR:
                return colour.label if colour else a.color
            if column == self.QUOTE:
                quote = " ".join(self._in_view(a.exact).split())
                return f"{quote}（{self.tr('未能定位')}）" if a.orphaned else quote
            if column == self.NOTE:
                return " ".join(a.note.split())
            if column == self.ARTICLE:
                return self._in_view(self._titles.get(a.article_id, f"#{a.article_id}"))
            if column == self.MODIFIED:
                return a.modified[:16].replace("T", " ")
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLOUR:
            return colour_icon(colour.hex if colour else UNKNOWN_HEX)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.QUOTE, self.NOTE):
            text = self._in_view(a.exact)
            return f"{text}\n\n{a.note}" if a.note else text
        if role == Qt.ItemDataRole.FontRole and column == self.QUOTE and a.orphaned:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == self.QUOTE and a.orphaned:
            return QColor("#e8590c")  # readable on light and dark paper
        return None


class AnnotationBrowser(QDialog):
    open_requested = Signal(int, str)  # article id, annotation id

    def __init__(
        self,
        store: AnnotationSource,
        articles: RowSource,
        in_view: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationBrowser")
        self.setWindowTitle(self.tr("全部批注"))
        self.setWindowFlag(Qt.WindowType.Window)  # its own window, not modal
        self.store = store
        self.articles = articles
        self.in_view = in_view

        self.search = QLineEdit()
        self.search.setObjectName("annotationSearch")
        self.search.setPlaceholderText(self.tr("搜索摘录和批注"))
        self.search.setClearButtonEnabled(True)
        self.colour = QComboBox()
        self.colour.setObjectName("annotationColour")
        self.article = QComboBox()
        self.article.setObjectName("annotationArticle")
        self.article.setMinimumContentsLength(16)
        self.article.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.orphans = QCheckBox(self.tr("只看未能定位的"))
        self.model = AnnotationTableModel(in_view, self)
        self.table = QTableView()
        self.table.setObjectName("annotationTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(self.model.QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.model.COLOUR, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.MODIFIED, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(self.model.NOTE, 220)
        header.resizeSection(self.model.ARTICLE, 180)
        self.table.activated.connect(self._open)
        self.count = QLabel()
        self.open_button = QPushButton(self.tr("打开文章"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.colour)
        filters.addWidget(self.article, 1)
        filters.addWidget(self.orphans)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(900, 520)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.reload)
        self.colour.currentIndexChanged.connect(self.reload)
        self.article.currentIndexChanged.connect(self.reload)
        self.orphans.toggled.connect(self.reload)
        self.set_colours(shown_colours(store.colours()))

    def set_colours(self, colours: list[Colour]) -> None:
        current = self.colour.currentData()
        self.colour.blockSignals(True)
        self.colour.clear()
        self.colour.addItem(self.tr("全部颜色"), None)
        for c in colours:
            self.colour.addItem(colour_icon(c.hex), c.label, c.key)
        self.colour.setCurrentIndex(max(0, self.colour.findData(current)))
        self.colour.blockSignals(False)
        self.model.set_colours(colours)

    def show_article(self, article_id: int | None) -> None:
        """Narrow the list to one article (None: all)."""
        self._fill_articles()
        self.article.setCurrentIndex(max(0, self.article.findData(article_id)))

    def reload(self) -> None:
        """Query the store with the current search and filters."""
        self._timer.stop()
        self._fill_articles()
        rows = self.store.browse_annotations(
            self.search.text(),
            self.colour.currentData(),
            self.article.currentData(),
            orphaned=True if self.orphans.isChecked() else None,
            include_trashed=self.orphans.isChecked(),  # orphans are listed wherever they are
        )
        titles = {
            i: r.display_title for i, r in self.articles.rows({a.article_id for a in rows}).items()
        }
        self.model.set_rows(rows, titles)
        self.count.setText(self.tr("{} 条").format(len(rows)))
        self.open_button.setEnabled(bool(rows))

    def _fill_articles(self) -> None:
        """The articles that hold annotations, in library order, for the article filter."""
        ids = list(dict.fromkeys(a.article_id for a in self.store.browse_annotations()))
        titles = self.articles.rows(ids)
        current = self.article.currentData()
        wanted = [(None, self.tr("全部文章"))] + [
            (i, self.in_view(titles[i].display_title)) for i in ids if i in titles
        ]
        have = [
            (self.article.itemData(i), self.article.itemText(i))
            for i in range(self.article.count())
        ]
        if have == wanted:
            return
        self.article.blockSignals(True)
        self.article.clear()
        for article_id, title in wanted:
            self.article.addItem(title, article_id)
        self.article.setCurrentIndex(max(0, self.article.findData(current)))
        self.article.blockSignals(False)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            a = self.model.annotation(index.row())
            self.open_requested.emit(a.article_id, a.id)
