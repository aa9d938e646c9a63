"""The interface language: 简体中文, 繁體中文 or English, chosen before any window is built.

The source strings in the code are simplified Chinese; 繁體中文 and English load
``reader_zh_TW.qm`` / ``reader_en.qm`` from resources/translations. Every language also loads
Qt's own translation (``qtbase_*.qm``) for the buttons and standard dialogs Qt draws itself,
and ours after it, which fills the few strings Qt's Chinese files miss
(resources/translations/qt_gaps.py; so there is a small ``reader_zh_CN.qm`` too).

The choice is the preference ``language``: ``"system"`` follows the desktop (zh_CN, zh_SG,
zh_Hans → 简体; zh_TW, zh_HK, zh_MO, zh_Hant → 繁體; anything else → English). A change
takes effect at the next start: windows are built in one language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from reader.core import paths

log = logging.getLogger(__name__)

# Qt's marker for lupdate (it finds the calls by this name), typed: it returns its message,
# a str, where PySide's stub says object.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

SYSTEM = "system"
SIMPLIFIED = "zh_CN"
TRADITIONAL = "zh_TW"
ENGLISH = "en"
# Each language named in itself, so a reader who can't read the current one finds theirs.
LANGUAGES: tuple[tuple[str, str], ...] = (
    (SIMPLIFIED, "简体中文"),
    (TRADITIONAL, "繁體中文"),
    (ENGLISH, "English"),
)
CODES = tuple(code for code, _ in LANGUAGES)

_installed: list[QTranslator] = []
_current = SIMPLIFIED


def system_language(locale: QLocale | None = None) -> str:
    """The language for a desktop locale: the first of its UI languages that is Chinese or
    English decides (so LANGUAGE=zh_TW:en gives 繁體); English when none is."""
    locale = locale if locale is not None else QLocale.system()
    for name in locale.uiLanguages() or [locale.name()]:
        candidate = QLocale(name)
        if candidate.language() == QLocale.Language.Chinese:
            # Qt fills in the script from the region: zh_HK → Hant, zh_SG → Hans.
            if candidate.script() == QLocale.Script.TraditionalHanScript:
                return TRADITIONAL
            return SIMPLIFIED
        if candidate.language() == QLocale.Language.English:
            return ENGLISH
    return ENGLISH


def resolve(choice: str | None, locale: QLocale | None = None) -> str:
    """A stored choice ("system", a code, or junk from a hand-edited file) → a language."""
    return choice if choice in CODES else system_language(locale)


def translations_dir() -> str:
    return str(paths.resource("translations"))


def install(language: str) -> str:
    """Replace the installed translators with ``language``'s; returns the language used.

    Call before building widgets: texts are looked up when a widget sets them.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
    uninstall()
    language = language if language in CODES else ENGLISH
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Installed last is asked first: ours can correct Qt's.
    wanted = [(f"qtbase_{language}", qt_dir), (f"reader_{language}", translations_dir())]
    for name, folder in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("reader_"):
            log.warning("translation %s not found in %s", name, folder)
        else:
            log.info("Qt translation %s not found in %s", name, folder)
    _current = language
    _name_app()
    log.debug("interface language %s", language)
    return language


def uninstall() -> None:
    """Back to the source text (simplified Chinese)."""
    global _current
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()
    _current = SIMPLIFIED
    _name_app()


def app_name() -> str:
    """The app's name in the interface language (阅报 is the brand; 閱報 in traditional)."""
    return QCoreApplication.translate("app", "阅报 Reader")


def _name_app() -> None:
    # Window titles end with the display name, so it follows the language too.
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(app_name())


def current() -> str:
    """The language installed last (simplified when none has been)."""
    return _current
