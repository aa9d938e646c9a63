"""帮助 → 添加到应用程序菜单 / 从应用程序菜单移除: the launcher entry of ``reader
--install-desktop`` (reader.desktop) from the window, pointing at this copy of the app
(the bundle's unpacked folder, or the pip install). On a worker: the desktop's caches
are refreshed by tools that take their time."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from reader import desktop
from reader.core import paths
from reader.gui.workers import Operation

log = logging.getLogger(__name__)


class DesktopEntryActions(QObject):
    def __init__(self, library_dir: Path, status: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.status = status
        self.library_dir = library_dir
        self.operation: Operation | None = None
        self.install_action = QAction(self.tr("添加到应用程序菜单"), parent)
        self.install_action.triggered.connect(self.install)
        self.uninstall_action = QAction(self.tr("从应用程序菜单移除"), parent)
        self.uninstall_action.triggered.connect(self.uninstall)

    def fill_menu(self, menu: QMenu) -> None:
        """The two items, where launchers read desktop entries (not Windows or macOS)."""
        if not desktop.supported():
            return
        menu.addAction(self.install_action)
        menu.addAction(self.uninstall_action)
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        idle = self.operation is None
        # Adding again is allowed: it points the entry at this copy after a move.
        self.install_action.setEnabled(idle)
        self.uninstall_action.setEnabled(idle and desktop.is_installed())

    def install(self) -> None:
        # A library elsewhere than the default one is what the entry opens too.
        default = _same(self.library_dir, paths.default_data_dir())
        data_dir = None if default else self.library_dir
        self._run(lambda: desktop.install(data_dir=data_dir), self.tr("已添加到应用程序菜单"))

    def uninstall(self) -> None:
        self._run(desktop.uninstall, self.tr("已从应用程序菜单移除"))

    def _run(self, work: Callable[[], list[Path]], done: str) -> None:
        if self.operation is not None:
            return
        op = Operation(lambda _progress, _cancelled: work(), self)
        op.succeeded.connect(lambda _files: self.status.showMessage(done, 5000))
        op.failed.connect(self._failed)
        op.finished.connect(self._finished)
        self.operation = op
        self.update_actions()
        op.start()

    def _failed(self, message: str) -> None:
        log.warning("desktop entry: %s", message)
        text = self.tr("无法更改应用程序菜单：{}").format(message)
        QtWidgets.QMessageBox.warning(self.window, self.tr("应用程序菜单"), text)

    def _finished(self) -> None:
        if self.operation is not None:
            self.operation.deleteLater()
        self.operation = None
        self.update_actions()


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
