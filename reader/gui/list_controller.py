"""What the article list shows: the sidebar's choice, the search box and the sort, fetched
off the GUI thread (a search over 100,000 articles must not freeze the window), and the
reader's organising actions on the listed articles (star, read, tags, trash)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit

from reader.gui.article_model import ArticleTableModel, first_shown
from reader.gui.sidebar import LibrarySidebar, Scope
from reader.gui.workers import Operation

if TYPE_CHECKING:
    from reader.core.records import ArticleFilter, ArticleRow, Overview

log = logging.getLogger(__name__)

TYPING_PAUSE_MS = 250  # search once the reader pauses typing


@dataclass(frozen=True)
class Listing:
    ids: list[int] | None  # None: only the counts were asked for
    overview: Overview | None  # None: only the list was asked for
    rows: dict[int, ArticleRow] = field(default_factory=dict)  # those shown first


class ListController(QObject):
    """Keeps :class:`ArticleTableModel` and the sidebar in step with the library."""

    listed = Signal()  # new ids are in the model
    counted = Signal()  # new counts are in the sidebar
    damaged = Signal(object)  # LibraryError: a fetch met a damaged library file

    def __init__(
        self,
        directory: Path,
        model: ArticleTableModel,
        sidebar: LibrarySidebar,
        search_edit: QLineEdit,
        watch_words: Callable[[], list[str]],
        parent: QObject | None = None,
        open_article: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.model = model
        self.sidebar = sidebar
        self.search_edit = search_edit
        self.watch_words = watch_words
        self.open_article = open_article
        self.sort_key, self.descending = "added", True
        self._user_sort = False  # a header was clicked: it wins over relevance
        self._running: Operation | None = None
        self._pending: tuple[bool, bool] | None = None
        self.closing = False
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._search)
        search_edit.textChanged.connect(lambda _text: self._typing.start())
        search_edit.returnPressed.connect(self._search)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), search_edit)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(search_edit.clear)
        # The sidebar's counts depend on neither the search, the choice nor the sort.
        sidebar.scope_changed.connect(lambda _scope: self.refresh(counts=False))
        model.sort_requested.connect(self._sort)

    @property
    def query(self) -> str:
        return self.search_edit.text().strip()

    def current_filter(self) -> ArticleFilter:
        return self.sidebar.scope.filter(self.query, tuple(self.watch_words()))

    def current_sort(self) -> tuple[str, bool]:
        if self.query and not self._user_sort:
            return "relevance", True
        return self.sort_key, self.descending

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending, self._user_sort = key, descending, True
        self.refresh(counts=False)

    def _search(self) -> None:
        self.refresh(counts=False)

    def show_scope(self, scope: Scope) -> None:
        self.sidebar.set_scope(scope)

    # -- fetching -----------------------------------------------------------------------

    def refresh(self, *, ids: bool = True, counts: bool = True) -> None:
        """Fetch the list (and/or the sidebar's counts) on a worker; the newest ask wins."""
        if ids:
            # This fetch lists the current search text. A recount alone must leave the
            # pending search be, or what the reader typed would never be listed.
            self._typing.stop()
        if self.closing:
            return
        if self._running is not None:
            # One fetch at a time; the last one asked for runs when this one ends.
            old = self._pending or (False, False)
            self._pending = (old[0] or ids, old[1] or counts)
            return
        f = self.current_filter() if ids else None
        sort, descending = self.current_sort()
        words = list(self.watch_words())
        directory = self.directory
        open_article = self.open_article()
        since = self.model.changes()  # marks made while the worker reads: not undone

        def work(_progress, _cancelled) -> Listing:
            from reader.library import Library

            lib = Library(directory)  # a connection of the worker's own
            try:
                # (A search rebuilds the index first if an upgrade left it stale: a list
                # without one does not wait for that; the analysis process rebuilds it.)
                found = lib.ids(f, sort, descending) if f is not None else None
                rows = lib.rows(first_shown(found, open_article)) if found else {}
                return Listing(found, lib.overview(words) if counts else None, rows)
            finally:
                lib.close()

        op = Operation(work, self)
        op.succeeded.connect(
            lambda listing, f=f, s=(sort, descending): self._done(listing, f, s, since)
        )
        op.failed.connect(lambda message, op=op: self._failed(op, message))
        op.finished.connect(self._finished)
        op.finished.connect(op.deleteLater)  # one per fetch: not kept for the session
        self._running = op
        op.start()

    def _done(
        self, listing: Listing, f: ArticleFilter | None, sort: tuple[str, bool], since: int
    ) -> None:
        if self.closing:
            return
        if listing.ids is not None and f is not None:
            self.model.filter = f
            self.model.sort_key, self.model.descending = sort
            self.model.set_ids(listing.ids, listing.rows, since)
            self.listed.emit()
        if listing.overview is not None:
            self.sidebar.set_overview(listing.overview)
            self.counted.emit()

    def _failed(self, op: Operation, message: str) -> None:
        from reader.core.errors import LibraryError

        log.warning("listing failed: %s", message)
        if isinstance(op.error, LibraryError):
            self.damaged.emit(op.error)

    def _finished(self) -> None:
        self._running = None
        if self._pending is not None and not self.closing:
            ids, counts = self._pending
            self._pending = None
            self.refresh(ids=ids, counts=counts)

    def busy(self) -> bool:
        return self._running is not None or self._typing.isActive()
