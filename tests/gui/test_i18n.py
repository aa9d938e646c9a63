"""The interface in 简体中文, 繁體中文 and English: every window, dialog, menu and message.

For each language the window is built after the language is installed (as app.start does),
with the seed library open and analysed, and then every dialog the app has is opened. Every
string a user can see is collected and checked: English has no Chinese characters left,
繁體 has no simplified-only character, 简体 no traditional-only one, and neither Chinese
interface has untranslated English. Article text (titles, bodies, keywords, file names) is
content, not interface, and is left out.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFontComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from reader.core import scripts
from reader.gui import app, i18n
from reader.gui.app import create_application, open_settings
from reader.gui.dialogs import ask_phrase_fix
from reader.gui.mainwindow import MainWindow
from reader.gui.preferences import Preferences
from reader.gui.settings_dialog import SettingsDialog
from reader.library import Library

REPO = Path(__file__).resolve().parents[2]
UPDATE = REPO / "resources" / "translations" / "update.py"

CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Each language is offered under its own name, whatever the interface language.
LANGUAGE_NAMES = {name for _, name in i18n.LANGUAGES}
BRAND = "阅报"  # the app's name stays 阅报 in English (閱報 in traditional)
# Latin words a Chinese interface keeps: keys, file formats, the brand, Qt's own terms.
LATIN_OK = {
    "Ctrl", "Shift", "Enter", "Esc", "Alt", "Space", "Backspace", "Del", "Delete", "PgDown",
    "Reader", "English", "Markdown", "JSON", "PDF", "HTML", "md", "html", "htm", "json",
    "pdf", "txt", "OPML", "opml", "xml", "RSS", "Atom", "JSON Feed", "Feed", "https", "rss",
}  # fmt: skip


# -- collecting what a user sees ----------------------------------------------------------


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)  # rich text labels: the words, not the markup


def action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    # Submenus are QMenu children of their menu: they are walked as widgets.
    for kind in ("text", "toolTip", "statusTip", "whatsThis"):
        yield f"{where} action {kind}", getattr(action, kind)()


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible string in ``root`` and its children, shown or
    not (a hidden tab or bar is shown later); content views are left out."""
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}#{w.objectName()}"
        yield f"{where} title", w.windowTitle()
        yield f"{where} tooltip", w.toolTip()
        yield f"{where} status tip", w.statusTip()
        yield f"{where} what's this", w.whatsThis()
        if isinstance(w, QLabel):
            yield f"{where} text", _plain(w.text())
        elif isinstance(w, QAbstractButton):
            yield f"{where} text", w.text()
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            yield f"{where} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox) and not isinstance(w, QFontComboBox) and not w.isEditable():
            for i in range(w.count()):
                yield f"{where} item {i}", w.itemText(i)
        elif isinstance(w, QSpinBox | QAbstractSpinBox):
            yield f"{where} suffix", getattr(w, "suffix", str)()
            yield f"{where} special", w.specialValueText()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{where} tab {i}", w.tabText(i)
                yield f"{where} tab tip {i}", w.tabToolTip(i)
        elif isinstance(w, QGroupBox):
            yield f"{where} title", w.title()
        elif isinstance(w, QDockWidget):
            yield f"{where} dock title", w.windowTitle()
        elif isinstance(w, QMenu):
            yield f"{where} menu title", w.title()
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
            model = w.model()
            for i in range(model.columnCount() if model else 0):
                label = model.headerData(i, Qt.Orientation.Horizontal)
                yield f"{where} header {i}", str(label or "")
        elif isinstance(w, QTreeWidget):  # the sidebar's groups; their children are content
            for i in range(w.topLevelItemCount()):
                yield f"{where} group {i}", w.topLevelItem(i).text(0)
        elif isinstance(w, QListWidget):  # items carrying an id are articles (content)
            for i in range(w.count()):
                item = w.item(i)
                if item.data(Qt.ItemDataRole.UserRole) is None:
                    yield f"{where} item {i}", item.text()
        for action in w.actions():
            yield from action_texts(action, where)


# -- the checks ---------------------------------------------------------------------------


def problem(language: str, text: str, content: frozenset[str] = frozenset()) -> str | None:
    """Why ``text`` is wrong in ``language``'s interface, or None. ``content`` (words from
    articles, file names) is taken out first: it is shown as it is in every language."""
    for piece in sorted(content | LANGUAGE_NAMES, key=len, reverse=True):
        text = text.replace(piece, "")
    if not text.strip("（）() "):
        return None
    if language == i18n.ENGLISH:
        left = CJK.findall(text.replace(BRAND, ""))
        return f"Chinese in English: {''.join(left)}" if left else None
    simplified_only, traditional_only = scripts.script_counts(text)
    if language == i18n.TRADITIONAL and simplified_only:
        return "simplified characters in 繁體"
    if language == i18n.SIMPLIFIED and traditional_only:
        return "traditional characters in 简体"
    if not text.startswith(("/", "file:")):  # paths in file dialogs are the user's
        text = re.sub(r"\*\.[\w*]+|\w+://\S*", "", text)  # *.markdown, reader://article/1
        words = set(re.findall(r"[A-Za-z]{2,}", text)) - LATIN_OK
        if words:
            return f"English in Chinese: {' '.join(sorted(words))}"
    return None


class Seen:
    """Everything shown in one language, and what's wrong with it."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.count = 0
        self.problems: dict[str, str] = {}  # text → where it was first seen, and why
        self.content: set[str] = set()  # article words and file names shown inside messages

    def add(self, where: str, text: str) -> None:
        if not text:
            return
        self.count += 1
        why = problem(self.language, text, frozenset(self.content))
        if why and text not in self.problems:
            self.problems[text] = f"{why} ({where})"

    def widget(self, root: QWidget) -> None:
        for where, text in widget_texts(root):
            self.add(where, text)


def open_modal(trigger: Callable[[], object], seen: Seen) -> QWidget:
    """Run ``trigger``, which opens a modal dialog or a popup menu; record it, close it."""
    state: dict[str, object] = {"tries": 0}

    def inspect() -> None:
        shown = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if shown is None:
            state["tries"] = int(state["tries"]) + 1
            if int(state["tries"]) < 500:
                QTimer.singleShot(10, inspect)
            return
        state["shown"] = shown
        seen.widget(shown)
        if isinstance(shown, QDialog):
            shown.reject()
        else:
            shown.close()

    QTimer.singleShot(0, inspect)
    trigger()
    assert "shown" in state, f"nothing opened by {trigger}"
    return state["shown"]  # type: ignore[return-value]


# -- the test -----------------------------------------------------------------------------


@pytest.fixture
def seed_library() -> Iterator[Library]:
    lib = Library.open()  # a new library is seeded with the sample page
    yield lib
    lib.close()


@pytest.fixture(params=[i18n.SIMPLIFIED, i18n.TRADITIONAL, i18n.ENGLISH])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    create_application()
    assert i18n.install(request.param) == request.param
    yield request.param
    i18n.uninstall()


def test_every_window_and_dialog_is_in_the_chosen_language(
    qtbot, language: str, seed_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = Seen(language)
    window = MainWindow(seed_library, open_settings(seed_library))
    qtbot.addWidget(window)
    window.statusBar().messageChanged.connect(lambda m: seen.add("status bar", m))
    window.show()
    qtbot.waitExposed(window)
    seen.add("reading pane placeholder", window.reading_pane.toPlainText())
    window.analysis_runner.enabled = False
    with qtbot.waitSignal(window.loaded):
        window.load()
    assert window.model.rowCount() >= 5
    for config in (None, "s2t"):  # titles appear in menus and lists, in the view's script
        for article_id in seed_library.articles.ids():
            view = seed_library.view(seed_library.get(article_id), config)
            seen.content.add(view.display_title)

    # Keywords and entities need the analysis; the panel shows 分析中… until then.
    seen.widget(window)
    window.analysis_runner.start()
    qtbot.waitUntil(lambda: window.analysis_runner.operation is None, timeout=60_000)
    window.keyword_panel.set_entity_kinds({"person", "place", "org"})
    window.keyword_panel.set_related([])  # the 没有 item
    seen.add("keyword tooltip", keyword_tooltip_template(window))

    # Traditional view with the ambiguous characters marked: status message and tooltips.
    window.scripts.set_config("s2t")
    window.menus.ambiguity_action.setChecked(True)
    window.reading.refresh_ambiguities()
    tips = window.reading_pane.layers["ambiguities"].tooltips
    assert tips
    view = window.reading_pane.view
    for a in scripts.ambiguities(view.record.body, view.effective, view.user_phrases):
        seen.content.update((a.chosen, *a.alternatives))
    for tip in tips:
        seen.add("ambiguity tooltip", tip)
    seen.widget(window)

    # The reading pane's own menu, on a selection in the body.
    window.reading_pane.select_span(0, 2)
    open_modal(lambda: window.reading.context_menu(window.reading_pane.rect().center()), seen)

    # Dialogs: settings, about, word lists, the conversion fix, files, printing.
    open_modal(window.open_settings, seen)
    dialog = SettingsDialog(window.looks.prefs, window.library.analysis, window)
    other = next(c for c in i18n.CODES if c != language)
    dialog.language.setCurrentIndex(dialog.language.findData(other))
    seen.add("restart note", dialog.language_note.text())  # shown for another language
    assert dialog.language_note.text()
    dialog.deleteLater()
    open_modal(window.about, seen)
    open_modal(window.word_lists.edit_watch_words, seen)
    open_modal(window.word_lists.edit_user_words, seen)
    seen.content.update(("头发", "頭髮"))
    open_modal(lambda: ask_phrase_fix(window, "头发", "頭髮"), seen)
    open_modal(window.importer.choose_files, seen)
    open_modal(window.importer.choose_folder, seen)
    open_modal(window.exporter.export_article, seen)
    open_modal(window.exporter.print_article, seen)
    # Subscriptions: 文件 → 订阅…, a subscription's properties, the OPML file dialogs.
    open_modal(window.feeds.open_dialog, seen)
    from reader.gui.feed_dialog import FeedOptionsDialog

    seen.content.add("https://news.example.cn/rss.xml")
    open_modal(
        lambda: FeedOptionsDialog(
            "", "https://news.example.cn/rss.xml", "", [], False, None, 30, window
        ).exec(),
        seen,
    )
    open_modal(window.feeds.import_opml, seen)
    open_modal(window.feeds.export_opml, seen)

    annotate(qtbot, window, seen)
    organise(qtbot, window, seen)

    # Pasting with an empty clipboard says so in the status bar.
    QApplication.clipboard().clear()
    window.importer.paste_as_article()

    # An import: the progress dialog, then the summary of what failed.
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    good = tmp_path / "good.txt"
    good.write_text("菜篮子价格平稳\n\n本报讯 本周全市主要蔬菜价格保持平稳。\n", encoding="utf-8")
    seen.content.update((bad.name, good.name))
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning",
        lambda _parent, title, text: warnings.append((title, text)),
    )
    window.importer.import_paths([str(good), str(bad)])
    seen.widget(window.importer._dialog)
    qtbot.waitUntil(lambda: window.importer.operation is None, timeout=30_000)
    assert warnings, "the broken file is reported"
    title, text = warnings[0]
    seen.add("import warning title", title)
    seen.add("import warning summary", text.split("\n\n")[0])  # then core's error lines

    # Everything still open (docks, bars, menus), once more after all of the above.
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            seen.widget(top)
    seen.add("window title", window.windowTitle())
    seen.add("app name", QApplication.applicationDisplayName())

    assert seen.count > 150  # the walk reached the menus, panels and dialogs
    assert not seen.problems, "\n".join(f"{k!r} — {v}" for k, v in sorted(seen.problems.items()))


def annotate(qtbot, window: MainWindow, seen: Seen) -> None:
    """Highlights and notes: the 编辑 menu's undo text, the panel, the menus, the dialogs."""
    notes = window.annotating.ui
    pane = window.reading_pane
    pane.select_span(0, 4)
    seen.content.add(pane.textCursor().selectedText())  # the quote, in undo texts
    assert notes.highlight("yellow")
    qtbot.waitUntil(lambda: window.writer.pending == 0)  # written off the window's thread
    pane.select_span(0, 4)  # the highlight itself: its menu entries
    menu = QMenu(window)
    notes.fill_menu(menu, pane.cursorRect().center())
    seen.widget(menu)
    pane.select_span(6, 9)
    seen.content.add(pane.textCursor().selectedText())
    open_modal(notes.add_or_edit_note, seen)
    notes.open_browser()
    seen.widget(notes._browser)
    notes._browser.close()
    open_modal(notes.ask_link, seen)
    open_modal(lambda: notes.open_link("nonsense"), seen)
    open_modal(notes.export_annotations, seen)
    open_modal(notes.import_annotations, seen)
    seen.widget(window)


def organise(qtbot, window: MainWindow, seen: Seen) -> None:
    """Tags, the list's menu, the trash, the sidebar's menus, finding in the article."""
    articles = window.library.articles
    article_id = window.reading_pane.record.id
    articles.add_tag([article_id], "标签甲")
    seen.content.add("标签甲")
    seen.widget(window.organise.context_menu(window))
    open_modal(window.organise.add_tag, seen)
    open_modal(lambda: window.list_sync.rename_tag("标签甲"), seen)
    other = window.model.article_id(window.model.rowCount() - 1)
    articles.trash([other])
    window.lists.refresh()
    open_modal(window.organise.empty_trash, seen)
    sidebar = window.sidebar
    for kind in ("watch", "trash", "tag"):
        group = sidebar._groups[kind]
        item = group.child(0) if kind == "tag" else group
        if kind == "tag":
            qtbot.waitUntil(lambda g=group: g.childCount() > 0, timeout=10_000)
            item = group.child(0)
        pos = sidebar.visualItemRect(item).center()
        open_modal(lambda p=pos: sidebar._menu(p), seen)
    window.find_bar.open_bar()
    window.find_bar.edit.setText("找不到的字串")
    seen.widget(window.find_bar)
    window.find_bar.close_bar()


def keyword_tooltip_template(window: MainWindow) -> str:
    """The keyword list's tooltip with the keyword itself taken out."""
    model = window.keyword_panel.model
    assert model.rowCount() > 0
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    return tip.replace(model.word(0), "")


# -- choosing the language ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_CN", i18n.SIMPLIFIED),
        ("zh_SG", i18n.SIMPLIFIED),
        ("zh_Hans_HK", i18n.SIMPLIFIED),
        ("zh_TW", i18n.TRADITIONAL),
        ("zh_HK", i18n.TRADITIONAL),
        ("zh_MO", i18n.TRADITIONAL),
        ("zh_Hant_CN", i18n.TRADITIONAL),
        ("en_US", i18n.ENGLISH),
        ("de_DE", i18n.ENGLISH),
        ("ja_JP", i18n.ENGLISH),
        ("C", i18n.ENGLISH),
    ],
)
def test_system_locale_decides_when_the_setting_says_system(locale: str, expected: str) -> None:
    assert i18n.resolve("system", QLocale(locale)) == expected
    assert i18n.resolve("nonsense", QLocale(locale)) == expected
    assert i18n.resolve("en", QLocale(locale)) == i18n.ENGLISH


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "zh_TW.UTF-8"}, i18n.TRADITIONAL),
        ({"LANG": "zh_CN.UTF-8"}, i18n.SIMPLIFIED),
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "zh_HK:en"}, i18n.TRADITIONAL),
        ({"LANG": "C.UTF-8"}, i18n.ENGLISH),
    ],
)
def test_the_desktop_locale_is_read_from_the_environment(env: dict, expected: str) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    code = "from reader.gui import i18n; print(i18n.system_language())"
    out = subprocess.run(
        [sys.executable, "-c", code], env=clean | env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == expected


def test_language_chosen_in_settings_is_used_at_the_next_start(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda locale=None: i18n.ENGLISH)
    folder = tmp_path / "lib"
    first = app.start(str(folder), [])
    assert first is not None
    closed: list[bool] = []
    first.destroyed.connect(lambda: closed.append(True))
    assert first.menuBar().actions()[0].text() == "&File"  # the system's language

    dialog = SettingsDialog(first.looks.prefs, first.library.analysis, first)
    qtbot.addWidget(dialog)
    dialog.changed.connect(first.looks.apply)
    assert dialog.language.currentData() == i18n.SYSTEM
    assert dialog.language.currentText() == "System default (English)"
    assert dialog.language_note.text() == ""
    dialog.language.setCurrentIndex(dialog.language.findData(i18n.TRADITIONAL))
    assert dialog.language_note.text() == "Takes effect when 阅报 Reader restarts."
    assert first.menuBar().actions()[0].text() == "&File"  # this window stays as it was
    dialog.close()
    first.close()
    qtbot.waitUntil(lambda: bool(closed))  # deleted on close; the library closes with it

    stored = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    assert Preferences.load(stored).language == i18n.TRADITIONAL
    second = app.start(str(folder), [])
    assert second is not None
    qtbot.addWidget(second)
    assert i18n.current() == i18n.TRADITIONAL
    assert second.menuBar().actions()[0].text() == "檔案(&F)"
    assert second.windowTitle() == "閱報 Reader"


def test_qt_standard_buttons_follow_the_language(qtbot) -> None:
    create_application()
    from PySide6.QtWidgets import QDialogButtonBox

    for language, close in ((i18n.SIMPLIFIED, "关闭"), (i18n.TRADITIONAL, "關閉")):
        i18n.install(language)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qtbot.addWidget(box)
        button = box.button(QDialogButtonBox.StandardButton.Close)
        assert close in button.text()


# -- the translation files ----------------------------------------------------------------


def test_translations_are_complete_and_compiled() -> None:
    """Every string in reader/gui is in both .ts files and translated, and each shipped .qm is
    what its .ts compiles to. If this fails: python resources/translations/update.py"""
    done = subprocess.run(
        [sys.executable, str(UPDATE), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_compiled_translations_ship_with_the_package() -> None:
    from reader.core import paths

    folder = paths.resource("translations")
    for language in (i18n.TRADITIONAL, i18n.ENGLISH):
        assert folder.joinpath(f"reader_{language}.qm").is_file()
