"""Start the GUI: QApplication, the library, the main window; paint first, load after.

Whatever the first paint does not need (listening for later launches, the signal and
damage handlers, their modules) is set up right after it.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import APP_ID, APP_NAME, __version__
from reader.core import paths
from reader.core.errors import LibraryError
from reader.gui import i18n, launch
from reader.gui.preferences import Preferences
from reader.gui.turns import next_turn
from reader.library import Library

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)


def create_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("reader")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    if app.windowIcon().isNull():  # once (run() and start() both ask for the application)
        app.setWindowIcon(app_icon(scalable=False))  # the SVG follows after the first paint
    return app


def app_icon(*, scalable: bool = True) -> QIcon:
    """The app icon from resources/icons: the grid-tuned PNGs, the SVG for other sizes.

    The SVG loads Qt's SVG icon engine; the PNGs alone cover the window's icon
    sizes, so the window is shown with those and given the SVG right after.
    """
    icons = paths.resource("icons")
    icon = QIcon(str(icons.joinpath("reader.svg"))) if scalable else QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(icons.joinpath("hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")))
    return icon


def open_settings(library: Library) -> QSettings:
    return QSettings(str(paths.settings_path(library.directory)), QSettings.Format.IniFormat)


def install_language(data_dir: str | None) -> str:
    """The interface language from the settings, installed before the library
    opens, so even the can't-open dialog is in it."""
    settings = QSettings(
        str(paths.settings_path(paths.data_dir(data_dir))), QSettings.Format.IniFormat
    )
    return i18n.install(i18n.resolve(Preferences.load(settings).language))


def start(data_dir: str | None, files: Sequence[str]) -> MainWindow | None:
    """Open the library and show the window; None (after telling the user) if it can't."""
    create_application()
    install_language(data_dir)
    try:
        # A large library is checked for damage on a worker after the first paint.
        library = Library.open(data_dir, seed=False, defer_check=True)
    except LibraryError as e:
        from reader.gui import library_errors

        # One dialog (a damaged file: with a copy offered); the file is never written.
        library_errors.report(None, e, paths.library_path(paths.data_dir(data_dir)))
        return None
    from reader.gui.mainwindow import MainWindow

    window = MainWindow(library, open_settings(library))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(library.close)

    def after_first_paint() -> None:
        from reader.gui import single_instance

        QApplication.setWindowIcon(app_icon())
        # Later launches on this library hand their files and links to this window.
        name = launch.server_name(library.directory)
        single_instance.attach(window, name, window.open_targets)
        # In a turn of the event loop of its own (together a stall: bench_gui.py "open").
        next_turn(window, fill)

    def fill() -> None:
        window.load()
        if library.needs_seed():
            window.importer.seed_library()
        if files:
            # As a later launch hands them over: files as absolute paths, links as given.
            window.open_targets(launch.launch_targets(files))

    # The list is filled after the window has painted, so the window appears at once.
    window.first_painted.connect(lambda: next_turn(window, after_first_paint))
    # What exists once the window is filled (modules, classes, widgets) lives as long as
    # the app: out of the cyclic collector's full passes, which then stop the window for
    # a quarter of the time (bench_tricks.py, a full collection).
    window.loaded.connect(gc.freeze)
    window.show()
    return window


def run(data_dir: str | None, files: Sequence[str]) -> int:
    create_application()
    if launch.hand_off(data_dir, files):
        return 0  # the window already open on this library took the files
    window = start(data_dir, files)
    if window is None:
        return 1
    # create_application made a QApplication; PySide's stub says QCoreApplication | None
    app = cast(QApplication, QApplication.instance())
    if os.environ.get("READER_EXIT_WHEN_SHOWN"):  # start-up benchmark hook
        window.first_painted.connect(lambda: _report_shown(app))
    # The command line starts the window with the cyclic collector off (cli.main).
    window.first_painted.connect(gc.enable)
    library = window.library

    def after_first_paint() -> None:
        from reader.gui import library_errors, shutdown

        shutdown.quit_on_signals(app)  # SIGTERM, SIGHUP, SIGINT: quit as from the menu
        library_errors.install_excepthook(library.path)  # damage met later: a dialog

    window.first_painted.connect(lambda: next_turn(window, after_first_paint))
    code = app.exec()
    library.close()  # the window may not have been deleted when the loop ended
    return code


def _report_shown(app: QApplication) -> None:
    print(f"shown {time.monotonic():.6f}", flush=True)
    QTimer.singleShot(0, app.quit)  # not from inside the paint event
