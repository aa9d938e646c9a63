"""The main window: builds the panes and docks, holds one controller per concern, saves and
restores its layout, and closes.

The controllers: :class:`StartupSequence` (filling the window after its first paint),
:class:`Importer`, :class:`AnalysisRunner`, :class:`ReadingController` (the open article
and its layers), :class:`ListController` and :class:`ListSync` (the list and sidebar),
:class:`OrganiseActions`, :class:`Looks` (preferences and theme), :class:`WordLists`,
:class:`Exporter`, :class:`FeedsController` (subscriptions and their refresh),
:class:`RubyMode` (拼音 mode), :class:`CompanionUi` (the lookup popup, 朗读, 生词本) and
:class:`Annotating` (highlights and notes; its dock is
built after the first paint).
Menus and the toolbar are laid out in :mod:`reader.gui.menus`. Whoever changes the library
says so on :attr:`changes`; the list, sidebar and panels decide from it what to redraw.
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import TYPE_CHECKING

# Dialogs as QtWidgets.X: PySide makes a class's Python type (its enums) when it is first
# taken from the module, so these are made when first shown, not before the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core.errors import LibraryError
from reader.gui import i18n
from reader.gui.analysis_runner import AnalysisRunner
from reader.gui.annotating import Annotating
from reader.gui.article_model import ArticleTableModel
from reader.gui.changes import Change, LibraryChanges
from reader.gui.companion_ui import CompanionUi
from reader.gui.desktop_entry import DesktopEntryActions
from reader.gui.exporting import Exporter
from reader.gui.feeds import FeedsController
from reader.gui.importing import Importer
from reader.gui.keyword_panel import KeywordPanel
from reader.gui.library_watch import LibraryWatch
from reader.gui.list_controller import ListController
from reader.gui.list_sync import ListSync
from reader.gui.looks import Looks
from reader.gui.measure import MeasureKeeper, NarrowList, first_size
from reader.gui.menus import Menus
from reader.gui.organise import OrganiseActions
from reader.gui.reading import ReadingController
from reader.gui.reading_pane import ReadingPane
from reader.gui.reading_progress import ReadingPositions
from reader.gui.ruby_mode import RubyMode
from reader.gui.script_selector import ScriptSelector
from reader.gui.sidebar import LibrarySidebar
from reader.gui.startup import LAST_ARTICLE, StartupSequence
from reader.gui.word_lists import WordLists
from reader.gui.writer import LibraryWriter
from reader.library import Library

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent

    from reader.gui.backup_controller import BackupController
    from reader.gui.find_bar import FindBar

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    first_painted = Signal()  # once, when the window has been drawn for the first time

    def __init__(self, library: Library, settings: QSettings) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.changes = LibraryChanges(self)
        self._closing = False
        self._painted = False
        self.setWindowTitle(i18n.app_name())
        self.setAcceptDrops(True)
        self.writer = LibraryWriter(library, self.statusBar(), self)
        self.writer.failed.connect(self._write_failed)
        self._build_panes()
        self._build_controllers()
        self.menus = Menus(self, self)
        self.looks = Looks(
            settings,
            self.reading_pane,
            self.keyword_panel,
            self.menus.drawn_icons,
            self,
        )
        self.reading = self._build_reading()
        self.ruby = RubyMode(
            self.reading_pane, self.looks, self.scripts, settings, self.menus.ruby_action
        )
        self.list_sync = ListSync(
            library,
            self.changes,
            lists=self.lists,
            model=self.model,
            list_view=self.list_view,
            sidebar=self.sidebar,
            search_edit=self.search_edit,
            count_label=self.count_label,
            reading=self.reading,
            reopening=lambda: self.startup.reopening(),
            writer=self.writer,
            window=self,
        )
        self.organise.changed.connect(self.list_sync.organised)
        self.organise.returned.connect(self.list_sync.open_when_listed)
        self.annotating = Annotating(self, self, settings)
        self.annotating.dock_placed.connect(
            lambda dock: self.measure.fold_beside(dock, self.keyword_dock)
        )
        self.companion = CompanionUi(
            self,
            library,
            settings,
            pane=self.reading_pane,
            reading=self.reading,
            looks=self.looks,
            writer=self.writer,
            changes=self.changes,
            add_below_pane=self._reading_column.addWidget,
            status=self.status,
        )
        self.startup: StartupSequence = StartupSequence(self, settings)
        self.startup.failed.connect(self._library_failed)
        self.startup.loaded.connect(self.feeds.start)
        self.looks.settings_opened.connect(
            lambda dialog: dialog.words_saved.connect(self.word_lists.saved_in_settings)
        )
        self.scripts.set_config(self.looks.prefs.default_script or None)
        self.measure: MeasureKeeper = MeasureKeeper(
            self,
            self.splitter,
            self.list_view,
            self.reading_pane,
            lambda: self.findChildren(QDockWidget),
        )
        for dock in (self.keyword_dock, self.library_dock):
            self.measure.watch(dock)
        self.looks.changed.connect(self.measure.fit)  # a new font size or measure
        self._restore_layout()

    # -- building -------------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.model = ArticleTableModel(parent=self)
        self.model.failed.connect(self._library_failed)
        self.list_view = self._build_list()
        self.reading_pane = ReadingPane()
        self.positions = ReadingPositions(self.reading_pane, self.library, self.writer)
        reading = QWidget()
        self._reading_column = QVBoxLayout(reading)  # the find bar joins it when first used
        self._reading_column.setContentsMargins(0, 0, 0, 0)
        self._reading_column.setSpacing(0)
        self._reading_column.addWidget(self.reading_pane, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(reading)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel()
        self.article_label = QLabel()
        self.statusBar().addWidget(self.article_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self.scripts = ScriptSelector(self)
        self.keyword_panel = KeywordPanel()
        self.keyword_dock = self._dock(self.tr("关键词"), "keywordDock", self.keyword_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.keyword_dock)
        self.sidebar = LibrarySidebar()
        self.library_dock = self._dock(self.tr("文库"), "libraryDock", self.sidebar)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("搜索文库，简繁通用 (Ctrl+K)"))
        self.search_edit.setMaximumWidth(320)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _build_list(self) -> QTableView:
        view = QTableView()
        view.setObjectName("articleList")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        header = view.horizontalHeader()
        header.setSectionResizeMode(ArticleTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ArticleTableModel.SOURCE, QHeaderView.ResizeMode.Interactive)
        # Fixed, not ResizeToContents: that measures up to 1,000 rows (each a model call)
        # on every change of a row. Dates are all YYYY-MM-DD, or that and "imported".
        header.setSectionResizeMode(ArticleTableModel.DATE, QHeaderView.ResizeMode.Fixed)
        date_width = max(
            view.fontMetrics().horizontalAdvance(self.model.widest_date()),
            header.fontMetrics().horizontalAdvance(
                self.model.headerData(ArticleTableModel.DATE, Qt.Orientation.Horizontal)
            ),
        )
        header.resizeSection(ArticleTableModel.DATE, date_width + 28)  # padding, sort arrow
        header.resizeSection(ArticleTableModel.SOURCE, 90)
        header.setHighlightSections(False)
        # No column sorted until the reader clicks one (the list starts in import order);
        # enabling sorting would otherwise sort by the indicator's column at once.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(lambda _section: header.setSortIndicatorShown(True))
        view.setMinimumWidth(260)
        NarrowList(view, ArticleTableModel.SOURCE, below=340)
        return view

    def _build_controllers(self) -> None:
        library, status = self.library, self.statusBar()
        self.watch = LibraryWatch(library, self)  # imports by other processes show up
        self.watch.changed.connect(self._changed_elsewhere)
        self.lists = ListController(
            library.directory,
            self.model,
            self.sidebar,
            self.search_edit,
            lambda: library.analysis.watch_words(),
            self,
            open_article=lambda: (
                record.id if (record := self.reading_pane.record) else self.startup.reopening()
            ),
        )
        self.lists.damaged.connect(self._library_failed)
        self.analysis_runner = AnalysisRunner(library, self.changes, status, self)
        self.importer = Importer(
            library, self.changes, self.analysis_runner, status, self.writer, self
        )
        self.word_lists = WordLists(library, self.changes, self.analysis_runner, self.writer, self)
        self.exporter = Exporter(self.reading_pane, status, self)
        self.desktop_entry = DesktopEntryActions(library.directory, status, self)
        self.feeds = FeedsController(
            library,
            self.changes,
            self.sidebar,
            self.lists,
            self.analysis_runner,
            status,
            self.settings,
            self.writer,
            self,
        )
        self.organise = OrganiseActions(
            library,
            self.writer,
            lambda: self.list_sync.selected_ids(),
            self,
            undo_stack=lambda: (
                self.annotating.ui.controller.stack if self.annotating.built else None
            ),
        )
        self.organise.said.connect(lambda text: self.status(text, 8000))
        self.sidebar.scope_changed.connect(
            lambda scope: setattr(self.organise, "in_trash", scope.kind == "trash")
        )
        self.sidebar.empty_trash_requested.connect(self.organise.empty_trash)
        self.sidebar.edit_watch_requested.connect(self.word_lists.edit_watch_words)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(
            lambda pos: self.organise.context_menu(self).exec(
                self.list_view.viewport().mapToGlobal(pos)
            )
        )

    def _build_reading(self) -> ReadingController:
        reading = ReadingController(
            self,
            self.library,
            self.changes,
            pane=self.reading_pane,
            list_view=self.list_view,
            model=self.model,
            lists=self.lists,
            keyword_panel=self.keyword_panel,
            scripts_selector=self.scripts,
            looks=self.looks,
            status_bar=self.statusBar(),
            article_label=self.article_label,
            find_bar=lambda: self.find_bar,
            ambiguity_action=self.menus.ambiguity_action,
            writer=self.writer,
        )
        reading.failed.connect(self._library_failed)
        self.reading_pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reading_pane.customContextMenuRequested.connect(reading.context_menu)
        return reading

    @cached_property
    def backups(self) -> BackupController:
        """Backups and restores (文件 → 备份与恢复…) and the daily backup: made once the
        window is loaded (StartupSequence), or when first asked for."""
        from reader.gui import backup_controller

        return backup_controller.BackupController(
            self.library, self.changes, self.settings, self.statusBar(), self
        )

    @cached_property
    def find_bar(self) -> FindBar:
        """The find bar under the reading pane, hidden until Ctrl+F: made when an article
        first shows, after the first paint."""
        from reader.gui.find_bar import FindBar

        bar = FindBar()
        bar.matches_changed.connect(self.reading.found)
        bar.current_changed.connect(
            lambda start, end: self.reading_pane.select_span(start, end, original=False)
        )
        self._reading_column.addWidget(bar)
        return bar

    # -- what the controllers ask of the window -------------------------------------------

    @property
    def loaded(self):  # the startup sequence's signal: the list in, the last article open
        return self.startup.loaded

    def load(self) -> None:
        self.startup.load()

    def status(self, message: str, timeout: int = 4000) -> None:
        self.statusBar().showMessage(message, timeout)

    def add_notes_dock(self, dock: QDockWidget) -> None:
        """The 批注 dock, a tab beside 关键词, as the reader left it (a new reader: behind)."""
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        # A tab beside 关键词: stacked, the two docks would set a tall minimum window height.
        self.tabifyDockWidget(self.keyword_dock, dock)
        self.keyword_dock.raise_()
        # Added after the window showed, the dock starts hidden wherever the saved layout
        # puts it back.
        if self._layout_restored:
            self.restoreDockWidget(dock)
        self.measure.watch(dock)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def open_settings(self) -> None:
        self.looks.open_settings(self, self.library)

    def open_targets(self, targets: list[str]) -> None:
        """What a launch was given (the command line, the file manager, a browser, a later
        launch): files are imported, a ``reader://`` link opens its article at the passage
        (the last link, if several; once the window has loaded)."""
        from reader.core.links import is_article_link

        files = [t for t in targets if not is_article_link(t)]
        links = [t for t in targets if is_article_link(t)]
        if files:
            self.importer.import_paths(files)
        if links:
            self.annotating.open_when_loaded(links[-1], loaded=not self.startup.loading)

    def about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            self.tr("关于阅报"),
            f"<h3>{i18n.app_name()} {__version__}</h3><p>"
            + self.tr("把报纸版面文本整理成干净的文章，简繁随心，标注长存。")
            + "</p>",
        )

    def _changed_elsewhere(self) -> None:
        """Another process changed the list (this window's own import says so itself)."""
        if self.importer.operation is None:
            self.changes.announce(Change(listed=True, counted=True))

    def _library_failed(self, error: LibraryError) -> None:
        """Damage in a page no check at open read: one dialog, then close (nothing written)."""
        if not self._closing:
            from reader.gui import library_errors  # rarely needed: not at start-up

            self._closing = True
            library_errors.report(self, error, self.library.path)
            self.close()

    def _write_failed(self, error: BaseException | None) -> None:
        """A write of the window's that could not be made: damage closes the window as
        anywhere else; anything else (a library kept busy for long, a full disk) is said."""
        from reader.core.errors import DamagedLibraryError

        if isinstance(error, DamagedLibraryError):
            self._library_failed(error)
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("未能保存"), str(error))

    # -- layout, painting, closing, dropping ----------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*first_size(self.screen().availableGeometry().size()))
        state = self.settings.value("window/state")
        self._layout_restored = isinstance(state, QByteArray) and not state.isEmpty()
        if self._layout_restored:
            self.restoreState(state)
            self.measure.restore(self.settings)
        else:
            self.resizeDocks([self.library_dock], [190], Qt.Orientation.Horizontal)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([380, 800])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closing = True  # results still queued for this window start no new work
        self.lists.closing = True
        self.positions.flush()
        self.writer.flush()  # what the reader did is written before the window goes
        self.watch.stop()
        self.importer.cancel()
        self.analysis_runner.cancel()
        self.feeds.cancel()
        self.companion.shut_down()
        # Workers report to this window: let them stop before it goes away.
        QThreadPool.globalInstance().waitForDone(30_000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/state", self.saveState())
        self.measure.save(self.settings)
        self.annotating.save_state(self.settings)
        record = self.reading_pane.record
        if record is not None:
            self.settings.setValue(LAST_ARTICLE, record.id)
        self.settings.sync()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.importer.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.importer.drop(event.mimeData()):
            event.acceptProposedAction()
