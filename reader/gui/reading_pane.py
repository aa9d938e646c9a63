"""The reading pane: one article in a centred column of comfortable width."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.gui.article_html import Typography, article_html, stylesheet
from reader.store.articles import ArticleRecord

log = logging.getLogger(__name__)

MAX_COLUMN_CHARS = 38  # characters per line; about what a newspaper column reader enjoys


class ReadingPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setOpenLinks(False)  # links are never followed automatically
        self.setOpenExternalLinks(False)
        self.typography = Typography()
        self.record: ArticleRecord | None = None
        self.document().setDocumentMargin(24)
        self._apply_style()
        self.show_placeholder()

    def set_font_px(self, size: int) -> None:
        self.typography = replace(self.typography, font_px=size)
        self._apply_style()
        self._centre_column()
        if self.record is not None:
            position = self.verticalScrollBar().value()
            self.setHtml(article_html(self.record))
            self.verticalScrollBar().setValue(position)

    def _apply_style(self) -> None:
        self.document().setDefaultStyleSheet(stylesheet(self.typography))

    def show_placeholder(self, text: str = "从左侧选择一篇文章开始阅读") -> None:
        self.record = None
        self.setHtml(f'<p style="color:#888; margin-top:40px" align="center">{text}</p>')

    def show_article(self, record: ArticleRecord) -> None:
        self.record = record
        self.setHtml(article_html(record))
        self.verticalScrollBar().setValue(0)

    def loadResource(self, kind: int, url):  # noqa: N802
        # Never fetch anything named by article text (remote images, files).
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._centre_column()

    def _centre_column(self) -> None:
        column = self.typography.font_px * MAX_COLUMN_CHARS + 48
        side = max(0, (self.width() - column) // 2)
        self.setViewportMargins(side, 0, side, 0)
