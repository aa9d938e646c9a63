"""Keyboard shortcuts: the platform's standard keys, a key for Quit and Preferences everywhere,
and no key bound twice (Qt silently ignores an ambiguous shortcut)."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence

from reader.gui.mainwindow import MainWindow


def shortcuts(window: MainWindow) -> dict[str, list[str]]:
    """Key → the actions (menu text without &) it triggers in the window."""
    keys: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys[sequence.toString()].append(action.text().replace("&", ""))
    return keys


def test_every_key_triggers_one_action(window: MainWindow) -> None:
    twice = {key: names for key, names in shortcuts(window).items() if len(set(names)) > 1}
    assert twice == {}


def test_standard_commands_use_the_platforms_keys(window: MainWindow) -> None:
    keys = shortcuts(window)
    standard = {
        QKeySequence.StandardKey.Open: "导入文件(I)…",
        QKeySequence.StandardKey.Print: "打印(P)…",
        QKeySequence.StandardKey.ZoomIn: "放大字体",
        QKeySequence.StandardKey.ZoomOut: "缩小字体",
        QKeySequence.StandardKey.FindNext: "下一处关键词",
        QKeySequence.StandardKey.FindPrevious: "上一处关键词",
    }
    for key, text in standard.items():
        for sequence in QKeySequence.keyBindings(key):
            assert text in keys[sequence.toString()], (key, sequence.toString())


def test_quit_and_preferences_have_a_key_where_the_platform_gives_none(
    window: MainWindow,
) -> None:
    keys = shortcuts(window)
    quit_keys = [k for k, names in keys.items() if "退出(Q)" in names]
    settings_keys = [k for k, names in keys.items() if "设置(S)…" in names]
    assert quit_keys and settings_keys
    if not QKeySequence.keyBindings(QKeySequence.StandardKey.Quit):
        assert quit_keys == ["Ctrl+Q"]
    if not QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences):
        assert settings_keys == ["Ctrl+,"]
