"""The subscription dialogs: 文件 → 订阅… (an address, its folder, summary only, and how often
all feeds are refreshed) and a subscription's 属性… (its name, folder, summary only and its
own interval)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 30  # minutes between automatic refreshes, unless the reader says otherwise


def _folder_box(folders: list[str], current: str) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(["", *folders])
    box.setCurrentText(current)
    box.setMinimumContentsLength(16)
    return box


def _minutes(value: int, low: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, 7 * 24 * 60)
    box.setSingleStep(5)
    box.setValue(value)
    return box


class SubscribeDialog(QDialog):
    """An address to subscribe to (a feed, or a site's page that names one)."""

    def __init__(
        self, folders: list[str], interval: int, address: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("subscribeDialog")
        self.setWindowTitle(self.tr("订阅"))
        self.url = QLineEdit(address)
        self.url.setPlaceholderText(self.tr("https://…/rss.xml 或新闻网站的网址"))
        self.url.setMinimumWidth(420)
        self.folder = _folder_box(folders, "")
        self.summary_only = QCheckBox(self.tr("只用摘要（不下载原文网页）"))
        self.interval = _minutes(interval, 5)
        self.interval.setSuffix(self.tr(" 分钟"))
        hint = QLabel(
            self.tr(
                "可以填订阅源（RSS、Atom、JSON Feed）的地址，也可以填网站的网址，"
                "阅报会找出网页里的订阅源。只有摘要的条目会下载原文网页，提取正文。"
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # greyed: an explanation, not a setting
        form = QFormLayout()
        form.addRow(self.tr("网址"), self.url)
        form.addRow(self.tr("文件夹"), self.folder)
        form.addRow("", self.summary_only)
        form.addRow(self.tr("每隔多久自动更新全部订阅"), self.interval)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("订阅"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.url.textChanged.connect(
            lambda text: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(text.strip())
            )
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(address.strip()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)


class FeedOptionsDialog(QDialog):
    """One subscription's name, folder, summary-only switch and refresh interval."""

    def __init__(
        self,
        name: str,
        url: str,
        folder: str,
        folders: list[str],
        summary_only: bool,
        interval: int | None,
        default_interval: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("feedOptionsDialog")
        self.setWindowTitle(self.tr("订阅属性"))
        self.name = QLineEdit(name)
        self.name.setMinimumWidth(360)
        address = QLabel(url)
        address.setTextInteractionFlags(address.textInteractionFlags().TextSelectableByMouse)
        self.folder = _folder_box(folders, folder)
        self.summary_only = QCheckBox(self.tr("只用摘要（不下载原文网页）"))
        self.summary_only.setChecked(summary_only)
        self.interval = _minutes(interval or 0, 0)
        # 0 follows the app's setting (shown instead of the number).
        self.interval.setSpecialValueText(
            self.tr("跟随设置（{minutes} 分钟）").format(minutes=default_interval)
        )
        self.interval.setSuffix(self.tr(" 分钟"))
        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("地址"), address)
        form.addRow(self.tr("文件夹"), self.folder)
        form.addRow("", self.summary_only)
        form.addRow(self.tr("自动更新间隔"), self.interval)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def interval_minutes(self) -> int | None:
        return self.interval.value() or None
