"""Importing: files, folders, the clipboard, what is dropped on the window or handed over by
a launch. Imports run one at a time on a worker with their own library connection (WAL
lets the window keep reading), behind a cancellable progress dialog; what is asked for
meanwhile waits its turn. When one ends the library-changes signal says what came in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Dialogs as QtWidgets.X: PySide makes a class's Python type (its enums) when it is first
# taken from the module, so these are made when first shown, not before the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QStatusBar, QWidget

from reader.gui.changes import Change, LibraryChanges
from reader.gui.files import listed
from reader.gui.workers import Operation
from reader.library import (
    IMPORTABLE_SUFFIXES,
    NOT_ANNOTATIONS,
    NOTHING_TO_IMPORT,
    ImportReport,
    Library,
)

if TYPE_CHECKING:
    from reader.gui.analysis_runner import AnalysisRunner

log = logging.getLogger(__name__)

ImportTask = Callable[[Library, Callable, Callable[[], bool]], ImportReport]


class Importer(QObject):
    imported = Signal(object)  # the ImportReport of an import that ended

    def __init__(
        self,
        library: Library,
        changes: LibraryChanges,
        analysis: AnalysisRunner,
        status_bar: QStatusBar,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.changes = changes
        self.analysis = analysis
        self.status_bar = status_bar
        self.window = window
        self.closing = False
        self.operation: Operation | None = None
        self._queued: list[ImportTask] = []  # imports asked for while one runs
        self._dialog: QtWidgets.QProgressDialog | None = None

    # -- what the reader asks for ---------------------------------------------------------

    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in IMPORTABLE_SUFFIXES)
        filters = self.tr("报纸文本 ({patterns})").format(patterns=patterns)
        filters += ";;" + self.tr("所有文件 (*)")
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self.window, self.tr("导入文件"), str(Path.home()), filters
        )
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self.window, self.tr("导入文件夹"), str(Path.home())
        )
        if folder:
            self.import_paths([folder])

    def paste_as_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.status_bar.showMessage(self.tr("剪贴板里没有文字"), 4000)
            return
        self.finish(self.library.import_text(text))

    def import_paths(self, paths: list[str]) -> None:
        """Import on a worker thread with a cancellable progress dialog."""
        self.run(
            lambda lib, progress, cancelled: lib.import_paths(
                paths, progress=progress, cancelled=cancelled
            )
        )

    def import_annotations(self, path: Path) -> None:
        """A W3C annotation file (文件 → 导入批注), on the worker like any import."""
        self.run(lambda lib, _progress, _cancelled: lib.import_annotation_file(path))

    def seed_library(self) -> None:
        """Give a new library its sample pages, after the window has painted."""
        self.run(lambda lib, progress, cancelled: lib.seed(progress, cancelled))

    # -- running --------------------------------------------------------------------------

    def run(self, task: ImportTask) -> None:
        if self.closing:
            return
        if self.operation is not None:
            self._queued.append(task)  # run after the current import, in order
            return
        directory = self.library.directory

        def work(progress, cancelled) -> ImportReport:
            lib = Library(directory)  # the worker's own connection
            try:
                return task(lib, progress, cancelled)
            finally:
                lib.close()

        op = Operation(work, self)
        dialog = QtWidgets.QProgressDialog(self.tr("正在导入…"), self.tr("取消"), 0, 0, self.window)
        dialog.setWindowTitle(self.tr("导入"))
        dialog.setMinimumDuration(400)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(op.cancel)
        op.progressed.connect(self._progressed)
        op.succeeded.connect(self.finish)
        op.failed.connect(self._failed)
        op.finished.connect(dialog.reset)
        op.finished.connect(self._done)
        self._dialog = dialog
        self.operation = op
        op.start()

    def cancel(self) -> None:
        """The window closes: nothing queued starts, the running import stops."""
        self.closing = True
        self._queued.clear()
        if self.operation is not None:
            self.operation.cancel()

    def _progressed(self, done: int, total: int, current: str) -> None:
        if self._dialog is None:
            return
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)
        if current:
            self._dialog.setLabelText(self.tr("正在导入 {name}").format(name=Path(current).name))

    def _done(self) -> None:
        self.operation = None
        if self._queued:
            self.run(self._queued.pop(0))

    def _failed(self, message: str) -> None:
        QtWidgets.QMessageBox.critical(self.window, self.tr("导入失败"), message)

    # -- the report -----------------------------------------------------------------------

    def finish(self, report: ImportReport) -> None:
        if report.articles:
            self.analysis.start_if_enabled()
        first_new = report.articles[0].id if report.articles else None
        first = first_new or (report.duplicates[0][1] if report.duplicates else None)
        annotated = tuple(dict.fromkeys(a.article_id for a in report.annotations))
        self.changes.announce(Change(listed=True, counted=True, show=first, annotated=annotated))
        self.imported.emit(report)
        summary = self.summary(report)
        self.status_bar.showMessage(summary, 8000)
        self._report_errors(report, summary)

    def summary(self, report: ImportReport) -> str:
        """ "导入 3 篇文章，1 篇已在库中", and the annotations' part when a file had some."""
        notes = len(report.annotations)
        if notes and not report.articles and not report.duplicates:
            summary = self.tr("导入 %n 条批注", "", notes)
        else:
            summary = self.tr("导入 %n 篇文章", "", len(report.articles))
            if report.duplicates:
                summary += self.tr("，%n 篇已在库中", "", len(report.duplicates))
            if notes:
                summary += self.tr("，%n 条批注", "", notes)
        orphaned = sum(1 for a in report.annotations if a.orphaned)
        if orphaned:
            summary += self.tr("，%n 条在原文中找不到（列为未能定位）", "", orphaned)
        if report.annotation_duplicates:
            summary += self.tr("，%n 条批注已在文库中", "", len(report.annotation_duplicates))
        if report.cancelled:
            summary += self.tr("（已取消）")
        return summary

    def _report_errors(self, report: ImportReport, summary: str) -> None:
        nothing = self.tr("没有可导入的文件")
        worded = {NOTHING_TO_IMPORT: nothing, NOT_ANNOTATIONS: self.tr("不是 W3C 批注 JSON 文件")}
        errors = [(s, worded.get(e, e)) for s, e in report.errors]
        if errors and not report.articles and all(e == nothing for _, e in errors):
            # Only folders without a text file: one line, no talk of failures.
            folders = "、".join(Path(s).name or s for s, _ in errors)
            QtWidgets.QMessageBox.information(
                self.window,
                nothing,
                self.tr("{folders}：{nothing}").format(folders=folders, nothing=nothing),
            )
            return
        if errors:
            line = self.tr("{file}：{error}")
            lines = listed(
                [line.format(file=Path(s).name, error=e) for s, e in errors],
                lambda more: self.tr("……另有 %n 个", "", more),
            )
            QtWidgets.QMessageBox.warning(
                self.window,
                self.tr("部分文件未能导入"),
                self.tr("{summary}。\n\n{errors}").format(summary=summary, errors=lines),
            )
