"""Backups of the library: a rolling set kept automatically, one on request, and restoring.

The rolling backups live in the library folder's ``backups/`` as
``library-YYYY-MM-DD_HHMMSS[-why].sqlite3``: one a day while the window runs, one before
any bulk delete (emptying the trash) and one of the current library before a restore; the
newest ``keep`` are kept (7 unless ``[backups] keep`` in settings.ini says otherwise).
Each is a whole library file (SQLite's online backup API, so the library stays in use while
it is copied) and carries the settings file, so a restore gives back the articles,
annotations, tags, word lists, feeds and settings it held.
"""

from __future__ import annotations

import configparser
import contextlib
import logging
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from reader.core import paths
from reader.core.errors import LibraryError, NewerLibraryError, NotALibraryError
from reader.core.paths import write_atomically
from reader.store import backup as store
from reader.store.db import Database

log = logging.getLogger(__name__)

FOLDER = "backups"
KEEP_DEFAULT = 7
DAILY = timedelta(days=1)
SETTINGS_KEY = "backup:settings.ini"  # the settings file's text, in a backup's meta table
_NAME = re.compile(r"library-(\d{4}-\d\d-\d\d_\d{6})(?:-([a-z-]+))?\.sqlite3")
BEFORE_RESTORE = "before-restore"
BEFORE_DELETE = "before-delete"
DAMAGED = "damaged"
_STAGED = ".restore-"  # a backup being made ready for a restore


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime
    why: str  # "" (daily or asked for), BEFORE_RESTORE, BEFORE_DELETE, DAMAGED
    size: int


@dataclass(frozen=True)
class Restored:
    articles: int
    annotations: int
    kept: Path | None  # the library as it was before, backed up (None: there was none)


def folder(directory: Path) -> Path:
    return directory / FOLDER


def keep_count(directory: Path) -> int:
    """How many rolling backups are kept: settings.ini's [backups] keep, else 7."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(paths.settings_path(directory), encoding="utf-8")
        return max(1, parser.getint("backups", "keep", fallback=KEEP_DEFAULT))
    except (configparser.Error, ValueError, OSError):
        return KEEP_DEFAULT


def backups(directory: Path) -> list[Backup]:
    """The rolling backups, newest first."""
    found = []
    try:
        entries = list(folder(directory).iterdir())
    except OSError:
        return []
    for path in entries:
        m = _NAME.fullmatch(path.name)
        if not m:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        made = datetime.strptime(m.group(1), "%Y-%m-%d_%H%M%S")
        found.append(Backup(path, made, m.group(2) or "", size))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def due(directory: Path, now: datetime | None = None) -> bool:
    """No backup made in the last day."""
    latest = next(iter(backups(directory)), None)
    return latest is None or (now or datetime.now()) - latest.made >= DAILY


def back_up(
    db: Database,
    directory: Path,
    target: Path | None = None,
    why: str = "",
    spare: Path | None = None,
) -> Path:
    """Copy the library: to ``target``, or as the newest rolling backup (the oldest beyond
    the number kept, but ``spare``, are then removed). LibraryError (one line) if it cannot
    be written."""
    if target is None:
        target = _rolling_name(directory, why)
    meta = {}
    with contextlib.suppress(OSError, UnicodeDecodeError):  # no settings yet
        meta[SETTINGS_KEY] = paths.settings_path(directory).read_text(encoding="utf-8")
    try:
        paths.replaceable(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        _clear_parts(target.parent)
        store.copy_library(db.conn, target, meta)
    except OSError as e:
        raise LibraryError(f"cannot write the backup {target}: {_reason(e)}") from e
    log.info("backed up %s to %s", db.path, target)
    if target.parent == folder(directory):
        prune(directory, spare=(target, spare))
    return target


def _rolling_name(directory: Path, why: str) -> Path:
    now = datetime.now().replace(microsecond=0)
    newest = next(iter(backups(directory)), None)
    if newest is not None and newest.made >= now:  # the order is the names': one a second
        now = newest.made + timedelta(seconds=1)
    return folder(directory) / f"library-{now:%Y-%m-%d_%H%M%S}{'-' + why if why else ''}.sqlite3"


def _clear_parts(where: Path, pattern: str = f".*{store.PART_SUFFIX}") -> None:
    """Copies a kill left half-written (or with ``pattern``, what a killed restore left)."""
    for part in where.glob(pattern):
        part.unlink(missing_ok=True)


def prune(directory: Path, spare: tuple[Path | None, ...] = ()) -> list[Path]:
    """Remove the rolling backups beyond the newest keep_count (never those in ``spare``)."""
    removed = []
    for old in backups(directory)[keep_count(directory) :]:
        if old.path not in spare:
            old.path.unlink(missing_ok=True)
            removed.append(old.path)
    return removed


def inspect(path: Path) -> store.BackupInfo:
    """What a backup holds; LibraryError (one line) unless Reader can restore it."""
    return store.inspect(path)


def restore(directory: Path, source: Path) -> Restored:
    """Make the library of ``directory`` the one in ``source`` (checked first). The current
    library is backed up before (a damaged one copied aside as it is); ``source`` is never
    changed; a library of an older schema is brought up to date on the way."""
    source = source.resolve()
    library = paths.library_path(directory)
    if library.exists() and source.exists() and source.samefile(library):
        raise LibraryError(f"{source} is the library itself; give a backup of it")
    info = store.inspect(source)
    backup_folder = folder(directory)
    backup_folder.mkdir(parents=True, exist_ok=True)
    _clear_parts(backup_folder, f"{_STAGED}*")
    staged = backup_folder / f"{_STAGED}{datetime.now():%Y%m%d%H%M%S%f}.sqlite3"
    try:
        store.copy_file(source, staged)
        Database(staged).close()  # migrated here, not in the library
        try:
            db = Database(library)
        except (NotALibraryError, NewerLibraryError):  # damaged, or not ours to read
            kept: Path | None = _set_aside(directory)
            _replace_file(staged, library)
            db = Database(library)
        else:
            kept = None if db.created else back_up(db, directory, why=BEFORE_RESTORE, spare=source)
            store.restore_into(db.conn, staged)
        try:
            _restore_settings(db, directory)
        finally:
            db.close()
    finally:
        for leftover in backup_folder.glob(f"{staged.name}*"):
            leftover.unlink(missing_ok=True)
    log.info("restored %s from %s", directory, source)
    return Restored(info.articles, info.annotations, kept)


def _set_aside(directory: Path) -> Path:
    """The library file (and its WAL) copied into backups/ unchanged, before it is replaced."""
    library = paths.library_path(directory)
    target = _rolling_name(directory, DAMAGED)
    shutil.copy2(library, target)
    wal = library.with_name(library.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def _replace_file(staged: Path, library: Path) -> None:
    for suffix in ("-wal", "-shm"):
        library.with_name(library.name + suffix).unlink(missing_ok=True)
    staged.replace(library)


def _restore_settings(db: Database, directory: Path) -> None:
    with db.transaction() as conn:
        text = store.take_meta(conn, SETTINGS_KEY)
    if text is not None:
        write_atomically(paths.settings_path(directory), text)


def _reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower()
