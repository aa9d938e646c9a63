"""Copies of a library with SQLite's online backup API, their checks, and restoring one.

A copy is read from one snapshot of the library (in WAL mode other processes go on reading
and writing while it is made), written under a temporary name beside its target and renamed
when whole, so a copy killed half-way is never taken for a backup. Restoring writes the
library in one transaction of the backup API: a kill leaves the library as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from reader.core.errors import (
    LibraryError,
    LibraryUnavailableError,
    NewerLibraryError,
    NotALibraryError,
)
from reader.store import schema
from reader.store.db import unpack_version

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"  # a copy being written; left behind only by a kill
_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupInfo:
    major: int
    minor: int
    articles: int
    annotations: int


def copy_library(conn: sqlite3.Connection, target: Path, meta: dict[str, str]) -> None:
    """The database of ``conn`` copied to ``target`` (one file, no WAL), with ``meta`` added
    to the copy's meta table. An existing ``target`` is replaced only when the copy is whole."""
    part = target.with_name(f".{target.name}.{os.getpid()}{PART_SUFFIX}")
    part.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(part, isolation_level=None)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one file, readable anywhere
            dest.execute("BEGIN")
            dest.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta.items())
            dest.execute("COMMIT")
        finally:
            dest.close()
        with open(part, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(part, target)
    except sqlite3.Error as e:
        part.unlink(missing_ok=True)
        raise LibraryUnavailableError(f"cannot back up the library to {target}: {e}") from e
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable: a copy is not being written; nothing (not even a -shm) is created beside it
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def inspect(path: Path) -> BackupInfo:
    """Check that ``path`` is a whole Reader library this version can open (LibraryError,
    one line, if not) and say what it holds."""
    try:
        with open(path, "rb") as f:
            header = f.read(len(_HEADER))
    except OSError as e:
        raise LibraryError(f"cannot read {path}: {(e.strerror or str(e)).lower()}") from e
    if header != _HEADER:
        raise NotALibraryError(f"{path} is not a Reader library or backup")
    conn = _open_read_only(path)
    try:
        first = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
        if first != "ok":
            raise NotALibraryError(f"{path} is damaged ({' '.join(first.split())}); not used")
        major, minor = unpack_version(conn.execute("PRAGMA user_version").fetchone()[0])
        if major > schema.MAJOR:
            raise NewerLibraryError(
                f"{path} was written by a newer version of Reader (library format "
                f"{major}.{minor}, this version reads {schema.MAJOR}.x)"
            )
        if (major, minor) == (0, 0) or not _has_table(conn, "articles"):
            raise NotALibraryError(f"{path} is an SQLite file but not a Reader library")
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        annotations = (
            conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
            if _has_table(conn, "annotations")
            else 0
        )
    except sqlite3.DatabaseError as e:
        raise NotALibraryError(f"{path} is not a Reader library or backup ({e})") from e
    finally:
        conn.close()
    return BackupInfo(major, minor, articles, annotations)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
    return found.fetchone() is not None


def copy_file(source: Path, target: Path) -> None:
    """A checked backup file copied to ``target`` (a new library file, migrated later)."""
    src = _open_read_only(source)
    try:
        copy_library(src, target, {})
    finally:
        src.close()


def restore_into(conn: sqlite3.Connection, source: Path) -> None:
    """Replace the database of ``conn`` (the open library) by the library file ``source``,
    in one write: other connections see the old library or the new one, never a mix."""
    # Read-only: a file gone in the meantime is an error, never a new empty library.
    uri = f"file:{quote(str(source.resolve()))}?mode=ro"
    try:
        src = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.OperationalError as e:
        raise LibraryError(f"cannot read {source}: {e}") from e
    try:
        src.backup(conn)
    except sqlite3.OperationalError as e:
        raise LibraryError(f"cannot restore into the library: {e}") from e
    finally:
        src.close()


def take_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """A meta value, removed from the table (what a backup carried for its restore)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is not None:
        with contextlib.suppress(sqlite3.OperationalError):  # read-only: kept, harmless
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    return row[0] if row else None
