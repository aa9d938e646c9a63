"""Subscriptions in the window: 文件 → 订阅… and the OPML items, the 订阅 group's menus
(refresh, rename, move, properties, unsubscribe), F5, and the automatic refresh every N
minutes (the setting ``feeds/interval``, default 30; a feed's own interval wins).

Refreshing is a process of its own (``python -m reader.feed_refresh``, through
:class:`ProcessOperation`): fetching and extracting pages never holds the window. Its
progress shows in the status bar; when it ends the library-changes signal says what came
in, and each pane redraws from that (a feed's error shows on it in the sidebar). Finding a
site's feed when subscribing is network work on a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Dialogs as QtWidgets.X: made when first shown, not before the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QObject, QPoint, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QStatusBar, QWidget

from reader.gui.changes import Change, LibraryChanges
from reader.gui.feed_dialog import DEFAULT_INTERVAL, FeedOptionsDialog, SubscribeDialog
from reader.gui.workers import Operation, ProcessOperation
from reader.library import Library, is_web_address

if TYPE_CHECKING:
    from reader.core.records import Feed
    from reader.feeds import OpmlReport
    from reader.gui.analysis_runner import AnalysisRunner
    from reader.gui.list_controller import ListController
    from reader.gui.sidebar import LibrarySidebar, Scope
    from reader.gui.writer import LibraryWriter

log = logging.getLogger(__name__)

INTERVAL_KEY = "feeds/interval"
CHECK_MS = 60_000  # how often the window looks for feeds due (a query, no network)
FIRST_CHECK_MS = 5_000  # after loading: feeds due since the last session
RECOUNT_MS = 1_500  # reading settles, then the feeds' unread counts are counted again


class FeedsController(QObject):
    def __init__(
        self,
        library: Library,
        changes: LibraryChanges,
        sidebar: LibrarySidebar,
        lists: ListController,
        analysis: AnalysisRunner,
        status_bar: QStatusBar,
        settings: QSettings,
        writer: LibraryWriter,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.changes = changes
        self.writer = writer  # the reader's edits of subscriptions, off the window's thread
        self.sidebar = sidebar
        self.lists = lists
        self.analysis = analysis
        self.status_bar = status_bar
        self.settings = settings
        self.window = window
        self.closing = False
        self.operation: ProcessOperation | None = None
        self._queued: list[int] | None = None  # asked while one runs ([] = all)
        self._subscribing: Operation | None = None
        self._show_feed: int | None = None  # a new subscription, shown once it is counted
        lists.counted.connect(self._counted)
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.refresh_due)
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_MS)
        self._recount.timeout.connect(lambda: self.lists.refresh(ids=False))
        changes.changed.connect(self._library_changed)
        sidebar.feed_menu_requested.connect(self.menu)

    # -- settings ------------------------------------------------------------------------

    @property
    def interval(self) -> int:
        """Minutes between automatic refreshes of feeds without their own interval."""
        value = self.settings.value(INTERVAL_KEY, DEFAULT_INTERVAL)
        try:
            return max(5, int(value))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DEFAULT_INTERVAL

    def set_interval(self, minutes: int) -> None:
        self.settings.setValue(INTERVAL_KEY, max(5, minutes))

    # -- automatic refresh ---------------------------------------------------------------

    def start(self) -> None:
        """The window has loaded: refresh what fell due since, then every so often."""
        if not self.closing:
            QTimer.singleShot(FIRST_CHECK_MS, self.refresh_due)
            self._timer.start()

    def refresh_due(self) -> None:
        if self.closing or self.operation is not None:
            return
        try:
            due = self.library.due_feeds(self.interval)
        except Exception as e:  # a busy or damaged library: the next look tells
            log.warning("cannot look for feeds due: %s", e)
            return
        if due:
            self.refresh(due)

    # -- refreshing ----------------------------------------------------------------------

    def refresh_all(self) -> None:
        """F5: every subscription now."""
        self.refresh(None)

    def refresh(self, feed_ids: list[int] | None) -> None:
        """Refresh these feeds (None: all) in the refresh process; one at a time."""
        if self.closing:
            return
        if self.operation is not None:
            queued = self._queued
            self._queued = [] if feed_ids is None or queued == [] else (queued or []) + feed_ids
            return
        if feed_ids is None and not self.sidebar.feeds() and not self.library.subscriptions():
            self.status_bar.showMessage(self.tr("还没有订阅：文件 → 订阅…"), 4000)
            return
        args = [str(self.library.directory.resolve()), *map(str, feed_ids or [])]
        op = ProcessOperation("reader.feed_refresh", args, self)
        op.progressed.connect(self._progressed)
        op.succeeded.connect(self._refreshed)
        op.failed.connect(self._failed)
        op.finished.connect(self._finished)
        self.operation = op
        self.status_bar.showMessage(self.tr("正在更新订阅…"))
        op.start()

    def _progressed(self, done: int, total: int, name: str) -> None:
        if total and done < total:
            text = self.tr("正在更新订阅 {done}/{total}").format(done=done, total=total)
            self.status_bar.showMessage(f"{text}  {name}" if name else text)

    def _refreshed(self, result: object) -> None:
        feeds = result.get("feeds", []) if isinstance(result, dict) else []
        new = sum(f.get("new", 0) for f in feeds)
        updated = sum(f.get("updated", 0) for f in feeds)
        failed = sum(1 for f in feeds if f.get("error"))
        text = self.tr("订阅已更新：%n 篇新文章", "", new)
        if updated:
            text += self.tr("，%n 篇有更新", "", updated)
        if failed:
            text += self.tr("，%n 个订阅出错（见文库中的标记）", "", failed)
        self.status_bar.showMessage(text, 8000)
        if new or updated:
            self.analysis.start_if_enabled()
        # Errors and counts changed even without new articles: the sidebar redraws.
        self.changes.announce(Change(listed=bool(new or updated), counted=True))

    def _failed(self, message: str) -> None:
        log.warning("feed refresh failed: %s", message)
        self.status_bar.showMessage(self.tr("订阅更新失败：{error}").format(error=message), 8000)

    def _finished(self) -> None:
        self.operation = None
        queued, self._queued = self._queued, None
        if queued is not None and not self.closing:
            self.refresh(queued or None)

    def cancel(self) -> None:
        """The window closes: the refresh stops (a feed's transaction is all or nothing)."""
        self.closing = True
        self._timer.stop()
        self._recount.stop()
        if self.operation is not None:
            self.operation.cancel()
        if self._subscribing is not None:
            self._subscribing.cancel()

    def _library_changed(self, change: Change) -> None:
        # Reading changes a feed's unread count; the sidebar counts only the whole library's
        # at once, so the feeds are recounted once reading settles.
        if change.read and self.sidebar.feeds():
            self._recount.start()

    # -- subscribing ---------------------------------------------------------------------

    def open_dialog(self) -> None:
        """文件 → 订阅…"""
        clipboard = QApplication.clipboard().text().strip()
        dialog = SubscribeDialog(
            self.library.feed_folders(),
            self.interval,
            clipboard if is_web_address(clipboard) and " " not in clipboard else "",
            self.window,
        )
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        self.set_interval(dialog.interval.value())
        url = dialog.url.text().strip()
        if url:
            self.subscribe(
                url, dialog.folder.currentText().strip(), dialog.summary_only.isChecked()
            )

    def subscribe(self, url: str, folder: str = "", summary_only: bool = False) -> None:
        """Find the feed (a worker: network), store it, then its first refresh."""
        if self._subscribing is not None:
            return
        directory = self.library.directory

        def work(_progress, _cancelled) -> Feed:
            lib = Library(directory)
            try:
                feed, _ = lib.subscribe(url, folder, summary_only=summary_only, bring_entries=False)
                return feed
            finally:
                lib.close()

        op = Operation(work, self)
        op.succeeded.connect(self._subscribed)
        op.failed.connect(
            lambda message: QtWidgets.QMessageBox.warning(
                self.window, self.tr("订阅"), self.tr("无法订阅：{error}").format(error=message)
            )
        )
        op.finished.connect(lambda: setattr(self, "_subscribing", None))
        op.finished.connect(op.deleteLater)
        self._subscribing = op
        self.status_bar.showMessage(self.tr("正在查找订阅源 {url}").format(url=url))
        op.start()

    def _subscribed(self, feed: Feed) -> None:
        self.status_bar.showMessage(self.tr("已订阅 {name}").format(name=feed.name), 6000)
        self._show_feed = feed.id
        self.changes.announce(Change(counted=True))
        self.refresh([feed.id])

    def _counted(self) -> None:
        """A new subscription is in the sidebar: choose it (its articles as they come)."""
        if self._show_feed is not None and self._feed(self._show_feed) is not None:
            from reader.gui.sidebar import Scope

            self.lists.show_scope(Scope("feed", self._show_feed))
            self._show_feed = None

    # -- the 订阅 group's menus ------------------------------------------------------------

    def menu(self, scope: Scope, at: QPoint) -> None:
        menu = QtWidgets.QMenu(self.window)
        feed = self._feed(scope.value) if scope.kind == "feed" else None
        if feed is not None:
            menu.addAction(self.tr("更新此订阅"), lambda: self.refresh([feed.id]))
            menu.addSeparator()
            menu.addAction(self.tr("重命名…"), lambda: self.rename(feed))
            menu.addAction(self.tr("移到文件夹…"), lambda: self.move(feed))
            menu.addAction(self.tr("属性…"), lambda: self.edit(feed))
            menu.addSeparator()
            menu.addAction(self.tr("取消订阅…"), lambda: self.unsubscribe(feed))
        elif scope.kind == "folder":
            ids = [f.id for f in self.sidebar.feeds() if f.folder == scope.value]
            menu.addAction(self.tr("更新此文件夹"), lambda: self.refresh(ids))
        else:
            menu.addAction(self.tr("更新全部订阅"), self.refresh_all)
            menu.addAction(self.tr("订阅…"), self.open_dialog)
        menu.exec(at)

    def _write(
        self,
        change: Callable[[Library], Any],
        announce: Change,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        """``change`` through the window's writer; once written, ``announce`` said and
        ``then(result)``."""

        def written(result: Any) -> None:
            self.changes.announce(announce)
            if then is not None:
                then(result)

        self.writer.write(change, written)

    def _feed(self, feed_id: object) -> Feed | None:
        return next((f for f in self.sidebar.feeds() if f.id == feed_id), None)

    def rename(self, feed: Feed) -> None:
        name, ok = QtWidgets.QInputDialog.getText(
            self.window, self.tr("重命名订阅"), self.tr("新名称："), text=feed.name
        )
        if ok and name.strip() != feed.name:
            self._write(lambda lib: lib.rename_feed(feed.id, name), Change(counted=True))

    def move(self, feed: Feed) -> None:
        folders = self.library.feed_folders()
        current = folders.index(feed.folder) + 1 if feed.folder in folders else 0
        folder, ok = QtWidgets.QInputDialog.getItem(
            self.window,
            self.tr("移到文件夹"),
            self.tr("文件夹（留空则不放入文件夹）："),
            ["", *folders],
            current,
            True,
        )
        if ok and folder.strip() != feed.folder:
            self._write(lambda lib: lib.move_feed(feed.id, folder), Change(counted=True))

    def edit(self, feed: Feed) -> None:
        dialog = FeedOptionsDialog(
            feed.name,
            feed.url,
            feed.folder,
            self.library.feed_folders(),
            feed.summary_only,
            feed.interval_minutes,
            self.interval,
            self.window,
        )
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        name, folder = dialog.name.text(), dialog.folder.currentText()
        summary_only, minutes = dialog.summary_only.isChecked(), dialog.interval_minutes()

        def change(lib: Library) -> None:
            if name.strip() != feed.name:
                lib.rename_feed(feed.id, name)
            if folder.strip() != feed.folder:
                lib.move_feed(feed.id, folder)
            lib.set_feed_options(feed.id, summary_only=summary_only, interval_minutes=minutes)

        self._write(change, Change(counted=True))

    def unsubscribe(self, feed: Feed) -> None:
        box = QtWidgets.QMessageBox(self.window)
        box.setIcon(QtWidgets.QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("取消订阅"))
        box.setText(self.tr("取消订阅“{name}”？").format(name=feed.name))
        keep = self.tr("它的 %n 篇文章留在文库中。", "", feed.articles)
        box.setInformativeText(keep)
        role = QtWidgets.QMessageBox.ButtonRole
        keep_button = box.addButton(self.tr("取消订阅"), role.AcceptRole)
        trash_button = box.addButton(self.tr("取消订阅并把文章移到回收站"), role.DestructiveRole)
        box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked not in (keep_button, trash_button):
            return
        trash = clicked is trash_button
        said = self.tr("已取消订阅 {name}").format(name=feed.name)
        self._write(
            lambda lib: lib.unsubscribe(feed.id, delete_articles=trash),
            Change(listed=True, counted=True),
            lambda _ids: self.status_bar.showMessage(said, 6000),
        )

    # -- OPML ----------------------------------------------------------------------------

    def import_opml(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window,
            self.tr("导入订阅列表"),
            str(Path.home()),
            self.tr("OPML 文件 (*.opml *.xml)") + ";;" + self.tr("所有文件 (*)"),
        )
        if not path:
            return
        from reader.core.decode import UnreadableInput
        from reader.library import read_source

        data, problem = read_source(Path(path))

        def read(lib: Library) -> OpmlReport | str:
            try:
                if data is None:
                    raise UnreadableInput(problem)
                return lib.import_opml(data)
            except UnreadableInput as e:
                return str(e)  # said on the window's thread

        self.writer.write(read, lambda report: self._opml_imported(Path(path).name, report))

    def _opml_imported(self, name: str, report: OpmlReport | str) -> None:
        if isinstance(report, str):
            QtWidgets.QMessageBox.warning(
                self.window,
                self.tr("导入订阅列表"),
                self.tr("{file}：{error}").format(file=name, error=report),
            )
            return
        text = self.tr("新订阅 %n 个", "", len(report.added))
        if report.existing:
            text += self.tr("，%n 个已订阅", "", len(report.existing))
        self.status_bar.showMessage(text, 8000)
        self.changes.announce(Change(counted=True))
        if report.added:
            self.refresh(report.added)

    def export_opml(self) -> None:
        from reader.gui.files import ask_save_path, save_or_report
        from reader.library import write_atomically

        target = ask_save_path(
            self.window,
            self.tr("导出订阅列表"),
            Path.home() / "subscriptions.opml",
            {self.tr("OPML 文件 (*.opml)"): ".opml"},
        )
        if target is None:
            return
        text = self.library.export_opml()
        if save_or_report(self.window, target, lambda path: write_atomically(path, text)):
            self.status_bar.showMessage(self.tr("已导出到 {path}").format(path=target), 6000)
