"""Subscriptions in the window, against the fixture news site on 127.0.0.1: 文件 → 订阅…,
the 订阅 group of the sidebar with unread counts, folders and a failing feed's mark, F5
running the refresh process while the window carries on, rename and move."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from feed_server import FeedServer
from PySide6.QtWidgets import QDialog, QInputDialog

from reader.gui.feed_dialog import FeedOptionsDialog, SubscribeDialog
from reader.gui.mainwindow import MainWindow
from reader.gui.sidebar import Scope

WAIT = 60_000  # a refresh process starts Python and fetches pages


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with FeedServer() as running:
        yield running


def feed_item(win: MainWindow, feed_id: int):
    return win.sidebar._item(Scope("feed", feed_id))


def refreshed(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.feeds.operation is None and not win.lists.busy(), timeout=WAIT)


def test_subscribe_from_the_file_menu_and_read_a_feed(
    qtbot, window: MainWindow, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: SubscribeDialog) -> QDialog.DialogCode:
        dialog.url.setText(server.url("/news/index.html"))  # a site's page: its feed is found
        dialog.folder.setCurrentText("本地")
        dialog.interval.setValue(45)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SubscribeDialog, "exec", fill)
    window.menus.subscribe_action.trigger()
    assert window.feeds.interval == 45
    qtbot.waitUntil(lambda: bool(window.sidebar.feeds()), timeout=WAIT)
    refreshed(qtbot, window)
    qtbot.waitUntil(lambda: window.sidebar.feeds()[0].unread == 3, timeout=WAIT)
    [feed] = window.sidebar.feeds()
    assert (feed.name, feed.folder) == ("滨江日报网 - 要闻", "本地")
    item = feed_item(window, feed.id)
    assert item.text(0) == "滨江日报网 - 要闻" and item.text(1) == "3"
    assert item.parent().text(0) == "本地" and item.parent().parent().text(0) == "订阅"
    # The new subscription is shown: its three articles.
    qtbot.waitUntil(lambda: window.sidebar.scope == Scope("feed", feed.id))
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=WAIT)
    titles = {window.model.index(r, 0).data() for r in range(3)}
    assert "春耕生产有序推进 农资供应总体充足" in titles
    # Reading one: the feed's unread count follows once reading settles.
    window.list_view.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(lambda: feed_item(window, feed.id).text(1) == "2", timeout=WAIT)


def test_f5_refreshes_all_and_a_failing_feed_is_marked(
    qtbot, window: MainWindow, server: FeedServer
) -> None:
    good = window.library.feeds.add(server.url("/feeds/atom.xml"))
    bad = window.library.feeds.add(server.url("/broken.xml"))
    window.menus.refresh_action.trigger()  # F5
    assert window.menus.refresh_action.shortcut().toString() == "F5"
    assert window.feeds.operation is not None  # a process: the window goes on meanwhile
    refreshed(qtbot, window)
    qtbot.waitUntil(lambda: len(window.sidebar.feeds()) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: feed_item(window, good).text(1) == "2", timeout=WAIT)
    broken = feed_item(window, bad)
    assert not broken.icon(0).isNull() and feed_item(window, good).icon(0).isNull()
    assert "server failed" in broken.toolTip(0)


def test_rename_move_and_options(
    qtbot, window: MainWindow, server: FeedServer, monkeypatch: pytest.MonkeyPatch, written
) -> None:
    feed_id = window.library.feeds.add(server.url("/feeds/feed.json"), "科技前沿周刊")
    window.lists.refresh(ids=False)
    qtbot.waitUntil(lambda: feed_item(window, feed_id) is not None, timeout=WAIT)
    feed = window.sidebar.feeds()[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("我的科技", True))
    window.feeds.rename(feed)
    qtbot.waitUntil(lambda: feed_item(window, feed_id).text(0) == "我的科技", timeout=WAIT)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("科技", True))
    window.feeds.move(window.sidebar.feeds()[0])

    def in_folder() -> bool:
        parent = feed_item(window, feed_id).parent()
        return parent is not None and parent.text(0) == "科技"

    qtbot.waitUntil(in_folder, timeout=WAIT)

    def options(dialog: FeedOptionsDialog) -> QDialog.DialogCode:
        assert dialog.name.text() == "我的科技" and dialog.folder.currentText() == "科技"
        dialog.summary_only.setChecked(True)
        dialog.interval.setValue(90)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FeedOptionsDialog, "exec", options)
    window.feeds.edit(window.sidebar.feeds()[0])
    written(window)
    saved = window.library.subscription(feed_id)
    assert saved is not None and saved.summary_only and saved.interval_minutes == 90
