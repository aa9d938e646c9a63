"""拼音 mode: the reading of every character painted above it in the reading pane (ruby).

Qt's rich text has no ``<ruby>``, so the document keeps its text exactly as without it and
only makes room: every line of every block gets a minimum height (Qt puts the space a
minimum height adds *above* the line's text), which the readings are painted into after
the document is drawn. Positions in the document do not change, so highlights, the
selection, find and search marks and the lookup popup work as they do without it.

The readings come from the segmenter process (:func:`word_selection.ask_readings`): each
paragraph is cut and read in context there (the same cut as ``reader pinyin``), and only
the paragraphs shown and a little beyond are asked for, so a long article costs no more
than a short one. The 查看 → 拼音 action is :class:`reader.gui.ruby_mode.RubyMode`.
"""

from __future__ import annotations

import itertools
import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRect, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QStaticText,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextFormat,
    QTextLine,
    QTransform,
)

from reader.gui.offsets import Utf16Index

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextEdit

log = logging.getLogger(__name__)

ZHUYIN = "zhuyin"  # drawn beside its character, not above it
# A reading's size against its characters'; zhuyin's signs are as wide as characters.
SCALE = {ZHUYIN: 0.5}
DEFAULT_SCALE = 0.55
# Room added after each character, against its size, for readings wider than it: zhuyin's
# signs stand beside it; jyutping's syllables run longer than pinyin's (kyut3, zoeng6).
SPACING = {ZHUYIN: 0.8, "jyutping": 0.4}
DEFAULT_SPACING = 0.2
TONE_MARKS = "ˊˇˋ˙"
FILL = 0.94  # of a character's cell a reading may fill: a hair between readings
SMALLEST_PX = 9
GAP = 2  # between a reading and its character, in pixels
AHEAD = 3000  # characters past the last shown whose readings are asked for in advance


def spacing(fmt: str) -> float:
    return SPACING.get(fmt, DEFAULT_SPACING)


def reading_font(base: QFont, px: float, fmt: str) -> QFont:
    """The font of readings in `fmt` beside characters of `px` pixels."""
    font = QFont(base)
    font.setPixelSize(max(SMALLEST_PX, round(px * SCALE.get(fmt, DEFAULT_SCALE))))
    font.setBold(False)
    return font


# What keeps its own spacing in 拼音 mode: Latin letters, digits and their punctuation
# (2020年, A股). Han characters and the punctuation between them (full-width, quotes,
# dashes) get room for readings, in few runs: each run is one insert into the document
# (bench_lookup.py).
_NARROW = re.compile("[\u0000-\u1fff\u2070-\u2e7f]+")


def han_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into runs that get room after each character (True: Han characters
    and full-width punctuation) and runs that do not (False: Latin, digits)."""
    runs: list[tuple[str, bool]] = []
    start = 0
    for found in _NARROW.finditer(text):
        if found.start() > start:
            runs.append((text[start : found.start()], True))
        runs.append((found.group(), False))
        start = found.end()
    if start < len(text):
        runs.append((text[start:], True))
    return runs


def with_room(
    fmt: QTextBlockFormat, chars: QTextCharFormat, base: QFont, reading: str
) -> tuple[QTextBlockFormat, QTextCharFormat]:
    """A block's formats with room for readings: above each line (the same line pitch
    when its spacing already leaves the room, else more) and after each character (a
    reading is often wider than its character: the second format, for Han characters
    only; `reading`: the readings' format)."""
    px = chars.intProperty(QTextFormat.Property.FontPixelSize)
    plain = QFont(base)
    plain.setPixelSize(px)
    height = QFontMetricsF(plain).height()
    room = QFontMetricsF(reading_font(base, px, reading)).height() + GAP
    block = QTextBlockFormat(fmt)
    pitch = max(fmt.lineHeight(height, 1.0), height + room)
    block.setLineHeight(pitch, QTextBlockFormat.LineHeightTypes.MinimumHeight.value)
    spaced = QTextCharFormat(chars)
    spaced.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
    spaced.setFontLetterSpacing(px * spacing(reading))
    return block, spaced


class RubyPainter(QObject):
    """Paints the readings of the pane's shown lines in `fmt` (a readings format)."""

    def __init__(self, pane: QTextEdit, fmt: str) -> None:
        super().__init__(pane)
        self.pane = pane
        self._listening = False  # for the readings that come in (from the first paint)
        self.fmt = fmt
        self._indexes: dict[str, Utf16Index] = {}
        self._statics: dict[tuple[str, int], tuple[QStaticText, QSizeF]] = {}
        self._lines: dict[tuple, list[tuple[float, str, float]]] = {}

    def _arrived(self) -> None:
        self.pane.viewport().update()

    def forget(self) -> None:
        """The article was laid out anew (another font, size or article)."""
        self._indexes.clear()
        self._statics.clear()
        self._lines.clear()

    def paint(self, painter: QPainter, rect: QRect, colour: str, font_px: int) -> None:
        """The readings of the lines in `rect` (of the viewport), in `colour`; `font_px`:
        the size of characters whose block does not say."""
        # In 拼音 mode only, once an article shows (never before the window's first paint).
        from reader.core.readings import has_han
        from reader.gui import word_selection

        if not self._listening:
            self._listening = True
            word_selection.readings_arrived().connect(self._arrived)

        pane = self.pane
        doc = pane.document()
        dx = -pane.horizontalScrollBar().value()
        dy = -pane.verticalScrollBar().value()
        top = rect.top() - dy
        at = doc.documentLayout().hitTest(QPointF(0, top), Qt.HitTestAccuracy.FuzzyHit)
        block = doc.findBlock(max(0, at))
        if block.previous().isValid():
            block = block.previous()  # its last line's reading may reach into the rect
        painter.setPen(QColor(colour))
        wanted: list[str] = []
        ahead = 0
        while block.isValid() and ahead < AHEAD:
            text = block.text()
            shown = block.layout().position().y() + dy <= rect.bottom()
            if has_han(text):
                found = word_selection.char_readings(text, self.fmt)
                if found is None:
                    wanted.append(text)
                elif shown:
                    self._paint_block(painter, block, found, (dx, dy), rect, font_px)
            if not shown:
                ahead += len(text)
            block = block.next()
        if wanted:
            word_selection.ask_readings(wanted, self.fmt)

    def _paint_block(
        self,
        painter: QPainter,
        block: QTextBlock,
        found: tuple[str, ...],
        offset: tuple[int, int],
        rect: QRect,
        font_px: int,
    ) -> None:
        dx, dy = offset
        text = block.text()
        index = self._indexes.get(text)
        if index is None:
            if len(self._indexes) > 2000:
                self._indexes.clear()
            index = self._indexes[text] = Utf16Index(text)
        px = block.charFormat().intProperty(QTextFormat.Property.FontPixelSize)
        px = px or font_px
        base = self.pane.document().defaultFont()
        zhuyin = self.fmt == ZHUYIN
        font = reading_font(base, px, self.fmt)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        layout = block.layout()
        origin = layout.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            y = origin.y() + line.y() + dy  # the top of the line's characters
            if y + line.height() < rect.top() or y - metrics.height() - GAP > rect.bottom():
                continue
            if zhuyin:
                self._paint_zhuyin(painter, line, index, found, origin.x() + dx, y, px)
                continue
            baseline = y - GAP - metrics.descent()
            self._paint_line(painter, line, index, found, origin.x() + dx, baseline, metrics)

    def _paint_zhuyin(
        self,
        painter: QPainter,
        line: QTextLine,
        index: Utf16Index,
        found: tuple[str, ...],
        left: float,
        top: float,
        px: int,
    ) -> None:
        """Zhuyin as Taiwan prints it: the signs in a column at the right of their
        character, its tone mark beside the column, the neutral tone's dot above it."""
        font = painter.font()
        sign = float(font.pixelSize())
        first = index.to_code_points(line.textStart())
        last = min(index.to_code_points(line.textStart() + line.textLength()), len(found))
        for offset in range(first, last):
            reading = found[offset]
            if not reading:
                continue
            tone = reading[-1] if reading[-1] in TONE_MARKS else ""
            signs = reading[: -len(tone)] if tone else reading
            x = left + _x(line, index.to_units(offset)) + px  # the character's right edge
            y = top + (line.height() - len(signs) * sign) / 2
            for k, char in enumerate(signs):
                self._centred(painter, font, char, x, y + k * sign, sign, sign)
            if tone == "˙":
                self._centred(painter, font, tone, x, y - sign * 0.7, sign, sign * 0.7)
            elif tone:
                # Beside the last sign (between the last two when there are several).
                lower = y + (len(signs) - (1.5 if len(signs) > 1 else 1)) * sign
                self._centred(painter, font, tone, x + sign * 0.75, lower, sign * 0.6, sign)

    def _centred(
        self, painter: QPainter, font: QFont, text: str, x: float, y: float, w: float, h: float
    ) -> None:
        static, size = self._static(text, font)
        painter.drawStaticText(
            QPointF(x + (w - size.width()) / 2, y + (h - size.height()) / 2), static
        )

    def _static(self, text: str, font: QFont) -> tuple[QStaticText, QSizeF]:
        """`text` laid out once in `font` (drawing laid-out text is what keeps a page of
        readings quick to paint: bench_lookup.py)."""
        key = (text, font.pixelSize())
        kept = self._statics.get(key)
        if kept is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), font)
            if len(self._statics) > 20_000:
                self._statics.clear()
            kept = self._statics[key] = (static, static.size())
        return kept

    def _paint_line(
        self,
        painter: QPainter,
        line: QTextLine,
        index: Utf16Index,
        found: tuple[str, ...],
        left: float,
        baseline: float,
        metrics: QFontMetricsF,
    ) -> None:
        font = painter.font()
        top = baseline - metrics.ascent()
        for x, text, squeeze in self._placed(line, index, found, font):
            static, size = self._static(text, font)
            if squeeze == 1.0:
                painter.drawStaticText(QPointF(left + x - size.width() / 2, top), static)
                continue
            painter.save()
            painter.translate(left + x, top)
            painter.scale(squeeze, 1.0)
            painter.drawStaticText(QPointF(-size.width() / 2, 0), static)
            painter.restore()

    def _placed(
        self, line: QTextLine, index: Utf16Index, found: tuple[str, ...], font: QFont
    ) -> list[tuple[float, str, float]]:
        """The readings of a line: each one's centre (from the block's left), text and
        squeeze; kept until the line is laid out otherwise."""
        key = (
            index.text,
            line.textStart(),
            line.textLength(),
            line.naturalTextWidth(),
            font.pixelSize(),
            self.fmt,
        )
        kept = self._lines.get(key)
        if kept is not None:
            return kept
        first = index.to_code_points(line.textStart())
        last = min(index.to_code_points(line.textStart() + line.textLength()), len(found))
        edges = [_x(line, index.to_units(offset)) for offset in range(first, last + 1)]
        cells = [b - a for a, b in itertools.pairwise(edges)]
        texts = found[first:last]
        widths = [self._static(t, font)[1].width() if t else 0.0 for t in texts]
        room = 1 + spacing(self.fmt)
        placed = [
            # Over the character itself, not the room after it.
            (edge + cell / room / 2 + shift, text, squeeze)
            for text, edge, cell, (shift, squeeze) in zip(
                texts, edges[:-1], cells, fit(cells, widths), strict=True
            )
            if text
        ]
        if len(self._lines) > 5000:
            self._lines.clear()
        self._lines[key] = placed
        return placed


def _x(line: QTextLine, position: int) -> float:
    # PySide types cursorToX's (x, position) pair as object.
    x: float = line.cursorToX(position)[0]  # type: ignore[index]
    return x


def fit(cells: list[float], widths: list[float]) -> list[tuple[float, float]]:
    """How to place each reading (of `widths`) over its character's cell (of `cells`, in
    a line): a shift of its centre and a horizontal squeeze (1: none). A reading wider
    than its cell takes room from its neighbours' where their readings leave some
    (是 zhuàng 壮 beside 很 hěn), and is narrowed only as much as it must be, as printed
    ruby does, never running into the next reading."""
    room = [cell * FILL for cell in cells]
    free = [max(0.0, r - w) / 2 for r, w in zip(room, widths, strict=True)]  # on each side
    out = []
    for i, (r, w) in enumerate(zip(room, widths, strict=True)):
        need = w - r
        if need <= 0 or w <= 0:
            out.append((0.0, 1.0))
            continue
        left_free = free[i - 1] if i > 0 else 0.0
        right_free = free[i + 1] if i + 1 < len(free) else 0.0
        take_left = min(need / 2, left_free)
        take_right = min(need - take_left, right_free)
        take_left = min(need - take_right, left_free)
        out.append(((take_right - take_left) / 2, (r + take_left + take_right) / w))
    return out
