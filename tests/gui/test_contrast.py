"""Every theme is legible: WCAG AA contrast (4.5:1 for text, 3:1 for lines), computed from
the colours the window actually uses."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from reader.gui.annotation_ui import highlight_format
from reader.gui.mainwindow import MainWindow
from reader.gui.themes import THEMES, contrast, legible

TEXT, LINE = 4.5, 3.0
Role = QPalette.ColorRole
PALETTE_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
)


def shown_colour(widget) -> str:
    widget.ensurePolished()  # style sheets reach the palette when polished
    return widget.palette().color(widget.foregroundRole()).name()


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_theme_meets_wcag_aa(qtbot, window: MainWindow, name: str) -> None:
    window.looks.apply(replace(window.looks.prefs, theme=name))
    theme = window.looks.theme
    palette = QApplication.palette()
    for fg, bg in PALETTE_PAIRS:
        ratio = contrast(palette.color(fg).name(), palette.color(bg).name())
        assert ratio >= TEXT, (name, fg, bg, ratio)
    # The reading pane: byline and captions, and every layer over the text.
    assert contrast(theme.muted, theme.base) >= TEXT
    for layer, fmt in window.looks.formats.items():
        if fmt.foreground().style() != Qt.BrushStyle.NoBrush:
            assert contrast(fmt.foreground().color().name(), theme.base) >= TEXT, layer
        if fmt.background().style() != Qt.BrushStyle.NoBrush:
            assert contrast(theme.text, fmt.background().color().name()) >= TEXT, layer
        if fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline:
            assert contrast(fmt.underlineColor().name(), theme.base) >= LINE, layer
    # A character with several forms is marked by more than a thin wavy line: a tint too.
    ambiguity = window.looks.formats["ambiguities"]
    assert ambiguity.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert contrast(ambiguity.background().color().name(), theme.base) >= 1.1
    qtbot.waitUntil(lambda: window.annotating.built)
    for colour in window.annotating.ui.colours:
        fmt = highlight_format(colour.hex, theme, noted=True)
        assert contrast(theme.text, fmt.background().color().name()) >= TEXT, colour.key
    # The keyword panel: its headings and the legend of name kinds, on the window colour.
    window_colour = palette.color(Role.Window).name()
    panel = window.keyword_panel
    for widget in [*panel.headings, *panel.entity_boxes.values()]:
        assert contrast(shown_colour(widget), window_colour) >= TEXT, (name, widget.text())


def test_a_colour_the_reader_picks_is_made_visible() -> None:
    pale = "#fff3bf"  # the old keyword background, as an underline on white
    assert contrast(pale, "#ffffff") < LINE
    assert contrast(legible(pale, "#ffffff", LINE), "#ffffff") >= LINE
    assert contrast(legible("#202020", "#1e1f22", LINE), "#1e1f22") >= LINE
    assert legible("#1864ab", "#ffffff", LINE) == "#1864ab"  # already visible: kept
