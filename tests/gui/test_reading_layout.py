"""The reading pane keeps its measure (设置 → 每行字数) as the window narrows: the side panes
give way first, and come back when there is room."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from reader.gui.article_model import ArticleTableModel
from reader.gui.mainwindow import MainWindow
from reader.gui.measure import first_size


def open_article(qtbot, win: MainWindow, title: str = "决战决胜看今朝") -> None:
    row = next(
        r for r in range(win.model.rowCount()) if win.model.data(win.model.index(r, 0)) == title
    )
    win.list_view.selectRow(row)
    qtbot.waitUntil(
        lambda: win.reading_pane.view is not None and win.reading_pane.view.title == title
    )


def fitted(qtbot, win: MainWindow, width: int, height: int) -> None:
    win.resize(width, height)
    qtbot.waitUntil(lambda: win.measure.shortfall() <= 0 and not win.measure._timer.isActive())


def characters_per_line(win: MainWindow) -> list[int]:
    """Characters on each full line of the article's longest paragraph, as shown."""
    pane = win.reading_pane
    longest = max(pane.view.paragraphs, key=len)
    block = pane.document().find(longest[:12]).block()
    layout = block.layout()
    return [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]


def shown(win: MainWindow) -> set[str]:
    return {d.objectName() for d in win.findChildren(QDockWidget) if d.isVisible()}


def test_lines_hold_the_measure_as_the_window_narrows(qtbot, win: MainWindow) -> None:
    open_article(qtbot, win)
    qtbot.waitUntil(lambda: win.annotating.built)
    chars = win.looks.prefs.column_chars  # 38
    for width, height in ((1180, 760), (1024, 700)):
        fitted(qtbot, win, width, height)
        lines = characters_per_line(win)
        assert lines and min(lines[1:]) >= chars - 1  # digits and commas: a little more
        assert win.list_view.width() >= win.list_view.minimumWidth()
    # At 1024 the right-hand panes folded first, then the library's; the narrow list shows
    # titles and dates, without sources.
    assert win.list_view.isColumnHidden(ArticleTableModel.SOURCE)
    assert win.list_view.columnWidth(ArticleTableModel.TITLE) >= 100
    assert not shown(win) & {"keywordDock", "annotationDock", "libraryDock"}
    fitted(qtbot, win, 1700, 900)
    qtbot.waitUntil(lambda: {"keywordDock", "libraryDock"} <= shown(win))
    # The docks come back, then take their width and the list its own (later turns).
    # Back wider than its minimum (194): as wide as it was (272), or, when the annotations'
    # tab was in front as it folded, a little less (236; Qt sizes the tab group by it).
    qtbot.waitUntil(lambda: win.keyword_dock.width() >= 230)
    qtbot.waitUntil(lambda: win.list_view.width() > 340)  # its width back, and its sources
    assert not win.list_view.isColumnHidden(ArticleTableModel.SOURCE)


def test_a_dock_opened_by_hand_stays_open(qtbot, win: MainWindow) -> None:
    open_article(qtbot, win)
    fitted(qtbot, win, 1024, 700)
    assert not win.keyword_dock.isVisible()
    win.menus.keyword_toggle.trigger()  # 查看 → 关键词
    assert win.keyword_dock.isVisible()
    qtbot.wait(50)  # a turn or two: nothing folds it away again
    assert win.keyword_dock.isVisible()


def test_the_find_bar_does_not_reflow_the_article(qtbot, win: MainWindow) -> None:
    open_article(qtbot, win)
    fitted(qtbot, win, 1024, 700)
    before = (win.reading_pane.width(), win.list_view.width(), characters_per_line(win))
    win.find_bar.open_bar()
    qtbot.waitUntil(lambda: win.find_bar.isVisible())
    qtbot.wait(20)
    assert (win.reading_pane.width(), win.list_view.width(), characters_per_line(win)) == before
    assert win.find_bar.edit.width() >= 200


def test_a_first_window_takes_the_width_of_a_small_screen_and_most_of_a_big_one() -> None:
    from PySide6.QtCore import QSize

    assert first_size(QSize(1920, 1080)) == (1600, 972)
    assert first_size(QSize(1440, 870)) == (1440, 783)  # a laptop's: all of its width
    assert first_size(QSize(1280, 800)) == (1280, 760)
    assert first_size(QSize(1024, 700)) == (1180, 760)
