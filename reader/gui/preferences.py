"""The reader's preferences: how articles look, kept in the library folder's settings.ini."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

from reader.gui.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

THEMES = (
    ("system", QT_TRANSLATE_NOOP("Preferences", "跟随系统")),
    ("light", QT_TRANSLATE_NOOP("Preferences", "浅色")),
    ("dark", QT_TRANSLATE_NOOP("Preferences", "深色")),
    ("sepia", QT_TRANSLATE_NOOP("Preferences", "护眼")),
)


def theme_name(name: str) -> str:
    """A theme's name in the interface language."""
    label = dict(THEMES).get(name, name)
    return QCoreApplication.translate("Preferences", label)


@dataclass(frozen=True)
class Preferences:
    font_family: str = ""  # empty: the system's default font
    font_px: int = 18
    line_height_pct: int = 175
    indent_chars: int = 2
    column_chars: int = 38  # the text column's width, in characters
    theme: str = "system"
    default_script: str = ""  # a config such as "s2tw"; empty: the original text
    show_keywords: bool = True
    keyword_color: str = ""  # empty: the theme's colour
    watch_color: str = ""
    language: str = "system"  # the interface language (reader.gui.i18n); read at start-up
    # The reading shown in the popup and in 拼音 mode: a readings.CHOICES ("auto": pinyin,
    # jyutping in the Hong Kong views).
    reading: str = "auto"
    mark_vocabulary: bool = True  # a dotted line under the words being learnt

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = settings.value(f"preferences/{f.name}")
            if raw is None:
                continue
            try:
                if f.type in ("bool", bool):
                    values[f.name] = raw in (True, "true", "1", 1)
                elif f.type in ("int", int):
                    values[f.name] = int(raw)
                else:
                    values[f.name] = str(raw)
            except (TypeError, ValueError):
                log.warning("ignoring bad setting %s=%r", f.name, raw)
        return cls(**values)

    def save(self, settings: QSettings) -> None:
        for name, value in asdict(self).items():
            settings.setValue(f"preferences/{name}", value)
        settings.sync()


def reading_choice(settings: QSettings) -> str:
    """The reader's choice of reading (Preferences.reading), read alone."""
    return str(settings.value("preferences/reading", Preferences.reading))
