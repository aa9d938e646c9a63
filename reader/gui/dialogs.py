"""Small dialogs of the main window."""

from __future__ import annotations

# QtWidgets.QInputDialog: PySide makes a class's Python type (its enums) when it is first
# taken from the module, so it is made when first shown, not before the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget


def ask_phrase_fix(parent: QWidget, original: str, shown: str) -> str | None:
    """Ask how ``original`` should read in this view; None if cancelled or unchanged."""
    text, ok = QtWidgets.QInputDialog.getText(
        parent,
        QCoreApplication.translate("dialogs", "修正转换"),
        QCoreApplication.translate(
            "dialogs",
            "原文「{original}」在此视图中显示为「{shown}」。\n以后所有文章都按你的写法显示，请输入：",
        ).format(original=original, shown=shown),
        QLineEdit.EchoMode.Normal,
        shown,
    )
    text = text.strip()
    return text if ok and text and text != shown else None


def edit_word_list(parent: QWidget, title: str, prompt: str, words: list[str]) -> list[str] | None:
    """A list of words, one per line; None if cancelled."""
    text, ok = QtWidgets.QInputDialog.getMultiLineText(parent, title, prompt, "\n".join(words))
    if not ok:
        return None
    return [w.strip() for w in dict.fromkeys(text.splitlines()) if w.strip()]
