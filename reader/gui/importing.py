"""Importing: files, folders, web addresses, the clipboard, what is dropped on the window or
handed over by a launch. Imports (and fetching a page) run one at a time on a worker with
their own library connection (WAL lets the window keep reading), behind a cancellable
progress dialog; what is asked for meanwhile waits its turn. When one ends the
library-changes signal says what came in. A web page that is not an article is not
imported; the reader may import its text instead."""

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
    is_web_address,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from reader.gui.analysis_runner import AnalysisRunner
    from reader.gui.writer import LibraryWriter

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
        writer: LibraryWriter,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.writer = writer  # annotation files: small writes, in order with the window's
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
        filters = self.tr("报纸文本和网页 ({patterns})").format(patterns=patterns)
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

    def choose_url(self) -> None:
        """文件 → 从网址导入…: the page at an address, fetched on the worker."""
        clipboard = QApplication.clipboard().text().strip()
        url, ok = QtWidgets.QInputDialog.getText(
            self.window,
            self.tr("从网址导入"),
            self.tr("新闻网页的网址："),
            QtWidgets.QLineEdit.EchoMode.Normal,
            clipboard if is_web_address(clipboard) else "",
        )
        url = url.strip()
        if not ok or not url:
            return
        if not is_web_address(url):
            url = "https://" + url if "." in url and " " not in url else url
        if not is_web_address(url):
            QtWidgets.QMessageBox.warning(
                self.window, self.tr("从网址导入"), self.tr("这不是网址：{url}").format(url=url)
            )
            return
        self.import_paths([url])

    def paste_as_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.status_bar.showMessage(self.tr("剪贴板里没有文字"), 4000)
            return
        if is_web_address(text.strip()) and len(text.split()) == 1:
            self.import_paths([text.strip()])  # a link: the page it points to
            return
        self.run(lambda lib, _progress, _cancelled: lib.import_text(text))

    def accepts(self, mime: QMimeData) -> bool:
        """Whether a drag holds something to import (files, links, a link as text)."""
        return mime.hasUrls() or bool(self._dropped_addresses(mime))

    def drop(self, mime: QMimeData) -> bool:
        """Import what was dropped on the window: files, folders, web pages by address."""
        targets = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        targets += [u.toString() for u in mime.urls() if is_web_address(u.toString())]
        if not mime.hasUrls():
            targets += self._dropped_addresses(mime)
        if targets:
            self.import_paths(targets)
        return bool(targets)

    @staticmethod
    def _dropped_addresses(mime: QMimeData) -> list[str]:
        text = mime.text().strip() if mime.hasText() else ""
        return [text] if is_web_address(text) and len(text.split()) == 1 else []

    def import_paths(self, paths: list[str], *, as_text: bool = False) -> None:
        """Import on a worker thread with a cancellable progress dialog."""
        self.run(
            lambda lib, progress, cancelled: lib.import_paths(
                paths, progress=progress, cancelled=cancelled, as_text=as_text
            )
        )

    def import_annotations(self, path: Path) -> None:
        """A W3C annotation file (文件 → 导入批注), through the window's writer: in order
        with the highlights made before it, waiting out another process's write."""
        self.writer.write(lambda lib: lib.import_annotation_file(path), self.finish)

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
        if is_web_address(current):
            self._dialog.setLabelText(self.tr("正在下载 {url}").format(url=current))
        elif current:
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
        if report.not_articles and not self.closing:
            self._offer_as_text(report)

    def _offer_as_text(self, report: ImportReport) -> None:
        """Pages that are not an article (a list of links, a forum, a login wall): said in
        one message, and imported as plain text if the reader wants them anyway."""
        reasons = dict(report.errors)
        lines = listed(
            [
                self.tr("{file}：{reason}").format(file=_shown(s), reason=reasons.get(s, ""))
                for s in report.not_articles
            ],
            lambda more: self.tr("……另有 %n 个", "", more),
        )
        if self.ask_as_text(lines):
            self.import_paths(list(report.not_articles), as_text=True)

    def ask_as_text(self, pages: str) -> bool:
        """The message for pages that are not an article: True to import their text."""
        box = QtWidgets.QMessageBox(self.window)
        box.setIcon(QtWidgets.QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("不是一篇文章"))
        box.setText(self.tr("这些网页不像一篇新闻文章，没有导入：\n\n{pages}").format(pages=pages))
        role = QtWidgets.QMessageBox.ButtonRole.AcceptRole
        as_text = box.addButton(self.tr("仍作为文字导入"), role)
        box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is as_text

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
        offered = set(report.not_articles)  # said by _offer_as_text
        errors = [(s, worded.get(e, e)) for s, e in report.errors if s not in offered]
        if errors and not report.articles and all(e == nothing for _, e in errors):
            # Only folders without a text file: one line, no talk of failures.
            folders = "、".join(Path(s).name or s for s, _ in errors)
            QtWidgets.QMessageBox.information(
                self.window,
                nothing,
                self.tr("{folders}：{nothing}").format(folders=folders, nothing=nothing),
            )
            return
        line = self.tr("{file}：{error}")
        if errors:
            lines = listed([line.format(file=_shown(s), error=e) for s, e in errors], self._more)
            QtWidgets.QMessageBox.warning(
                self.window,
                self.tr("部分文件未能导入"),
                self.tr("{summary}。\n\n{errors}").format(summary=summary, errors=lines),
            )
            return
        # Files imported but not quite as written (a byte that was not text); annotation
        # files' warnings are counted in the summary already.
        imported = {a.source for a in report.articles}
        warnings = [
            line.format(file=_shown(s), error=w) for s, w in report.warnings if s in imported
        ]
        if warnings:
            lines = listed(warnings, self._more)
            QtWidgets.QMessageBox.information(
                self.window,
                self.tr("导入时有提示"),
                self.tr("{summary}。\n\n{errors}").format(summary=summary, errors=lines),
            )

    def _more(self, count: int) -> str:
        return self.tr("……另有 %n 个", "", count)


def _shown(source: str) -> str:
    """A file by its name, a web page by its address."""
    return source if is_web_address(source) else Path(source).name
