"""设置: typography, themes and word lists apply at once and are kept."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from reader.gui.app import open_settings
from reader.gui.mainwindow import MainWindow
from reader.gui.preferences import Preferences
from reader.gui.settings_dialog import SettingsDialog
from reader.gui.themes import DARK, SEPIA


def body_block_format(window: MainWindow):
    doc = window.reading_pane.document()
    position = window.reading_pane.document_position(0)
    return doc.findBlock(position)


def test_typography_applies_live_and_is_saved(qtbot, window: MainWindow) -> None:
    window.list_view.selectRow(0)
    dialog = SettingsDialog(window.looks.prefs, window.library.analysis, window)
    qtbot.addWidget(dialog)
    dialog.changed.connect(window.looks.apply)
    dialog.font_px.setValue(24)
    dialog.line_height.setValue(200)
    dialog.indent.setValue(0)
    block = body_block_format(window)
    assert block.blockFormat().lineHeight() == 200
    assert block.blockFormat().textIndent() == 0
    assert block.charFormat().property(block.charFormat().Property.FontPixelSize) == 24
    saved = Preferences.load(window.settings)
    assert (saved.font_px, saved.line_height_pct, saved.indent_chars) == (24, 200, 0)


def test_themes_colour_the_reading_pane_too(qtbot, window: MainWindow) -> None:
    window.list_view.selectRow(0)
    from dataclasses import replace

    window.looks.apply(replace(window.looks.prefs, theme="dark"))
    pane = window.reading_pane.palette()
    assert pane.color(QPalette.ColorRole.Base).name() == DARK.base
    assert pane.color(QPalette.ColorRole.Text).name() == DARK.text
    assert window.looks.formats["keywords"].underlineColor().name() == DARK.keyword
    window.looks.apply(replace(window.looks.prefs, theme="sepia"))
    assert window.reading_pane.palette().color(QPalette.ColorRole.Base).name() == SEPIA.base


def test_preferences_survive_a_restart(qtbot, window: MainWindow, library) -> None:
    from dataclasses import replace

    window.looks.apply(replace(window.looks.prefs, theme="sepia", font_px=21, column_chars=30))
    window.close()
    again = MainWindow(library, open_settings(library))
    qtbot.addWidget(again)
    assert (again.looks.prefs.theme, again.looks.prefs.font_px, again.looks.prefs.column_chars) == (
        "sepia",
        21,
        30,
    )
    assert again.reading_pane.prefs.font_px == 21


def test_word_lists_are_saved_from_the_dialog(
    qtbot, window: MainWindow, monkeypatch, written
) -> None:
    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    window.open_settings()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    dialog.watch_words.setPlainText("疫情\n脱贫\n\n疫情")
    dialog.user_words.setPlainText("绣花功夫\n")
    dialog.accept()
    written(window)
    assert window.library.analysis.watch_words() == ["疫情", "脱贫"]
    assert window.library.analysis.user_words() == {"绣花功夫": "user"}


def test_settings_dialog_opens_from_the_menu(qtbot, window: MainWindow, monkeypatch) -> None:
    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    action = next(
        a for a in window.findChildren(type(window.menus.import_action)) if a.text() == "设置(&S)…"
    )
    action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "设置"
