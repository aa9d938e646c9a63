"""Every menu, its actions and the toolbar, in one place: what each item does is a method of
the controller it belongs to; here is only where it goes and which key it has."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from reader.gui import themes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QLineEdit

    from reader.gui.backup_controller import BackupController
    from reader.gui.companion_ui import CompanionUi
    from reader.gui.desktop_entry import DesktopEntryActions
    from reader.gui.exporting import Exporter
    from reader.gui.feeds import FeedsController
    from reader.gui.find_bar import FindBar
    from reader.gui.importing import Importer
    from reader.gui.looks import Looks
    from reader.gui.organise import OrganiseActions
    from reader.gui.reading import ReadingController
    from reader.gui.script_selector import ScriptSelector
    from reader.gui.word_lists import WordLists


class MenuHost(Protocol):
    """What the menus call: the window's controllers and a few of its own actions."""

    importer: Importer
    exporter: Exporter
    desktop_entry: DesktopEntryActions
    feeds: FeedsController
    word_lists: WordLists
    looks: Looks
    reading: ReadingController
    organise: OrganiseActions
    scripts: ScriptSelector
    keyword_dock: QDockWidget
    search_edit: QLineEdit
    companion: CompanionUi

    @property
    def backups(self) -> BackupController: ...

    @property
    def find_bar(self) -> FindBar: ...

    def open_settings(self) -> None: ...

    def focus_search(self) -> None: ...

    def about(self) -> None: ...


def add_action(
    owner: QMainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: str | QKeySequence.StandardKey | None = None,
    fallback: str = "",
) -> QAction:
    action = QAction(text, owner)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)  # the platform's keys (several on some)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if fallback and action.shortcut().isEmpty():
        # Some platforms bind no key to Quit or Preferences; give the usual one.
        action.setShortcut(QKeySequence(fallback))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


class Menus(QObject):
    """The menu bar and the toolbar of a window whose controllers are built."""

    def __init__(self, w: MenuHost, window: QMainWindow) -> None:
        super().__init__(window)
        self.bar = bar = window.menuBar()
        add = lambda menu, *args, **kwargs: add_action(window, menu, *args, **kwargs)  # noqa: E731
        standard = QKeySequence.StandardKey

        self.file = file_menu = bar.addMenu(self.tr("文件(&F)"))
        importer = w.importer
        self.import_action = add(
            file_menu, self.tr("导入文件(&I)…"), importer.choose_files, standard.Open
        )
        add(file_menu, self.tr("导入文件夹(&D)…"), importer.choose_folder, "Ctrl+Shift+O")
        add(file_menu, self.tr("从网址导入(&U)…"), importer.choose_url, "Ctrl+Shift+U")
        add(file_menu, self.tr("粘贴为新文章(&N)"), importer.paste_as_article, "Ctrl+Shift+V")
        file_menu.addSeparator()
        feeds = w.feeds
        self.subscribe_action = add(file_menu, self.tr("订阅(&B)…"), feeds.open_dialog)
        self.refresh_action = add(file_menu, self.tr("更新全部订阅(&R)"), feeds.refresh_all, "F5")
        add(file_menu, self.tr("导入订阅列表 (OPML)…"), feeds.import_opml)
        add(file_menu, self.tr("导出订阅列表 (OPML)…"), feeds.export_opml)
        file_menu.addSeparator()
        exporter = w.exporter
        self.export_action = add(
            file_menu, self.tr("导出文章(&E)…"), exporter.export_article, "Ctrl+E"
        )
        self.print_action = add(
            file_menu, self.tr("打印(&P)…"), exporter.print_article, standard.Print
        )
        file_menu.addSeparator()
        add(file_menu, self.tr("备份与恢复(&B)…"), lambda: w.backups.open_dialog())
        file_menu.addSeparator()
        self.settings_action = add(
            file_menu,
            self.tr("设置(&S)…"),
            w.open_settings,
            standard.Preferences,
            fallback="Ctrl+,",
        )
        file_menu.addSeparator()
        add(file_menu, self.tr("退出(&Q)"), window.close, standard.Quit, fallback="Ctrl+Q")

        self.view = view_menu = bar.addMenu(self.tr("查看(&V)"))
        w.scripts.fill_menu(view_menu.addMenu(self.tr("文字(&S)")))
        self.ambiguity_action = QAction(self.tr("标出多义字(&A)"), window)
        self.ambiguity_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.ambiguity_action.setCheckable(True)
        view_menu.addAction(self.ambiguity_action)
        # 拼音 mode (reader.gui.ruby.RubyMode): the reading above the characters.
        self.ruby_action = QAction(self.tr("拼音(&P)"), window)
        self.ruby_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.ruby_action.setCheckable(True)
        self.ruby_action.setToolTip(self.tr("在文字上方标出读音（拼音、注音或粤拼，见设置）"))
        view_menu.addAction(self.ruby_action)
        self.keyword_toggle = w.keyword_dock.toggleViewAction()
        view_menu.addAction(self.keyword_toggle)
        add(view_menu, self.tr("关注词(&W)…"), w.word_lists.edit_watch_words)
        add(view_menu, self.tr("用户词典(&U)…"), w.word_lists.edit_user_words)
        add(
            view_menu,
            self.tr("下一处关键词"),
            lambda: w.reading.step_occurrence(+1),
            standard.FindNext,
        )
        add(
            view_menu,
            self.tr("上一处关键词"),
            lambda: w.reading.step_occurrence(-1),
            standard.FindPrevious,
        )
        view_menu.addSeparator()
        add(view_menu, self.tr("放大字体"), lambda: w.looks.change_font(+1), standard.ZoomIn)
        add(view_menu, self.tr("缩小字体"), lambda: w.looks.change_font(-1), standard.ZoomOut)
        view_menu.addSeparator()
        self.next_action = add(view_menu, self.tr("下一篇"), lambda: w.reading.step(+1), "J")
        self.previous_action = add(view_menu, self.tr("上一篇"), lambda: w.reading.step(-1), "K")

        self.articles = articles = QMenu(self.tr("文章(&A)"), window)
        w.organise.fill_menu(articles)
        articles.addSeparator()
        add(articles, self.tr("下一篇未读(&N)"), lambda: w.reading.next_unread(), "N")
        add(articles, self.tr("向下翻页"), lambda: w.reading.page_down(), "Space")
        articles.addSeparator()
        add(articles, self.tr("搜索文库(&K)"), w.focus_search, "Ctrl+K")
        add(articles, self.tr("在本文中查找(&F)…"), lambda: w.find_bar.open_bar(), standard.Find)
        bar.addMenu(articles)
        self.tools = self._tools_menu(w, window)
        bar.addMenu(self.tools)

        self.help = help_menu = bar.addMenu(self.tr("帮助(&H)"))
        w.desktop_entry.fill_menu(help_menu)
        if help_menu.actions():
            help_menu.addSeparator()
        add(help_menu, self.tr("关于阅报(&A)"), w.about)

        self.toolbar = window.addToolBar(self.tr("工具栏"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self._fill_toolbar(w)

    def _tools_menu(self, w: MenuHost, window: QMainWindow) -> QMenu:
        """工具: reading aloud (built when first used) and the vocabulary window."""
        tools = QMenu(self.tr("工具(&T)"), window)
        add = lambda *args: add_action(window, tools, *args)  # noqa: E731
        aloud = lambda: w.companion.read_aloud  # noqa: E731 - built at its first use
        self.read_action = add(self.tr("朗读(&R)"), lambda: aloud().read(), "Ctrl+R")
        add(self.tr("朗读全文"), lambda: aloud().read_article(), "Ctrl+Shift+R")
        add(self.tr("朗读选中内容"), lambda: aloud().read_selection(), "Ctrl+Alt+R")
        add(self.tr("暂停/继续朗读"), lambda: aloud().toggle_pause(), "Ctrl+Shift+Space")
        add(self.tr("停止朗读"), lambda: aloud().stop(), "Ctrl+.")
        add(self.tr("加快朗读"), lambda: aloud().change_speed(+1), "]")
        add(self.tr("减慢朗读"), lambda: aloud().change_speed(-1), "[")
        cantonese = QAction(self.tr("香港繁体用粤语朗读"), window)
        cantonese.setCheckable(True)
        cantonese.triggered.connect(lambda on: aloud().set_cantonese_for_hk(on))
        tools.addAction(cantonese)
        tools.aboutToShow.connect(lambda: cantonese.setChecked(aloud().cantonese_for_hk))
        tools.addSeparator()
        add(
            self.tr("生词本(&W)…"),
            lambda: w.companion.vocabulary_window.open_window(),
            "Ctrl+Shift+W",
        )
        return tools

    def _fill_toolbar(self, w: MenuHost) -> None:
        bar = self.toolbar
        # The icon theme's icon; else the style's (its picture in Qt's images, QStyle's
        # name) or one drawn in the theme's colour (by Looks, as the theme changes).
        icons = {
            self.import_action: ("document-open", "standardbutton-open", "SP_DialogOpenButton"),
            self.export_action: ("document-save-as", "standardbutton-save", "SP_DialogSaveButton"),
            self.print_action: ("document-print", "print"),
            self.settings_action: ("preferences-system", "settings"),
            self.previous_action: ("go-up", "up"),
            self.next_action: ("go-down", "down"),
            self.read_action: ("media-playback-start", "play"),
        }
        self.drawn_icons: dict[QAction, str] = {}
        for action, (name, *fallback) in icons.items():
            icon = QIcon.fromTheme(name)
            if not icon.isNull():
                action.setIcon(icon)
            elif len(fallback) == 2:
                action.setIcon(themes.standard_icon(*fallback))
            else:
                self.drawn_icons[action] = fallback[0]
        bar.addAction(self.import_action)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addAction(self.next_action)
        bar.addAction(self.read_action)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" 文字 ")))
        bar.addWidget(w.scripts.combo)
        bar.addSeparator()
        bar.addAction(self.export_action)
        bar.addAction(self.print_action)
        bar.addAction(self.settings_action)
        bar.addSeparator()
        bar.addWidget(w.search_edit)
        for action in bar.actions():
            if action.text():
                action.setToolTip(tooltip(action))

    def add_notes_menu(
        self, edit: QMenu, file_actions: list[QAction], panel_toggle: QAction
    ) -> None:
        """Highlights and notes, once built: 编辑 second (after 文件, as desktop apps have
        it), their file actions before 设置, their panel's toggle after 关键词's."""
        self.bar.insertMenu(self.view.menuAction(), edit)
        for action in file_actions:
            self.file.insertAction(self.settings_action, action)
        self.file.insertSeparator(self.settings_action)
        actions = self.view.actions()
        after = actions.index(self.keyword_toggle) + 1
        if after < len(actions):
            self.view.insertAction(actions[after], panel_toggle)
        else:
            self.view.addAction(panel_toggle)  # what insertAction(None, …) does


def tooltip(action: QAction) -> str:
    """What a toolbar button says on hover: its name without the menu's letter or dots,
    and its key ("导出文章 (Ctrl+E)", not "导出文章(E)")."""
    name = re.sub(r"\(&.\)|&", "", action.text()).rstrip("…. ")
    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{name} ({key})" if key else name
