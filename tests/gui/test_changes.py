"""One route for changes: whatever changes the library says so on the window's
library-changes signal, and the list, sidebar and panels follow from it alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gui import dialogs
from reader.gui.changes import Change
from reader.gui.mainwindow import MainWindow
from reader.gui.sidebar import Scope

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def said(win: MainWindow) -> list[Change]:
    changes: list[Change] = []
    win.changes.changed.connect(changes.append)
    return changes


def count(win: MainWindow, scope: Scope) -> int:
    item = win.sidebar._item(scope)
    assert item is not None
    return int(item.text(1))


def test_starring_says_which_row_changed_and_the_counts_follow(qtbot, win: MainWindow) -> None:
    changes = said(win)
    article = win.reading_pane.record.id
    starred = count(win, Scope("starred"))
    win.organise.toggle_star()  # written on the window's writer, then said
    qtbot.waitUntil(lambda: bool(changes))
    assert changes == [Change(rows=(article,), counted=True)]
    qtbot.waitUntil(lambda: count(win, Scope("starred")) == starred + 1)
    row = win.model.row_of(article)
    assert win.model.index(row, 0).data() is not None  # the row was read anew


def test_opening_an_unread_article_moves_only_the_unread_count(
    qtbot, win: MainWindow, opened
) -> None:
    unread = count(win, Scope("unread"))
    changes = said(win)
    target = next(i for i in win.model.ids() if not win.library.articles.read_at(i))
    win.list_view.selectRow(win.model.row_of(target))
    opened(win)
    qtbot.waitUntil(lambda: bool(changes))  # the read mark is written off the window's thread
    assert changes == [Change(rows=(target,), read=1)]
    assert count(win, Scope("unread")) == unread - 1  # at once, no recount on a worker


def test_trashing_takes_the_article_out_of_the_list(qtbot, win: MainWindow) -> None:
    changes = said(win)
    article = win.reading_pane.record.id
    with qtbot.waitSignal(win.lists.listed, timeout=10_000):
        win.organise.trash_selected()
    assert changes == [Change(rows=(article,), listed=True, counted=True)]
    assert article not in win.model.ids()
    # The article in its place opens (a turn after it is selected).
    qtbot.waitUntil(lambda: win.reading_pane.record is not None)
    qtbot.waitUntil(lambda: win.reading_pane.record.id in win.model.ids())


def test_new_watch_words_are_drawn_and_counted(
    qtbot, win: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    changes = said(win)
    body = win.reading_pane.record.body
    word = next(w for w in ("疫情", "发展", "记者", "工作") if w in body)
    monkeypatch.setattr(dialogs, "edit_word_list", lambda *_args: [word])
    with qtbot.waitSignal(win.lists.counted, timeout=10_000):
        win.word_lists.edit_watch_words()
    assert changes == [Change(watch=True)]
    assert win.reading_pane.layers["watch"].spans  # drawn in the open article
    assert count(win, Scope("watch", word)) >= 1


def test_a_highlight_says_which_article_and_the_panel_lists_it(
    qtbot, win: MainWindow, written
) -> None:
    notes = win.annotating.ui
    written(win)  # opening the article marked it read
    changes = said(win)
    win.reading_pane.select_span(0, 4)
    assert notes.highlight("yellow")
    assert changes == []  # said once written, off the window's thread
    written(win)
    assert changes == [Change(annotated=(win.reading_pane.record.id,))]
    model = notes.panel.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == win.reading_pane.view.body.text[0:4]


def test_an_import_lists_and_opens_what_came_in(qtbot, win: MainWindow, tmp_path: Path) -> None:
    page = tmp_path / "new.txt"
    page.write_text("菜篮子价格平稳\n\n本报讯 本周全市主要蔬菜价格保持平稳。\n", encoding="utf-8")
    changes = said(win)
    win.importer.import_paths([str(page)])
    qtbot.waitUntil(lambda: win.importer.operation is None, timeout=30_000)
    new = max(win.model.ids())
    assert Change(listed=True, counted=True, show=new) in changes
    qtbot.waitUntil(lambda: win.reading_pane.record is not None)
    assert win.reading_pane.record.id == new
    assert win.reading_pane.record.title == "菜篮子价格平稳"


def test_word_lists_edited_in_the_settings_are_redrawn_and_analysed(
    win: MainWindow, monkeypatch: pytest.MonkeyPatch, written
) -> None:
    from reader.gui.settings_dialog import SettingsDialog

    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    started: list[str] = []
    monkeypatch.setattr(win.analysis_runner, "start", lambda: started.append("analysis"))
    changes = said(win)
    win.open_settings()
    opened[0].words_saved.emit(["疫情"], ["绣花功夫"])
    written(win)
    assert changes == [Change(watch=True)]
    assert started == ["analysis"]  # a new dictionary word: analysed again
    assert win.library.analysis.watch_words() == ["疫情"]
