"""Write a library of each released schema version, as that version of Reader left it.

    python tests/data/libraries/make_fixtures.py

Each fixture is built from the released migrations only (the current code's migrations past
that version are hidden while it is made), so a test opening a copy proves that today's
Reader migrates what users really have. Run it once per release that changes the schema,
add a ``vMAJOR.MINOR`` entry, commit the file. Only missing fixtures are written; name one
to write it again (``make_fixtures.py v1.4.sqlite3``): a committed fixture records what
that release wrote and should rarely change.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from reader.core.anchors import make_anchor  # noqa: E402
from reader.core.documents import parse_document  # noqa: E402
from reader.core.records import content_digest  # noqa: E402
from reader.store import schema  # noqa: E402

SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"
IMPORTED_AT = "2024-05-01T08:00:00+08:00"  # fixed, so the file is reproducible
ARTICLES = 3  # a few real articles from the seed page; keeps the file small


def make_v1_1(target: Path) -> None:
    """Schema 1.1: sources, articles, meta (no analysis tables yet)."""
    target.unlink(missing_ok=True)
    doc = parse_document(SEED.read_bytes(), SEED.name)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("BEGIN")
        for statement in schema.MIGRATIONS[1]:
            conn.execute(statement)
        digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        source_id = conn.execute(
            "INSERT INTO sources (path, encoding, digest, text, splitter_version, imported_at)"
            " VALUES (?, ?, ?, ?, 1, ?)",
            (f"/papers/{SEED.name}", doc.encoding, digest, doc.text, IMPORTED_AT),
        ).lastrowid
        for position, art in enumerate(doc.articles[:ARTICLES]):
            conn.execute(
                "INSERT INTO articles (source_id, position, title, subtitle, byline, section,"
                " body, captions, continued_from, continues_to, kind, script, digest, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'simplified', ?, ?)",
                (
                    source_id,
                    position,
                    art.title,
                    art.subtitle,
                    art.byline,
                    art.section,
                    art.body,
                    json.dumps(list(art.captions), ensure_ascii=False),
                    art.continued_from,
                    art.continues_to,
                    art.kind,
                    content_digest(art.title, art.body),
                    IMPORTED_AT,
                ),
            )
        conn.execute("INSERT INTO meta (key, value) VALUES ('seeded', 'yes')")
        conn.execute(f"PRAGMA user_version = {(1 << 16) | 1}")
        conn.execute("COMMIT")
        conn.execute("VACUUM")  # rollback journal, no free pages: one small, stable file
    finally:
        conn.close()


@contextlib.contextmanager
def schema_of(minor: int) -> Iterator[None]:
    """The store code as the release of schema 1.``minor`` ran it: later migrations hidden,
    timestamps fixed so the file is reproducible."""
    released = {n: s for n, s in schema.MIGRATIONS.items() if n <= minor}
    with (
        mock.patch.object(schema, "MIGRATIONS", released),
        mock.patch.object(schema, "MINOR", minor),
        mock.patch("reader.store.articles.now", return_value=IMPORTED_AT),
    ):
        yield


def make_v1_2(target: Path) -> None:
    """Schema 1.2: the seed page imported and analysed (keywords, entities), a user word
    and a watch word (no search index, tags or stars yet)."""
    from reader.analysis import analyse_pending
    from reader.library import Library
    from reader.store.analysis import AnalysisStore

    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as folder, schema_of(2):
        lib = Library(Path(folder))
        lib.import_bytes(SEED.read_bytes(), SEED.name, f"/papers/{SEED.name}")
        lib.articles.set_meta("seeded", "yes")
        store = AnalysisStore(lib.db)
        store.add_user_words(["决战决胜"])
        store.set_watch_words(["疫情"])
        analyse_pending(lib)
        lib.close()
        _compact(Path(folder) / "library.sqlite3", target, 2)


def make_v1_3(target: Path) -> None:
    """Schema 1.3: as 1.4 (which only added an index)."""
    _make_organised(target, 3)


def make_v1_4(target: Path) -> None:
    """Schema 1.4: the seed page imported by the store (search index, signature), one
    article tagged, one starred, one read."""
    _make_organised(target, 4)


def _make_organised(target: Path, minor: int) -> None:
    from reader.library import Library

    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as folder, schema_of(minor):
        lib = Library(Path(folder))
        report = lib.import_bytes(SEED.read_bytes(), SEED.name, f"/papers/{SEED.name}")
        lib.articles.set_meta("seeded", "yes")
        first, second, third = (a.id for a in report.articles[:3])
        lib.articles.add_tag(first, "城市")
        lib.articles.set_starred(second)
        lib.articles.mark_read(third)
        lib.close()
        _compact(Path(folder) / "library.sqlite3", target, minor)


def _compact(source: Path, target: Path, minor: int) -> None:
    """One small file, no WAL, checked to be of schema MAJOR.``minor`` (major 2 from 7)."""
    conn = sqlite3.connect(source, isolation_level=None)
    major = 2 if minor >= 7 else 1
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == (major << 16) | minor
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()


def make_v1_5(target: Path) -> None:
    """Schema 1.5: as 1.4, plus two annotations (a highlight with a note, and an orphaned
    one whose quote is gone), a renamed colour and a reading position."""
    _make_annotated(target, 5)


def make_v1_6(target: Path) -> None:
    """Schema 1.6: as 1.5 (1.6 only added an index); the last search index of one token
    per character and per bigram in columns of their own, with bm25's column sizes."""
    _make_annotated(target, 6)


def make_v2_8(target: Path) -> None:
    """Schema 2.8 (the last before subscriptions): as 1.6, plus a saved web page with its
    date, address and site."""
    _make_annotated(target, 8, web=True)


def _make_annotated(target: Path, minor: int, *, web: bool = False) -> None:
    from dataclasses import replace

    from reader.library import Library

    target.unlink(missing_ok=True)
    with (
        tempfile.TemporaryDirectory() as folder,
        schema_of(minor),
        mock.patch("reader.store.annotations.now", return_value=IMPORTED_AT),
    ):
        lib = Library(Path(folder))
        report = lib.import_bytes(SEED.read_bytes(), SEED.name, f"/papers/{SEED.name}")
        lib.articles.set_meta("seeded", "yes")
        first, second, third = (a.id for a in report.articles[:3])
        lib.articles.add_tag(first, "城市")
        lib.articles.set_starred(second)
        lib.articles.mark_read(third)
        lib.articles.set_reading_position(first, 0.375)
        ids = ("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222")
        body = lib.get(first).body
        anchor = make_anchor(body, 10, 16)
        lib.annotations.add(first, anchor, "green", "一条笔记", id=ids[0])
        lost = lib.annotations.add(second, make_anchor(lib.get(second).body, 0, 4), id=ids[1])
        lib.annotations.restore(replace(lost, exact="早已删去的句子", orphaned=True))
        lib.annotations.rename_colour("blue", "反驳")
        if web:
            page = REPO / "tests" / "data" / "feeds" / "pages" / "spring.html"
            url = "https://news.example.cn/news/2024/0318/spring.html"
            lib.import_bytes(page.read_bytes(), url, url, url=url)
        lib.close()
        _compact(Path(folder) / "library.sqlite3", target, minor)


FIXTURES = {
    "v1.1.sqlite3": make_v1_1,
    "v1.2.sqlite3": make_v1_2,
    "v1.3.sqlite3": make_v1_3,
    "v1.4.sqlite3": make_v1_4,
    "v1.5.sqlite3": make_v1_5,
    "v1.6.sqlite3": make_v1_6,
    "v2.8.sqlite3": make_v2_8,
}


def main(names: list[str]) -> None:
    for name, make in FIXTURES.items():
        target = HERE / name
        if target.exists() and name not in names:
            continue
        make(target)
        print(f"{target.relative_to(REPO)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
