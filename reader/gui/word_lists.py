"""The reader's word lists: watch words (marked and counted in every article, a list of
their own in the sidebar) and the user dictionary (words that segment as one)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from reader.gui.changes import Change, LibraryChanges

if TYPE_CHECKING:
    from reader.gui.analysis_runner import AnalysisRunner
    from reader.library import Library

log = logging.getLogger(__name__)


class WordLists(QObject):
    def __init__(
        self,
        library: Library,
        changes: LibraryChanges,
        analysis: AnalysisRunner,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.changes = changes
        self.analysis = analysis
        self.window = window

    def edit_watch_words(self) -> None:
        from reader.gui.dialogs import edit_word_list  # not before the first paint

        words = edit_word_list(
            self.window,
            self.tr("关注词"),
            self.tr("每行一个词。提到它们的地方会在每篇文章里标出来："),
            self.library.analysis.watch_words(),
        )
        if words is not None:
            self.library.analysis.set_watch_words(words)
            self.changes.announce(Change(watch=True))

    def edit_user_words(self) -> None:
        """The user dictionary: words that must segment as one (names, places, terms)."""
        from reader.gui.dialogs import edit_word_list

        analysis = self.library.analysis
        current = analysis.user_words()
        words = edit_word_list(
            self.window,
            self.tr("用户词典"),
            self.tr("每行一个词，分词时当作一个整体（记者署名中的人名会自动加入）："),
            list(current),
        )
        if words is None:
            return
        for gone in set(current) - set(words):
            analysis.remove_user_word(gone)
            analysis.invalidate_containing(gone)
        for new in analysis.add_user_words(words):
            analysis.invalidate_containing(new)
        self.analysis.start()

    def changed_in_settings(self) -> None:
        """The settings dialog edited the lists: redraw, and analyse what they change."""
        self.changes.announce(Change(watch=True))
        self.analysis.start()
