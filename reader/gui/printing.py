"""Print the open article, or save it as PDF, as the reader sees it: script and highlights.

Highlights in the pane are extra selections over the document; for paper they are
merged into a copy of the document, so what prints is what was on screen.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from reader.gui.reading_pane import ReadingPane

log = logging.getLogger(__name__)


def printable_document(pane: ReadingPane) -> QTextDocument:
    """A copy of the pane's document with the highlight layers drawn into it."""
    doc = pane.document().clone()
    doc.setDocumentMargin(0)
    for selection in pane.extraSelections():
        cursor = QTextCursor(doc)
        cursor.setPosition(selection.cursor.selectionStart())
        cursor.setPosition(selection.cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(selection.format)
    return doc


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def print_pane(pane: ReadingPane, printer: QPrinter) -> None:
    printable_document(pane).print_(printer)
