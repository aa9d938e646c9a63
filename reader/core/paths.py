"""Where the library, settings, cache and bundled files live.

Resolved before any QApplication exists, so the CLI and the GUI agree.
Order: --data-dir, then READER_DATA_DIR, then the platform's user data dir.
"""

from __future__ import annotations

import contextlib
import os
import stat
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
    return default_data_dir()


def default_data_dir() -> Path:
    """The platform's user data folder for the app (when no folder is given)."""
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


def replaceable(path: Path) -> os.stat_result | None:
    """The status of a file about to be replaced by a rename (None: there is none yet);
    OSError for one that must not be: not a regular file (a symbolic link, pipe or device)
    or read-only."""
    import errno

    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise OSError(
            errno.EEXIST, "not a regular file (a link, pipe or device); not replaced", str(path)
        )
    if not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only; not replaced", str(path))
    return st


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file of its own beside it and
    a rename, so a failure never leaves half a file and two writers at once leave one
    whole file. An existing file keeps its mode; one that is not a regular file (a
    symbolic link, pipe or device) or that is read-only is not replaced: OSError, as for
    any other failure to write."""
    import secrets

    st = replaceable(path)
    mode = 0o666 if st is None else stat.S_IMODE(st.st_mode)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, flags, mode)  # a new file: the umask applies, as for any file
            break
        except FileExistsError:
            continue
    try:
        with open(fd, "wb") as f:
            if st is not None:
                os.chmod(tmp, mode)  # exactly the old mode, whatever the umask
                if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                    with contextlib.suppress(OSError):  # only root may give a file away
                        os.fchown(f.fileno(), st.st_uid, st.st_gid)
            f.write(text.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
