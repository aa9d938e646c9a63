"""Where the library, settings, cache and bundled files live.

Resolved before any QApplication exists, so the CLI and the GUI agree.
Order: --data-dir, then READER_DATA_DIR, then the platform's user data dir.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

APP_DIR_NAME = "yuebao-reader"
LIBRARY_FILE = "library.sqlite3"
SETTINGS_FILE = "settings.ini"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder that holds the library file and the settings."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("READER_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no folder was given

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def cache_dir() -> Path:
    """Derived, disposable files (segmenter dictionary cache and the like)."""
    env = os.environ.get("READER_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no folder was given

    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))


def library_path(directory: Path) -> Path:
    return directory / LIBRARY_FILE


def settings_path(directory: Path) -> Path:
    return directory / SETTINGS_FILE


def resource(name: str) -> Path:
    """A file shipped in resources/ (installed as reader.resources)."""
    return _resources_dir() / name


@cache
def _resources_dir() -> Path:
    # The package's own folder, wherever the import system found it (installed, or the
    # repository's resources/ in a development install). Not importlib.resources: the
    # window reads its icons and translations before the first paint, and that package
    # costs a few ms to import.
    import reader.resources

    return Path(reader.resources.__file__).parent


def seed_files() -> list[Traversable]:
    """The sample pages a new library starts with, in name order."""
    from importlib import resources

    folder = resources.files("reader.seeds")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and printed: the bytes of a file name that are not
    UTF-8 (held by Python as lone surrogates) written as ``\\xff``. Other paths unchanged."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text
