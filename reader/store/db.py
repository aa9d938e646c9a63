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
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from reader.core.errors import (
    DamagedLibraryError,
    LibraryBusyError,
    LibraryError,
    LibraryUnavailableError,
    NewerLibraryError,
    NotALibraryError,
)
from reader.store import schema

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# How long SQLite's own busy handler waits at a time: a writer that waits longer is told
# (Database.on_wait) and tries again, up to Database.lock_wait in all.
BUSY_STEP_MS = 1_000
# PRAGMA quick_check reads every page (bench.py quick_check_ms_per_mb). It runs at every
# open up to this size, so damage is reported before anything
# is written or any window shows; above it, at the first open of each state of the file
# (its result remembered beside it). Damage met later by a query is reported (_Cursor),
# and then nothing more is written in that session.
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
CHECKED_SUFFIX = ".checked"
SQLITE_MAGIC = b"SQLite format 3\x00"


# SQLite's primary result codes for a corrupt file; extended codes keep them in the low byte.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14


def _code(e: BaseException) -> int:
    code = getattr(e, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else -1


def is_damage(e: BaseException) -> bool:
    """True when SQLite says the file itself is corrupt (not locked, not a bug of ours)."""
    code = getattr(e, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def damaged(path: Path, e: BaseException | str, *, untouched: bool = True) -> DamagedLibraryError:
    """The error of a damaged library: ``untouched`` when found before anything was written
    in this session (at open), else only that nothing more will be."""
    kept = "it was left untouched" if untouched else "nothing more is written to it"
    return DamagedLibraryError(
        f"library {path} is damaged ({e}); {kept}: "
        "restore a backup or move it aside to start a new library"
    )


def write_failure(path: Path, e: sqlite3.Error) -> LibraryError | sqlite3.Error:
    """The known error for a write SQLite refused (read-only, disk full, I/O), else ``e``."""
    code = _code(e)
    if code == _SQLITE_READONLY:
        why = "it is read-only (the file's or its folder's permissions)"
    elif code == _SQLITE_FULL:
        why = "the disk is full"
    elif code == _SQLITE_IOERR:
        why = f"the disk refused the write ({e})"
    elif code == _SQLITE_CANTOPEN:
        why = f"a file beside it cannot be made ({e})"
    else:
        return e
    return LibraryUnavailableError(f"cannot write library {path}: {why}; that change was not made")


class _Cursor(sqlite3.Cursor):
    """A cursor that reports a corrupt page met while stepping as DamagedLibraryError.

    A quick check at open reads every page (bench.py quick_check_ms), too long for large libraries
    at every open, so damage is also detected where it shows: on the query that reads the broken
    page.
    """

    path: Path
    database: Database

    def _damaged(self, e: sqlite3.DatabaseError) -> BaseException:
        if not is_damage(e):
            return e
        self.database.found_damage = e
        return damaged(self.path, e, untouched=False)

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

    def __init__(
        self,
        path: Path,
        *,
        lock_wait: float = BUSY_TIMEOUT_MS / 1000,
        on_wait: Callable[[Path], None] | None = None,
        defer_check: bool = False,
    ) -> None:
        self.path = path
        # A large library's check is left to check_deferred() (the window runs it on a
        # worker after its first paint); its file state then, to remember a good result.
        self.defer_check = defer_check
        self.unchecked_state: str | None = None
        self.created = False  # True when this open made a new, empty library
        self.backup_path: Path | None = None
        # A write waits up to lock_wait seconds for another process's write lock (then
        # LibraryBusyError), calling on_wait once when it starts to wait.
        self.lock_wait = lock_wait
        self.on_wait = on_wait
        self.found_damage: BaseException | None = None  # then nothing more is written
        _check_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                path,
                timeout=BUSY_STEP_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except (OSError, sqlite3.OperationalError) as e:
            raise LibraryUnavailableError(f"cannot open library {path}: {_reason(e)}") from e
        self.conn.row_factory = sqlite3.Row
        # The migration to schema 2.9 recomputes every digest in SQL.
        self.conn.create_function("reader_content_digest", 2, _content_digest, deterministic=True)
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
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_STEP_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            log.warning("WAL journal not available for %s", self.path)
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.created = stored == 0
        if stored != pack_version(schema.MAJOR, schema.MINOR) and minor < schema.MINOR:
            self._migrate(minor)

    def _quick_check(self) -> None:
        """Refuse a damaged library at open (read only: nothing is written to it).

        A library above QUICK_CHECK_MAX_BYTES is checked too, once for each state of its
        file (and WAL): a good result is remembered beside it (CHECKED_SUFFIX) by the
        files' identity, size and modification time, so an unchanged library is not read
        whole again at the next open.
        """
        try:
            size = self.path.stat().st_size
        except OSError:
            return
        large = size > QUICK_CHECK_MAX_BYTES
        state = _file_state(self.path) if large else None
        if state is not None and _remembered(self.path) == state:
            return
        if state is not None and self.defer_check:
            self.unchecked_state = state
            return
        first = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if first != "ok":
            # One line for the user: SQLite's report spans lines and names the schema.
            reason = " ".join(first.replace("*** in database main ***", "").split())
            raise damaged(self.path, reason)
        if state is not None:
            _remember(self.path, state)

    def check_deferred(self) -> None:
        """The check _quick_check left for later, on a connection of its own (any thread):
        DamagedLibraryError if the library is damaged, and from then on nothing is written
        through this Database. A good result is remembered for the file's state at open."""
        state, self.unchecked_state = self.unchecked_state, None
        if state is None:
            return
        conn = sqlite3.connect(f"file:{quote(str(self.path))}?mode=ro", uri=True)
        try:
            first = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as e:
            first = str(e)
        finally:
            conn.close()
        if first != "ok":
            reason = " ".join(first.replace("*** in database main ***", "").split())
            self.found_damage = sqlite3.DatabaseError(reason)
            raise damaged(self.path, reason, untouched=False)
        _remember(self.path, state)

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
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception. Not reentrant.

        A write SQLite refuses (read-only, disk full) is LibraryUnavailableError, damage
        DamagedLibraryError; once damage has been met nothing more is written.
        """
        if self.conn.in_transaction:
            raise BugError("nested transaction")
        if self.found_damage is not None:
            raise damaged(self.path, self.found_damage, untouched=False)
        self._begin_immediate()
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as e:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.DatabaseError) and is_damage(e):
                self.found_damage = e
                raise damaged(self.path, e, untouched=False) from e
            if isinstance(e, sqlite3.Error) and (known := write_failure(self.path, e)) is not e:
                raise known from e
            raise

    def _begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, waiting out another writer for up to ``lock_wait`` seconds.

        SQLite's busy handler waits BUSY_STEP_MS at a time (and skips itself in a few WAL
        cases: a writer mid-recovery, a checkpoint holding the lock); each refusal is tried
        again here, and the first tells ``on_wait`` that this write is waiting.
        """
        deadline = time.monotonic() + self.lock_wait
        delay = 0.005
        told = False
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                if _code(e) not in (_SQLITE_BUSY, _SQLITE_LOCKED):
                    raise write_failure(self.path, e) from e
                if time.monotonic() + delay > deadline:
                    raise LibraryBusyError(
                        f"library {self.path} is busy: another program kept writing to it "
                        f"for over {self.lock_wait:.0f} s; nothing was written, try again later"
                    ) from e
                if not told:
                    told = True
                    log.info("library busy, waiting for the other writer: %s", e)
                    if self.on_wait is not None:
                        self.on_wait(self.path)
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
        cursor.database = self
        return cursor.execute(sql, params)

    def data_version(self) -> int:
        """A number that changes when another connection (another process, a worker)
        has committed to the library since this one last looked; cheap to ask often."""
        return self.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()


def ordered_ids(db: Database, select: str, params: Sequence[object]) -> list[int]:
    """The ids a one-column ``select`` yields, in its order, read as one JSON array: a row
    per id costs more (bench.py list_ms). SQLite never flattens an ORDER BY subquery into
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


def _content_digest(title: str, body: str) -> str:
    from reader.core.records import content_digest  # only when a migration calls it

    return content_digest(title, body)


def _file_state(path: Path) -> str | None:
    """The identity, size and modification time of the library file and its WAL."""
    parts = []
    for file in (path, path.with_name(f"{path.name}-wal")):
        try:
            st = file.stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        except OSError:
            return None
        if file is not path and st.st_size == 0:
            parts.append("-")  # an empty WAL is no WAL (the last connection removes it)
            continue
        parts.append(f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(parts)


def _remembered(path: Path) -> str | None:
    try:
        return path.with_name(path.name + CHECKED_SUFFIX).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def _remember(path: Path, state: str) -> None:
    """Note that the library in this state passed the check (never fatal: it is redone)."""
    try:
        path.with_name(path.name + CHECKED_SUFFIX).write_text(state + "\n", encoding="ascii")
    except OSError as e:
        log.info("cannot remember the check of %s: %s", path, e)


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
