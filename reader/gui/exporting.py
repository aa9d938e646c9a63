"""Export and print the open article as the reader sees it (script view and highlights)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.gui.files import ask_save_path, save_or_report
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

    def export_article(self) -> None:
        """The open article as Markdown, HTML, text, JSON or PDF, in the current view."""
        view = self.pane.view
        if view is None:
            return
        name = view.display_title.replace("/", "／")[:40] or "article"
        target = ask_save_path(
            self.window, self.tr("导出文章"), Path.home() / f"{name}.md", export_suffixes()
        )
        if target is None:
            return

        def write(path: Path) -> None:
            if path.suffix.lower() == ".pdf":
                from reader.gui.printing import pdf_printer, print_pane

                print_pane(self.pane, pdf_printer(path))
            else:
                from reader.export import export

                fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower(), "txt")
                write_atomically(path, export([view], fmt))

        if save_or_report(self.window, target, write):
            self.status_bar.showMessage(self.tr("已导出到 {path}").format(path=target), 6000)

    def print_article(self) -> None:
        if self.pane.view is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from reader.gui.printing import print_pane

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_pane(self.pane, printer)
