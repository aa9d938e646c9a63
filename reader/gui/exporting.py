"""Export and print the open article as the reader sees it (script view and highlights)."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.gui.files import ask_save_path, documents_folder, file_name, save_or_report
from reader.gui.i18n import QT_TRANSLATE_NOOP
from reader.gui.reading_pane import ReadingPane
from reader.library import write_atomically

log = logging.getLogger(__name__)

EXPORT_FORMATS = (  # (file-dialog filter, suffix)
    ("Markdown (*.md)", ".md"),
    (QT_TRANSLATE_NOOP("Exporter", "网页 (*.html)"), ".html"),
    (QT_TRANSLATE_NOOP("Exporter", "纯文本 (*.txt)"), ".txt"),
    ("JSON (*.json)", ".json"),
    ("PDF (*.pdf)", ".pdf"),
)
FORMATS_BY_SUFFIX = {".md": "md", ".html": "html", ".htm": "html", ".json": "json"}


def export_suffixes() -> dict[str, str]:
    """File-dialog filter, in the interface language → suffix."""
    return {QCoreApplication.translate("Exporter", f): suffix for f, suffix in EXPORT_FORMATS}


class Exporter(QObject):
    def __init__(self, pane: ReadingPane, status_bar: QStatusBar, window: QWidget) -> None:
        super().__init__(window)
        self.pane = pane
        self.status_bar = status_bar
        self.window = window
        self.folder: Path | None = None  # where the reader last saved (documents at first)

    def suggested(self, suffix: str) -> Path:
        """The open article's title as a file name, in the folder last saved to."""
        view = self.pane.view
        name = file_name(view.display_title if view else "", self.tr("文章"))
        return (self.folder or documents_folder()) / f"{name}{suffix}"

    def export_article(self) -> None:
        """The open article as Markdown, HTML, text, JSON or PDF, in the current view."""
        view = self.pane.view
        if view is None:
            return
        target = ask_save_path(
            self.window, self.tr("导出文章"), self.suggested(".md"), export_suffixes()
        )
        if target is None:
            return

        def write(path: Path) -> None:
            if path.suffix.lower() == ".pdf":
                from reader.gui.printing import pdf_printer, print_pane

                print_pane(self.pane, pdf_printer(path, view.display_title))
                if not path.is_file():  # QPrinter says nothing when it cannot write
                    raise OSError(errno.EACCES, self.tr("无法写入 PDF 文件"))
            else:
                from reader.export import export

                fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower(), "txt")
                write_atomically(path, export([view], fmt))

        if save_or_report(self.window, target, write):
            self.folder = target.parent
            self.status_bar.showMessage(self.tr("已导出到 {path}").format(path=target), 6000)

    def print_article(self) -> None:
        """The print dialog (a printer, or a PDF named after the article); the reader's
        highlights are printed, the pane's other marks only if asked for."""
        view = self.pane.view
        if view is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QCheckBox

        from reader.gui.printing import print_pane, set_paper

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_paper(printer, view.display_title)
        dialog = QPrintDialog(printer, self.window)
        marks = QCheckBox(self.tr("同时打印关键词、人名地名等标记"))
        marks.setWindowTitle(self.tr("标记"))
        dialog.setOptionTabs([marks])
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        print_pane(self.pane, printer, marks=marks.isChecked())
        to_file = printer.outputFileName()
        if to_file:
            message = self.tr("已打印到 {path}").format(path=to_file)
        else:
            message = self.tr("已送往打印机 {printer}：{title}").format(
                printer=printer.printerName(), title=view.display_title
            )
        self.status_bar.showMessage(message, 6000)
