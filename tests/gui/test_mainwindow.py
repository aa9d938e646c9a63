"""The window a user sees: seeded list, reading pane, remembered state, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QStyle

from reader.core.records import NewArticle
from reader.gui.app import open_settings
from reader.gui.article_model import ArticleTableModel
from reader.gui.mainwindow import MainWindow
from reader.gui.preferences import Preferences
from reader.library import Library


def titles(win: MainWindow) -> list[str]:
    m = win.model
    return [m.data(m.index(r, ArticleTableModel.TITLE)) for r in range(m.rowCount())]


def test_window_opens_on_the_seeded_library(window: MainWindow) -> None:
    assert window.isVisible()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "文件(&F)" and menus[-1] == "帮助(&H)"
    assert {"查看(&V)", "文章(&A)"} <= set(menus)
    assert menus[1] == "编辑(&E)"
    assert "决战决胜看今朝" in titles(window)
    assert window.model.rowCount() >= 5
    assert window.count_label.text() == f"{window.model.rowCount()} 篇文章"
    source = window.model.data(window.model.index(0, ArticleTableModel.SOURCE))
    assert source == "000_6802137d44bebb66.txt"


def test_selecting_an_article_shows_it(window: MainWindow) -> None:
    row = titles(window).index("决战决胜看今朝")
    window.list_view.selectRow(row)
    text = window.reading_pane.toPlainText()
    assert text.startswith("决战决胜看今朝")
    assert "我市决战决胜脱贫攻坚综述" in text
    assert "各级各部门党委" in text
    assert "字" in window.article_label.text() and "分钟" in window.article_label.text()


def test_model_passes_the_item_model_tester(qtbot, library: Library) -> None:
    model = ArticleTableModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_store(library.articles)
    assert model.rowCount() == library.articles.count()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
    model.reload()
    del tester


def test_next_unread_looks_past_the_nearest_rows_and_wraps_round(qtbot, library: Library) -> None:
    page = [NewArticle(title=f"第{i}篇", body="正文。", script="simplified") for i in range(300)]
    library.articles.add_source("/papers/many.txt", "utf-8", "page", 1, page)
    model = ArticleTableModel()
    model.set_store(library.articles)
    rows = model.ids()
    library.articles.mark_read(rows)
    far, before = rows[250], rows[3]
    library.articles.mark_read([far, before], read=False)
    assert model.next_unread(10) == 250  # past the first chunk looked at
    assert model.next_unread(250) == 3  # wraps round to the top
    assert model.next_unread(-1) == 3  # nothing selected: from the top
    library.articles.mark_read([far, before])
    assert model.next_unread(3) is None


def test_size_splitter_and_last_article_are_remembered(qtbot, library: Library) -> None:
    first = MainWindow(library, open_settings(library))
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitSignal(first.loaded):
        first.load()
    first.resize(720, 540)  # the offscreen screen is 800×600
    first.splitter.setSizes([280, 440])
    first.list_view.selectRow(2)
    # Too narrow for the measure: the list narrows, the docks fold, and that is kept.
    qtbot.waitUntil(lambda: not first.measure._timer.isActive())
    chosen = first.reading_pane.record.id
    assert chosen == first.model.article_id(2)
    sizes = first.splitter.sizes()
    folded = [d.objectName() for d, _ in first.measure.folded]
    assert "keywordDock" in folded
    first.close()

    second = MainWindow(library, open_settings(library))
    qtbot.addWidget(second)
    second.show()
    with qtbot.waitSignal(second.loaded):
        second.load()
    assert (second.width(), second.height()) == (720, 540)
    assert second.splitter.sizes() == sizes
    assert {d.objectName() for d, _ in second.measure.folded} == set(folded)
    assert not second.keyword_dock.isVisible()
    assert second.reading_pane.record.id == chosen


def test_the_notes_dock_is_a_tab_beside_keywords_and_stays_as_the_reader_left_it(
    open_window, settings
) -> None:
    # A measure that leaves room for every dock on the offscreen screen (800 wide).
    Preferences(column_chars=6).save(settings)
    first = open_window()  # a new reader: no saved layout
    notes = first.annotating.ui.dock
    assert not notes.isHidden()
    assert first.tabifiedDockWidgets(first.keyword_dock) == [notes]
    assert notes.visibleRegion().isEmpty()  # the tab behind 关键词
    notes.close()  # the reader closes the 批注 tab
    first.close()

    second = open_window()
    assert second.annotating.ui.dock.isHidden()  # closed, as it was left
    second.annotating.ui.dock.show()
    second.annotating.ui.dock.raise_()  # and chosen over 关键词
    second.close()
    third = open_window()
    assert not third.annotating.ui.dock.isHidden()
    assert third.keyword_dock.visibleRegion().isEmpty()  # behind the 批注 tab


def test_import_runs_in_background_and_shows_the_new_article(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    page = tmp_path / "new.txt"
    page.write_text(
        "夜市经济焕发活力\n\n本报讯(记者 张三)入夜,老街灯火通明,游人如织。\n", encoding="utf-8"
    )
    before = window.model.rowCount()
    window.importer.import_paths([str(page)])
    qtbot.waitUntil(lambda: window.importer.operation is None, timeout=10_000)
    assert window.model.rowCount() == before + 1
    assert window.reading_pane.toPlainText().startswith("夜市经济焕发活力")


def test_article_text_is_never_markup(window: MainWindow) -> None:
    report = window.library.import_text(
        "链接测试\n\n正文<img src=http://example.com/x.png>"
        "和<a href=javascript:alert(1)>点我</a>。\n"
    )
    window.importer.finish(report)
    text = window.reading_pane.toPlainText()
    assert "<img src=http://example.com/x.png>" in text
    assert "<a href=javascript:alert(1)>" in text
    assert "<a " not in window.reading_pane.toHtml()
    assert "<img " not in window.reading_pane.toHtml()


def test_keyboard_moves_between_articles(qtbot, window: MainWindow, opened) -> None:
    window.list_view.selectRow(0)
    window.list_view.setFocus()
    first = opened(window)
    qtbot.keyClick(window.list_view, Qt.Key.Key_J)
    assert opened(window) == window.model.article_id(1)
    qtbot.keyClick(window.list_view, Qt.Key.Key_K)
    assert opened(window) == first


def test_moving_fast_through_the_list_opens_only_where_the_reader_stops(
    qtbot, window: MainWindow, opened
) -> None:
    """Each article opens a turn after the list chose it (the list repaints first):
    keys pressed faster than that open only the last article chosen."""
    window.list_view.selectRow(0)
    opened(window)
    shown: list[int] = []
    window.reading_pane.article_shown.connect(shown.append)
    window.list_view.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.list_view, Qt.Key.Key_J)
    assert opened(window) == window.model.article_id(3)
    assert shown == [window.model.article_id(3)]


def test_toolbar_icons_without_an_icon_theme_are_the_styles(window: MainWindow) -> None:
    """Read from Qt's images, they are the pictures the style itself would give."""
    if QIcon.hasThemeIcon("document-open"):
        pytest.skip("an icon theme provides the toolbar's icons")
    style = window.style()
    for action, pixmap in (
        (window.menus.import_action, QStyle.StandardPixmap.SP_DialogOpenButton),
        (window.menus.export_action, QStyle.StandardPixmap.SP_DialogSaveButton),
    ):  # printing and settings have none that fits: drawn (test_export_print)
        expected = style.standardIcon(pixmap)
        for size in (16, 22, 24, 32, 48):
            for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Active):
                got = action.icon().pixmap(size, mode).toImage()
                assert got == expected.pixmap(size, mode).toImage(), (pixmap, size, mode)


def test_status_bar_says_when_the_search_index_is_being_rebuilt(open_window) -> None:
    """After an upgrade the analysis process rebuilds the search index first (searches
    wait for it): the status bar says so, then goes on to the keywords' progress."""
    win = open_window()
    win.analysis_runner._staged("indexing")
    win.analysis_runner._progressed(500, 2000, "")
    assert win.statusBar().currentMessage() == "正在更新搜索索引 500/2000"
    win.analysis_runner._staged("analysing")
    win.analysis_runner._progressed(0, 12, "某篇文章")
    assert win.statusBar().currentMessage() == "正在分析关键词 1/12"
