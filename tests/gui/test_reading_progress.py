"""Length, reading time and the remembered reading position of the open article."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.gui.app import open_settings
from reader.gui.mainwindow import MainWindow
from reader.gui.reading_progress import reading_chars, reading_minutes
from reader.library import Library


def longest(window: MainWindow) -> int:
    ids = window.library.articles.ids()
    return max(ids, key=lambda i: len(window.library.get(i).body))


def other(window: MainWindow, article_id: int) -> int:
    return next(i for i in window.library.articles.ids() if i != article_id)


def scroll_to(window: MainWindow, fraction: float) -> None:
    bar = window.reading_pane.verticalScrollBar()
    bar.setValue(round(fraction * bar.maximum()))


def close_to(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) < 0.01


def test_status_bar_shows_length_and_reading_time(window: MainWindow) -> None:
    report = window.library.import_text("城市书房全面开放\n\n" + "市民在书房里安静读书。" * 120)
    window.importer.finish(report)
    assert window.reading_pane.record.id == report.articles[0].id
    # 1,320 characters read (no spaces or line breaks) at about 400 a minute.
    assert window.article_label.text() == "1320 字　约 3 分钟"


def test_reading_time_is_whole_minutes_never_zero() -> None:
    assert reading_chars("第一段。\n\n 第二段。") == 8
    assert reading_minutes(0) == 1
    assert reading_minutes(150) == 1
    assert reading_minutes(1000) == 2  # rounded: 2.5 minutes reads as "about 2"
    assert reading_minutes(4000) == 10


def test_switching_articles_comes_back_to_the_same_place(qtbot, window: MainWindow) -> None:
    long_id = longest(window)
    window.reading.select_article(long_id)
    assert window.reading_pane.verticalScrollBar().maximum() > 0
    scroll_to(window, 0.6)
    window.reading.select_article(other(window, long_id))
    assert window.reading_pane.verticalScrollBar().value() == 0  # a new article starts on top
    qtbot.waitUntil(lambda: close_to(window.library.articles.reading_position(long_id), 0.6))

    window.reading.select_article(long_id)
    assert close_to(window.reading_pane.scroll_fraction(), 0.6)


def test_the_position_is_saved_when_scrolling_stops(qtbot, window: MainWindow) -> None:
    long_id = longest(window)
    window.reading.select_article(long_id)
    scroll_to(window, 0.3)
    scroll_to(window, 0.45)
    qtbot.waitUntil(
        lambda: close_to(window.library.articles.reading_position(long_id), 0.45),
        timeout=5_000,
    )


def test_a_new_window_reopens_the_article_where_it_was_left(
    qtbot, library: Library, settings: QSettings
) -> None:
    first = MainWindow(library, settings)
    qtbot.addWidget(first)
    first.analysis_runner.enabled = False
    first.show()
    with qtbot.waitSignal(first.loaded):
        first.load()
    long_id = longest(first)
    first.reading.select_article(long_id)
    scroll_to(first, 0.75)
    first.close()  # no wait for the debounce: closing keeps the position

    second = MainWindow(library, open_settings(library))
    qtbot.addWidget(second)
    second.analysis_runner.enabled = False
    second.show()
    with qtbot.waitSignal(second.loaded):
        second.load()  # reopens the last article, laid out, then scrolled
    assert second.reading_pane.record.id == long_id
    assert close_to(second.reading_pane.scroll_fraction(), 0.75)


def test_the_position_holds_across_a_font_change(window: MainWindow) -> None:
    long_id = longest(window)
    window.reading.select_article(long_id)
    scroll_to(window, 0.5)
    window.looks.change_font(+4)  # the same article, laid out again in a larger size
    window.reading.select_article(other(window, long_id))
    window.reading.select_article(long_id)
    assert close_to(window.reading_pane.scroll_fraction(), 0.5)


def test_an_article_never_scrolled_opens_at_the_top(window: MainWindow) -> None:
    long_id = longest(window)
    window.reading.select_article(long_id)
    assert window.library.articles.reading_position(long_id) is None
    assert window.reading_pane.verticalScrollBar().value() == 0
