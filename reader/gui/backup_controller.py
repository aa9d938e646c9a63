"""文件 → 备份与恢复…: the rolling backups listed, one made now, a restore (from the list or a
file), how many are kept; and the daily backup while the window runs. The copying and
restoring run on workers (reader.backups through Library); the window never waits for it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, QUrl
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.gui.changes import Change, LibraryChanges
from reader.gui.workers import Operation

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QListWidget, QPushButton, QSpinBox

    from reader.backups import Backup, Restored
    from reader.library import Library

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 60_000  # the first daily check, a minute after start: not during start-up
CHECK_EVERY_MS = 3_600_000  # then hourly: a window left open for days backs up daily
KEEP_KEY = "backups/keep"  # read by reader.backups as [backups] keep


class BackupController(QObject):
    def __init__(
        self,
        library: Library,
        changes: LibraryChanges,
        settings: QSettings,
        status_bar: QStatusBar,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.changes = changes
        self.settings = settings
        self.status_bar = status_bar
        self.window = window
        self.operation: Operation | None = None
        self.dialog: BackupDialog | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.back_up_if_due)
        self.timer.start(FIRST_CHECK_MS)

    # -- the daily backup -----------------------------------------------------------------

    def back_up_if_due(self) -> None:
        self.timer.setInterval(CHECK_EVERY_MS)
        if self.operation is None and self.library.backup_due():
            self.back_up(quiet=True)

    def back_up(self, quiet: bool = False) -> None:
        """A new rolling backup, on a worker (its own connection to the library)."""
        directory = self.library.directory

        def work(_progress, _cancelled) -> Path:
            from reader.library import Library

            lib = Library(directory, defer_check=True)  # the window checks it
            try:
                return lib.back_up()
            finally:
                lib.close()

        self._run(work, lambda path: self._backed_up(path, quiet))

    def _backed_up(self, path: Path, quiet: bool) -> None:
        log.info("backed up to %s", path)
        if not quiet:
            self.status_bar.showMessage(self.tr("已备份到 {path}").format(path=path), 8000)
        if self.dialog is not None:
            self.dialog.refresh()

    # -- restore ----------------------------------------------------------------------------

    def restore(self, source: Path) -> None:
        """Replace the library by the one in ``source``, once the reader has agreed."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._parent(),
            self.tr("恢复文库"),
            self.tr(
                "用 {name} 中的文库替换当前文库？\n\n当前文库会先另存为一份备份，之后仍可恢复。"
            ).format(name=source.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        directory = self.library.directory

        def work(_progress, _cancelled) -> Restored:
            from reader.library import Library

            lib = Library(directory, defer_check=True)  # the window checks it
            try:
                return lib.restore_backup(source)
            finally:
                lib.close()

        self._run(work, self._restored)

    def _restored(self, restored: Restored) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.settings.sync()  # the backup's settings.ini, read again
        self.changes.announce(Change(listed=True, counted=True, analysed=True, watch=True))
        text = self.tr("已恢复 {articles} 篇文章、{notes} 条批注。").format(
            articles=restored.articles, notes=restored.annotations
        )
        if restored.kept is not None:
            text += "\n\n" + self.tr("恢复前的文库已保存为 {path}。").format(path=restored.kept)
        text += "\n\n" + self.tr("外观等设置在重新启动后生效。")
        QMessageBox.information(self._parent(), self.tr("恢复文库"), text)
        if self.dialog is not None:
            self.dialog.refresh()

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self._parent(),
            self.tr("从文件恢复"),
            str(self.library.directory / "backups"),
            self.tr("文库备份 (*.sqlite3 *.sqlite *.db);;所有文件 (*)"),
        )
        if name:
            self.restore(Path(name))

    def _parent(self) -> QWidget:
        """Messages over the dialog while it is open, else over the window."""
        if self.dialog is not None and self.dialog.widget.isVisible():
            return self.dialog.widget
        return self.window

    # -- the work ---------------------------------------------------------------------------

    def _run(self, work, done) -> None:
        if self.operation is not None:
            return
        op = Operation(work, self)
        op.succeeded.connect(done)
        op.failed.connect(self._failed)
        op.finished.connect(self._finished)
        self.operation = op
        if self.dialog is not None:
            self.dialog.set_busy(True)
        op.start()

    def _finished(self) -> None:
        self.operation = None
        if self.dialog is not None:
            self.dialog.set_busy(False)

    def _failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self._parent(), self.tr("备份与恢复"), message)

    # -- the dialog -------------------------------------------------------------------------

    def open_dialog(self) -> None:
        if self.dialog is None:
            self.dialog = BackupDialog(self)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()

    def keep(self) -> int:
        from reader.backups import KEEP_DEFAULT

        return int(self.settings.value(KEEP_KEY, KEEP_DEFAULT))  # type: ignore[call-overload]

    def set_keep(self, count: int) -> None:
        self.settings.setValue(KEEP_KEY, count)
        self.settings.sync()  # reader.backups reads the file


class BackupDialog(QObject):
    """The dialog's widgets (made when first opened, after the first paint)."""

    def __init__(self, controller: BackupController) -> None:
        from PySide6 import QtWidgets

        super().__init__(controller)
        self.controller = controller
        self.widget: QDialog = QtWidgets.QDialog(controller.window)
        self.widget.setWindowTitle(self.tr("备份与恢复"))
        layout = QtWidgets.QVBoxLayout(self.widget)
        folder = controller.library.directory / "backups"
        about = QtWidgets.QLabel(
            self.tr("每天自动备份一次，清空回收站和恢复之前也会备份。备份保存在：")
            + f'<br><a href="{QUrl.fromLocalFile(str(folder)).toString()}">{folder}</a>'
        )
        about.setWordWrap(True)
        about.setOpenExternalLinks(True)
        layout.addWidget(about)
        self.list: QListWidget = QtWidgets.QListWidget()
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore_selected())
        layout.addWidget(self.list)
        keep_row = QtWidgets.QHBoxLayout()
        keep_row.addWidget(QtWidgets.QLabel(self.tr("保留最近的备份：")))
        self.keep: QSpinBox = QtWidgets.QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setSuffix(self.tr(" 份"))
        self.keep.setValue(controller.keep())
        self.keep.valueChanged.connect(controller.set_keep)
        keep_row.addWidget(self.keep)
        keep_row.addStretch(1)
        layout.addLayout(keep_row)
        buttons = QtWidgets.QHBoxLayout()
        self.back_up_button: QPushButton = QtWidgets.QPushButton(self.tr("立即备份"))
        self.back_up_button.clicked.connect(lambda: controller.back_up())
        self.restore_button: QPushButton = QtWidgets.QPushButton(self.tr("恢复所选…"))
        self.restore_button.clicked.connect(self._restore_selected)
        self.file_button: QPushButton = QtWidgets.QPushButton(self.tr("从文件恢复…"))
        self.file_button.clicked.connect(controller.choose_file)
        close = QtWidgets.QPushButton(self.tr("关闭"))
        close.clicked.connect(self.widget.close)
        for button in (self.back_up_button, self.restore_button, self.file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.widget.resize(560, 380)
        self.shown: list[Backup] = []

    def refresh(self) -> None:
        whys = {
            "before-restore": self.tr("恢复前"),
            "before-delete": self.tr("清空回收站前"),
            "damaged": self.tr("已损坏的文库"),
        }
        self.shown = self.controller.library.backups()
        self.list.clear()
        for b in self.shown:
            why = whys.get(b.why, "")
            size = f"{b.size / 2**20:.1f} MB"
            self.list.addItem(f"{b.made:%Y-%m-%d %H:%M}    {size}" + (f"    {why}" if why else ""))
        if not self.shown:
            self.list.addItem(self.tr("还没有备份"))
            self.list.setEnabled(False)
        else:
            self.list.setEnabled(True)
            self.list.setCurrentRow(0)
        self._selection_changed()

    def set_busy(self, busy: bool) -> None:
        for button in (self.back_up_button, self.file_button):
            button.setEnabled(not busy)
        self._selection_changed(busy)

    def _selection_changed(self, busy: bool | None = None) -> None:
        busy = self.controller.operation is not None if busy is None else busy
        self.restore_button.setEnabled(
            bool(self.shown) and self._selected() is not None and not busy
        )

    def _selected(self) -> Backup | None:
        row = self.list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _restore_selected(self) -> None:
        chosen = self._selected()
        if chosen is not None and self.controller.operation is None:
            self.controller.restore(chosen.path)

    def show(self) -> None:
        self.widget.show()

    def raise_(self) -> None:
        self.widget.raise_()
