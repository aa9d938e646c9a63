"""Telling the user the library can't be used: one dialog, and for a damaged file a copy.

The library file is never written here. For a damaged one the dialog offers to save a
copy beside it (with its WAL, which may hold the latest changes), so the user can keep
it before restoring a backup or moving the file away; the copy never replaces a file.
"""

from __future__ import annotations

import logging
import shutil
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core.errors import DamagedLibraryError, LibraryError

log = logging.getLogger(__name__)


def save_copy(library_file: Path) -> Path:
    """Copy a library file (and its -wal beside it) to a new name next to it; the copy's path.

    Exclusive creation: an existing file is never overwritten, whatever its name.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        suffix = f"-{n}" if n > 1 else ""
        target = library_file.with_name(f"{library_file.name}.damaged-{stamp}{suffix}")
        try:
            with library_file.open("rb") as src, target.open("xb") as dst:
                shutil.copyfileobj(src, dst)
        except FileExistsError:
            continue
        wal = library_file.with_name(library_file.name + "-wal")
        if wal.exists():
            with wal.open("rb") as src, Path(f"{target}-wal").open("xb") as dst:
                shutil.copyfileobj(src, dst)
        log.info("saved a copy of the damaged library %s as %s", library_file, target)
        return target
    raise FileExistsError(f"no free name for a copy of {library_file}")


def report(parent: QWidget | None, error: LibraryError, library_file: Path) -> None:
    """One dialog for a library that can't be opened or read; never a traceback."""
    print(f"reader: {error}", file=sys.stderr)
    if not isinstance(error, DamagedLibraryError):
        QMessageBox.critical(
            parent, QCoreApplication.translate("LibraryErrors", "无法打开文库"), str(error)
        )
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("LibraryErrors", "文库已损坏"))
    box.setText(
        QCoreApplication.translate(
            "LibraryErrors",
            "文库文件已损坏，阅报没有改动它。可以先保存一份副本，"
            "再从备份恢复，或把它移到别处以新建文库。",
        )
    )
    box.setInformativeText(str(error))
    copy_button = box.addButton(
        QCoreApplication.translate("LibraryErrors", "保存副本"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not copy_button:
        return
    try:
        copy = save_copy(library_file)
    except OSError as e:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("LibraryErrors", "未能保存副本"),
            f"{library_file}: {e.strerror or e}",
        )
        return
    QMessageBox.information(
        parent,
        QCoreApplication.translate("LibraryErrors", "已保存副本"),
        QCoreApplication.translate("LibraryErrors", "副本已保存为 {path}").format(path=copy),
    )


def install_excepthook(library_file: Path) -> Callable[..., None]:
    """Report a LibraryError met in any slot (a damaged page read late) as the dialog,
    once; everything else goes to the previous hook. Returns that previous hook."""
    previous = sys.excepthook
    reported = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal reported
        if not isinstance(value, LibraryError):
            previous(kind, value, tb)
            return
        log.debug("library error in a slot:\n%s", "".join(traceback.format_tb(tb)))
        if not reported:
            reported = True
            report(None, value, library_file)

    sys.excepthook = hook
    return previous
