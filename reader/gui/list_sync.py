"""Keeps the article list, its selection, the sidebar's counts and the count in the status
bar in step with the library: the one listener of the library-changes signal that decides
what of the list to fetch again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

# Dialogs as QtWidgets.X: made when first shown, not before the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from reader.gui.changes import Change, LibraryChanges
from reader.gui.sidebar import LibrarySidebar, Scope

if TYPE_CHECKING:
    from reader.gui.article_model import ArticleTableModel
    from reader.gui.list_controller import ListController
    from reader.gui.reading import ReadingController
    from reader.gui.writer import LibraryWriter
    from reader.library import Library

log = logging.getLogger(__name__)


class ListSync(QObject):
    def __init__(
        self,
        library: Library,
        changes: LibraryChanges,
        *,
        lists: ListController,
        model: ArticleTableModel,
        list_view: QTableView,
        sidebar: LibrarySidebar,
        search_edit: QLineEdit,
        count_label: QLabel,
        reading: ReadingController,
        reopening: Callable[[], int | None],
        writer: LibraryWriter,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.changes = changes
        self.writer = writer  # tags renamed and deleted off the window's thread
        self.lists = lists
        self.model = model
        self.list_view = list_view
        self.sidebar = sidebar
        self.search_edit = search_edit
        self.count_label = count_label
        self.reading = reading
        self.reopening = reopening  # the article the window opens again while loading
        self.window = window
        self._show_when_listed: tuple[int, bool] | None = None  # (article, filter cleared)
        self._row_when_listed: int | None = None  # the row to open when the list is in
        self._empty_note: QLabel | None = None  # over the list when it is empty
        self._listed_once = False
        changes.changed.connect(self.library_changed)
        lists.listed.connect(self._listed)
        lists.counted.connect(self.update_count)
        sidebar.rename_tag_requested.connect(self.rename_tag)
        sidebar.delete_tag_requested.connect(self.delete_tag)
        reading.script_view_changed.connect(
            lambda in_view: sidebar.set_script_view(in_view if in_view.config else None)
        )

    # -- what changed ---------------------------------------------------------------------

    def library_changed(self, change: Change) -> None:
        if change.show is not None:
            self._show(change.show)
        elif change.listed:
            self.lists.refresh()
        else:
            if change.rows:
                self.model.refresh_rows(list(change.rows))
            if change.read:
                # Only the unread count changes: not a recount of the library for every
                # article J opens (bench.py overview_ms).
                self.sidebar.count_read(change.read)
            if change.counted or change.watch:
                self.lists.refresh(ids=change.watch and self.sidebar.scope.kind == "watch")

    def _show(self, article_id: int) -> None:
        """New articles are in: list them and open the first."""
        if self.lists.query or self.sidebar.scope != Scope():
            # A filtered or searched list can take long to fetch: on a worker, then show it.
            self._show_when_listed = (article_id, False)
            self.lists.refresh()
        else:
            self.model.reload()  # the plain list walks an index: fast even at 100,000
            self.update_count()
            self.reading.select_article(article_id)
            self.lists.refresh(ids=False)

    def _listed(self) -> None:
        """New ids in the list: keep the open article selected if it is still listed."""
        self._listed_once = True
        wanted, self._show_when_listed = self._show_when_listed, None
        row, self._row_when_listed = self._row_when_listed, None
        if row is not None and wanted is None:
            self._open_row(row)
            return
        if wanted is not None and not self.reading.select_article(wanted[0]) and not wanted[1]:
            # The filter hides the imported article: show the whole library to show it.
            self._show_when_listed = (wanted[0], True)
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.sidebar.set_scope(Scope())  # fetches again
            self.lists.refresh()
            return
        record = self.reading.pane.record
        if wanted is None and (record is None or not self.reading.select_article(record.id)):
            # Loading: the list opens where the last article is, selected once the reading
            # stack is in, so its first paint is the rows left in view, not the top's and
            # then theirs (two cold paints of new rows).
            reopening = self.reopening()
            row = self.model.row_of(reopening) if reopening is not None else None
            if row is None:
                self.list_view.scrollToTop()
            else:
                self.list_view.doItemsLayout()  # the new rows' scroll range (else a turn on)
                self.list_view.scrollTo(self.model.index(row, 0))
        self.update_count()
        self.reading.apply_search_layer()

    def _open_row(self, row: int) -> None:
        """The article now at ``row`` (the next one), or none if the list is empty."""
        row = min(row, self.model.rowCount() - 1)
        if row >= 0:
            self.list_view.selectRow(row)
            self.list_view.scrollTo(self.model.index(row, 0))
        else:
            self.reading.close_article()
        self.update_count()
        self.reading.apply_search_layer()

    def update_count(self) -> None:
        shown = self.model.rowCount()
        if self._listed_once:  # not "empty" while the first list is being fetched
            self._say_if_empty(shown == 0)
        total = self.sidebar.total()
        if total is None or total == shown or self.sidebar.scope.kind == "trash":
            self.count_label.setText(self.tr("%n 篇文章", "", shown))
        else:
            self.count_label.setText(self.tr("%n 篇，共 {total} 篇", "", shown).format(total=total))

    def _say_if_empty(self, empty: bool) -> None:
        """An empty list says why: nothing found, an empty trash, an empty library."""
        if not empty:
            if self._empty_note is not None:
                self._empty_note.hide()
            return
        if self._empty_note is None:
            self._empty_note = QLabel(self.list_view.viewport())
            self._empty_note.setObjectName("emptyListNote")
            self._empty_note.setWordWrap(True)
            self._empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._empty_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout = QVBoxLayout(self.list_view.viewport())
            layout.setContentsMargins(16, 16, 16, 16)
            layout.addWidget(self._empty_note)
        query, scope = self.lists.query, self.sidebar.scope
        if query:
            text = self.tr("没有找到含“{query}”的文章").format(query=query)
            if scope != Scope():
                text += "\n" + self.tr("（只在左侧选中的范围里找了：点「全部文章」找全部）")
        elif scope.kind == "trash":
            text = self.tr("回收站是空的")
        elif scope == Scope():
            text = self.tr("文库里还没有文章：文件 → 导入文件…，或把文件拖到窗口上")
        else:
            text = self.tr("这里没有文章")
        self._empty_note.setText(text)
        self._empty_note.show()

    # -- the list's own actions -----------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = self.list_view.selectionModel().selectedRows()
        ids = [self.model.article_id(r.row()) for r in rows]
        return [i for i in ids if i is not None]

    def organised(self, ids: list[int], left: bool) -> None:
        """Starred, read, tagged (rows change), or trashed and restored (they leave: the
        article in their place opens, as in mail)."""
        record = self.reading.pane.record
        rows = self.list_view.selectionModel().selectedRows()
        if left and rows and record is not None and record.id in ids:
            self._row_when_listed = min(r.row() for r in rows)
        self.changes.announce(Change(rows=tuple(ids), listed=left, counted=True))

    def open_when_listed(self, article_id: int) -> None:
        """Select and open an article once the list being fetched is in."""
        self._row_when_listed = None
        self._show_when_listed = (article_id, True)

    def rename_tag(self, tag: str) -> None:
        new, ok = QtWidgets.QInputDialog.getText(
            self.window, self.tr("重命名标签"), self.tr("新名称："), text=tag
        )
        if ok and new.strip() and new.strip() != tag:
            self.writer.write(lambda lib: lib.rename_tag(tag, new), lambda _: self._renamed(new))

    def _renamed(self, tag: str) -> None:
        self.lists.show_scope(Scope("tag", tag.strip()))
        self.changes.announce(Change(listed=True, counted=True))

    def delete_tag(self, tag: str) -> None:
        self.writer.write(
            lambda lib: lib.delete_tag(tag),
            lambda _: self.changes.announce(Change(listed=True, counted=True)),
        )
