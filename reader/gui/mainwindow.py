"""The main window: builds the panes, menus and status bar, and wires signals in one place."""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

# Dialogs as QtWidgets.X: PySide makes a class's Python type (its enums) when it is first
# taken from the module, so these are made when first shown, not before the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QItemSelection,
    QSettings,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core import scripts
from reader.gui import i18n, themes
from reader.gui.article_model import ArticleTableModel
from reader.gui.keyword_panel import KeywordPanel
from reader.gui.library_watch import LibraryWatch
from reader.gui.list_controller import ListController
from reader.gui.organise import OrganiseActions
from reader.gui.preferences import Preferences
from reader.gui.reading_pane import Layer, ReadingPane
from reader.gui.reading_progress import ReadingPositions, reading_chars, reading_minutes
from reader.gui.script_selector import ScriptSelector
from reader.gui.sidebar import LibrarySidebar, Scope
from reader.gui.themes import Theme
from reader.gui.turns import next_turn
from reader.gui.workers import Operation, ProcessOperation
from reader.library import (
    IMPORTABLE_SUFFIXES,
    NOTHING_TO_IMPORT,
    ImportReport,
    Library,
    write_atomically,
)
from reader.store.db import LibraryError

if TYPE_CHECKING:
    # Only annotations: PySide makes a class's Python type when it is first imported.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent

    from reader.gui.annotating import Annotating
    from reader.gui.find_bar import FindBar
    from reader.store.analysis import AnalysisStore

log = logging.getLogger(__name__)

NOTES_DOCK = "window/notes_dock"  # how the reader left the 批注 dock: closed, front, behind

PANEL_KEYWORDS = 12
EXPORT_FORMATS = (  # (file-dialog filter, suffix)
    ("Markdown (*.md)", ".md"),
    (QT_TRANSLATE_NOOP("MainWindow", "网页 (*.html)"), ".html"),
    (QT_TRANSLATE_NOOP("MainWindow", "纯文本 (*.txt)"), ".txt"),
    ("JSON (*.json)", ".json"),
    ("PDF (*.pdf)", ".pdf"),
)


def export_suffixes() -> dict[str, str]:
    """File-dialog filter, in the interface language → suffix."""
    return {QCoreApplication.translate("MainWindow", f): suffix for f, suffix in EXPORT_FORMATS}


def background(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(color))
    return fmt


def foreground(color: str, *, underline: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(color))
    return fmt


def layer_formats(theme: Theme, prefs: Preferences) -> dict[str, QTextCharFormat]:
    """One look per layer, from the theme unless the reader chose a colour."""
    formats = {
        "keywords": background(prefs.keyword_color or theme.keyword),
        "focus": background(theme.focus),
        "search": background(theme.search),
        "find": background(theme.find),
        "watch": foreground(prefs.watch_color or theme.watch, underline=True),
        "entity-person": foreground(theme.person),
        "entity-place": foreground(theme.place),
        "entity-org": foreground(theme.org),
    }
    ambiguity = QTextCharFormat()
    ambiguity.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    ambiguity.setUnderlineColor(QColor(theme.ambiguity))
    formats["ambiguities"] = ambiguity
    return formats


def _prepare_reading() -> None:
    """On a worker before the first article opens: the reading stack's tables, search's
    (for the search terms marked in the article), and the modules the first article
    needs imported: highlights and notes (building ~70 Qt enum types, ~40 ms), the find
    bar (made when an article first shows), the reader's phrase fixes."""
    from reader import views
    from reader.gui import annotating, find_bar  # noqa: F401
    from reader.store import phrases, search  # noqa: F401

    views.prepare()
    search.prepare()


class MainWindow(QMainWindow):
    first_painted = Signal()  # once, when the window has been drawn for the first time
    loaded = Signal()  # once after load(): the list is in and the last article open again

    def __init__(self, library: Library, settings: QSettings) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self._operation: Operation | None = None
        self._queued: list = []  # imports asked for while one runs
        self._analysis_op: ProcessOperation | None = None
        self._analyse_again = False
        self._analysis_stage = ""  # what the analysis process reports progress of
        self._selecting: int | None = None  # the article the list chose, opening next turn
        self.auto_analyse = True  # analyse new articles in the background
        self._closing = False
        self._painted = False
        self._focus: tuple[str, list[tuple[int, int]], int] | None = None
        self._keyword_spans: list[tuple[int, int, str]] = []
        self.setWindowTitle(i18n.app_name())
        self.setAcceptDrops(True)

        self.model = ArticleTableModel(parent=self)
        self.model.failed.connect(self._library_failed)
        self.watch = LibraryWatch(library, self)  # imports by other processes show up
        self.watch.changed.connect(self._changed_elsewhere)
        self.list_view = self._build_list()
        self.reading_pane = ReadingPane()
        self.positions = ReadingPositions(self.reading_pane, library)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._show_when_listed: tuple[int, bool] | None = None  # (article, filter cleared)
        # load(): what is still awaited before the last article opens again.
        self._loading: set[str] = set()
        self._reopen: int | None = None
        self._link: str | None = None  # a reader:// link to open once loaded
        reading = QWidget()
        self._reading_column = QVBoxLayout(reading)  # the find bar joins it when first used
        self._reading_column.setContentsMargins(0, 0, 0, 0)
        self._reading_column.setSpacing(0)
        self._reading_column.addWidget(self.reading_pane, 1)
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
        self.keyword_dock = QDockWidget(self.tr("关键词"), self)
        self.keyword_dock.setObjectName("keywordDock")
        self.keyword_dock.setWidget(self.keyword_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.keyword_dock)
        self._build_toolbar()
        self._build_menus()
        self._fill_toolbar()

        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._build_library_pane()
        # Highlights, notes, the 编辑 menu and the 批注 dock: built by load(), after the first
        # paint (their modules and widgets cost ~0.05 s, and the dock starts behind 关键词).
        self.annotating: Annotating | None = None
        self.prefs = Preferences.load(settings)
        self._apply_look()  # as stored: nothing to save (no settings write before the paint)
        self.scripts.set_config(self.prefs.default_script or None)
        self.scripts.changed.connect(self._script_changed)
        self.reading_pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reading_pane.customContextMenuRequested.connect(self._reading_menu)
        self.keyword_panel.keyword_chosen.connect(self.focus_keyword)
        self.keyword_panel.step_requested.connect(self.step_occurrence)
        self.keyword_panel.article_chosen.connect(self.select_article)
        self.keyword_panel.entity_kinds_changed.connect(self._entity_kinds_changed)
        kinds = self.settings.value("layers/entities")
        self.keyword_panel.set_entity_kinds(set(kinds.split(",")) if kinds else set())
        self._restore_layout()

    @cached_property
    def analysis(self) -> AnalysisStore:
        """Keywords, entities and word lists; first asked for after the first paint (its
        module and json, ~3 ms, are not imported before)."""
        from reader.store.analysis import AnalysisStore

        return AnalysisStore(self.library.db)

    @cached_property
    def find_bar(self) -> FindBar:
        """The find bar under the reading pane, hidden until Ctrl+F: made when an article
        first shows, after the first paint (its module and Qt classes, ~1.5 ms)."""
        from reader.gui.find_bar import FindBar

        bar = FindBar()
        bar.matches_changed.connect(self._found)
        bar.current_changed.connect(
            lambda start, end: self.reading_pane.select_span(start, end, original=False)
        )
        self._reading_column.addWidget(bar)
        return bar

    # -- building -------------------------------------------------------------------------

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
        # on every change of a row, ~0.5 s at 100,000 articles. Dates are all YYYY-MM-DD.
        header.setSectionResizeMode(ArticleTableModel.DATE, QHeaderView.ResizeMode.Fixed)
        date_width = max(
            view.fontMetrics().horizontalAdvance("0000-00-00"),
            header.fontMetrics().horizontalAdvance(
                self.model.headerData(ArticleTableModel.DATE, Qt.Orientation.Horizontal)
            ),
        )
        header.resizeSection(ArticleTableModel.DATE, date_width + 28)  # padding, sort arrow
        header.resizeSection(ArticleTableModel.SOURCE, 90)
        header.setHighlightSections(False)
        view.setMinimumWidth(260)
        return view

    def _build_toolbar(self) -> None:
        """Filled once the menus exist: it reuses their actions (and their shortcuts)."""
        self.toolbar = self.addToolBar(self.tr("工具栏"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)

    def _fill_toolbar(self) -> None:
        bar = self.toolbar
        # The theme's icon, else the style's: (its picture in Qt's images, QStyle's name).
        icons = {
            self.import_action: ("document-open", "standardbutton-open", "SP_DialogOpenButton"),
            self.export_action: ("document-save-as", "standardbutton-save", "SP_DialogSaveButton"),
            self.print_action: ("document-print", "viewdetailed", "SP_FileDialogDetailedView"),
            self.settings_action: ("preferences-system", "fileinfo", "SP_FileDialogInfoView"),
        }
        if QIcon.hasThemeIcon("go-up"):  # else _apply_look draws both arrows
            icons[self.previous_action] = ("go-up", "", "SP_ArrowUp")
            icons[self.next_action] = ("go-down", "", "SP_ArrowDown")
        for action, (name, image, pixmap) in icons.items():
            icon = QIcon.fromTheme(name)
            action.setIcon(themes.standard_icon(image, pixmap) if icon.isNull() else icon)
        bar.addAction(self.import_action)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addAction(self.next_action)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" 文字 ")))
        bar.addWidget(self.scripts.combo)
        bar.addSeparator()
        bar.addAction(self.export_action)
        bar.addAction(self.print_action)
        bar.addAction(self.settings_action)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.import_action = self._action(
            file_menu, self.tr("导入文件(&I)…"), self.choose_files, QKeySequence.StandardKey.Open
        )
        self._action(file_menu, self.tr("导入文件夹(&D)…"), self.choose_folder, "Ctrl+Shift+O")
        self._action(file_menu, self.tr("粘贴为新文章(&N)"), self.paste_as_article, "Ctrl+Shift+V")
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, self.tr("导出文章(&E)…"), self.export_article, "Ctrl+E"
        )
        self.print_action = self._action(
            file_menu, self.tr("打印(&P)…"), self.print_article, QKeySequence.StandardKey.Print
        )
        file_menu.addSeparator()
        self.settings_action = self._action(
            file_menu,
            self.tr("设置(&S)…"),
            self.open_settings,
            QKeySequence.StandardKey.Preferences,
            fallback="Ctrl+,",
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            self.tr("退出(&Q)"),
            self.close,
            QKeySequence.StandardKey.Quit,
            fallback="Ctrl+Q",
        )

        view_menu = self.menuBar().addMenu(self.tr("查看(&V)"))
        self.scripts.fill_menu(view_menu.addMenu(self.tr("文字(&S)")))
        self.ambiguity_action = self._action(
            view_menu, self.tr("标出多义字(&A)"), self._refresh_ambiguities, "Ctrl+Shift+A"
        )
        self.ambiguity_action.setCheckable(True)
        view_menu.addAction(self.keyword_dock.toggleViewAction())
        self._action(view_menu, self.tr("关注词(&W)…"), self.edit_watch_words)
        self._action(view_menu, self.tr("用户词典(&U)…"), self.edit_user_words)
        self._action(
            view_menu,
            self.tr("下一处关键词"),
            lambda: self.step_occurrence(+1),
            QKeySequence.StandardKey.FindNext,
        )
        self._action(
            view_menu,
            self.tr("上一处关键词"),
            lambda: self.step_occurrence(-1),
            QKeySequence.StandardKey.FindPrevious,
        )
        view_menu.addSeparator()
        self._action(
            view_menu,
            self.tr("放大字体"),
            lambda: self.change_font(+1),
            QKeySequence.StandardKey.ZoomIn,
        )
        self._action(
            view_menu,
            self.tr("缩小字体"),
            lambda: self.change_font(-1),
            QKeySequence.StandardKey.ZoomOut,
        )
        view_menu.addSeparator()
        self.next_action = self._action(view_menu, self.tr("下一篇"), lambda: self.step(+1), "J")
        self.previous_action = self._action(
            view_menu, self.tr("上一篇"), lambda: self.step(-1), "K"
        )

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("关于阅报(&A)"), self.about)

    def _action(self, menu, text: str, slot, shortcut=None, fallback: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # the platform's keys (several on some)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if fallback and action.shortcut().isEmpty():
            # Some platforms bind no key to Quit or Preferences; give the usual one.
            action.setShortcut(QKeySequence(fallback))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_library_pane(self) -> None:
        """Sidebar, search box and the list's organising actions (the 文章 menu)."""
        self.sidebar = LibrarySidebar()
        self.library_dock = QDockWidget(self.tr("文库"), self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.sidebar)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("搜索文库，简繁通用 (Ctrl+K)"))
        self.search_edit.setMaximumWidth(320)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search_edit)
        self.lists = ListController(
            self.library.directory,
            self.model,
            self.sidebar,
            self.search_edit,
            lambda: self.analysis.watch_words(),
            self,
            open_article=lambda: (
                record.id if (record := self.reading_pane.record) else self._reopening()
            ),
        )
        self.lists.listed.connect(self._listed)
        self.lists.damaged.connect(self._library_failed)
        self.lists.counted.connect(self._update_count)
        self.organise = OrganiseActions(self.library, self._selected_ids, self)
        self.organise.changed.connect(self._organised)
        self.sidebar.scope_changed.connect(self._scope_changed)
        self.sidebar.rename_tag_requested.connect(self.rename_tag)
        self.sidebar.delete_tag_requested.connect(self.delete_tag)
        self.sidebar.empty_trash_requested.connect(self.organise.empty_trash)
        self.sidebar.edit_watch_requested.connect(self.edit_watch_words)
        # No column sorted until the reader clicks one (the list starts in import order);
        # enabling sorting would otherwise sort by the indicator's column at once.
        self.list_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.list_view.setSortingEnabled(True)
        self.list_view.horizontalHeader().setSortIndicatorShown(False)
        self.list_view.horizontalHeader().sectionClicked.connect(
            lambda _section: self.list_view.horizontalHeader().setSortIndicatorShown(True)
        )
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(
            lambda pos: self.organise.context_menu(self).exec(
                self.list_view.viewport().mapToGlobal(pos)
            )
        )
        menu = QMenu(self.tr("文章(&A)"), self)
        self.organise.fill_menu(menu)
        menu.addSeparator()
        self._action(menu, self.tr("下一篇未读(&N)"), self.next_unread, "N")
        self._action(menu, self.tr("向下翻页"), self.page_down, "Space")
        menu.addSeparator()
        self._action(menu, self.tr("搜索文库(&K)"), self.focus_search, "Ctrl+K")
        self._action(
            menu,
            self.tr("在本文中查找(&F)…"),
            lambda: self.find_bar.open_bar(),
            QKeySequence.StandardKey.Find,
        )
        self.menuBar().insertMenu(self.menuBar().actions()[-1], menu)  # before 帮助

    def _selected_ids(self) -> list[int]:
        rows = self.list_view.selectionModel().selectedRows()
        ids = [self.model.article_id(r.row()) for r in rows]
        return [i for i in ids if i is not None]

    # -- state ----------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        state = self.settings.value("window/state")
        self._layout_restored = isinstance(state, QByteArray) and not state.isEmpty()
        if self._layout_restored:
            self.restoreState(state)
        else:
            self.resizeDocks([self.library_dock], [170], Qt.Orientation.Horizontal)
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
        self.watch.stop()
        self._queued.clear()
        for op in (self._operation, self._analysis_op):
            if op is not None:
                op.cancel()
        # Workers report to this window: let them stop before it goes away.
        QThreadPool.globalInstance().waitForDone(30_000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/state", self.saveState())
        if self.annotating is not None:
            dock = self.annotating.dock
            front = not dock.visibleRegion().isEmpty()  # a tab behind another shows nothing
            left = "closed" if dock.isHidden() else "front" if front else "behind"
            self.settings.setValue(NOTES_DOCK, left)
        record = self.reading_pane.record
        if record is not None:
            self.settings.setValue("reading/last_article", record.id)
        self.settings.sync()
        super().closeEvent(event)

    def _build_annotating(self) -> None:
        from reader.gui.annotating import Annotating

        self.annotating = Annotating(self)
        # Added after the window showed, the dock starts hidden wherever the saved layout
        # puts it back: shown as the reader left it (a new reader: a tab behind 关键词).
        dock = self.annotating.dock
        if self._layout_restored:
            self.restoreDockWidget(dock)
        left = self.settings.value(NOTES_DOCK, "behind")
        dock.setHidden(left == "closed")
        (dock if left == "front" else self.keyword_dock).raise_()

    def load(self) -> None:
        """Fill the list after the window has painted; reopen the last article."""
        try:
            self._load()
        except LibraryError as e:
            self._library_failed(e)

    def _library_failed(self, error: LibraryError) -> None:
        """Damage in a page no check at open read: one dialog, then close (nothing written)."""
        if not self._closing:
            from reader.gui import library_errors  # rarely needed: not at start-up

            self._closing = True
            library_errors.report(self, error, self.library.db.path)
            self.close()

    def _load(self) -> None:
        # Nothing here may hold the window. What showing an article first needs (~0.2 s
        # of tables and patterns) is prepared on a worker; then the notes dock is built
        # and the list (~0.2 s at 100,000 articles) fetched on another (_fetch_list);
        # when both are in the last article opens (_reopen_last), then the sidebar is
        # counted (_finish_loading). One worker of Python at a time, and none while the
        # list first paints: a paint of the list calls the model ~900 times, each taking
        # Python's lock, which a worker running Python keeps up to 5 ms at a time
        # (bench_gui's fill at 100,000 articles: a list paint beside the preparing worker
        # 160-230 ms, the two workers at once 30-50 ms stalls).
        last = self.settings.value("reading/last_article")
        self._reopen = int(last) if last not in (None, "") else None
        self._loading = {"prepared", "listed"}
        self.model.set_store(self.library.articles, fetch=False)
        prepare = Operation(lambda _progress, _cancelled: _prepare_reading(), self)
        prepare.finished.connect(lambda: self._loaded_part("prepared"))
        prepare.finished.connect(prepare.deleteLater)
        prepare.start()
        if self.auto_analyse:
            self.start_analysis()

    def _loaded_part(self, part: str) -> None:
        if part not in self._loading:
            return
        self._loading.discard(part)
        # Each step in a turn of the event loop of its own, after the paint of the one
        # before (turns.next_turn).
        if self._loading == {"listed"}:
            next_turn(self, self._fetch_list)
        elif not self._loading:
            # Two turns on: the list's scroll bar comes in with its first rows and narrows
            # the title column, and the view paints every row again for that on a timer
            # a turn later (~7-11 ms); the article's turn would share that paint.
            next_turn(self, lambda: next_turn(self, self._reopen_last))

    def _fetch_list(self) -> None:
        """The notes dock (its modules were imported by the worker), then the list's
        worker a turn later: the list first paints at its final width (the dock narrows
        it; another paint of every row, their titles cut anew) and no worker meets the
        dock's Python."""
        if self.annotating is None:
            self._build_annotating()
            next_turn(self, self._fetch_list)
        elif "listed" in self._loading:  # (else a fetch the reader asked for came first)
            self.lists.refresh(counts=False)  # the sidebar's counts once the article is open

    def _reopening(self) -> int | None:
        """The article the window opens again when loaded, until the list is in."""
        return self._reopen if "listed" in self._loading else None

    def _reopen_last(self) -> None:
        """The last article, once the list and the reading stack are in; the rest of
        load() a turn later (_finish_loading)."""
        if self.annotating is None:  # the list came first (a fetch the reader asked for)
            self._build_annotating()
            next_turn(self, self._reopen_last)
            return
        opened = self.reading_pane.record is not None  # the reader chose one meanwhile
        if not opened and not self.select_article(self._reopen) and self.model.rowCount() > 0:
            self.list_view.selectRow(0)
        next_turn(self, self._finish_loading)

    def _finish_loading(self) -> None:
        from reader.gui import word_selection

        # Double-click selects jieba words once the segmenter process has answered; it
        # starts when the reader first pauses (it takes ~1 s of a core to load).
        word_selection.use_user_words(self.analysis.user_words())
        views = (self.list_view, self.list_view.horizontalHeader(), self.sidebar, self.reading_pane)
        word_selection.warm_up_when_idle([*views, *(v.viewport() for v in views), self.search_edit])
        # The sidebar's counts a turn later: read on a worker, but their ~20,000 rows at
        # 100,000 articles are Python this turn and its paint would share.
        next_turn(self, lambda: self.lists.refresh(ids=False))
        # Other processes' imports from now on (counting 100,000 articles from a cold
        # cache takes a while: not beside the first fetch).
        self.watch.start()
        self._open_link()
        self.loaded.emit()

    def _changed_elsewhere(self) -> None:
        """Another process changed the list: fetch it again, the open article kept."""
        if self._operation is None:  # this window's own import refreshes when it ends
            self.lists.refresh()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        total = self.sidebar.total()
        if total is None or total == shown or self.sidebar.scope.kind == "trash":
            self.count_label.setText(self.tr("%n 篇文章", "", shown))
        else:
            self.count_label.setText(self.tr("%n 篇，共 {total} 篇", "", shown).format(total=total))

    # -- the list -------------------------------------------------------------------------

    def _listed(self) -> None:
        """New ids in the list: keep the open article selected if it is still listed."""
        wanted, self._show_when_listed = self._show_when_listed, None
        if wanted is not None and not self.select_article(wanted[0]) and not wanted[1]:
            # The filter hides the imported article: show the whole library to show it.
            self._show_when_listed = (wanted[0], True)
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.sidebar.set_scope(Scope())  # fetches again
            self.lists.refresh()
            return
        record = self.reading_pane.record
        if wanted is None and (record is None or not self.select_article(record.id)):
            # Loading: the list opens where the last article is, selected once the reading
            # stack is in (_reopen_last), so its first paint is the rows left in view, not
            # the top's and then theirs (two cold paints of new rows, ~15-20 ms each).
            reopening = self._reopening()
            row = self.model.row_of(reopening) if reopening is not None else None
            if row is None:
                self.list_view.scrollToTop()
            else:
                self.list_view.doItemsLayout()  # the new rows' scroll range (else a turn on)
                self.list_view.scrollTo(self.model.index(row, 0))
        self._update_count()
        self._apply_search_layer()
        self._loaded_part("listed")

    def _scope_changed(self, scope: Scope) -> None:
        self.organise.in_trash = scope.kind == "trash"

    def _organised(self, ids: list[int], left: bool) -> None:
        if left:  # trashed or restored: they leave this list
            self.lists.refresh()
        else:
            self.model.refresh_rows(ids)
            self.lists.refresh(ids=False)

    def rename_tag(self, tag: str) -> None:
        new, ok = QtWidgets.QInputDialog.getText(
            self, self.tr("重命名标签"), self.tr("新名称："), text=tag
        )
        if ok and new.strip() and new.strip() != tag:
            self.library.articles.rename_tag(tag, new)
            self.lists.show_scope(Scope("tag", new.strip()))
            self.lists.refresh()

    def delete_tag(self, tag: str) -> None:
        self.library.articles.delete_tag(tag)
        self.lists.refresh()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def next_unread(self) -> None:
        """The next unread article below the selection (wrapping round once)."""
        rows = self.list_view.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        row = self.model.next_unread(current)
        if row is None:
            self.statusBar().showMessage(self.tr("没有未读文章了"), 3000)
        else:
            self.list_view.selectRow(row)

    def page_down(self) -> None:
        """Space: a page further, and at the end of an article on to the next unread."""
        bar = self.reading_pane.verticalScrollBar()
        if self.reading_pane.record is not None and bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep() - bar.singleStep())
        else:
            self.next_unread()

    def _apply_search_layer(self) -> None:
        """The list's search terms, marked in the open article (in its own style)."""
        from reader.store.search import find_spans, query_terms

        view = self.reading_pane.view
        terms = query_terms(self.lists.query) if view is not None else []
        spans = find_spans(view.body.text, terms) if terms else []
        self.reading_pane.set_layer(
            "search",
            Layer(tuple(spans), self.formats["search"], original=False) if spans else None,
        )

    def _found(self, spans: list[tuple[int, int]]) -> None:
        self.reading_pane.set_layer(
            "find", Layer(tuple(spans), self.formats["find"], original=False) if spans else None
        )

    # -- reading --------------------------------------------------------------------------

    def select_article(self, article_id: int | None) -> bool:
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is None:
            return False
        self.list_view.selectRow(row)
        self.list_view.scrollTo(self.model.index(row, 0))
        self._selecting = article_id
        self._open_selected(article_id)  # asked for by id (a link, the last read): now
        return True

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        article_id = self.model.article_id(indexes[0].row()) if indexes else None
        # The list repaints its new rows in this turn, the article opens in the next: the
        # window answers between the two (Page Down at 100,000 articles stopped it 50-65 ms
        # with both in one turn).
        self._selecting = article_id
        next_turn(self, lambda: self._open_selected(article_id))

    def _open_selected(self, article_id: int | None) -> None:
        if article_id != self._selecting:
            return  # another article was chosen meanwhile: that one opens
        shown = self.reading_pane.record
        if shown is not None and article_id == shown.id:
            return  # the list was refreshed around the open article: leave it as it is
        try:
            record = self.library.get(article_id) if article_id is not None else None
        except LibraryError as e:  # the article's pages are where damage shows most
            self._library_failed(e)
            return
        if record is None:
            self.reading_pane.show_placeholder()
            self.article_label.clear()
            self.find_bar.set_text("")
            return
        self.reading_pane.show_article(self.library.view(record, self.scripts.config))
        self._refresh_ambiguities()
        self._apply_layers()
        self._apply_search_layer()
        self.find_bar.set_text(self.reading_pane.view.body.text)
        chars = reading_chars(record.body)
        self.article_label.setText(
            self.tr("{chars} 字　约 {minutes} 分钟").format(
                chars=chars, minutes=reading_minutes(chars)
            )
        )
        if not self.library.articles.read_at(record.id):
            self.library.articles.mark_read(record.id)  # read once opened, as in mail
            self.model.refresh_rows([record.id])
            # Only the unread count changes: not a recount of the library (~0.4 s of a
            # worker at 100,000 articles, for every article J opens).
            self.sidebar.count_read(1)

    # -- keywords, entities, watch words --------------------------------------------------

    def _apply_layers(self) -> None:
        """Draw the stored analysis of the open article and the watch words."""
        record = self.reading_pane.record
        if record is None:
            return
        from reader import views  # once an article is open: after the first paint

        keywords = self.analysis.keywords(record.id)[:PANEL_KEYWORDS]
        self.keyword_panel.set_keywords(keywords)
        self._focus = None
        shown = {w for w, _ in keywords}
        self._keyword_spans = [k for k in self.analysis.keyword_spans(record.id) if k[2] in shown]
        layers: dict[str, Layer | None] = {
            "keywords": Layer(
                tuple((s, e) for s, e, _ in self._keyword_spans), self.formats["keywords"]
            )
            if self.prefs.show_keywords
            else None,
            "focus": None,
        }
        entities = self.analysis.entities(record.id) or []
        enabled = self.keyword_panel.entity_kinds()
        for kind in ("person", "place", "org"):
            spans = tuple((e.start, e.end) for e in entities if e.kind == kind)
            layers[f"entity-{kind}"] = (
                Layer(spans, self.formats[f"entity-{kind}"]) if kind in enabled and spans else None
            )
        watch = self.analysis.watch_words()
        watch_spans = views.find_words(record.body, watch)
        layers["watch"] = Layer(tuple(watch_spans), self.formats["watch"]) if watch_spans else None
        self.reading_pane.set_layers(layers)
        if self.annotating is not None:
            self.annotating.refresh()
        folded = [scripts.fold(record.body[s:e]) for s, e in watch_spans]
        self.keyword_panel.set_watch_counts([(w, folded.count(scripts.fold(w))) for w in watch])

    def _entity_kinds_changed(self, kinds: set[str]) -> None:
        self.settings.setValue("layers/entities", ",".join(sorted(kinds)))
        self._apply_layers()

    def focus_keyword(self, word: str) -> None:
        """Highlight every occurrence of one keyword and go to the first."""
        record = self.reading_pane.record
        if record is None or not word:
            return
        spans = [(s, e) for s, e, w in self._keyword_spans if w == word]
        self._focus = (word, spans, -1)
        self.reading_pane.set_layer("focus", Layer(tuple(spans), self.formats["focus"]))
        self.keyword_panel.select_keyword(word)
        related = self.analysis.articles_with_keyword(word, exclude=record.id, limit=30)
        rows = self.library.articles.rows(related)
        self.keyword_panel.set_related([(i, rows[i].display_title) for i in related if i in rows])
        self.step_occurrence(+1)

    def step_occurrence(self, delta: int) -> None:
        if self._focus is None or not self._focus[1]:
            return
        word, spans, index = self._focus
        index = (index + delta) % len(spans)
        self._focus = (word, spans, index)
        self.reading_pane.select_span(*spans[index])
        self.keyword_panel.set_occurrence(index + 1, len(spans))

    def edit_watch_words(self) -> None:
        from reader.gui.dialogs import edit_word_list  # not before the first paint

        words = edit_word_list(
            self,
            self.tr("关注词"),
            self.tr("每行一个词。提到它们的地方会在每篇文章里标出来："),
            self.analysis.watch_words(),
        )
        if words is not None:
            self.analysis.set_watch_words(words)
            self._apply_layers()
            self.lists.refresh(ids=self.sidebar.scope.kind == "watch")

    def edit_user_words(self) -> None:
        """The user dictionary: words that must segment as one (names, places, terms)."""
        from reader.gui.dialogs import edit_word_list

        current = self.analysis.user_words()
        words = edit_word_list(
            self,
            self.tr("用户词典"),
            self.tr("每行一个词，分词时当作一个整体（记者署名中的人名会自动加入）："),
            list(current),
        )
        if words is None:
            return
        for gone in set(current) - set(words):
            self.analysis.remove_user_word(gone)
            self.analysis.invalidate_containing(gone)
        for new in self.analysis.add_user_words(words):
            self.analysis.invalidate_containing(new)
        self.start_analysis()

    def start_analysis(self) -> None:
        """Analyse new or changed articles in a process of its own (seconds of Python
        segmenting and tagging would take Python's lock from this thread); redraw when
        done."""
        if self._closing:
            return
        from reader.gui import word_selection

        word_selection.use_user_words(self.analysis.user_words())  # they may have changed
        if self._analysis_op is not None:
            self._analyse_again = True
            return
        op = ProcessOperation("reader.analysis", [str(self.library.directory.resolve())], self)
        op.staged.connect(self._analysis_staged)
        op.progressed.connect(self._analysis_progressed)
        op.succeeded.connect(self._analysis_succeeded)
        op.failed.connect(lambda message: log.warning("analysis failed: %s", message))
        op.finished.connect(self._analysis_finished)
        self._analysis_op = op
        op.start()

    def _analysis_staged(self, stage: str) -> None:
        self._analysis_stage = stage

    def _analysis_progressed(self, done: int, total: int, _title: str) -> None:
        if not total or done >= total:
            return
        if self._analysis_stage == "indexing":  # after an upgrade: searches wait for it
            text = self.tr("正在更新搜索索引 {done}/{total}").format(done=done, total=total)
        else:
            text = self.tr("正在分析关键词 {done}/{total}").format(done=done + 1, total=total)
        self.statusBar().showMessage(text, 2000)

    def _analysis_succeeded(self, result: dict[str, int]) -> None:
        from reader.gui import word_selection

        word_selection.use_user_words(self.analysis.user_words())  # names from bylines
        count = result.get("analysed", 0)
        if count:
            self.statusBar().showMessage(self.tr("已分析 %n 篇文章", "", count), 4000)
        self._apply_layers()

    def _analysis_finished(self) -> None:
        self._analysis_op = None
        if self._analyse_again:
            self._analyse_again = False
            self.start_analysis()

    def _rerender(self) -> None:
        record = self.reading_pane.record
        if record is not None:
            view = self.library.view(record, self.scripts.config)
            self.reading_pane.show_article(view, keep_position=True)
            self._refresh_ambiguities()
            self._apply_layers()
            self._apply_search_layer()
            self.find_bar.set_text(view.body.text)

    def _script_changed(self, config: str | None) -> None:
        self._save_preferences(replace(self.prefs, default_script=config or ""))
        self._rerender()

    def _refresh_ambiguities(self) -> None:
        """Mark characters the conversion chose among several forms (on demand)."""
        view = self.reading_pane.view
        if not self.ambiguity_action.isChecked() or view is None or view.effective is None:
            self.reading_pane.set_layer("ambiguities", None)
            return
        found = scripts.ambiguities(view.record.body, view.effective, view.user_phrases)
        fmt = self.formats["ambiguities"]
        tip = self.tr("{chosen}：也可作 {alternatives}\n选中词语后右键「修正转换…」可改为你的写法")
        separator = self.tr("、", "between alternative characters")
        tips = tuple(
            tip.format(
                chosen=a.chosen,
                alternatives=separator.join(x for x in a.alternatives if x != a.chosen),
            )
            for a in found
        )
        spans = tuple((a.view_start, a.view_end) for a in found)
        self.reading_pane.set_layer("ambiguities", Layer(spans, fmt, original=False, tooltips=tips))
        self.statusBar().showMessage(self.tr("%n 处多义字", "", len(found)), 4000)

    # -- reading-pane menu ----------------------------------------------------------------

    def _reading_menu(self, pos) -> None:
        pane = self.reading_pane
        menu = pane.createStandardContextMenu(pos)
        span = pane.selected_span()
        view = pane.view
        if span is not None and view is not None:
            menu.addSeparator()
            menu.addAction(self.tr("复制为简体"), lambda: self.copy_span_as(span, "t2s"))
            menu.addAction(self.tr("复制为繁体"), lambda: self.copy_span_as(span, "s2t"))
            if view.effective is not None:
                menu.addAction(self.tr("修正转换…"), lambda: self.fix_conversion(span))
                original = view.record.body[span[0] : span[1]]
                if original in (view.user_phrases or {}):
                    menu.addAction(self.tr("恢复默认转换"), lambda: self.set_phrase(original, None))
        if self.annotating is not None:
            self.annotating.fill_menu(menu, pos)
        menu.exec(pane.viewport().mapToGlobal(pos))

    def copy_span_as(self, span: tuple[int, int], config: str) -> None:
        record = self.reading_pane.record
        original = record.body[span[0] : span[1]]
        effective = scripts.effective_config(config, scripts.detect_script(original))
        QApplication.clipboard().setText(scripts.convert(original, effective))

    def fix_conversion(self, span: tuple[int, int]) -> None:
        view = self.reading_pane.view
        original = view.record.body[span[0] : span[1]]
        start, end = view.body.to_view(*span)
        from reader.gui.dialogs import ask_phrase_fix

        wanted = ask_phrase_fix(self, original, view.body.text[start:end])
        if wanted:
            self.set_phrase(original, wanted)

    def set_phrase(self, original: str, wanted: str | None) -> None:
        view = self.reading_pane.view
        self.library.set_user_phrase(view.effective, original, wanted)
        self._rerender()

    def step(self, delta: int) -> None:
        rows = self.list_view.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        target = min(max(current + delta, 0), self.model.rowCount() - 1)
        if target >= 0:
            self.list_view.selectRow(target)

    def change_font(self, delta: int) -> None:
        size = min(max(self.prefs.font_px + delta, 12), 40)
        self.apply_preferences(replace(self.prefs, font_px=size))

    # -- export and print -----------------------------------------------------------------

    def export_article(self) -> None:
        """The open article as Markdown, HTML, text, JSON or PDF, in the current view."""
        view = self.reading_pane.view
        if view is None:
            return
        name = view.display_title.replace("/", "／")[:40] or "article"
        suffixes = export_suffixes()
        path, chosen = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("导出文章"), str(Path.home() / f"{name}.md"), ";;".join(suffixes)
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(suffixes.get(chosen, ".md"))
        try:
            if target.suffix.lower() == ".pdf":
                from reader.gui.printing import pdf_printer, print_pane

                print_pane(self.reading_pane, pdf_printer(target))
            else:
                from reader.export import export

                fmt = {".md": "md", ".html": "html", ".htm": "html", ".json": "json"}.get(
                    target.suffix.lower(), "txt"
                )
                write_atomically(target, export([view], fmt))
        except OSError as e:
            QtWidgets.QMessageBox.critical(
                self,
                self.tr("导出失败"),
                self.tr("{path}：{error}").format(path=target, error=e.strerror or e),
            )
            return
        self.statusBar().showMessage(self.tr("已导出到 {path}").format(path=target), 6000)

    def print_article(self) -> None:
        if self.reading_pane.view is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from reader.gui.printing import print_pane

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_pane(self.reading_pane, printer)

    # -- preferences ----------------------------------------------------------------------

    def apply_preferences(self, prefs: Preferences) -> None:
        """Typography, theme and colours, applied live and saved."""
        self._save_preferences(prefs)
        self._apply_look()

    def _apply_look(self) -> None:
        """Draw the window and the open article as :attr:`prefs` says."""
        prefs = self.prefs
        self.theme = themes.resolve(prefs.theme)
        themes.apply(self.theme)
        if not QIcon.hasThemeIcon("go-up"):
            self.previous_action.setIcon(themes.arrow_icon(True, self.theme.text))
            self.next_action.setIcon(themes.arrow_icon(False, self.theme.text))
        self.formats = layer_formats(self.theme, prefs)
        self.keyword_panel.set_entity_colors(
            {"person": self.theme.person, "place": self.theme.place, "org": self.theme.org}
        )
        self.reading_pane.apply(prefs, self.theme)
        self._apply_layers()
        self._refresh_ambiguities()

    def _save_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        prefs.save(self.settings)

    def open_settings(self) -> None:
        from reader.gui.settings_dialog import SettingsDialog  # not needed at start-up

        dialog = SettingsDialog(self.prefs, self.analysis, self)
        dialog.changed.connect(self.apply_preferences)
        dialog.words_changed.connect(self._words_changed)
        if self.annotating is not None:
            self.annotating.extend_settings(dialog)
        dialog.exec()

    def _words_changed(self) -> None:
        self._apply_layers()
        self.start_analysis()

    # -- import ---------------------------------------------------------------------------

    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in IMPORTABLE_SUFFIXES)
        filters = self.tr("报纸文本 ({patterns})").format(patterns=patterns)
        filters += ";;" + self.tr("所有文件 (*)")
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self, self.tr("导入文件"), str(Path.home()), filters
        )
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self, self.tr("导入文件夹"), str(Path.home())
        )
        if folder:
            self.import_paths([folder])

    def paste_as_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage(self.tr("剪贴板里没有文字"), 4000)
            return
        self._finish_import(self.library.import_text(text))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_paths(files)

    def open_targets(self, targets: list[str]) -> None:
        """What a launch was given (the command line, the file manager, a browser, a later
        launch): files are imported, a ``reader://`` link opens its article at the
        passage (the last link, if several; once the window has loaded)."""
        from reader.core.links import is_article_link

        links = [t for t in targets if is_article_link(t)]
        files = [t for t in targets if not is_article_link(t)]
        if files:
            self.import_paths(files)
        if links:
            self._link = links[-1]
            if not self._loading and self.annotating is not None:
                self._open_link()

    def _open_link(self) -> None:
        link, self._link = self._link, None
        if link is not None and self.annotating is not None:
            self.annotating.open_link(link)

    def import_paths(self, paths: list[str]) -> None:
        """Import on a worker thread with a cancellable progress dialog."""
        self._run_import(
            lambda lib, progress, cancelled: lib.import_paths(
                paths, progress=progress, cancelled=cancelled
            )
        )

    def seed_library(self) -> None:
        """Give a new library its sample pages, after the window has painted."""
        self._run_import(lambda lib, progress, cancelled: lib.seed(progress, cancelled))

    def _run_import(self, task) -> None:
        if self._closing:
            return
        if self._operation is not None:
            self._queued.append(task)  # run after the current import, in order
            return
        directory = self.library.directory

        def work(progress, cancelled) -> ImportReport:
            # The worker has its own connection; WAL lets the window keep reading.
            lib = Library(directory)
            try:
                return task(lib, progress, cancelled)
            finally:
                lib.close()

        op = Operation(work, self)
        dialog = QtWidgets.QProgressDialog(self.tr("正在导入…"), self.tr("取消"), 0, 0, self)
        dialog.setWindowTitle(self.tr("导入"))
        dialog.setMinimumDuration(400)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(op.cancel)
        op.progressed.connect(self._import_progressed)
        op.succeeded.connect(self._finish_import)
        op.failed.connect(self._import_failed)
        op.finished.connect(dialog.reset)
        op.finished.connect(self._operation_done)
        self._progress_dialog = dialog
        self._operation = op
        op.start()

    def _import_progressed(self, done: int, total: int, current: str) -> None:
        self._progress_dialog.setMaximum(total)
        self._progress_dialog.setValue(done)
        if current:
            self._progress_dialog.setLabelText(
                self.tr("正在导入 {name}").format(name=Path(current).name)
            )

    def _operation_done(self) -> None:
        self._operation = None
        if self._queued:
            self._run_import(self._queued.pop(0))

    def _import_failed(self, message: str) -> None:
        QtWidgets.QMessageBox.critical(self, self.tr("导入失败"), message)

    def _finish_import(self, report: ImportReport) -> None:
        if report.articles and self.auto_analyse:
            self.start_analysis()
        first_new = report.articles[0].id if report.articles else None
        first = first_new or (report.duplicates[0][1] if report.duplicates else None)
        if self.lists.query or self.sidebar.scope != Scope():
            # A filtered or searched list can take long to fetch: on a worker, then show it.
            self._show_when_listed = (first, False) if first is not None else None
            self.lists.refresh()
        else:
            self.model.reload()  # the plain list walks an index: fast even at 100,000
            self._update_count()
            if first is not None:
                self.select_article(first)
            self.lists.refresh(ids=False)
        summary = self.tr("导入 %n 篇文章", "", len(report.articles))
        if report.duplicates:
            summary += self.tr("，%n 篇已在库中", "", len(report.duplicates))
        if report.cancelled:
            summary += self.tr("（已取消）")
        self.statusBar().showMessage(summary, 8000)
        nothing = self.tr("没有可导入的文件")
        errors = [(s, nothing if e == NOTHING_TO_IMPORT else e) for s, e in report.errors]
        if errors and not report.articles and all(e == nothing for _, e in errors):
            # Only folders without a text file: one line, no talk of failures.
            folders = "、".join(Path(s).name or s for s, _ in errors)
            QtWidgets.QMessageBox.information(
                self,
                nothing,
                self.tr("{folders}：{nothing}").format(folders=folders, nothing=nothing),
            )
            return
        if errors:
            line = self.tr("{file}：{error}")
            lines = "\n".join(line.format(file=Path(s).name, error=e) for s, e in errors[:20])
            more = len(report.errors) - 20
            if more > 0:
                lines += "\n" + self.tr("……另有 %n 个", "", more)
            QtWidgets.QMessageBox.warning(
                self,
                self.tr("部分文件未能导入"),
                self.tr("{summary}。\n\n{errors}").format(summary=summary, errors=lines),
            )

    def about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            self.tr("关于阅报"),
            f"<h3>{i18n.app_name()} {__version__}</h3><p>"
            + self.tr("把报纸版面文本整理成干净的文章，简繁随心，标注长存。")
            + "</p>",
        )
