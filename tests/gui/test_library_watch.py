"""The window picks up what another process (``reader import``) wrote to its library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.analysis import analyse_pending
from reader.gui.article_model import ArticleTableModel
from reader.gui.mainwindow import MainWindow
from reader.library import Library

PAGE = (
    "社区食堂开张\n\n本报讯 昨天，城东社区食堂正式开张，老人用餐可享受优惠。\n\n"
    "图书馆延长开放\n\n本报讯 市图书馆自下月起每晚开放到九点，方便上班族借阅。\n"
)


def titles(window: MainWindow) -> list[str]:
    m = window.model
    return [m.data(m.index(r, ArticleTableModel.TITLE)) for r in range(m.rowCount())]


def cli_import(window: MainWindow, *paths: Path) -> subprocess.Popen:
    env = {**os.environ, "READER_DATA_DIR": str(window.library.directory)}
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "import", *map(str, paths)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_articles_imported_by_the_cli_appear_and_the_open_article_stays(
    qtbot, window: MainWindow, tmp_path: Path, opened
) -> None:
    window.list_view.selectRow(2)
    reading = opened(window)
    scrolled = window.reading_pane.verticalScrollBar()
    scrolled.setValue(scrolled.maximum() // 2)
    position = scrolled.value()
    page = tmp_path / "晚报.txt"
    page.write_text(PAGE, encoding="utf-8")

    cli = cli_import(window, page)
    # Meanwhile the window writes too.
    window.library.articles.set_starred(reading)
    _out, err = cli.communicate(timeout=60)
    assert cli.returncode == 0, err

    new = {"社区食堂开张", "图书馆延长开放"}
    qtbot.waitUntil(lambda: new <= set(titles(window)), timeout=10_000)
    assert window.reading_pane.record.id == reading  # still reading the same article
    assert scrolled.value() == position  # at the same place: it was not opened again
    selected = window.list_view.selectionModel().selectedRows()
    assert [window.model.article_id(i.row()) for i in selected] == [reading]
    assert window.library.articles.is_starred(reading)  # both writers' changes are kept
    assert window.count_label.text().startswith(str(window.model.rowCount()))


def test_only_changes_to_the_list_refresh_it(window: MainWindow) -> None:
    other = Library(window.library.directory)  # another connection, as another process has
    try:
        assert not window.watch.check()  # nothing happened
        analyse_pending(other)  # keywords written elsewhere: the list is the same
        assert not window.watch.check()
        other.import_text(PAGE)
        assert window.watch.check()
        assert not window.watch.check()  # told once
        other.articles.trash(other.articles.ids()[0])
        assert window.watch.check()
    finally:
        other.close()


def test_the_windows_own_writes_are_not_news_to_it(window: MainWindow) -> None:
    article = window.library.articles.ids()[0]
    window.library.articles.set_starred(article)
    window.library.articles.set_reading_position(article, 0.5)
    assert not window.watch.check()


def test_a_closed_window_stops_looking(window: MainWindow) -> None:
    window.close()
    other = Library(window.library.directory)
    try:
        other.import_text(PAGE)
    finally:
        other.close()
    assert not window.watch.check()
