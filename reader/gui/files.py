"""What saving a file and reporting problems look like, the same for every part of the
window: a save dialog whose chosen type gives the suffix, an atomic write with one error box,
and a list of problems cut at a length the dialog can show."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

# Dialogs as QtWidgets.X: made when first shown, not before the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SHOWN_PROBLEMS = 20  # lines a problem dialog lists; the rest are counted


def listed(lines: list[str], more: Callable[[int], str], limit: int = SHOWN_PROBLEMS) -> str:
    """The first ``limit`` lines, and ``more(n)`` ("……另有 n 个") for the rest."""
    text = "\n".join(lines[:limit])
    if len(lines) > limit:
        text += "\n" + more(len(lines) - limit)
    return text


UNSAFE_IN_NAMES = str.maketrans({c: "_" for c in '\\:*?"<>|\n\r\t'} | {"/": "／"})
NAME_CHARS = 60  # of a title, in a suggested file name


def file_name(title: str, fallback: str) -> str:
    """A title as a file name on every system (no path separators or reserved signs)."""
    name = " ".join(title.translate(UNSAFE_IN_NAMES).split())[:NAME_CHARS].strip(". ")
    return name or fallback


def documents_folder() -> Path:
    """Where a first save is suggested: the desktop's documents folder, else home."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def ask_save_path(
    parent: QWidget, title: str, default: Path, filters: dict[str, str]
) -> Path | None:
    """Where to save (None if the reader cancelled); without a suffix, the chosen type's.
    ``filters``: file-dialog filter, in the interface language → suffix."""
    path, chosen = QtWidgets.QFileDialog.getSaveFileName(
        parent, title, str(default), ";;".join(filters)
    )
    if not path:
        return None
    target = Path(path)
    return target if target.suffix else target.with_suffix(filters.get(chosen, default.suffix))


def save_or_report(parent: QWidget, target: Path, write: Callable[[Path], object]) -> bool:
    """Run ``write(target)``; an OSError becomes one error box. True when written."""
    try:
        write(target)
    except OSError as e:
        QtWidgets.QMessageBox.critical(
            parent,
            QCoreApplication.translate("Files", "导出失败"),
            QCoreApplication.translate("Files", "{path}：{error}").format(
                path=target, error=e.strerror or e
            ),
        )
        return False
    return True
