"""The library sidebar: what the article list shows (all, unread, starred, watch words,
subscriptions in their folders, tags, sources, sections, dates, trash), each with its count
(a subscription's: its unread articles; a feed whose last refresh failed shows a warning
icon with the problem in its tooltip)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

if TYPE_CHECKING:
    from reader.core.records import ArticleFilter, Feed, Overview

log = logging.getLogger(__name__)

ScopeRole = Qt.ItemDataRole.UserRole + 1
# New children made per turn of the event loop, all groups together: a library of 100,000
# articles has some 23,000 source pages, a long stop if made at once; in steps the window
# stays responsive meanwhile (bench_gui.py --articles 100000, "fill").
FILL_STEP = 200

Row = tuple[str | int, str, int, str]  # (scope value, label, count, tooltip)


@dataclass(frozen=True)
class Scope:
    """One choice in the sidebar. ``value`` names the tag, source id, section, day or watch
    word; None under a group means the whole group (e.g. any watch word)."""

    kind: str = "all"  # all unread starred watch feeds feed folder tag source section date trash
    value: str | int | None = None

    def filter(self, query: str = "", watch_words: tuple[str, ...] = ()) -> ArticleFilter:
        from reader.core.records import ArticleFilter  # not before the window paints

        f = ArticleFilter(query=query)
        kind, value = self.kind, self.value
        if kind == "unread":
            f.unread_only = True
        elif kind == "starred":
            f.starred_only = True
        elif kind == "watch":
            f.mentions = (str(value),) if value is not None else watch_words
        elif kind == "tag":
            f.tag = str(value)
        elif kind == "source":
            f.source = value if isinstance(value, int) else None
        elif kind == "section":
            f.section = str(value)
        elif kind == "feed":
            f.feed = value if isinstance(value, int) else None
        elif kind == "folder":
            f.feed_folder = str(value)
        elif kind == "date" and value == "":
            f.undated = True
        elif kind == "date":
            f.date_from = f.date_to = str(value)
        elif kind == "trash":
            f.trashed = True
        return f


def _rows(kind: str, counted: tuple) -> list[Row]:
    """A group's rows from the overview's (value, count) pairs ((id, path, count) for
    sources: labelled by file name only when their item is made, not 23,000 at once)."""
    if kind == "source":
        return [(i, p, n, p) for i, p, n in counted]
    if kind == "date":  # days of publication; "" gathers those whose date is unknown
        return [_day_row(day, n) for day, n in counted]
    return [(value, value, n, "") for value, n in counted]


# The groups whose names are the library's text (watch words match in either script).
_IN_VIEW = ("watch", "section")


def _day_row(day: str, count: int) -> Row:
    if day:
        tip = QCoreApplication.translate("LibrarySidebar", "发表于 {day}").format(day=day)
        return (day, day, count, tip)
    label = QCoreApplication.translate("LibrarySidebar", "日期不详")
    tip = QCoreApplication.translate("LibrarySidebar", "发表日期不详的文章（列表中显示导入日期）")
    return ("", label, count, tip)


class LibrarySidebar(QTreeWidget):
    scope_changed = Signal(object)  # Scope
    rename_tag_requested = Signal(str)
    delete_tag_requested = Signal(str)
    empty_trash_requested = Signal()
    edit_watch_requested = Signal()
    # A subscription's, a folder's or the 订阅 heading's menu (Scope, global position): the
    # feeds controller fills it.
    feed_menu_requested = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySidebar")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized from the largest count, not ResizeToContents (which measures every row).
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self._fit_counts(999)  # until the counts come
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._scope = Scope()
        self._in_view: Callable[[str], str] | None = None  # watch words, sections
        self._filling = False
        self._budget = FILL_STEP  # new items this turn may still make
        self._groups: dict[str, QTreeWidgetItem] = {}
        # Per group: its latest rows, its children in order, and each child by scope value.
        self._rows: dict[str, list[Row]] = {}
        self._shown: dict[str, list[QTreeWidgetItem]] = {}
        self._items: dict[str, dict[str | int, QTreeWidgetItem]] = {}
        self._counts: dict[str, dict[str | int, int]] = {}
        self._made_up_to: dict[str, int] = {}  # rows before this index have their items
        self._counted: dict[str, tuple] = {}  # each group's counts as the overview gave them
        self._filling_later = QTimer(self, singleShot=True, interval=0)
        self._filling_later.timeout.connect(self._fill_pending)
        for kind, label in (
            ("all", self.tr("全部文章")),
            ("unread", self.tr("未读")),
            ("starred", self.tr("已加星标")),
            ("watch", self.tr("关注词")),
            ("feeds", self.tr("订阅")),
            ("tag", self.tr("标签")),
            ("source", self.tr("来源")),
            ("section", self.tr("版面")),
            ("date", self.tr("日期")),
            ("trash", self.tr("回收站")),
        ):
            item = QTreeWidgetItem([label, ""])
            item.setData(0, ScopeRole, Scope(kind))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if kind in ("feeds", "tag", "source", "section", "date"):
                # A group heading only opens; its children filter.
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(item)
            self._groups[kind] = item
        self._groups["watch"].setExpanded(True)
        self._groups["feeds"].setHidden(True)  # until there is a subscription
        self._groups["feeds"].setExpanded(True)
        self._feeds: tuple[Feed, ...] | None = None
        self._feed_items: dict[tuple[str, str | int], QTreeWidgetItem] = {}
        self._groups["tag"].setExpanded(True)
        self.setCurrentItem(self._groups["all"])
        self.currentItemChanged.connect(self._current_changed)

    @property
    def scope(self) -> Scope:
        return self._scope

    def total(self) -> int | None:
        """Articles outside the trash, once counted."""
        text = self._groups["all"].text(1)
        return int(text) if text else None

    def set_scope(self, scope: Scope) -> None:
        item = self._item(scope) or self._groups["all"]
        self.setCurrentItem(item)

    def count_read(self, n: int) -> None:
        """``n`` unread articles were just read: the one count that changes."""
        item = self._groups["unread"]
        if item.text(1):
            item.setText(1, str(max(0, int(item.text(1)) - n)))

    def set_script_view(self, in_view: Callable[[str], str] | None) -> None:
        """Write watch words and sections in this script view (None: as stored)."""
        self._in_view = in_view
        for kind in _IN_VIEW:
            for value, item in self._items.get(kind, {}).items():
                label = str(value)
                item.setText(0, in_view(label) if in_view is not None else label)

    def set_overview(self, ov: Overview) -> None:
        """New counts; keeps the current choice (or falls back to all when it is gone)."""
        self._filling = True
        self._budget = FILL_STEP
        try:
            groups = self._groups
            for kind, count in (
                ("all", ov.total),
                ("unread", ov.unread),
                ("starred", ov.starred),
                ("watch", ov.watched),
                ("trash", ov.trashed),
            ):
                groups[kind].setText(1, str(count))
            for kind, counted in (
                ("watch", ov.watch),
                ("tag", ov.tags),
                ("source", ov.sources),
                ("section", ov.sections),
                ("date", ov.dates),
            ):
                # Most recounts (a star, a read) leave these as they were: one comparison
                # instead of walking 23,000 sources at 100,000 articles.
                if self._counted.get(kind) != counted:
                    self._counted[kind] = counted
                    self._rows[kind] = _rows(kind, counted)
                    self._sync(kind)
        finally:
            self._filling = False
        if ov.feeds != self._feeds:
            self._filling = True
            try:
                self._sync_feeds(ov.feeds)
            finally:
                self._filling = False
        # Every group counts articles outside the trash, so none is larger than the total.
        self._fit_counts(max(ov.total, ov.trashed))
        self._keep_current()

    def feeds(self) -> tuple[Feed, ...]:
        """The subscriptions as last counted."""
        return self._feeds or ()

    def _sync_feeds(self, feeds: tuple[Feed, ...]) -> None:
        """The 订阅 group: folders (with their feeds' unread articles) and feeds, each with
        its unread count; items kept where they were, so a recount keeps what is open."""
        from PySide6.QtWidgets import QStyle

        self._feeds = feeds
        group = self._groups["feeds"]
        group.setHidden(not feeds)
        group.setText(1, str(sum(f.unread for f in feeds)) if feeds else "")
        old, self._feed_items = self._feed_items, {}
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        wanted: list[QTreeWidgetItem] = []
        folders: dict[str, list[QTreeWidgetItem]] = {}
        for feed in feeds:
            item = old.get(("feed", feed.id)) or self._child(Scope("feed", feed.id), "", "")
            item.setText(0, feed.name)
            item.setText(1, str(feed.unread) if feed.unread else "")
            # Its name too: a long one is cut in a narrow sidebar.
            tip = f"{feed.name}\n{feed.url}"
            if feed.error:
                tip += "\n" + self.tr("更新失败：{error}").format(error=feed.error)
            item.setToolTip(0, tip)
            item.setIcon(0, warning if feed.error else QIcon())
            self._feed_items[("feed", feed.id)] = item
            if feed.folder:
                folders.setdefault(feed.folder, []).append(item)
            else:
                wanted.append(item)
        for name, children in folders.items():
            folder = old.get(("folder", name)) or self._child(Scope("folder", name), name, "")
            unread = sum(f.unread for f in feeds if f.folder == name)
            folder.setText(1, str(unread) if unread else "")
            self._feed_items[("folder", name)] = folder
            if [folder.child(i) for i in range(folder.childCount())] != children:
                expanded = folder.isExpanded() or ("folder", name) not in old
                folder.takeChildren()
                folder.addChildren(children)
                folder.setExpanded(expanded)
        tops = [self._feed_items[("folder", n)] for n in folders] + wanted
        if [group.child(i) for i in range(group.childCount())] != tops:
            opened = {n for n in folders if self._feed_items[("folder", n)].isExpanded()}
            opened |= {n for n in folders if ("folder", n) not in old}
            group.takeChildren()
            group.addChildren(tops)
            for name in opened:
                self._feed_items[("folder", name)].setExpanded(True)

    def _fit_counts(self, widest: int) -> None:
        self.header().resizeSection(1, self.fontMetrics().horizontalAdvance(str(widest)) + 14)

    def _keep_current(self) -> None:
        """Select the current scope's item again (rebuilding a group can move the
        selection); fall back to all when its tag, source... is gone from the library."""
        scope = self._scope
        item = self._item(scope)
        if item is None:
            if any(row[0] == scope.value for row in self._rows.get(scope.kind, ())):
                return  # its item is still to be made
            self.setCurrentItem(self._groups["all"])  # lists everything again
        elif self.currentItem() is not item:
            self._filling = True
            self.setCurrentItem(item)
            self._filling = False

    def _sync(self, kind: str) -> None:
        """Make a group's children match its new rows: items of values still there are
        reused (only changed counts set), items of values gone are dropped, new ones are
        made FILL_STEP at a time, the rest on later turns of the event loop."""
        rows, group = self._rows[kind], self._groups[kind]
        items = self._items.setdefault(kind, {})
        counts = self._counts.setdefault(kind, {})
        if items:
            present = {row[0] for row in rows}
            for value in [v for v in items if v not in present]:  # gone from the library
                del items[value]
                counts.pop(value, None)
        wanted, self._made_up_to[kind] = self._items_for(kind, 0)
        if wanted != self._shown.get(kind):
            group.takeChildren()
            group.addChildren(wanted)
            self._shown[kind] = wanted
        if self._made_up_to[kind] < len(rows):
            self._filling_later.start()

    def _items_for(self, kind: str, start: int) -> tuple[list[QTreeWidgetItem], int]:
        """The items of rows[start:] in order, making new ones while this turn's budget
        lasts; and the index of the row it stopped at (len(rows) when it got to the end)."""
        rows, items, counts = self._rows[kind], self._items[kind], self._counts[kind]
        found: list[QTreeWidgetItem] = []
        for index in range(start, len(rows)):
            value, label, count, tip = rows[index]
            item = items.get(value)
            if item is None:
                if self._budget <= 0:
                    return found, index
                self._budget -= 1
                if kind == "source":
                    label = os.path.basename(label) or label
                elif kind in _IN_VIEW and self._in_view is not None:
                    label = self._in_view(label)
                item = items[value] = self._child(Scope(kind, value), label, tip)
            if counts.get(value) != count:
                counts[value] = count
                item.setText(1, str(count))
            found.append(item)
        return found, len(rows)

    def _fill_pending(self) -> None:
        """One more step of the groups' new items, added after the ones already there."""
        self._filling = True
        self._budget = FILL_STEP
        try:
            for kind, start in self._made_up_to.items():
                if start < len(self._rows[kind]) and self._budget > 0:
                    more, self._made_up_to[kind] = self._items_for(kind, start)
                    self._groups[kind].addChildren(more)
                    self._shown[kind] += more
            if any(start < len(self._rows[k]) for k, start in self._made_up_to.items()):
                self._filling_later.start()
        finally:
            self._filling = False
        self._keep_current()

    @staticmethod
    def _child(scope: Scope, label: str, tip: str) -> QTreeWidgetItem:
        child = QTreeWidgetItem([label, ""])
        child.setData(0, ScopeRole, scope)
        child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if tip:
            child.setToolTip(0, tip)
        return child

    def _item(self, scope: Scope) -> QTreeWidgetItem | None:
        if scope.kind in ("feed", "folder"):
            return self._feed_items.get((scope.kind, scope.value))  # type: ignore[arg-type]
        group = self._groups.get(scope.kind)
        if group is None or scope.value is None:
            return group
        return self._items.get(scope.kind, {}).get(scope.value)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is None or self._filling:
            return
        scope = current.data(0, ScopeRole)
        if isinstance(scope, Scope) and scope != self._scope:
            self._scope = scope
            self.scope_changed.emit(scope)

    def _menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        scope = item.data(0, ScopeRole) if item is not None else None
        if not isinstance(scope, Scope):
            return
        menu = QMenu(self)
        if scope.kind == "tag" and scope.value is not None:
            tag = str(scope.value)
            menu.addAction(self.tr("重命名标签…"), lambda: self.rename_tag_requested.emit(tag))
            menu.addAction(self.tr("删除标签"), lambda: self.delete_tag_requested.emit(tag))
        elif scope.kind == "trash":
            menu.addAction(self.tr("清空回收站…"), self.empty_trash_requested.emit)
        elif scope.kind == "watch":
            menu.addAction(self.tr("编辑关注词…"), self.edit_watch_requested.emit)
        elif scope.kind in ("feeds", "feed", "folder"):
            self.feed_menu_requested.emit(scope, self.viewport().mapToGlobal(pos))
            return
        if not menu.isEmpty():
            menu.exec(self.viewport().mapToGlobal(pos))
