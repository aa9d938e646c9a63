"""The article list: a table model over article ids that fetches rows on demand.

Like Anki's browser table, the model holds only ids; the title, source and date of a
row are read from the library when a view first asks for them, a block at a time,
so a library of 100,000 articles costs one id query, not 100,000 row reads.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from reader.core.errors import LibraryError
from reader.gui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from reader.core.records import ArticleFilter, ArticleRow
    from reader.core.textsearch import SearchHit
    from reader.views import ScriptView

log = logging.getLogger(__name__)


class ArticleSource(Protocol):
    """Where the list reads its rows: :class:`reader.library.Library`."""

    def ids(
        self, filter: ArticleFilter | None = None, sort: str = "added", descending: bool = True
    ) -> list[int]: ...

    def rows(self, ids: Iterable[int]) -> dict[int, ArticleRow]: ...

    def unread_among(self, ids: Sequence[int]) -> set[int]: ...

    def hit(self, article_id: int, query: str) -> SearchHit | None: ...


BLOCK = 200  # rows read at once around the one asked for

Index = QModelIndex | QPersistentModelIndex


def block_around(ids: list[int], row: int) -> list[int]:
    """The ids read together when ``row`` is first shown: a little before it, more after."""
    start = max(0, row - BLOCK // 4)
    return ids[start : start + BLOCK]


def first_shown(ids: list[int], open_article: int | None) -> list[int]:
    """The ids a new list shows first: its top, and the open article's block (the list
    keeps the open article in view). A worker reads their rows with the ids, so showing the
    list reads nothing on the GUI thread (cold pages at 100,000 articles: bench.py)."""
    shown = ids[:BLOCK]
    if open_article is not None:
        try:
            row = ids.index(open_article)
        except ValueError:
            return shown
        if row >= BLOCK:
            shown += block_around(ids, row)
    return shown


class ArticleTableModel(QAbstractTableModel):
    TITLE, SOURCE, DATE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("ArticleTableModel", "标题"),
        QT_TRANSLATE_NOOP("ArticleTableModel", "来源"),
        QT_TRANSLATE_NOOP("ArticleTableModel", "日期"),
    )
    SORTS = ("title", "source", "date")  # the store's sort for each column
    IdRole = Qt.ItemDataRole.UserRole + 1
    # Asked for every cell at every paint: combined once (Python's enum "|" is slow), and
    # the roles data() answers as ints.
    _FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    _ID, _TOOLTIP, _FONT = (
        int(IdRole),
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.FontRole),
    )
    _ROLES = frozenset((int(Qt.ItemDataRole.DisplayRole), _TOOLTIP, _FONT, _ID))
    # A header was clicked: the window fetches the ids in this order (off the GUI thread).
    sort_requested = Signal(str, bool)  # store sort, descending
    # The library could not be read for a row (damage met late): data() never raises.
    failed = Signal(object)  # the LibraryError

    def __init__(self, store: ArticleSource | None = None, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._rows: dict[int, ArticleRow] = {}
        self._in_view: ScriptView | None = None  # None: titles as stored
        self._titles: dict[int, str] = {}  # titles in the view, as rows are first shown
        # Ids refresh_rows re-read, in order (one per article opened: a few KB a session).
        self._changed: list[int] = []
        self.filter: ArticleFilter | None = None  # None: the store's default list
        self.sort_key = "added"
        self.descending = True
        self._bold = QFont()
        self._bold.setBold(True)
        # The date column: when published, or (unknown) the day imported, said as such.
        self._added = self.tr("{date} 导入")

    def set_script_view(self, in_view: ScriptView | None) -> None:
        """Show titles and search passages in this script view (None: as stored)."""
        self._in_view = in_view
        self._titles.clear()
        if self._ids:  # only the rows in view are asked again, and converted then
            self.dataChanged.emit(self.index(0, self.TITLE), self.index(len(self._ids) - 1, 0))

    def widest_date(self) -> str:
        """The widest text the date column shows (a date unknown: the day imported)."""
        return self._added.format(date="0000-00-00")

    # -- loading ------------------------------------------------------------------------

    def set_store(self, store: ArticleSource, fetch: bool = True) -> None:
        """Read rows from ``store``; ``fetch``: list its ids now (else a worker's
        :meth:`set_ids` will)."""
        self._store = store
        if fetch:
            self.reload()

    def reload(self) -> None:
        """Re-read the ids (after an import or a change by another process)."""
        ids = self._store.ids(self.filter, self.sort_key, self.descending) if self._store else []
        self.set_ids(ids)

    def set_ids(
        self, ids: list[int], rows: dict[int, ArticleRow] | None = None, since: int = 0
    ) -> None:
        """Show these ids (fetched for :attr:`filter` and the sort, e.g. by a worker), with
        the rows shown first if the worker read them too (see :func:`first_shown`); rows
        re-read after :meth:`changes` was ``since`` (the worker's may be older) are dropped."""
        rows = dict(rows or {})
        for article_id in self._changed[since:]:
            rows.pop(article_id, None)
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = rows
        self._titles.clear()
        self.endResetModel()

    def changes(self) -> int:
        """Marks rows changed so far, for :meth:`set_ids`'s ``since``."""
        return len(self._changed)

    def ids(self) -> list[int]:
        return list(self._ids)

    def refresh_rows(self, article_ids: list[int]) -> None:
        """Re-read these rows (read, starred, tags changed) without resetting the list."""
        self._changed += article_ids
        for article_id in article_ids:
            self._rows.pop(article_id, None)
            self._titles.pop(article_id, None)
        if len(article_ids) <= BLOCK:
            # Just these rows, now: left to data(), one row would read a block of 200 for
            # each article opened (bench.py list_ms "rows()").
            self._read_rows(article_ids)
        for article_id in article_ids:
            row = self.row_of(article_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def next_unread(self, after: int) -> int | None:
        """The first unread row after ``after``, wrapping round. Asked in growing chunks
        (the next unread is usually near; the whole list of 100,000 is not looked up)."""
        n = len(self._ids)
        if self._store is None or n == 0:
            return None
        left = n if after < 0 else n - 1  # every other row once
        start, size = after + 1, 64
        while left > 0:
            rows = [(start + k) % n for k in range(min(size, left))]
            unread = self._store.unread_among([self._ids[r] for r in rows])
            for r in rows:
                if self._ids[r] in unread:
                    return r
            start, left, size = start + len(rows), left - len(rows), size * 4
        return None

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
        if cached is None and self._read_rows(block_around(self._ids, row)):
            cached = self._rows.get(article_id)
        return cached

    def _read_rows(self, article_ids: list[int]) -> bool:
        """Read these rows into the cache; False (and ``failed``) if the library can't."""
        if self._store is None:
            return False
        try:
            self._rows.update(self._store.rows(article_ids))
        except LibraryError as e:
            log.warning("cannot read rows of the list: %s", e)
            self.failed.emit(e)
            return False
        return True

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
            return self.tr(self.HEADERS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.SORTS):
            self.sort_requested.emit(self.SORTS[column], order == Qt.SortOrder.DescendingOrder)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Asked ~10 roles per cell at every paint (~900 calls a page): the roles it has no
        # answer for are turned away first, with plain ints, before touching the index.
        if role not in self._ROLES:
            return None
        number = index.row()  # -1 for an invalid index
        if not 0 <= number < len(self._ids):
            return None
        if role == self._ID:
            return self._ids[number]
        row = self._row(number)
        if row is None:
            return None
        if role == self._FONT:
            return None if row.read else self._bold  # unread rows stand out, as in mail
        column = index.column()
        if column == self.TITLE:
            title = self._titles.get(row.id)
            if title is None:
                title = row.display_title
                if self._in_view is not None:
                    title = self._in_view(title, row.script)
                self._titles[row.id] = title
            if role == self._TOOLTIP:
                return self._tooltip(row, title)
            return f"★ {title}" if row.starred else title
        if column == self.SOURCE:
            # A web page's or a feed's article: the site's name (its file is the page's copy).
            if role == self._TOOLTIP:
                return "\n".join(x for x in (row.site, row.url or row.source) if x)
            return row.site or os.path.basename(row.source)  # asked at every paint: not PurePath
        if column == self.DATE:
            if role == self._TOOLTIP:
                if row.dated:
                    shown = row.published[:16].replace("T", " ")
                    return self.tr("发表于 {date}").format(date=shown)
                return self.tr("导入于 {date}（发表日期不详）").format(date=row.added_at[:16])
            return row.date if row.dated else self._added.format(date=row.date)
        return None

    def _tooltip(self, row: ArticleRow, title: str) -> str:
        """The title, its tags, and while searching the passage that matched, hits in 【】."""
        lines = [title]
        if row.tags:
            separator = self.tr("、", "between tags")
            lines.append(self.tr("标签：{tags}").format(tags=separator.join(row.tags)))
        if self.filter is not None and self.filter.query and self._store is not None:
            hit = self._store.hit(row.id, self.filter.query)
            if hit is not None and hit.snippet.text:
                snippet = hit.snippet
                if self._in_view is not None:
                    snippet = self._in_view.snippet(snippet, row.script)
                lines.append(snippet.marked("【", "】"))
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self._FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
