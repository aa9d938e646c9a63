"""Organising the listed articles: star, read/unread, tags, trash. One set of actions serves
the 文章 menu, the list's context menu and the keyboard."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

# Dialogs as QtWidgets.X: PySide makes a class's Python type (its enums) when it is first
# taken from the module, so these are made when first shown, not before the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from reader.gui.writer import LibraryWriter
    from reader.library import Library

log = logging.getLogger(__name__)


class OrganiseActions(QObject):
    """Acts on the selected article(s); emits :attr:`changed` so the list and counts refresh."""

    changed = Signal(list, bool)  # article ids, whether they left the current list (trash)
    said = Signal(str)  # what was done, for the status bar
    returned = Signal(int)  # an undo put this article back in the list: open it again

    def __init__(
        self,
        library: Library,
        writer: LibraryWriter,
        selected: Callable[[], list[int]],
        parent: QWidget,
        undo_stack: Callable[[], QUndoStack | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.writer = writer  # the changes are written off the window's thread
        self.selected = selected
        self.undo_stack = undo_stack  # the window's (编辑 → 撤销), once it is built
        self.window = parent
        self.in_trash = False  # the list shows the trash: Delete restores

        def action(text: str, slot, shortcut: str | None = None) -> QAction:
            a = QAction(text, parent)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            return a

        self.star = action(self.tr("加星标/取消星标"), self.toggle_star, "S")
        self.read = action(self.tr("标为已读/未读"), self.toggle_read, "M")
        self.tag = action(self.tr("添加标签(&T)…"), self.add_tag, "T")
        self.trash = action(self.tr("移到回收站"), self.trash_selected, "Delete")
        self.restore = action(self.tr("从回收站恢复"), self.restore_selected)
        self.empty = action(self.tr("清空回收站…"), self.empty_trash)

    def fill_menu(self, menu: QMenu) -> None:
        for a in (self.star, self.read, self.tag):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.trash)
        menu.addAction(self.restore)
        menu.addAction(self.empty)

    def context_menu(self, parent: QWidget) -> QMenu:
        """The list's menu for the selection, with a 移除标签 entry per tag it carries."""
        menu = QMenu(parent)
        ids = self.selected()
        for a in (self.star, self.read, self.tag):
            menu.addAction(a)
        tags = sorted({t for i in ids for t in self.library.tags(i)})
        if tags:
            remove = menu.addMenu(self.tr("移除标签"))
            for tag in tags:

                def remove_this(t: str = tag) -> None:
                    self.remove_tag(t)

                remove.addAction(tag, remove_this)
        menu.addSeparator()
        menu.addAction(self.restore if self.in_trash else self.trash)
        for a in menu.actions():
            a.setEnabled(bool(ids))
        return menu

    # -- the actions --------------------------------------------------------------------

    def toggle_star(self) -> None:
        ids = self.selected()
        if ids:
            starred = all(self.library.is_starred(i) for i in ids)
            self._write(lambda lib: lib.set_starred(ids, not starred), ids, False)

    def toggle_read(self) -> None:
        ids = self.selected()
        if ids:
            read = all(self.library.read_at(i) for i in ids)
            self._write(lambda lib: lib.mark_read(ids, not read), ids, False)

    def add_tag(self) -> None:
        ids = self.selected()
        if not ids:
            return
        known = [t for t, _ in self.library.tags_with_counts()]
        tag, ok = QtWidgets.QInputDialog.getItem(
            self.window, self.tr("添加标签"), self.tr("标签名："), known, 0, True
        )
        if ok and tag.strip():
            self._write(lambda lib: lib.add_tag(ids, tag), ids, False)

    def remove_tag(self, tag: str) -> None:
        ids = self.selected()
        if ids:
            self._write(lambda lib: lib.remove_tag(ids, tag), ids, False)

    def trash_selected(self) -> None:
        if self.in_trash:
            self.restore_selected()
        else:
            self._move(self.selected(), to_trash=True)

    def restore_selected(self) -> None:
        self._move(self.selected(), to_trash=False)

    def _move(self, ids: list[int], *, to_trash: bool) -> None:
        """Into the trash or out of it, as a step 编辑 → 撤销 takes back, and say so."""
        if not ids:
            return
        rows = self.library.rows(ids[:1])
        title = rows[ids[0]].display_title if ids[0] in rows else ""
        if to_trash:
            what = self.tr("已移到回收站：{title}").format(title=title)
            if len(ids) > 1:
                what = self.tr("已将 %n 篇文章移到回收站", "", len(ids))
        else:
            what = self.tr("已从回收站恢复：{title}").format(title=title)
            if len(ids) > 1:
                what = self.tr("已从回收站恢复 %n 篇文章", "", len(ids))
        command = _Move(self, ids, to_trash, what)
        stack = self.undo_stack()
        if stack is None:  # the 编辑 menu is not built yet: nothing to undo with
            command.redo()
            self.said.emit(what)
        else:
            stack.push(command)  # which moves them
            self.said.emit(self.tr("{done}（Ctrl+Z 撤销）").format(done=what))

    def move_now(self, ids: list[int], to_trash: bool) -> None:
        if to_trash:
            self._write(lambda lib: lib.trash(ids), ids, True)
        else:
            self._write(lambda lib: lib.restore(ids), ids, True)

    def empty_trash(self) -> None:
        count = self.library.trashed_count()
        if not count:
            return
        answer = QtWidgets.QMessageBox.question(
            self.window,
            self.tr("清空回收站"),
            self.tr(
                "永久删除回收站中的 %n 篇文章？它们的高亮和批注也会一并删除，此操作无法撤销。",
                "",
                count,
            ),
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self._write(lambda lib: lib.empty_trash(), [], True)  # a backup first

    def _write(self, change: Callable[[Library], object], ids: list[int], left: bool) -> None:
        """``change`` written, then the list told (``left``: the ids left the list)."""
        self.writer.write(change, lambda _result: self.changed.emit(ids, left))


class _Move(QUndoCommand):
    """Articles moved into the trash or out of it; undone, they move back and the first
    is open again."""

    def __init__(self, actions: OrganiseActions, ids: list[int], to_trash: bool, text: str):
        super().__init__(text)
        self.actions = actions
        self.ids = list(ids)
        self.to_trash = to_trash

    def redo(self) -> None:
        self.actions.move_now(self.ids, self.to_trash)

    def undo(self) -> None:
        self.actions.move_now(self.ids, not self.to_trash)
        self.actions.returned.emit(self.ids[0])
