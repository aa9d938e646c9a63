"""设置: reading typography, theme, default script, the reading shown (拼音/注音/粤拼),
highlight colours, word lists.

Every change applies at once (the ``changed`` signal), so the reader sees the result
while choosing; the main window saves what it applies.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.scripts import VIEWS
from reader.gui import i18n
from reader.gui.preferences import THEMES, Preferences, theme_name
from reader.gui.script_selector import view_name

log = logging.getLogger(__name__)


def _spin(low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


class ColorButton(QPushButton):
    """A button showing a colour; empty means "the theme's colour"."""

    color_changed = Signal(str)

    def __init__(self, color: str) -> None:
        super().__init__()
        self.color = color
        self.clicked.connect(self._choose)
        self._show()

    def _show(self) -> None:
        if self.color:
            self.setText(self.color)
            self.setStyleSheet(f"background: {self.color};")
        else:
            self.setText(self.tr("随主题"))
            self.setStyleSheet("")

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color or "#fff3bf"), self, self.tr("选择颜色"))
        if chosen.isValid():
            self.color = chosen.name()
            self._show()
            self.color_changed.emit(self.color)


class WordLists(Protocol):
    """The reader's word lists: :attr:`reader.library.Library.analysis` (read here; the
    window writes them, through ``words_saved``)."""

    def watch_words(self) -> list[str]: ...

    def user_words(self) -> dict[str, str]: ...  # word -> where it came from


class SettingsDialog(QDialog):
    changed = Signal(object)  # Preferences
    words_saved = Signal(list, list)  # the watch words, the user dictionary's words

    def __init__(self, prefs: Preferences, analysis: WordLists, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.setObjectName("settingsDialog")
        self.prefs = prefs
        self.analysis = analysis
        tabs = QTabWidget()
        tabs.addTab(self._reading_tab(), self.tr("阅读"))
        tabs.addTab(self._look_tab(), self.tr("外观"))
        tabs.addTab(self._words_tab(), self.tr("词语"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(520, 460)

    # -- tabs -----------------------------------------------------------------------------

    def _reading_tab(self) -> QWidget:
        p = self.prefs
        page = QWidget()
        form = QFormLayout(page)
        self.font_family = QFontComboBox()
        self.font_family.setWritingSystem(QFontComboBox().writingSystem())
        if p.font_family:
            self.font_family.setCurrentFont(QFont(p.font_family))
        self.font_family.currentFontChanged.connect(lambda f: self._update(font_family=f.family()))
        self.font_px = _spin(12, 40, p.font_px, self.tr(" 像素"))
        self.font_px.valueChanged.connect(lambda v: self._update(font_px=v))
        self.line_height = _spin(100, 300, p.line_height_pct, " %")
        self.line_height.setSingleStep(5)
        self.line_height.valueChanged.connect(lambda v: self._update(line_height_pct=v))
        self.indent = _spin(0, 4, p.indent_chars, self.tr(" 字"))
        self.indent.valueChanged.connect(lambda v: self._update(indent_chars=v))
        self.column = _spin(20, 80, p.column_chars, self.tr(" 字"))
        self.column.valueChanged.connect(lambda v: self._update(column_chars=v))
        self.script = QComboBox()
        for config, label in VIEWS:
            self.script.addItem(view_name(config, label), config or "")
        self.script.setCurrentIndex(max(0, self.script.findData(p.default_script)))
        self.script.currentIndexChanged.connect(
            lambda _i: self._update(default_script=self.script.currentData())
        )
        form.addRow(self.tr("字体"), self.font_family)
        form.addRow(self.tr("字号"), self.font_px)
        form.addRow(self.tr("行距"), self.line_height)
        form.addRow(self.tr("首行缩进"), self.indent)
        form.addRow(self.tr("每行字数"), self.column)
        form.addRow(self.tr("默认文字"), self.script)
        self._companion_rows(form)
        return page

    def _companion_rows(self, form: QFormLayout) -> None:
        """The reading shown (the lookup popup's and 拼音 mode's) and the vocabulary's marks."""
        self.reading = QComboBox()
        self.reading.setObjectName("readingChoice")
        choices = (
            ("auto", self.tr("拼音（香港繁体显示粤拼）")),
            ("marks", self.tr("拼音")),
            ("zhuyin", self.tr("注音")),
            ("jyutping", self.tr("粤拼")),
        )
        for choice, label in choices:
            self.reading.addItem(label, choice)
        self.reading.setCurrentIndex(max(0, self.reading.findData(self.prefs.reading)))
        self.reading.currentIndexChanged.connect(
            lambda _i: self._update(reading=self.reading.currentData())
        )
        self.reading.setToolTip(self.tr("查词弹窗与拼音模式（查看 → 拼音）标出的读音"))
        self.mark_vocabulary = QCheckBox(self.tr("在正文中标出生词本里正在学的词"))
        self.mark_vocabulary.setChecked(self.prefs.mark_vocabulary)
        self.mark_vocabulary.toggled.connect(lambda on: self._update(mark_vocabulary=on))
        form.addRow(self.tr("读音"), self.reading)
        form.addRow("", self.mark_vocabulary)

    def _look_tab(self) -> QWidget:
        p = self.prefs
        page = QWidget()
        form = QFormLayout(page)
        self.theme = QComboBox()
        for name, _label in THEMES:
            self.theme.addItem(theme_name(name), name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(p.theme)))
        self.theme.currentIndexChanged.connect(
            lambda _i: self._update(theme=self.theme.currentData())
        )
        self.show_keywords = QCheckBox(self.tr("在正文中标出关键词"))
        self.show_keywords.setChecked(p.show_keywords)
        self.show_keywords.toggled.connect(lambda on: self._update(show_keywords=on))
        self.keyword_color = ColorButton(p.keyword_color)
        self.keyword_color.color_changed.connect(lambda c: self._update(keyword_color=c))
        self.watch_color = ColorButton(p.watch_color)
        self.watch_color.color_changed.connect(lambda c: self._update(watch_color=c))
        reset = QPushButton(self.tr("恢复主题颜色"))
        reset.clicked.connect(self._reset_colors)
        form.addRow(self.tr("主题"), self.theme)
        form.addRow("", self.show_keywords)
        form.addRow(self.tr("关键词标记颜色"), self.keyword_color)
        form.addRow(self.tr("关注词颜色"), self.watch_color)
        form.addRow("", reset)
        note = QLabel(self.tr("人名、地名、机构的颜色随主题，可在关键词面板中开关。"))
        note.setWordWrap(True)
        form.addRow(note)
        self._language_rows(form)
        return page

    def _language_rows(self, form: QFormLayout) -> None:
        """界面语言: stored now, used from the next start (windows are built in one language)."""
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        system = dict(i18n.LANGUAGES)[i18n.system_language()]  # named in itself
        follow = self.tr("跟随系统（{language}）").format(language=system)
        self.language.addItem(follow, i18n.SYSTEM)
        for code, name in i18n.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.prefs.language)))
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow("", self.language_note)
        self._show_language_note()

    def _language_changed(self, _index: int) -> None:
        self._update(language=self.language.currentData())
        self._show_language_note()

    def _show_language_note(self) -> None:
        pending = i18n.resolve(self.language.currentData()) != i18n.current()
        self.language_note.setText(self.tr("重新启动阅报后生效。") if pending else "")

    def _words_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("关注词（每行一个，在所有文章里标出）")))
        self.watch_words = QPlainTextEdit("\n".join(self.analysis.watch_words()))
        layout.addWidget(self.watch_words)
        layout.addWidget(
            QLabel(self.tr("用户词典（每行一个，分词时当作一个词；署名中的人名自动加入）"))
        )
        self.user_words = QPlainTextEdit("\n".join(self.analysis.user_words()))
        layout.addWidget(self.user_words)
        self._saved = self._words()  # what the library holds, or this dialog last saved
        apply = QPushButton(self.tr("保存词语"))
        apply.clicked.connect(self.save_words)
        layout.addWidget(apply, alignment=Qt.AlignmentFlag.AlignRight)
        return page

    # -- changes --------------------------------------------------------------------------

    def _update(self, **changes) -> None:
        self.prefs = replace(self.prefs, **changes)
        self.changed.emit(self.prefs)

    def _reset_colors(self) -> None:
        for button in (self.keyword_color, self.watch_color):
            button.color = ""
            button._show()
        self._update(keyword_color="", watch_color="")

    def save_words(self) -> None:
        self._saved = self._words()
        self.words_saved.emit(*self._saved)

    def accept(self) -> None:
        if self._words_edited():
            self.save_words()
        super().accept()

    def _words(self) -> tuple[list[str], list[str]]:
        watch = self.watch_words.toPlainText().splitlines()
        user = [w.strip() for w in self.user_words.toPlainText().splitlines() if w.strip()]
        return watch, user

    def _words_edited(self) -> bool:
        (watch, user), (saved_watch, saved_user) = self._words(), self._saved
        return watch != saved_watch or set(user) != set(saved_user)
