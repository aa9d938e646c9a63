"""The article list: a table model over article ids that fetches rows on demand.

Like Anki's browser table, the model holds only ids; the title, source and date of a
row are read from the library when a view first asks for them, a block at a time,
so a library of 100,000 articles costs one id query, not 100,000 row reads.
"""

from __future__ import annotations

import logging
from pathlib import PurePath

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.store.articles import ArticleRow, ArticleStore

log = logging.getLogger(__name__)

BLOCK = 200  # rows read at once around the one asked for

Index = QModelIndex | QPersistentModelIndex


class ArticleTableModel(QAbstractTableModel):
    TITLE, SOURCE, DATE = range(3)
    HEADERS = ("标题", "来源", "日期")
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: ArticleStore | None = None, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._rows: dict[int, ArticleRow] = {}

    # -- loading ------------------------------------------------------------------------

    def set_store(self, store: ArticleStore) -> None:
        self._store = store
        self.reload()

    def reload(self) -> None:
        """Re-read the ids (after an import or a change by another process)."""
        self.beginResetModel()
        self._ids = self._store.ids() if self._store else []
        self._rows.clear()
        self.endResetModel()

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def _row(self, row: int) -> ArticleRow | None:
        article_id = self._ids[row]
        cached = self._rows.get(article_id)
        if cached is None and self._store is not None:
            start = max(0, row - BLOCK // 4)
            self._rows.update(self._store.rows(self._ids[start : start + BLOCK]))
            cached = self._rows.get(article_id)
        return cached

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = index.column()
        if column == self.TITLE:
            return row.display_title
        if column == self.SOURCE:
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.source
            return PurePath(row.source).name if row.source else ""
        if column == self.DATE:
            return row.date
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
