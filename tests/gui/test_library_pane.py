"""Finding and organising articles in the window: search box, sidebar filters with counts,
star/read/tags/trash, watch-word filter, find in article, keyboard navigation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLabel

from reader.core.textsearch import normalise
from reader.gui.article_model import ArticleTableModel
from reader.gui.mainwindow import MainWindow
from reader.gui.sidebar import Scope
from reader.library import Library

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def listed_ids(win: MainWindow) -> list[int]:
    return win.model.ids()


def wait_listed(qtbot, win: MainWindow, action) -> None:
    with qtbot.waitSignal(win.lists.listed, timeout=10_000):
        action()


def sidebar_count(win: MainWindow, scope: Scope) -> int:
    item = win.sidebar._item(scope)
    assert item is not None, scope
    return int(item.text(1))


def contains(library: Library, article_id: int, word: str) -> bool:
    record = library.get(article_id)
    assert record is not None
    return normalise(word) in normalise(record.title + "\n" + record.body)


def test_search_box_lists_exactly_the_articles_containing_the_query(qtbot, win, library):
    everything = listed_ids(win)
    wait_listed(qtbot, win, lambda: win.search_edit.setText("疫情"))
    found = listed_ids(win)
    expected = [i for i in everything if contains(library, i, "疫情")]
    assert sorted(found) == sorted(expected) and 0 < len(found) < len(everything)
    assert "篇，共" in win.count_label.text()

    # The same query in traditional script finds the same articles.
    wait_listed(qtbot, win, lambda: win.search_edit.setText("脱贫"))
    simplified = set(listed_ids(win))
    wait_listed(qtbot, win, lambda: win.search_edit.setText("脫貧"))
    assert set(listed_ids(win)) == simplified
    assert simplified == {i for i in everything if contains(library, i, "脱贫")}

    # Clearing the box brings the whole list back.
    wait_listed(qtbot, win, win.search_edit.clear)
    assert sorted(listed_ids(win)) == sorted(everything)


def test_a_search_typed_while_the_counts_are_fetched_is_still_listed(qtbot, win, library):
    # Opening an unread article recounts the sidebar on a worker; typing meanwhile must
    # still filter the list once the reader pauses (a recount used to cancel the search).
    everything = listed_ids(win)
    with qtbot.waitSignal(win.lists.listed, timeout=10_000):
        win.search_edit.setText("疫情")
        win.lists.refresh(ids=False)  # what reading an unread article asks for
    expected = [i for i in everything if contains(library, i, "疫情")]
    assert sorted(listed_ids(win)) == sorted(expected) and len(expected) < len(everything)


def test_search_terms_are_marked_in_the_open_article(qtbot, win, opened):
    wait_listed(qtbot, win, lambda: win.search_edit.setText("脱贫"))
    win.list_view.selectRow(0)
    opened(win)
    pane = win.reading_pane
    layer = pane.layers["search"]
    words = {pane.view.body.text[s:e] for s, e in layer.spans}
    assert words == {"脱贫"}
    # Another script: the marks follow the words.
    win.scripts.set_config("s2twp")
    layer = pane.layers["search"]
    assert {pane.view.body.text[s:e] for s, e in layer.spans} == {"脫貧"}


def test_opening_marks_read_and_the_unread_filter_and_count_follow(qtbot, win):
    unread_before = sidebar_count(win, Scope("unread"))
    assert unread_before == 17  # a fresh library: only the article opened at start is read
    target = listed_ids(win)[3]
    win.reading.select_article(target)
    qtbot.waitUntil(lambda: sidebar_count(win, Scope("unread")) == unread_before - 1)
    index = win.model.index(win.model.row_of(target), ArticleTableModel.TITLE)
    assert index.data(Qt.ItemDataRole.FontRole) is None  # no longer bold
    other = win.model.index(win.model.row_of(listed_ids(win)[5]), ArticleTableModel.TITLE)
    assert other.data(Qt.ItemDataRole.FontRole).bold()

    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("unread")))
    assert target not in listed_ids(win) and len(listed_ids(win)) == unread_before - 1
    # The open article stays open although the list no longer shows it.
    assert win.reading_pane.record.id == target


def test_star_tag_and_filter_by_them(qtbot, win, library, monkeypatch):
    target = listed_ids(win)[2]
    win.reading.select_article(target)
    win.organise.star.trigger()
    qtbot.waitUntil(
        lambda: (
            win.model.index(win.model.row_of(target), ArticleTableModel.TITLE)
            .data()
            .startswith("★ ")
        )
    )
    assert library.articles.is_starred(target)

    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem", lambda *a, **k: ("要闻", True))
    win.organise.tag.trigger()
    qtbot.waitUntil(lambda: win.sidebar._item(Scope("tag", "要闻")) is not None)
    assert library.articles.tags(target) == ["要闻"]
    assert sidebar_count(win, Scope("tag", "要闻")) == 1
    assert sidebar_count(win, Scope("starred")) == 1

    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("tag", "要闻")))
    assert listed_ids(win) == [target]
    assert win.list_view.selectionModel().selectedRows()[0].row() == 0  # kept its place
    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("starred")))
    assert listed_ids(win) == [target]

    # Removing the tag from the article empties the tag: it leaves the sidebar.
    win.organise.remove_tag("要闻")
    qtbot.waitUntil(lambda: win.sidebar._item(Scope("tag", "要闻")) is None)


def test_delete_moves_to_trash_and_restore_brings_it_back(qtbot, win, library):
    target = listed_ids(win)[1]
    win.reading.select_article(target)
    wait_listed(qtbot, win, lambda: qtbot.keyClick(win.list_view, Qt.Key.Key_Delete))
    assert target not in listed_ids(win)
    assert library.articles.is_trashed(target)
    assert sidebar_count(win, Scope("trash")) == 1

    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("trash")))
    assert listed_ids(win) == [target]
    win.list_view.selectRow(0)
    wait_listed(qtbot, win, win.organise.restore.trigger)
    assert listed_ids(win) == []
    assert not library.articles.is_trashed(target)


def test_delete_opens_the_next_article_says_so_and_undoes(qtbot, win, library, opened):
    qtbot.waitUntil(lambda: win.annotating.built)  # 编辑 → 撤销
    ids = listed_ids(win)
    target, following = ids[3], ids[4]
    win.reading.select_article(target)
    title = library.get(target).display_title
    wait_listed(qtbot, win, lambda: qtbot.keyClick(win.list_view, Qt.Key.Key_Delete))
    assert opened(win) == following  # the article in its place, selected and open
    assert win.list_view.selectionModel().selectedRows()[0].row() == 3
    assert win.statusBar().currentMessage() == f"已移到回收站：{title}（Ctrl+Z 撤销）"
    undo = win.annotating.ui.undo_action
    assert undo.isEnabled() and "移到回收站" in undo.text()

    wait_listed(qtbot, win, undo.trigger)
    assert not library.articles.is_trashed(target)
    assert listed_ids(win) == ids
    assert opened(win) == target  # back, and open again
    wait_listed(qtbot, win, win.annotating.ui.redo_action.trigger)
    assert library.articles.is_trashed(target)

    # The last article: the one above it opens; the last of a list: nothing is left open.
    win.reading.select_article(ids[-1])
    wait_listed(qtbot, win, win.organise.trash.trigger)
    assert opened(win) == ids[-2]
    first = library.get(ids[0]).display_title
    wait_listed(qtbot, win, lambda: win.search_edit.setText(first))
    win.list_view.selectRow(0)
    opened(win)
    hits = len(listed_ids(win))
    for _ in range(hits):
        wait_listed(qtbot, win, win.organise.trash.trigger)
        qtbot.waitUntil(
            lambda: win.reading_pane.record is None or win.reading_pane.record.id in listed_ids(win)
        )
    assert listed_ids(win) == [] and win.reading_pane.record is None


def test_sidebar_filters_by_source_section_and_date(qtbot, win, library):
    sources = library.articles.sources_with_counts()
    source_id, path, count = sources[0]
    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("source", source_id)))
    assert len(listed_ids(win)) == count
    assert all(library.get(i).source == path for i in listed_ids(win))
    # 日期 groups by the publication date (a page's date line); "" holds the undated.
    rows = library.rows(library.ids())
    for day, n in library.articles.days_with_counts():
        wait_listed(qtbot, win, lambda day=day: win.sidebar.set_scope(Scope("date", day)))
        want = sorted(i for i, r in rows.items() if r.published[:10] == day)
        assert sorted(listed_ids(win)) == want and len(want) == n
    sections = library.articles.sections_with_counts()
    if sections:
        name, n = sections[0]
        wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("section", name)))
        assert len(listed_ids(win)) == n


def test_watch_word_filter_lists_articles_mentioning_them_with_counts(qtbot, win, library):
    win.library.analysis.set_watch_words(["脱贫", "疫情"])
    with qtbot.waitSignal(win.lists.counted):  # as the 关注词 dialog does on OK
        win.lists.refresh(ids=False)
    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("watch")))
    everything = library.articles.ids()
    expected = {
        i for i in everything if contains(library, i, "脱贫") or contains(library, i, "疫情")
    }
    assert set(listed_ids(win)) == expected
    assert sidebar_count(win, Scope("watch")) == len(expected)
    assert sidebar_count(win, Scope("watch", "脱贫")) == sum(
        contains(library, i, "脱贫") for i in everything
    )
    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("watch", "脱贫")))
    assert all(contains(library, i, "脱贫") for i in listed_ids(win))


def test_sorting_by_title_from_the_header(qtbot, win, library):
    wait_listed(
        qtbot,
        win,
        lambda: win.list_view.sortByColumn(ArticleTableModel.TITLE, Qt.SortOrder.AscendingOrder),
    )
    titles = [library.get(i).title for i in listed_ids(win)]
    titled = [t for t in titles if t]
    assert titled == sorted(titled)


def test_find_in_article_marks_matches_in_any_script(qtbot, win):
    win.reading.select_article(
        next(i for i in listed_ids(win) if "决战" in win.library.get(i).title)
    )
    win.scripts.set_config("s2t")
    win.find_bar.open_bar()
    assert win.find_bar.isVisible()
    win.find_bar.edit.setText("贫困")  # typed through an input method: text arrives whole
    pane = win.reading_pane
    spans = pane.layers["find"].spans
    assert spans and {pane.view.body.text[s:e] for s, e in spans} == {"貧困"}
    assert win.find_bar.count.text() == f"1/{len(spans)}"
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Return)
    assert win.find_bar.count.text() == f"2/{len(spans)}"
    cursor = pane.textCursor()
    assert cursor.selectedText() == "貧困"
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Escape)
    assert not win.find_bar.isVisible() and "find" not in pane.layers


def test_next_unread_and_space_pages_down(qtbot, win, library, opened):
    first, second = listed_ids(win)[:2]
    library.articles.mark_read(second)
    win.model.refresh_rows([second])
    win.reading.select_article(first)
    win.reading.next_unread()
    assert opened(win) == listed_ids(win)[2]  # skipped the read one

    win.resize(800, 400)
    bar = win.reading_pane.verticalScrollBar()
    bar.setValue(0)
    if bar.maximum() > 0:
        win.reading.page_down()
        assert bar.value() > 0
    bar.setValue(bar.maximum())
    shown = win.reading_pane.record.id
    win.reading.page_down()  # at the end: on to the next unread
    assert opened(win) != shown


def test_the_model_passes_the_item_model_tester_while_filtering(qtbot, win):
    QAbstractItemModelTester(win.model, QAbstractItemModelTester.FailureReportingMode.Fatal, win)
    wait_listed(qtbot, win, lambda: win.search_edit.setText("的"))
    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("unread")))
    wait_listed(qtbot, win, win.search_edit.clear)
    assert win.model.rowCount() > 0


def test_while_searching_a_row_tooltip_shows_the_matching_passage(qtbot, win):
    wait_listed(qtbot, win, lambda: win.search_edit.setText("攻坚"))
    tip = win.model.index(0, ArticleTableModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "【攻坚】" in tip
    win.search_edit.setFocus()
    wait_listed(qtbot, win, lambda: qtbot.keyClick(win.search_edit, Qt.Key.Key_Escape))
    assert win.search_edit.text() == "" and win.model.rowCount() == 18


def test_an_import_while_searching_shows_the_new_article(qtbot, win, tmp_path):
    wait_listed(qtbot, win, lambda: win.search_edit.setText("脱贫"))
    page = tmp_path / "晚报.txt"
    text = "小区新设快递柜\n\n本报讯 昨日，东城小区新设十台快递柜，居民取件更方便。\n"
    page.write_text(text, "utf-8")
    win.importer.import_paths([str(page)])
    qtbot.waitUntil(
        lambda: (
            win.reading_pane.record is not None
            and win.reading_pane.record.title == "小区新设快递柜"
        ),
        timeout=20_000,
    )
    assert win.search_edit.text() == ""  # the search hid it, so the whole library shows
    assert win.model.row_of(win.reading_pane.record.id) is not None


def test_next_unread_when_everything_is_read_says_so(qtbot, win, library):
    library.articles.mark_read(library.articles.ids())
    win.model.refresh_rows(win.model.ids())
    shown = win.reading_pane.record.id
    win.reading.next_unread()
    assert win.reading_pane.record.id == shown
    assert "没有未读" in win.statusBar().currentMessage()


def test_the_list_starts_in_import_order_until_a_header_is_clicked(qtbot, win, library):
    qtbot.wait(300)  # nothing is fetched behind the reader's back
    assert listed_ids(win) == library.articles.ids()
    assert not win.lists.busy()


def test_a_new_list_shows_its_rows_without_reading_the_library_on_the_gui_thread(
    qtbot, win, monkeypatch
):
    # The worker that lists the ids reads the rows shown first too: the top of the list
    # and the open article's (cold pages at 100,000 articles took ~20-50 ms each time).
    reads: list[list[int]] = []
    store = win.library.articles
    real_rows = store.rows
    monkeypatch.setattr(store, "rows", lambda ids: reads.append(list(ids)) or real_rows(ids))
    open_id = win.reading_pane.record.id
    wait_listed(qtbot, win, lambda: win.search_edit.setText("的"))
    shown = [win.model.index(r, 0) for r in range(win.model.rowCount())]
    titles = [win.model.data(i) for i in shown]
    assert reads == [] and all(titles)
    assert open_id in listed_ids(win) and win.model.data(win.list_view.currentIndex())


def test_a_mark_made_while_the_list_is_fetched_is_not_undone_by_it(qtbot, win, library):
    # The worker's rows may be older than a mark made meanwhile: the mark wins.
    model = ArticleTableModel(library.articles)
    ids = library.articles.ids()
    stale = library.articles.rows(ids)  # read "on the worker"
    target, other = [i for i in ids if not stale[i].read][:2]
    since = model.changes()
    library.articles.mark_read(target)
    model.refresh_rows([target])  # the GUI re-reads the row it marked
    model.set_ids(ids, stale, since)
    bold = Qt.ItemDataRole.FontRole
    assert model.data(model.index(ids.index(target), 0), bold) is None  # read: not bold
    assert model.data(model.index(ids.index(other), 0), bold) is not None  # the worker's row


def test_an_empty_list_says_why(qtbot, win):
    def note() -> str:
        label = win.list_view.viewport().findChild(QLabel, "emptyListNote")
        return label.text() if label is not None and label.isVisible() else ""

    assert note() == ""
    wait_listed(qtbot, win, lambda: win.search_edit.setText("不存在的词语"))
    assert win.model.rowCount() == 0
    assert note() == "没有找到含“不存在的词语”的文章"
    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope("trash")))
    assert "没有找到" in note() and "全部文章" in note()  # the scope may be why
    wait_listed(qtbot, win, win.search_edit.clear)
    assert note() == "回收站是空的"
    wait_listed(qtbot, win, lambda: win.sidebar.set_scope(Scope()))
    assert note() == ""


def test_other_articles_with_a_keyword_show_their_whole_titles(qtbot, win):
    panel = win.keyword_panel
    long_title = "春耕备耕有序展开，各地抢抓农时确保粮食生产开好局起好步" * 2
    panel.set_related([(1, long_title), (2, "短标题")])
    if not win.keyword_dock.isVisible():  # folded away for the measure: the reader opens it
        win.menus.keyword_toggle.trigger()
    qtbot.waitUntil(lambda: panel.related.isVisible())
    qtbot.wait(20)
    assert not panel.related.horizontalScrollBar().isVisible()
    item = panel.related.item(0)
    rect = panel.related.visualItemRect(item)
    assert rect.width() <= panel.related.viewport().width()
    assert rect.height() > panel.related.visualItemRect(panel.related.item(1)).height()  # wrapped
    assert item.toolTip() == long_title
