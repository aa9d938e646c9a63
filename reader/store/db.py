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
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from reader.core.errors import (
    DamagedLibraryError,
    LibraryError,
    LibraryUnavailableError,
    NewerLibraryError,
    NotALibraryError,
)
from reader.store import schema

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# PRAGMA quick_check reads every page: ~0.6 ms per MB here (60 ms on a 20k-article, 99 MB
# library). Below this size it runs at open, so damage is reported before any window
# shows; above it, the first query that meets a corrupt page reports it (_Cursor).
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
SQLITE_MAGIC = b"SQLite format 3\x00"


# SQLite's primary result codes for a corrupt file; extended codes keep them in the low byte.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6


def is_damage(e: BaseException) -> bool:
    """True when SQLite says the file itself is corrupt (not locked, not a bug of ours)."""
    code = getattr(e, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def damaged(path: Path, e: BaseException | str) -> DamagedLibraryError:
    return DamagedLibraryError(
        f"library {path} is damaged ({e}); it was left untouched: "
        "restore a backup or move it aside to start a new library"
    )


class _Cursor(sqlite3.Cursor):
    """A cursor that reports a corrupt page met while stepping as DamagedLibraryError.

    Damage a quick check at open would catch costs ~60 ms on a 20k-article library, so it
    is detected where it shows: on the query that reads the broken page.
    """

    path: Path

    def _damaged(self, e: sqlite3.DatabaseError) -> BaseException:
        return damaged(self.path, e) if is_damage(e) else e

    def execute(self, sql: str, params=(), /) -> _Cursor:
        try:
            return super().execute(sql, params)
        except sqlite3.DatabaseError as e:
            raise self._damaged(e) from e

    def fetchone(self):
        try:
            return super().fetchone()
        except sqlite3.DatabaseError as e:
            raise self._damaged(e) from e

    def fetchmany(self, size: int | None = None) -> list:
        try:
            return super().fetchmany(self.arraysize if size is None else size)
        except sqlite3.DatabaseError as e:
            raise self._damaged(e) from e

    def fetchall(self) -> list:
        try:
            return super().fetchall()
        except sqlite3.DatabaseError as e:
            raise self._damaged(e) from e

    def __next__(self):
        try:
            return super().__next__()
        except sqlite3.DatabaseError as e:
            raise self._damaged(e) from e


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
            self._prepare_waiting()
        except sqlite3.DatabaseError as e:
            self.conn.close()
            if is_damage(e) and _has_sqlite_header(path):
                raise damaged(path, e) from e
            if isinstance(e, sqlite3.OperationalError):
                raise LibraryUnavailableError(f"cannot use library {path}: {_reason(e)}") from e
            raise NotALibraryError(
                f"{path} is not a Reader library (damaged or another kind of file); "
                "it was left untouched"
            ) from e
        except LibraryError:
            self.conn.close()
            raise

    def _prepare_waiting(self) -> None:
        """_prepare, again while another process holds the file (busy_timeout at most):
        two processes creating or migrating one new library at the same moment can get
        "database is locked" at once from SQLite, which waits for no one there."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return self._prepare()
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
                log.info("%s is busy in another process; trying again", self.path)
                time.sleep(0.05)

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
        if stored != 0:
            self._quick_check()
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            log.warning("WAL journal not available for %s", self.path)
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.created = stored == 0
        if stored != pack_version(schema.MAJOR, schema.MINOR) and minor < schema.MINOR:
            self._migrate(minor)

    def _quick_check(self) -> None:
        """Refuse a small damaged library at open (read only: nothing is written)."""
        try:
            size = self.path.stat().st_size
        except OSError:
            return
        if size > QUICK_CHECK_MAX_BYTES:
            return
        first = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if first != "ok":
            # One line for the user: SQLite's report spans lines and names the schema.
            reason = " ".join(first.replace("*** in database main ***", "").split())
            raise damaged(self.path, reason)

    def _has_tables(self) -> bool:
        row = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return row[0] > 0

    def _migrate(self, from_minor: int) -> None:
        if not self.created:
            self.backup_path = self._backup(from_minor)
        with self.transaction():
            # Another process may have migrated (or created) the library since we read the
            # version: re-read it under the write lock so the tables are made only once.
            stored = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if stored >= pack_version(schema.MAJOR, schema.MINOR):
                return
            from_minor = unpack_version(stored)[1] if stored else 0
            for minor in range(from_minor + 1, schema.MINOR + 1):
                log.info("migrating %s to schema %d.%d", self.path, schema.MAJOR, minor)
                for statement in schema.MIGRATIONS[minor]:
                    self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version = {pack_version(schema.MAJOR, schema.MINOR)}")

    def _backup(self, from_minor: int) -> Path:
        """Copy the library aside before changing its schema."""
        major = unpack_version(self.conn.execute("PRAGMA user_version").fetchone()[0])[0]
        target = self.path.with_name(f"{self.path.name}.v{major}.{from_minor}.bak")
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
        self._begin_immediate()
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as e:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.DatabaseError) and is_damage(e):
                raise damaged(self.path, e) from e
            raise

    def _begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, waiting out another writer.

        The busy timeout covers most waits, but SQLite skips the busy handler in a few
        WAL cases (a writer mid-recovery, a checkpoint holding the lock); those come back
        as SQLITE_BUSY at once, so retry them here for as long as the timeout allows.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        delay = 0.005
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                busy = getattr(e, "sqlite_errorcode", 0) & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
                if not busy or time.monotonic() + delay > deadline:
                    raise
                log.debug("library busy, retrying BEGIN IMMEDIATE: %s", e)
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
            except sqlite3.DatabaseError as e:
                if is_damage(e):
                    raise damaged(self.path, e) from e
                raise

    def execute(
        self, sql: str, params: Sequence[object] | Mapping[str, object] = ()
    ) -> sqlite3.Cursor:
        cursor = self.conn.cursor(_Cursor)
        cursor.path = self.path
        return cursor.execute(sql, params)

    def data_version(self) -> int:
        """A number that changes when another connection (another process, a worker)
        has committed to the library since this one last looked; cheap to ask often."""
        return self.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()


def ordered_ids(db: Database, select: str, params: Sequence[object]) -> list[int]:
    """The ids a one-column ``select`` yields, in its order, read as one JSON array: a row
    per id costs ~3x more at 100,000 ids. SQLite never flattens an ORDER BY subquery into
    an aggregate query, so the array is built in the subquery's order."""
    import json  # this module loads before the window paints; json need not

    row = db.execute(f"SELECT json_group_array(id) FROM ({select})", params).fetchone()
    return json.loads(row[0])


def _check_file(path: Path) -> None:
    """Refuse what cannot be a library file before sqlite3 opens it.

    Only ``stat``, never ``open``: closing any descriptor on the file drops every POSIX
    lock this process holds on it, including those of SQLite connections already open
    (another window's, a worker's), after which another process may delete the WAL
    under them. A file that is not SQLite is refused by SQLite itself when the version
    is read, before anything is written.
    """
    try:
        if path.is_dir():
            raise NotALibraryError(f"{path} is a folder, not a Reader library")
    except OSError as e:
        raise LibraryUnavailableError(f"cannot read library {path}: {_reason(e)}") from e


def _has_sqlite_header(path: Path) -> bool:
    """Tell a damaged library from another kind of file; read only once SQLite refused
    it, since closing a descriptor drops this process's locks on the file."""
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror.lower()
    return str(e)
