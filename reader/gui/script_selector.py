"""Choosing the script view: a toolbar combo box and a menu of the same choices."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu

from reader.core.scripts import VIEWS

log = logging.getLogger(__name__)

SHORTCUT_VIEWS = 6  # 原文 … 香港繁體 get Ctrl+1 … Ctrl+6


class ScriptSelector(QObject):
    """Keeps the combo box and the menu actions in step; emits the chosen config."""

    changed = Signal(object)  # str | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("scriptSelector")
        self.combo.setToolTip("文字：原文或简繁转换 (Ctrl+1 … Ctrl+6)")
        self.group = QActionGroup(self)
        self.actions: list[QAction] = []
        for i, (config, label) in enumerate(VIEWS):
            self.combo.addItem(label, config)
            action = QAction(label, self)
            action.setCheckable(True)
            action.setData(config)
            if i < SHORTCUT_VIEWS:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            self.group.addAction(action)
            self.actions.append(action)
        self.combo.currentIndexChanged.connect(self._combo_changed)
        self.group.triggered.connect(self._action_triggered)
        self.actions[0].setChecked(True)

    def fill_menu(self, menu: QMenu) -> None:
        for i, action in enumerate(self.actions):
            if i == SHORTCUT_VIEWS:
                menu.addSeparator()
            menu.addAction(action)

    @property
    def config(self) -> str | None:
        return self.combo.currentData()

    def set_config(self, config: str | None) -> None:
        index = self.combo.findData(config)
        self.combo.setCurrentIndex(max(index, 0))

    def _combo_changed(self, index: int) -> None:
        self.actions[index].setChecked(True)
        self.changed.emit(self.combo.itemData(index))

    def _action_triggered(self, action: QAction) -> None:
        self.combo.setCurrentIndex(self.actions.index(action))
