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
    from reader.gui.writer import LibraryWriter
    from reader.library import Library

log = logging.getLogger(__name__)


class WordLists(QObject):
    """Edits the word lists; the writes go through the window's writer, and the one route
    for changes says what changed once they are written."""

    def __init__(
        self,
        library: Library,
        changes: LibraryChanges,
        analysis: AnalysisRunner,
        writer: LibraryWriter,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.changes = changes
        self.analysis = analysis
        self.writer = writer
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
            self.save(watch_words=words)

    def edit_user_words(self) -> None:
        """The user dictionary: words that must segment as one (names, places, terms)."""
        from reader.gui.dialogs import edit_word_list

        words = edit_word_list(
            self.window,
            self.tr("用户词典"),
            self.tr("每行一个词，分词时当作一个整体（记者署名中的人名会自动加入）："),
            list(self.library.analysis.user_words()),
        )
        if words is not None:
            self.save(user_words=words)

    def save(
        self, *, watch_words: list[str] | None = None, user_words: list[str] | None = None
    ) -> None:
        """Write the lists given (from these dialogs or the settings dialog's 词语 tab);
        once written, the watch words are redrawn and what the dictionary changes is
        analysed again."""

        def write(library: Library) -> bool:
            if watch_words is not None:
                library.analysis.set_watch_words(watch_words)
            return user_words is not None and library.analysis.set_user_words(user_words)

        def written(dictionary_changed: bool) -> None:
            if watch_words is not None:
                self.changes.announce(Change(watch=True))
            if dictionary_changed:
                self.analysis.start()

        self.writer.write(write, written)

    def saved_in_settings(self, watch_words: list[str], user_words: list[str]) -> None:
        """The settings dialog's 词语 tab saved both lists."""
        self.save(watch_words=watch_words, user_words=user_words)
