"""帮助 → 添加到应用程序菜单 / 从应用程序菜单移除: the launcher entry from the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from reader import APP_ID, desktop
from reader.gui.desktop_entry import DesktopEntryActions
from reader.gui.mainwindow import MainWindow


def entry_file() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"


def metainfo_file() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "metainfo" / f"{APP_ID}.metainfo.xml"


def test_the_help_menu_adds_the_app_to_the_menu_and_removes_it(window: MainWindow, qtbot) -> None:
    help_items = [a.text() for a in window.menus.help.actions() if a.text()]
    assert help_items == ["添加到应用程序菜单", "从应用程序菜单移除", "关于阅报(&A)"]
    actions = window.desktop_entry
    window.menus.help.aboutToShow.emit()
    assert actions.install_action.isEnabled() and not actions.uninstall_action.isEnabled()

    actions.install_action.trigger()
    assert not actions.install_action.isEnabled()  # once at a time
    qtbot.waitUntil(lambda: actions.operation is None, timeout=30_000)
    assert window.statusBar().currentMessage() == "已添加到应用程序菜单"
    text = entry_file().read_text(encoding="utf-8")
    # This copy of the app, on the library the window has open (not the default one).
    assert f"TryExec={desktop.reader_command()[0]}" in text.splitlines()
    assert f"--data-dir {window.library.directory.absolute()} %U" in text
    assert metainfo_file().is_file()  # what software centres list
    window.menus.help.aboutToShow.emit()
    assert actions.uninstall_action.isEnabled()

    actions.uninstall_action.trigger()
    qtbot.waitUntil(lambda: actions.operation is None, timeout=30_000)
    assert not entry_file().exists() and not metainfo_file().exists()
    assert window.statusBar().currentMessage() == "已从应用程序菜单移除"
    assert not actions.uninstall_action.isEnabled()


def test_a_failure_is_said_and_nothing_half_written(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the applications folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    shown: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning", lambda _w, _t, text: shown.append(text)
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = DesktopEntryActions(tmp_path / "library", QStatusBar(parent), parent)
    actions.install()
    qtbot.waitUntil(lambda: actions.operation is None, timeout=30_000)
    assert len(shown) == 1 and shown[0].startswith("无法更改应用程序菜单：")
    assert blocked.is_file()


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_have_no_such_items(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu(parent)
    DesktopEntryActions(tmp_path, QStatusBar(parent), parent).fill_menu(menu)
    assert menu.actions() == []
