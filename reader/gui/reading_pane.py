"""The reading pane: one article, laid out for reading, with highlight layers on top.

The document is built block by block: title, subtitle, meta line, then one block per
body paragraph, then captions. Body paragraphs are consecutive blocks, and a block
break is one position in Qt as ``"\\n"`` is one code point in the body, so a body
offset maps to a document position by adding the body's start and converting code
points to UTF-16 units (:class:`Utf16Index`). Highlights are stored against the
original body and drawn through the view's offset map, so they stay on the right words
in every script; they are extra selections, which never change the document.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.gui.offsets import Utf16Index
from reader.gui.preferences import Preferences
from reader.gui.themes import LIGHT, Theme

if TYPE_CHECKING:
    from reader.gui.ruby import RubyPainter
    from reader.views import ArticleView

log = logging.getLogger(__name__)

SUBHEAD_KINDS = ("lead", "subhead", "headline", "section")
DOCUMENT_MARGIN = 24  # around the text column, in pixels


@dataclass(frozen=True)
class Layer:
    spans: tuple[tuple[int, int], ...]  # body offsets, code points
    fmt: QTextCharFormat
    original: bool = True  # spans count in the original body (else in the view's)
    tooltips: tuple[str, ...] = ()
    paper: QTextCharFormat | None = None  # its look when printed (None: not printed)


def char_format(
    px: int, *, bold: bool = False, color: str | None = None, points: bool = False
) -> QTextCharFormat:
    """``px`` pixels on screen; with ``points``, the same size at 96 dpi in points (which
    a printer's resolution does not shrink)."""
    fmt = QTextCharFormat()
    if points:
        fmt.setFontPointSize(px * 72 / 96)
    else:
        fmt.setProperty(QTextFormat.Property.FontPixelSize, px)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    if color:
        fmt.setForeground(QColor(color))
    return fmt


def build_document(
    doc: QTextDocument,
    view: ArticleView,
    t: Preferences,
    theme: Theme,
    *,
    points: bool = False,
    ruby: str | None = None,
) -> int:
    """Lay an article out in ``doc``: title, subtitle, meta line, body paragraphs, the
    continuation and captions; the document position where the body starts. ``points``:
    font sizes in points, for paper (see :func:`char_format`); ``ruby``: with room for
    readings in this format above every line (拼音 mode, :mod:`reader.gui.ruby`)."""
    from reader.core.pages import classify  # the splitter's own idea of a subhead

    if ruby:
        from reader.gui.ruby import han_runs, with_room

    muted = theme.muted
    doc.clear()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # one change for the whole article, laid out once
    first = True
    body_start = 0

    def chars(px: int, *, bold: bool = False, color: str | None = None) -> QTextCharFormat:
        return char_format(px, bold=bold, color=color, points=points)

    def block(text: str, fmt: QTextBlockFormat, cfmt: QTextCharFormat) -> None:
        nonlocal first
        spaced = None
        if ruby:
            fmt, spaced = with_room(fmt, cfmt, doc.defaultFont(), ruby)
        if first:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(cfmt)
            first = False
        else:
            cursor.insertBlock(fmt, cfmt)
        if spaced is None:
            cursor.insertText(text, cfmt)
            return
        for run, han in han_runs(text):  # room after the characters that have readings
            cursor.insertText(run, spaced if han else cfmt)

    heading = QTextBlockFormat()
    heading.setBottomMargin(6)
    heading.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block(view.display_title, heading, chars(round(t.font_px * 1.55), bold=True))
    if view.subtitle:
        block(view.subtitle, heading, chars(round(t.font_px * 1.05), color=muted))
    meta = [m for m in (view.section, view.byline) if m]
    if view.record.continued_from:
        meta.append(view.converted(f"上接{view.record.continued_from}"))
    meta_fmt = QTextBlockFormat()
    meta_fmt.setBottomMargin(18)
    if meta:
        block("　".join(meta), meta_fmt, chars(round(t.font_px * 0.8), color=muted))

    body_fmt = QTextBlockFormat()
    body_fmt.setLineHeight(
        t.line_height_pct, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    body_fmt.setTextIndent(t.font_px * t.indent_chars)
    body_fmt.setBottomMargin(round(t.font_px * 0.6))
    sub_fmt = QTextBlockFormat(body_fmt)
    sub_fmt.setTextIndent(0)
    sub_fmt.setTopMargin(round(t.font_px * 0.5))
    body_char = chars(t.font_px)
    sub_char = chars(t.font_px, bold=True)

    originals = view.record.body.split("\n")
    for i, paragraph in enumerate(view.paragraphs):
        is_sub = i < len(originals) and classify(originals[i].strip()) in SUBHEAD_KINDS
        block(paragraph, sub_fmt if is_sub else body_fmt, sub_char if is_sub else body_char)
        if i == 0:
            body_start = cursor.block().position()

    if view.record.continues_to:
        block(
            view.converted(f"（下转{view.record.continues_to}）"),  # as the paper prints it
            meta_fmt,
            chars(round(t.font_px * 0.8), color=muted),
        )
    caption_fmt = QTextBlockFormat()
    caption_fmt.setTopMargin(10)
    for caption in view.captions:
        block(
            view.converted("【图】") + caption,
            caption_fmt,
            chars(round(t.font_px * 0.85), color=muted),
        )
    cursor.endEditBlock()
    # A change this large is laid out in steps, its size guessed meanwhile: lay it all out
    # now and say its size, so that a position restored next lands where it was.
    layout = doc.documentLayout()
    layout.documentSizeChanged.emit(layout.documentSize())
    return body_start


class ReadingPane(QTextBrowser):
    # Another article (or none) replaces this one: its id and scroll fraction (0..1).
    article_leaving = Signal(int, float)
    article_shown = Signal(int)  # a different article is now laid out and shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setOpenLinks(False)  # links are never followed automatically
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.prefs = Preferences()
        self.theme = LIGHT
        self.view: ArticleView | None = None
        self.layers: dict[str, Layer] = {}
        self._body_start = 0
        self._body_index = Utf16Index("")
        self._tooltips: TooltipFilter | None = None  # from the first article on
        self.ruby: RubyPainter | None = None  # 拼音 mode's readings (None: off)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.show_placeholder()

    @property
    def record(self):
        return self.view.record if self.view else None

    # -- content --------------------------------------------------------------------------

    def show_placeholder(self, text: str | None = None) -> None:
        if text is None:
            text = self.tr("从左侧选择一篇文章开始阅读")
        self._leave()
        self.view = None
        self.layers.clear()
        self.setExtraSelections([])
        self.document().clear()
        cursor = QTextCursor(self.document())
        fmt = QTextBlockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        fmt.setTopMargin(60)
        cursor.setBlockFormat(fmt)
        cursor.insertText(text, char_format(self.prefs.font_px, color=self.theme.muted))

    def show_article(self, view: ArticleView, *, keep_position: bool = False) -> None:
        # As a fraction: a new font size or script keeps the same place in the text.
        position = self.scroll_fraction()
        changed = self.view is None or self.view.record.id != view.record.id
        if changed:
            self._leave()
            self.layers.clear()  # highlights belong to one article; a new view keeps them
        self.view = view
        if self._tooltips is None:
            self._tooltips = TooltipFilter(self)
        self._build(view)
        self._refresh_layers()
        bar = self.verticalScrollBar()
        bar.setValue(round(position * bar.maximum()) if keep_position else 0)
        if changed:
            self.article_shown.emit(view.record.id)

    def scroll_fraction(self) -> float:
        """How far down the article the view is: 0 at the top, 1 at the end."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def _leave(self) -> None:
        if self.view is not None:
            self.article_leaving.emit(self.view.record.id, self.scroll_fraction())

    def apply(self, prefs: Preferences, theme: Theme) -> None:
        """New typography or theme, applied to the open article at once."""
        fraction = self.scroll_fraction()  # before new margins re-lay the old text out
        self.prefs = prefs
        self.theme = theme
        font = QFont(self.font())
        if prefs.font_family:
            font.setFamily(prefs.font_family)
        self.document().setDefaultFont(font)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.margin))
        palette.setColor(QPalette.ColorRole.Base, QColor(theme.base))
        palette.setColor(QPalette.ColorRole.Text, QColor(theme.text))
        self.setPalette(palette)
        self._centre_column()
        if self.view is not None:
            self.show_article(self.view, keep_position=True)
            bar = self.verticalScrollBar()
            bar.setValue(round(fraction * bar.maximum()))
        else:
            self.show_placeholder()

    def set_font_px(self, size: int) -> None:
        self.apply(replace(self.prefs, font_px=size), self.theme)

    def _build(self, view: ArticleView) -> None:
        ruby = None
        if self.ruby is not None:
            ruby = self.ruby.fmt
            self.ruby.forget()
        self._body_start = build_document(self.document(), view, self.prefs, self.theme, ruby=ruby)
        self._body_index = Utf16Index(view.body.text)

    def set_ruby(self, fmt: str | None) -> None:
        """拼音 mode in the readings format `fmt` (None: off). A change lays the open
        article out again (the room for readings differs), where the reader was, with
        its selection."""
        if fmt == (self.ruby.fmt if self.ruby is not None else None):
            return
        from reader.gui.ruby import RubyPainter

        if self.ruby is not None:
            self.ruby.deleteLater()  # and its connections
        self.ruby = RubyPainter(self, fmt) if fmt is not None else None
        if self.view is None:
            return
        cursor = self.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        self.show_article(self.view, keep_position=True)
        scrolled = self.verticalScrollBar().value()
        cursor = QTextCursor(self.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scrolled)  # the cursor need not be in view

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.ruby is not None and self.view is not None:
            painter = QPainter(self.viewport())
            try:
                self.ruby.paint(painter, event.rect(), self.theme.muted, self.prefs.font_px)
            except Exception:  # an error escaping a paint event ends the process (PySide)
                log.exception("拼音 mode could not paint its readings")
            finally:
                painter.end()

    # -- positions ------------------------------------------------------------------------

    def document_position(self, view_offset: int) -> int:
        """Document position of a code-point offset in the view's body."""
        return self._body_start + self._body_index.to_units(view_offset)

    def view_offset(self, position: int) -> int | None:
        """Code-point offset in the view's body of a document position (None: not in it)."""
        units = position - self._body_start
        if self.view is None or not 0 <= units <= self._body_index.units:
            return None
        return self._body_index.to_code_points(units)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as a span of the ORIGINAL body (None if not inside the body)."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.view is None:
            return None
        start = self.view_offset(cursor.selectionStart())
        end = self.view_offset(cursor.selectionEnd())
        if start is None or end is None or start == end:
            return None
        return self.view.body.to_original(start, end)

    def select_span(self, start: int, end: int, *, original: bool = True) -> None:
        """Select (and scroll to) a body span."""
        if self.view is None:
            return
        if original:
            start, end = self.view.body.to_view(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.document_position(start))
        cursor.setPosition(self.document_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._centre_cursor()

    def _centre_cursor(self) -> None:
        """Bring the cursor towards the middle unless it is already well inside the view:
        a hit on the last visible line is read with what follows it."""
        middle = self.cursorRect().center().y()
        height = self.viewport().height()
        if not height // 4 <= middle <= height * 3 // 4:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + middle - height // 2)

    # -- layers ---------------------------------------------------------------------------

    def set_layer(self, name: str, layer: Layer | None) -> None:
        self.set_layers({name: layer})

    def set_layers(self, layers: Mapping[str, Layer | None]) -> None:
        """Add, replace (same name) or remove (None) layers, then redraw once."""
        for name, layer in layers.items():
            if layer is None:
                self.layers.pop(name, None)
            else:
                self.layers[name] = layer
        self._refresh_layers()

    def view_spans(self, layer: Layer) -> list[tuple[int, int]]:
        """A layer's spans in the view's body."""
        if self.view is None:
            return []
        if not layer.original:
            return list(layer.spans)
        return [self.view.body.to_view(s, e) for s, e in layer.spans]

    def _refresh_layers(self) -> None:
        selections = []
        for layer in self.layers.values():  # later layers draw over earlier ones
            for start, end in self.view_spans(layer):
                sel = QTextEdit.ExtraSelection()
                sel.cursor = QTextCursor(self.document())
                sel.cursor.setPosition(self.document_position(start))
                sel.cursor.setPosition(self.document_position(end), QTextCursor.MoveMode.KeepAnchor)
                sel.format = layer.fmt
                selections.append(sel)
        self.setExtraSelections(selections)

    def tooltip_at(self, view_offset: int) -> str | None:
        for layer in reversed(list(self.layers.values())):
            if not layer.tooltips:
                continue
            for (start, end), tip in zip(self.view_spans(layer), layer.tooltips, strict=False):
                if start <= view_offset < end:
                    return tip
        return None

    def show_tooltip(self, event: QHelpEvent) -> None:
        """The tooltip of the layer under the mouse, if any (see :class:`TooltipFilter`)."""
        viewport_pos = self.viewport().mapFrom(self, event.pos())
        offset = self.view_offset(self.cursorForPosition(viewport_pos).position())
        tip = self.tooltip_at(offset) if offset is not None else None
        if tip:
            QToolTip.showText(event.globalPos(), tip, self)
        else:
            QToolTip.hideText()
            event.ignore()

    # -- safety and layout ----------------------------------------------------------------

    def loadResource(self, kind: int, url):  # noqa: N802
        # Never fetch anything named by article text (remote images, files).
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._centre_column()

    def _column(self) -> int:
        """The text column's width: the measure and the document's margins."""
        return self.prefs.font_px * self.prefs.column_chars + 2 * DOCUMENT_MARGIN

    def _chrome(self) -> int:
        """What the pane's frame and scroll bar take of its width."""
        return 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()

    def wanted_width(self) -> int:
        """The width at which a line holds the measure (设置 → 每行字数)."""
        return self._column() + self._chrome()

    def _centre_column(self) -> None:
        side = max(0, (self.width() - self.wanted_width()) // 2)
        self.setViewportMargins(side, 0, side, 0)


class TooltipFilter(QObject):
    """Shows the pane's layer tooltips. An event filter installed with the first article
    rather than an event() override: the first event a Python handler sees makes PySide
    create every event class, which the first paint need not wait for."""

    def __init__(self, pane: ReadingPane) -> None:
        super().__init__(pane)
        self.pane = pane
        pane.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self.pane.show_tooltip(event)
            return True
        return False
