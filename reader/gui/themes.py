"""Light, dark and sepia (护眼) themes for the window chrome and the reading pane."""

from __future__ import annotations

import logging
import math
import sys
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str  # the reading pane's paper
    text: str
    muted: str  # subtitle, byline, captions
    alternate: str  # alternate list rows
    highlight: str  # selection
    keyword: str  # keywords' underline (a line: highlights are backgrounds)
    focus: str  # the chosen keyword's occurrences
    watch: str  # watch words (text and underline)
    person: str
    place: str
    org: str
    ambiguity: str
    margin: str  # beside the text column
    search: str = "#b2f2bb"  # the list's search terms in the open article
    find: str = "#a5d8ff"  # find-in-article matches
    vocabulary: str = "#0b7285"  # the dotted line under words the reader is learning

    @property
    def dark(self) -> bool:
        return QColor(self.base).lightness() < 128


LIGHT = Theme(
    "light", window="#efefef", base="#ffffff", text="#1f1f1f", muted="#616161",
    alternate="#f6f6f6", highlight="#1c68c9", keyword="#b08800", focus="#ffc078",
    watch="#c92a2a", person="#1864ab", place="#237a34", org="#862e9c", ambiguity="#d9480f",
    margin="#ececec",
)  # fmt: skip
DARK = Theme(
    "dark", window="#2b2d30", base="#1e1f22", text="#dcdcdc", muted="#9a9a9a",
    alternate="#26282b", highlight="#3d6fb4", keyword="#d8b23a", focus="#8a4b12",
    watch="#ff8787", person="#74c0fc", place="#8ce99a", org="#e599f7", ambiguity="#ffa94d",
    margin="#17181a", search="#2b5d34", find="#1c4a6e",
)  # fmt: skip
SEPIA = Theme(
    "sepia", window="#e9e0c9", base="#f6efdc", text="#3b3024", muted="#66573f",
    alternate="#efe6cf", highlight="#85612f", keyword="#8f6a00", focus="#e8a866",
    watch="#a61e1e", person="#1c4f80", place="#2f6b2f", org="#6b2d7a", ambiguity="#b3470f",
    margin="#e2d7bd", search="#c8e0a8", find="#b7d3e6",
)  # fmt: skip
THEMES = {t.name: t for t in (LIGHT, DARK, SEPIA)}


TEXT_CONTRAST = 4.5  # WCAG AA for text


def luminance(color: str) -> float:
    """WCAG relative luminance of a colour."""
    c = QColor(color)

    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21; text wants 4.5, a line 3)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legible(color: str, paper: str, minimum: float) -> str:
    """``color``, darkened (on light paper) or lightened (on dark) until it stands out
    from ``paper`` by ``minimum``: a colour the reader picked stays theirs, but seen."""
    c = QColor(color)
    darker = luminance(paper) > 0.18
    for _ in range(40):
        if contrast(c.name(), paper) >= minimum:
            break
        c = c.darker(110) if darker else c.lighter(112)
        if not darker and c.value() >= 255:  # lighter() saturates: lift the others too
            c = QColor.fromHsv(c.hue(), max(0, c.saturation() - 20), 255)
    return c.name()


def tint(color: str, paper: str, share: float) -> str:
    """``color`` mixed into the paper: a background the text stays readable on."""
    c, p = QColor(color), QColor(paper)

    def mix(a: int, b: int) -> int:
        return round(a * share + b * (1 - share))

    return QColor(mix(c.red(), p.red()), mix(c.green(), p.green()), mix(c.blue(), p.blue())).name()


def resolve(name: str) -> Theme:
    """The theme for a preference; "system" follows the desktop's light/dark choice."""
    if name in THEMES:
        return THEMES[name]
    hints = QGuiApplication.styleHints()
    return DARK if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT


def palette(theme: Theme) -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.alternate,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: "#ffffff",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    disabled = QColor(theme.muted)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply(theme: Theme) -> None:
    """Theme the whole application (chrome and panes)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setPalette(palette(theme))


def drawn_icon(kind: str, color: str, size: int = 32) -> QIcon:
    """A plain icon in the theme's text colour, for a desktop without an icon theme (the
    style's own are black, which vanishes on the dark toolbar, and it has none for printing
    or settings): ``up``, ``down``, ``play``, ``print`` or ``settings``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.scale(size / 32, size / 32)  # drawn on a 32-unit grid
    if kind in ("up", "down"):
        tip, base = (9.0, 23.0) if kind == "up" else (23.0, 9.0)
        painter.drawPolygon(QPolygonF([QPointF(16, tip), QPointF(25.6, base), QPointF(6.4, base)]))
    elif kind == "play":
        painter.drawPolygon(QPolygonF([QPointF(10, 6), QPointF(26, 16), QPointF(10, 26)]))
    elif kind == "print":
        painter.drawRoundedRect(QRectF(4, 12, 24, 12), 2.5, 2.5)  # the printer
        painter.drawRect(QRectF(9, 4, 14, 6))  # paper going in
        painter.drawRect(QRectF(9, 21, 14, 8))  # and coming out, over a slot
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.setPen(QPen(QColor(color), 1.6))
        painter.drawLine(QPointF(6, 21), QPointF(26, 21))
    elif kind == "settings":
        gear = QPainterPath()
        teeth = 8
        for i in range(teeth * 2):  # alternate tooth and gap round the wheel
            radius = 14.0 if i % 2 == 0 else 10.5
            for j in (-0.5, 0.5):
                angle = math.pi * 2 * (i + 0.5 + j * 0.9) / (teeth * 2)
                point = QPointF(16 + radius * math.cos(angle), 16 + radius * math.sin(angle))
                if gear.elementCount() == 0:
                    gear.moveTo(point)
                else:
                    gear.lineTo(point)
        gear.closeSubpath()
        gear.addEllipse(QPointF(16, 16), 4.5, 4.5)  # the hole (odd-even fill)
        painter.drawPath(gear)
    painter.end()
    return QIcon(pixmap)


# Qt's own images, which its styles (QCommonStyle, so Fusion) show for these standard icons
# where the icon theme has none. Read as files, the first paint does not take QStyle, which
# makes PySide build its Python type and enums (bench_tricks.py "QStyle").
_QT_IMAGES = ":/qt-project.org/styles/commonstyle/images/{}-{}.png"
_QT_IMAGE_SIZES = (16, 32, 128)


def standard_icon(image: str, pixmap: str) -> QIcon:
    """The style's icon ``QStyle.StandardPixmap.<pixmap>``, read from Qt's images where
    its picture is ``<image>-<size>.png``. Otherwise (no image named, Windows and macOS,
    whose styles show the system's icons, or images missing) the style is asked."""
    if image and sys.platform not in ("win32", "darwin"):
        icon = QIcon()
        for size in _QT_IMAGE_SIZES:
            icon.addFile(_QT_IMAGES.format(image, size))
        if not icon.isNull():
            return icon
    from PySide6.QtWidgets import QStyle

    return QApplication.style().standardIcon(getattr(QStyle.StandardPixmap, pixmap))
