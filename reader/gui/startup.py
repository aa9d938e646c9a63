"""Filling the window once it has painted, each step in a turn of the event loop of its own
(turns.next_turn), so the window answers between them. The order, and why:

1. ``load``: the reading stack (the tables and modules the first article needs) is
   prepared on a worker; the analysis process starts.
2. When it is in: the notes dock is built (it narrows the list, so before the list's
   rows first paint) and, a turn later, the list is fetched on another worker. One worker
   of Python at a time, and none while the list first paints: a paint of the list calls
   the model ~900 times, each taking Python's lock, which a worker running Python keeps for
   a switch interval at a time.
3. When the list is in (opened where the last article is): two turns on, the last article
   opens (the list's scroll bar comes in with its rows and the view repaints every row on
   a timer a turn later; the article's turn would share that paint).
4. A turn later: the word segmenter is set to start when the reader first pauses, the
   sidebar's counts are asked for (a turn after that: ~20,000 rows of Python at 100,000
   articles), other processes' changes are watched, a link handed over is opened, and
   ``loaded`` is emitted.

tests/perf/bench_gui.py times each step (its "fill"); tests/gui/test_loading.py checks the
order.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSettings, Signal

from reader.core.errors import LibraryError
from reader.gui.turns import next_turn
from reader.gui.workers import Operation

log = logging.getLogger(__name__)

LAST_ARTICLE = "reading/last_article"


def prepare_reading(config: str | None) -> None:
    """On a worker before the first article opens: the reading stack's tables, search's
    (for the search terms marked in the article), the script view `config` the window
    opens in, and the modules the first article needs imported: highlights and notes
    (building ~70 Qt enum types), the find bar (made when an article first shows), the
    reader's phrase fixes."""
    from reader import views
    from reader.core import textsearch
    from reader.gui import annotation_ui, find_bar  # noqa: F401

    views.prepare()
    views.warm_up(config)
    textsearch.prepare()


class StartupSequence(QObject):
    """Runs the steps above for one window; ``loaded`` once they are done."""

    loaded = Signal()
    failed = Signal(object)  # LibraryError

    def __init__(self, window, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._waiting: set[str] = set()  # what is still awaited before the article opens
        self._reopen: int | None = None
        window.lists.listed.connect(lambda: self._part_done("listed"))

    @property
    def loading(self) -> bool:
        return bool(self._waiting)

    def load(self) -> None:
        """Fill the list after the window has painted; reopen the last article."""
        try:
            self._load()
        except LibraryError as e:
            self.failed.emit(e)

    def _load(self) -> None:
        w = self.window
        last = self.settings.value(LAST_ARTICLE)
        self._reopen = int(last) if last not in (None, "") else None
        self._waiting = {"prepared", "listed"}
        w.model.set_store(w.library, fetch=False)
        config = w.scripts.config
        prepare = Operation(lambda _progress, _cancelled: prepare_reading(config), self)
        prepare.finished.connect(lambda: self._part_done("prepared"))
        prepare.finished.connect(prepare.deleteLater)
        prepare.start()
        w.analysis_runner.start_if_enabled()
        # A large library's check, first on the writer's queue: no write of the window's
        # reaches the file before it (a damaged one: the dialog, and nothing written).
        w.writer.write(lambda library: library.check_deferred())

    def reopening(self) -> int | None:
        """The article the window opens again when loaded, until the list is in."""
        return self._reopen if "listed" in self._waiting else None

    def _part_done(self, part: str) -> None:
        if part not in self._waiting:
            return
        self._waiting.discard(part)
        if self._waiting == {"listed"}:
            next_turn(self.window, self._fetch_list)
        elif not self._waiting:
            next_turn(self.window, lambda: next_turn(self.window, self._reopen_last))

    def _fetch_list(self) -> None:
        """The notes dock (its modules were imported by the worker), then the list's
        worker a turn later: the list first paints at its final width and no worker meets
        the dock's Python."""
        w = self.window
        if not w.annotating.built:
            w.annotating.build()
            next_turn(w, self._fetch_list)
        elif "listed" in self._waiting:  # (else a fetch the reader asked for came first)
            w.lists.refresh(counts=False)  # the sidebar's counts once the article is open

    def _reopen_last(self) -> None:
        w = self.window
        if not w.annotating.built:  # the list came first (a fetch the reader asked for)
            w.annotating.build()
            next_turn(w, self._reopen_last)
            return
        opened = w.reading_pane.record is not None  # the reader chose one meanwhile
        if not opened and not w.reading.select_article(self._reopen) and w.model.rowCount():
            w.list_view.selectRow(0)
        next_turn(w, self._finish)

    def _finish(self) -> None:
        from reader.gui import word_selection

        w = self.window
        # Double-click selects jieba words once the segmenter process has answered; it
        # starts when the reader first pauses (its load takes a core: bench_tricks.py, the
        # word segmenter).
        word_selection.use_user_words(w.library.analysis.user_words())
        views = (w.list_view, w.list_view.horizontalHeader(), w.sidebar, w.reading_pane)
        word_selection.warm_up_when_idle([*views, *(v.viewport() for v in views), w.search_edit])
        next_turn(w, lambda: w.lists.refresh(ids=False))
        # Other processes' imports from now on (counting 100,000 articles from a cold
        # cache takes a while: not beside the first fetch).
        w.watch.start()
        _ = w.backups  # its daily backup from now on
        w.annotating.open_pending_link()
        self.loaded.emit()
