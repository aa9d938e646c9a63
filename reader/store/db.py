"""The SQLite connection: schema version, migrations, transactions, known errors.

As qutebrowser does it: the version lives in ``PRAGMA user_version`` as
``major << 16 | minor``; a library of a newer *major* version is refused untouched
(a newer minor only added things this version can ignore). WAL journal, foreign keys,
a busy timeout so a second process waits instead of failing, and every write
inside :meth:`Database.transaction`.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from reader.store import schema

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"


class LibraryError(Exception):
    """A known failure the user can act on; the message is one clear line."""


class NotALibraryError(LibraryError):
    pass


class NewerLibraryError(LibraryError):
    pass


class LibraryUnavailableError(LibraryError):
    """The file or its folder cannot be created, read or written."""


class BugError(Exception):
    """Something that should never happen: an inconsistency in our own code or schema."""


def pack_version(major: int, minor: int) -> int:
    return (major << 16) | minor


def unpack_version(value: int) -> tuple[int, int]:
    return value >> 16, value & 0xFFFF


class Database:
    """One connection to a library file, migrated to the current schema on open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.created = False  # True when this open made a new, empty library
        self.backup_path: Path | None = None
        _check_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except (OSError, sqlite3.OperationalError) as e:
            raise LibraryUnavailableError(f"cannot open library {path}: {_reason(e)}") from e
        self.conn.row_factory = sqlite3.Row
        try:
            self._prepare()
        except sqlite3.DatabaseError as e:
            self.conn.close()
            if isinstance(e, sqlite3.OperationalError):
                raise LibraryUnavailableError(f"cannot use library {path}: {_reason(e)}") from e
            raise NotALibraryError(
                f"{path} is not a Reader library (damaged or another kind of file); "
                "it was left untouched"
            ) from e
        except LibraryError:
            self.conn.close()
            raise

    def _prepare(self) -> None:
        # Read the version before any write, so a foreign or newer file stays untouched.
        stored = self.conn.execute("PRAGMA user_version").fetchone()[0]
        major, minor = unpack_version(stored)
        if major > schema.MAJOR:
            raise NewerLibraryError(
                f"{self.path} was written by a newer version of Reader "
                f"(library format {major}.{minor}, this version reads {schema.MAJOR}.x); "
                "it was left untouched"
            )
        if stored == 0 and self._has_tables():
            raise NotALibraryError(
                f"{self.path} is an SQLite file but not a Reader library; it was left untouched"
            )
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            log.warning("WAL journal not available for %s", self.path)
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.created = stored == 0
        if stored != pack_version(schema.MAJOR, schema.MINOR) and minor < schema.MINOR:
            self._migrate(minor)

    def _has_tables(self) -> bool:
        row = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return row[0] > 0

    def _migrate(self, from_minor: int) -> None:
        if not self.created:
            self.backup_path = self._backup(from_minor)
        with self.transaction():
            for minor in range(from_minor + 1, schema.MINOR + 1):
                log.info("migrating %s to schema %d.%d", self.path, schema.MAJOR, minor)
                for statement in schema.MIGRATIONS[minor]:
                    self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version = {pack_version(schema.MAJOR, schema.MINOR)}")

    def _backup(self, from_minor: int) -> Path:
        """Copy the library aside before changing its schema."""
        target = self.path.with_name(f"{self.path.name}.v{schema.MAJOR}.{from_minor}.bak")
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        log.info("backed up %s to %s before migrating", self.path, target)
        return target

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception. Not reentrant."""
        if self.conn.in_transaction:
            raise BugError("nested transaction")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def close(self) -> None:
        self.conn.close()


def _check_file(path: Path) -> None:
    """Refuse a non-SQLite file by its header before sqlite3 touches it."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except IsADirectoryError as e:
        raise NotALibraryError(f"{path} is a folder, not a Reader library") from e
    except OSError as e:
        raise LibraryUnavailableError(f"cannot read library {path}: {_reason(e)}") from e
    if head and head != SQLITE_MAGIC:
        raise NotALibraryError(
            f"{path} is not a Reader library (damaged or another kind of file); "
            "it was left untouched"
        )


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror.lower()
    return str(e)
