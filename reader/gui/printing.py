"""Print the open article, or save it as PDF, as the reader sees it: its script view, laid
out like the reading pane at a size for paper, with the reader's highlights.

The pane's marks (keywords, names, watch words, search and find hits) help on screen, not
on paper: only layers that say how they look on paper (highlights and notes) are printed,
unless the reader asks for the marks too. Paper is always light: black text on white.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from reader.gui import i18n
from reader.gui.offsets import Utf16Index
from reader.gui.reading_pane import ReadingPane, build_document
from reader.gui.themes import LIGHT

log = logging.getLogger(__name__)

PAPER_FONT_PX = 16  # body text: 12 pt (小四), at 96 dpi
PAPER_MARGIN_MM = 20
LAYOUT_DPI = 96  # the document is laid out at this resolution, then scaled to the printer


def printable_document(pane: ReadingPane, *, marks: bool = False) -> QTextDocument:
    """The open article for paper, with its highlights (and, with ``marks``, the pane's
    other layers). Sizes are points; lengths are pixels at :data:`LAYOUT_DPI`."""
    view = pane.view
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    if view is None:
        return doc
    doc.setDefaultFont(pane.document().defaultFont())
    prefs = replace(pane.prefs, font_px=PAPER_FONT_PX)
    body_start = build_document(doc, view, prefs, LIGHT, points=True)
    index = Utf16Index(view.body.text)
    for layer in pane.layers.values():
        fmt = layer.paper if layer.paper is not None else (layer.fmt if marks else None)
        if fmt is None:
            continue
        for start, end in pane.view_spans(layer):
            cursor = QTextCursor(doc)
            cursor.setPosition(body_start + index.to_units(start))
            cursor.setPosition(body_start + index.to_units(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
    return doc


def paginate(doc: QTextDocument, printer: QPrinter) -> None:
    """Pages of the printer's paper, inside its margins, at :data:`LAYOUT_DPI` (printing
    scales them to the printer's resolution, text and all)."""
    paint = printer.pageLayout().paintRectPoints()
    doc.setPageSize(QSizeF(paint.width(), paint.height()) * (LAYOUT_DPI / 72))


def set_paper(printer: QPrinter, title: str) -> None:
    """A4 with margins a reader expects; the article's title names the job (and the file
    a print to PDF suggests)."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(PAPER_MARGIN_MM, PAPER_MARGIN_MM, PAPER_MARGIN_MM, PAPER_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(title)


def pdf_printer(path: Path, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    set_paper(printer, title)
    printer.setCreator(i18n.app_name())
    return printer


def print_pane(pane: ReadingPane, printer: QPrinter, *, marks: bool = False) -> None:
    doc = printable_document(pane, marks=marks)
    paginate(doc, printer)
    doc.print_(printer)
