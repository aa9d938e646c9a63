"""The library sidebar: what the article list shows (all, unread, starred, watch words, tags,
sources, sections, dates, trash), each with its count."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

if TYPE_CHECKING:
    from reader.store.articles import ArticleFilter
    from reader.store.overview import Overview

log = logging.getLogger(__name__)

ScopeRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Scope:
    """One choice in the sidebar. ``value`` names the tag, source id, section, day or watch
    word; None under a group means the whole group (e.g. any watch word)."""

    kind: str = "all"  # all unread starred watch tag source section date trash
    value: str | int | None = None

    def filter(self, query: str = "", watch_words: tuple[str, ...] = ()) -> ArticleFilter:
        from reader.store.articles import ArticleFilter  # not before the window paints

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
        elif kind == "date":
            f.date_from = f.date_to = str(value)
        elif kind == "trash":
            f.trashed = True
        return f


class LibrarySidebar(QTreeWidget):
    scope_changed = Signal(object)  # Scope
    rename_tag_requested = Signal(str)
    delete_tag_requested = Signal(str)
    empty_trash_requested = Signal()
    edit_watch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySidebar")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._scope = Scope()
        self._filling = False
        self._groups: dict[str, QTreeWidgetItem] = {}
        for kind, label in (
            ("all", self.tr("全部文章")),
            ("unread", self.tr("未读")),
            ("starred", self.tr("已加星标")),
            ("watch", self.tr("关注词")),
            ("tag", self.tr("标签")),
            ("source", self.tr("来源")),
            ("section", self.tr("版面")),
            ("date", self.tr("日期")),
            ("trash", self.tr("回收站")),
        ):
            item = QTreeWidgetItem([label, ""])
            item.setData(0, ScopeRole, Scope(kind))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if kind in ("tag", "source", "section", "date"):
                # A group heading only opens; its children filter.
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(item)
            self._groups[kind] = item
        self._groups["watch"].setExpanded(True)
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

    def set_overview(self, ov: Overview) -> None:
        """New counts; keeps the current choice (or falls back to all when it is gone)."""
        self._filling = True
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
            self._children("watch", [(w, w, n, "") for w, n in ov.watch])
            self._children("tag", [(t, t, n, "") for t, n in ov.tags])
            self._children("source", [(i, PurePath(p).name or p, n, p) for i, p, n in ov.sources])
            self._children("section", [(s, s, n, "") for s, n in ov.sections])
            self._children("date", [(d, d, n, "") for d, n in ov.dates])
            item = self._item(self._scope)
        finally:
            self._filling = False
        if item is None:
            self.setCurrentItem(self._groups["all"])  # the tag/source/... is gone
        elif self.currentItem() is not item:
            self._filling = True
            self.setCurrentItem(item)
            self._filling = False

    def _children(self, kind: str, rows: list[tuple[str | int, str, int, str]]) -> None:
        group = self._groups[kind]
        group.takeChildren()
        for value, label, count, tip in rows:
            child = QTreeWidgetItem([label, str(count)])
            child.setData(0, ScopeRole, Scope(kind, value))
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if tip:
                child.setToolTip(0, tip)
            group.addChild(child)

    def _item(self, scope: Scope) -> QTreeWidgetItem | None:
        group = self._groups.get(scope.kind)
        if group is None:
            return None
        if scope.value is None:
            return group
        for i in range(group.childCount()):
            child = group.child(i)
            if child.data(0, ScopeRole) == scope:
                return child
        return None

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
        if not menu.isEmpty():
            menu.exec(self.viewport().mapToGlobal(pos))
