"""The library file: versioning, migrations, transactions, refusing what is not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import LibraryUnavailableError, NewerLibraryError, NotALibraryError
from reader.core.records import NewArticle
from reader.store import schema
from reader.store.articles import ArticleStore
from reader.store.db import BugError, Database, pack_version


def article(title: str = "标题", body: str = "正文第一段。\n正文第二段。") -> NewArticle:
    return NewArticle(title=title, body=body, script="simplified", captions=["图说(资料图片)"])


def test_new_library_is_versioned_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(tmp_path / "lib.sqlite3")
    assert db.created
    assert db.execute("PRAGMA user_version").fetchone()[0] == pack_version(
        schema.MAJOR, schema.MINOR
    )
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
    again = Database(tmp_path / "lib.sqlite3")
    assert not again.created


def test_round_trip_keeps_article_and_raw_source(tmp_path: Path) -> None:
    db = Database(tmp_path / "lib.sqlite3")
    store = ArticleStore(db)
    result = store.add_source("/papers/a.txt", "gb18030", "原始版面文本", 1, [article()])
    record = store.get(result.ids[0])
    assert record is not None
    assert (record.title, record.body, record.captions) == (
        "标题",
        "正文第一段。\n正文第二段。",
        ["图说(资料图片)"],
    )
    assert (record.source, record.encoding) == ("/papers/a.txt", "gb18030")
    raw = db.execute("SELECT text FROM sources WHERE id = ?", (record.source_id,)).fetchone()
    assert raw[0] == "原始版面文本"


def test_same_content_is_not_stored_twice(tmp_path: Path) -> None:
    store = ArticleStore(Database(tmp_path / "lib.sqlite3"))
    first = store.add_source("a.txt", "utf-8", "page", 1, [article()])
    # Same article, different whitespace, from another file.
    again = store.add_source(
        "b.txt", "utf-8", "page 2", 1, [article(body="正文第一段。\n 正文第二段。 ")]
    )
    assert again.ids == []
    assert again.duplicates == first.ids
    assert store.count() == 1


def test_failed_transaction_leaves_library_as_it_was(tmp_path: Path) -> None:
    db = Database(tmp_path / "lib.sqlite3")
    store = ArticleStore(db)
    store.add_source("a.txt", "utf-8", "page", 1, [article("一")])
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("DELETE FROM articles")
        raise RuntimeError("boom")
    assert store.count() == 1


def test_nested_transaction_is_a_bug(tmp_path: Path) -> None:
    db = Database(tmp_path / "lib.sqlite3")
    with pytest.raises(BugError), db.transaction(), db.transaction():
        pass


def test_newer_major_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {pack_version(schema.MAJOR + 1, 0)}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerLibraryError, match="newer version"):
        Database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"not a database at all\n" * 10, b"\x89PNG\r\n\x1a\n" + bytes(200)]
)
def test_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(content)
    with pytest.raises(NotALibraryError, match="left untouched"):
        Database(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "lib.sqlite3-wal").exists()


def test_other_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotALibraryError):
        Database(path)
    assert path.read_bytes() == before


def test_folder_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryUnavailableError):
        Database(blocker / "sub" / "lib.sqlite3")


def test_older_library_is_backed_up_then_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite3"
    store = ArticleStore(Database(path))
    store.add_source("a.txt", "utf-8", "page", 1, [article()])
    store.db.close()
    # A later release adds a column; the library written today must migrate to it.
    later = dict(schema.MIGRATIONS)
    later[schema.MINOR + 1] = (
        "ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0",
    )
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    monkeypatch.setattr(schema, "MINOR", schema.MINOR + 1)
    db = Database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == pack_version(
        schema.MAJOR, schema.MINOR
    )
    assert db.execute("SELECT title, starred FROM articles").fetchone()[:] == ("标题", 0)
    assert db.backup_path is not None and db.backup_path.exists()
    old = sqlite3.connect(db.backup_path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == pack_version(
        schema.MAJOR, schema.MINOR - 1
    )
    assert old.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
