from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.gui.app import create_application, open_settings
from reader.gui.mainwindow import MainWindow
from reader.library import Library


@pytest.fixture(autouse=True)
def collect_as_usual() -> Iterator[None]:
    """app.start freezes what exists once its window is loaded (gc.freeze): not for the
    rest of the test run."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def script_views_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A script view chosen in a test shows at once: its converters load on the window's
    thread, not first on a worker (test_script_views.py tests that way of its own)."""
    from reader import views

    monkeypatch.setattr(views, "is_warm", lambda _config: True)


@pytest.fixture
def library() -> Iterator[Library]:
    lib = Library.open()
    yield lib
    lib.close()


@pytest.fixture
def settings(library: Library) -> QSettings:
    return open_settings(library)


@pytest.fixture
def open_window(qtbot, library: Library) -> Callable[[], MainWindow]:
    """Opens a window on the test's library, loaded, as the app opens one (each call a
    new window, its settings read anew: for tests of what a window leaves the next)."""

    def opened() -> MainWindow:
        create_application()
        win = MainWindow(library, open_settings(library))
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.analysis_runner.enabled = False  # tests that want analysis start it themselves
        with qtbot.waitSignal(win.loaded):
            win.load()  # the list is fetched on a worker
        return win

    return opened


@pytest.fixture
def window(open_window: Callable[[], MainWindow]) -> MainWindow:
    return open_window()


@pytest.fixture
def written(qtbot) -> Callable[[MainWindow], None]:
    """Waits until a window's writer has written what it was asked (its writes are made
    off the window's thread) and the window has been told."""

    def wait(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: window.writer.pending == 0, timeout=10_000)

    return wait


@pytest.fixture
def opened(qtbot) -> Callable[[MainWindow], int]:
    """Waits until the article chosen in the list is open (the window opens it a turn
    after the choice, once the list has repainted); its id."""

    def wait(win: MainWindow) -> int:
        def chosen() -> int | None:
            return win.model.article_id(win.list_view.currentIndex().row())

        qtbot.waitUntil(
            lambda: win.reading_pane.record is not None and win.reading_pane.record.id == chosen()
        )
        return win.reading_pane.record.id

    return wait


PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


@pytest.fixture
def win(qtbot, library: Library, settings: QSettings) -> Iterator[MainWindow]:
    """The window on the seed plus the test pages (18 articles, 5 sources)."""
    library.import_paths([PAGES])
    create_application()
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.analysis_runner.enabled = False
    with qtbot.waitSignal(window.loaded):
        window.load()
    # Opening the last article marked it read: the recount follows on a worker.
    qtbot.waitUntil(lambda: window.sidebar.total() is not None and not window.lists.busy())
    yield window
