"""The 拼音 action (查看 menu, Ctrl+Shift+P): 拼音 mode on or off, remembered, in the reading
chosen in 设置 for the script view shown (the painting: :mod:`reader.gui.ruby`)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from reader.gui.looks import Looks
    from reader.gui.reading_pane import ReadingPane
    from reader.gui.script_selector import ScriptSelector

log = logging.getLogger(__name__)

RUBY_KEY = "view/ruby"  # 拼音 mode on or off, remembered


class RubyMode(QObject):
    """Keeps the pane's 拼音 mode as the action, 设置 and the script view say."""

    def __init__(
        self,
        pane: ReadingPane,
        looks: Looks,
        scripts: ScriptSelector,
        settings: QSettings,
        action: QAction,
    ) -> None:
        super().__init__(pane)
        self.pane = pane
        self.looks = looks
        self.scripts = scripts
        self.settings = settings
        self.action = action
        action.setChecked(bool(settings.value(RUBY_KEY, False, type=bool)))
        action.toggled.connect(self._toggled)
        looks.changed.connect(self.refresh)
        scripts.changed.connect(lambda _config: self.refresh())
        self.refresh()

    def _toggled(self, on: bool) -> None:
        self.settings.setValue(RUBY_KEY, on)
        self.refresh()

    def format(self) -> str:
        from reader.core.readings import shown_format

        return shown_format(self.looks.prefs.reading, self.scripts.config)

    def refresh(self) -> None:
        on = self.action.isChecked()
        self.pane.set_ruby(self.format() if on else None)
