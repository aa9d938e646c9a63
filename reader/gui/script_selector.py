"""Choosing the script view: a toolbar combo box and a menu of the same choices."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu

from reader.core.scripts import VIEWS
from reader.gui.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SHORTCUT_VIEWS = 6  # 原文 … 香港繁体 get Ctrl+1 … Ctrl+6

# The views' names in the interface language; core.scripts.VIEWS gives their order.
VIEW_NAMES: dict[str | None, str] = {
    None: QT_TRANSLATE_NOOP("ScriptSelector", "原文"),
    "t2s": QT_TRANSLATE_NOOP("ScriptSelector", "简体"),
    "s2t": QT_TRANSLATE_NOOP("ScriptSelector", "繁体"),
    "s2tw": QT_TRANSLATE_NOOP("ScriptSelector", "台湾正体"),
    "s2twp": QT_TRANSLATE_NOOP("ScriptSelector", "台湾用语"),
    "s2hk": QT_TRANSLATE_NOOP("ScriptSelector", "香港繁体"),
    "s2hkp": QT_TRANSLATE_NOOP("ScriptSelector", "香港用语"),
    "tw2s": QT_TRANSLATE_NOOP("ScriptSelector", "简体（台湾来源）"),
    "tw2sp": QT_TRANSLATE_NOOP("ScriptSelector", "简体（台湾来源，大陆用语）"),
    "hk2s": QT_TRANSLATE_NOOP("ScriptSelector", "简体（香港来源）"),
    "hk2sp": QT_TRANSLATE_NOOP("ScriptSelector", "简体（香港来源，大陆用语）"),
}


def view_name(config: str | None, fallback: str = "") -> str:
    """A view's name for menus and settings, translated."""
    name = VIEW_NAMES.get(config)
    return QCoreApplication.translate("ScriptSelector", name) if name else fallback or str(config)


class ScriptSelector(QObject):
    """Keeps the combo box and the menu actions in step; emits the chosen config."""

    changed = Signal(object)  # str | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("scriptSelector")
        self.combo.setToolTip(self.tr("文字：原文或简繁转换 (Ctrl+1 … Ctrl+6)"))
        self.group = QActionGroup(self)
        self.actions: list[QAction] = []
        for i, (config, core_label) in enumerate(VIEWS):
            label = view_name(config, core_label)
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
