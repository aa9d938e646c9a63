"""The keyword analysis of new or changed articles, and the search index's upkeep, run in a
process of their own (``python -m reader.analysis DIR``): seconds of Python segmenting and
tagging would take Python's lock from the window's thread. Progress shows in the status
bar; when it is done the library-changes signal says the analysis changed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from reader.gui.changes import Change, LibraryChanges
from reader.gui.workers import ProcessOperation

if TYPE_CHECKING:
    from reader.library import Library

log = logging.getLogger(__name__)


class AnalysisRunner(QObject):
    def __init__(
        self,
        library: Library,
        changes: LibraryChanges,
        status_bar: QStatusBar,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.changes = changes
        self.status_bar = status_bar
        self.enabled = True  # analyse new articles in the background (tests turn it off)
        self.closing = False
        self.operation: ProcessOperation | None = None
        self._again = False
        self._stage = ""  # what the process reports progress of

    def start(self) -> None:
        """Analyse what is new; if a run is going, once more after it."""
        if self.closing:
            return
        from reader.gui import word_selection

        word_selection.use_user_words(self.library.analysis.user_words())  # may have changed
        if self.operation is not None:
            self._again = True
            return
        op = ProcessOperation("reader.analysis", [str(self.library.directory.resolve())], self)
        op.staged.connect(self._staged)
        op.progressed.connect(self._progressed)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(lambda message: log.warning("analysis failed: %s", message))
        op.finished.connect(self._finished)
        self.operation = op
        op.start()

    def start_if_enabled(self) -> None:
        if self.enabled:
            self.start()

    def cancel(self) -> None:
        self.closing = True
        if self.operation is not None:
            self.operation.cancel()

    def _staged(self, stage: str) -> None:
        self._stage = stage

    def _progressed(self, done: int, total: int, _title: str) -> None:
        if not total or done >= total:
            return
        if self._stage == "indexing":  # after an upgrade: searches wait for it
            text = self.tr("正在更新搜索索引 {done}/{total}").format(done=done, total=total)
        else:
            text = self.tr("正在分析关键词 {done}/{total}").format(done=done + 1, total=total)
        self.status_bar.showMessage(text, 2000)

    def _succeeded(self, result: dict[str, int]) -> None:
        from reader.gui import word_selection

        word_selection.use_user_words(self.library.analysis.user_words())  # names from bylines
        count = result.get("analysed", 0)
        if count:
            self.status_bar.showMessage(self.tr("已分析 %n 篇文章", "", count), 4000)
        self.changes.announce(Change(analysed=True))

    def _finished(self) -> None:
        self.operation = None
        if self._again:
            self._again = False
            self.start()
