"""How the window looks: the reader's preferences (typography, theme, colours, the default
script), the theme applied, and the text formats of the reading pane's layers."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat

from reader.gui import themes
from reader.gui.preferences import Preferences
from reader.gui.themes import Theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.gui.keyword_panel import KeywordPanel
    from reader.gui.reading_pane import ReadingPane
    from reader.library import Library

log = logging.getLogger(__name__)

ENTITY_KINDS = "layers/entities"  # the name kinds the reader ticked, comma-separated


def background(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(color))
    return fmt


def foreground(color: str, *, underline: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(color))
    return fmt


def underline(color: str, style: QTextCharFormat.UnderlineStyle) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style)
    fmt.setUnderlineColor(QColor(color))
    return fmt


LINE_CONTRAST = 3.0  # WCAG's minimum for a mark that is not text (1.4.11)


def layer_formats(theme: Theme, prefs: Preferences) -> dict[str, QTextCharFormat]:
    """One look per layer, from the theme unless the reader chose a colour. Keywords are a
    line under the word, not a background: backgrounds are the reader's own highlights."""
    Underline = QTextCharFormat.UnderlineStyle  # noqa: N806
    keyword = themes.legible(prefs.keyword_color or theme.keyword, theme.base, LINE_CONTRAST)
    formats = {
        "keywords": underline(keyword, Underline.SingleUnderline),
        "focus": background(theme.focus),
        "search": background(theme.search),
        "find": background(theme.find),
        # The sentence being read aloud: a tint of the selection's colour.
        "speaking": background(themes.tint(theme.highlight, theme.base, 0.2)),
        "watch": foreground(prefs.watch_color or theme.watch, underline=True),
        "entity-person": foreground(theme.person),
        "entity-place": foreground(theme.place),
        "entity-org": foreground(theme.org),
    }
    # A wavy line alone is thin: a tint under it makes the character stand out too.
    ambiguity = underline(
        themes.legible(theme.ambiguity, theme.base, LINE_CONTRAST), Underline.WaveUnderline
    )
    ambiguity.setBackground(QColor(themes.tint(theme.ambiguity, theme.base, 0.22)))
    formats["ambiguities"] = ambiguity
    # The reader's own words (生词本): a quiet dotted line, unlike the keywords' solid one.
    formats["vocabulary"] = underline(
        themes.legible(theme.vocabulary, theme.base, LINE_CONTRAST), Underline.DotLine
    )
    return formats


class Looks(QObject):
    """Holds :attr:`prefs`, :attr:`theme` and :attr:`formats`; ``changed`` after a new look."""

    changed = Signal()
    settings_opened = Signal(object)  # the settings dialog, before it shows

    def __init__(
        self,
        settings: QSettings,
        pane: ReadingPane,
        keyword_panel: KeywordPanel,
        drawn: dict[QAction, str],  # actions whose icons are drawn (themes.drawn_icon)
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.pane = pane
        self.keyword_panel = keyword_panel
        self.drawn = drawn
        self.prefs = Preferences.load(settings)
        self.theme: Theme = themes.resolve(self.prefs.theme)
        self.formats: dict[str, QTextCharFormat] = {}
        kinds = settings.value(ENTITY_KINDS)
        keyword_panel.set_entity_kinds(set(kinds.split(",")) if kinds else set())
        self._draw()  # as stored: nothing to save (no settings write before the paint)

    def apply(self, prefs: Preferences) -> None:
        """Typography, theme and colours, applied live and saved."""
        self._save(prefs)
        self._draw()
        self.changed.emit()

    def change_font(self, delta: int) -> None:
        self.apply(replace(self.prefs, font_px=min(max(self.prefs.font_px + delta, 12), 40)))

    def set_default_script(self, config: str) -> None:
        self._save(replace(self.prefs, default_script=config))

    def set_entity_kinds(self, kinds: set[str]) -> None:
        self.settings.setValue(ENTITY_KINDS, ",".join(sorted(kinds)))

    def _save(self, prefs: Preferences) -> None:
        self.prefs = prefs
        prefs.save(self.settings)

    def _draw(self) -> None:
        prefs = self.prefs
        self.theme = themes.resolve(prefs.theme)
        themes.apply(self.theme)
        for action, kind in self.drawn.items():
            action.setIcon(themes.drawn_icon(kind, self.theme.text))
        self.formats = layer_formats(self.theme, prefs)
        self.keyword_panel.set_colors(
            {"person": self.theme.person, "place": self.theme.place, "org": self.theme.org},
            heading=self.theme.muted,
        )
        self.pane.apply(prefs, self.theme)

    def open_settings(self, window: QWidget, library: Library) -> None:
        """The settings dialog; what others add to it joins through ``settings_opened``."""
        from reader.gui.settings_dialog import SettingsDialog  # not needed at start-up

        dialog = SettingsDialog(self.prefs, library.analysis, window)
        dialog.changed.connect(self.apply)
        self.settings_opened.emit(dialog)
        dialog.exec()
