"""Strings in Qt's own dialogs that Qt's Chinese translations (qtbase_zh_*.qm) leave in English.

Qt renamed these labels (Look in: → &Look in:) without updating its zh_CN / zh_TW files, so
its file and print dialogs show them in English. Our translators are installed after Qt's and
are asked first, so listing them here (extracted by lupdate through QT_TRANSLATE_NOOP, filled
in by update.py) puts them right. Found by tests/gui/test_i18n.py; add a row when it finds
another.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# (context, Qt's English, 简体, 繁體)
QT_GAPS: tuple[tuple[str, str, str, str], ...] = (
    (
        "QFileDialog",
        QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
        "查找范围(&L)：",
        "搜尋位置(&L)：",
    ),
    (
        "QFileDialog",
        QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
        "文件类型(&T)：",
        "檔案類型(&T)：",
    ),
    (
        "QPrintSettingsOutput",
        QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
        "打印页面(&S)：",
        "列印頁面(&S)：",
    ),
    (
        "QPrintSettingsOutput",
        QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Double Sided Printing"),
        "双面打印",
        "雙面列印",
    ),
    (
        "QPrintSettingsOutput",
        QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Long side binding"),
        "长边装订",
        "長邊裝訂",
    ),
    (
        "QPrintSettingsOutput",
        QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Short side binding"),
        "短边装订",
        "短邊裝訂",
    ),
    (
        "QPrintSettingsOutput",
        QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Off"),
        "关闭",
        "關閉",
    ),
)
