"""The reading companion's parts of the window, each made when first needed: the lookup
popup (when an article first shows, never before the first paint), 朗读 with its bar under
the reading pane, and the 生词本 window."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.gui.changes import LibraryChanges
    from reader.gui.looks import Looks
    from reader.gui.lookup_popup import LookupController
    from reader.gui.read_aloud import ReadAloud
    from reader.gui.reading import ReadingController
    from reader.gui.reading_pane import ReadingPane
    from reader.gui.vocabulary_window import VocabularyWindow
    from reader.gui.writer import LibraryWriter
    from reader.library import Library

log = logging.getLogger(__name__)


class CompanionUi(QObject):
    def __init__(
        self,
        window: QWidget,
        library: Library,
        settings: QSettings,
        *,
        pane: ReadingPane,
        reading: ReadingController,
        looks: Looks,
        writer: LibraryWriter,
        changes: LibraryChanges,
        add_below_pane: Callable[[QWidget], None],
        status: Callable[[str, int], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.settings = settings
        self.pane = pane
        self.reading = reading
        self.looks = looks
        self.writer = writer
        self.changes = changes
        self._add_below_pane = add_below_pane
        self._status = status
        self.lookup: LookupController | None = None
        pane.article_shown.connect(self._build_lookup)

    def _build_lookup(self, _article_id: int) -> None:
        if self.lookup is None:
            from reader.gui.lookup_popup import LookupController

            self.lookup = LookupController(
                self.pane,
                self.library,
                self.settings,
                lambda: self.reading.config,
                self.writer,
                self.changes,
            )
            self.lookup.said.connect(lambda text: self._status(text, 6000))

    @cached_property
    def read_aloud(self) -> ReadAloud:
        """朗读, with its bar under the reading pane: made when first asked for."""
        from reader.gui.read_aloud import ReadAloud, ReadAloudBar

        bar = ReadAloudBar()
        self._add_below_pane(bar)
        return ReadAloud(
            self.pane,
            self.settings,
            lambda: self.looks.formats["speaking"],
            bar,
            self.window,
        )

    @cached_property
    def vocabulary_window(self) -> VocabularyWindow:
        """生词本 (工具 → 生词本…): made when first opened."""
        from reader.gui.vocabulary_window import VocabularyWindow

        return VocabularyWindow(self.library, self.writer, self.changes, self.reading, self.window)

    def shut_down(self) -> None:
        """The window closes: no voice goes on after it."""
        if "read_aloud" in self.__dict__:
            self.read_aloud.shut_down()
