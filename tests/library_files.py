"""The released libraries kept as fixtures (tests/data/libraries), and reading one without
changing it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

LIBRARIES = Path(__file__).resolve().parent / "data" / "libraries"
V2_8 = LIBRARIES / "v2.8.sqlite3"


def rows(path: Path, sql: str) -> list[tuple]:
    """``sql``'s rows from the library file at ``path``, opened read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
