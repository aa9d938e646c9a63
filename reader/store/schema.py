"""The library schema and its migrations.

``MIGRATIONS[n]`` takes a library from minor version n-1 to n; a new library runs
them all. Never edit a released migration: add the next one.
"""

from __future__ import annotations

MAJOR = 1

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        # The decoded source text, kept whole so a better splitter can re-split it later.
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            encoding TEXT NOT NULL,
            digest TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            splitter_version INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        )""",
        # Articles as the splitter produced them; conversions and highlights are
        # derived views and never written over these fields.
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '',
            subtitle TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            captions TEXT NOT NULL DEFAULT '[]',
            continued_from TEXT NOT NULL DEFAULT '',
            continues_to TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'article',
            script TEXT NOT NULL,
            digest TEXT NOT NULL UNIQUE,
            added_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_by_source ON articles(source_id, position)",
        "CREATE INDEX articles_by_added ON articles(added_at, id)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
}

MINOR = max(MIGRATIONS)
