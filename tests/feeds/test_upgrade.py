"""A library of schema 2.8 (the last release before subscriptions) upgrades to 2.9 without
losing anything, after a backup, and then subscribes."""

from __future__ import annotations

import shutil
from pathlib import Path

from feed_server import FeedServer
from library_files import V2_8, rows

from reader.library import Library
from reader.store import schema
from reader.store.db import pack_version

KEPT = (
    "SELECT id, title, body, digest, published, url, site FROM articles ORDER BY id",
    "SELECT path, digest, text FROM sources ORDER BY id",
    "SELECT * FROM annotations ORDER BY id",
    "SELECT t.name, g.article_id FROM article_tags g JOIN tags t ON t.id = g.tag_id",
    "SELECT article_id FROM article_stars",
    "SELECT article_id, read_at FROM article_reads",
    "SELECT article_id, position FROM reading_positions",
)


def test_a_2_8_library_gains_subscriptions_and_keeps_everything(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copyfile(V2_8, folder / "library.sqlite3")
    assert rows(V2_8, "PRAGMA user_version") == [(pack_version(2, 8),)]
    before = [rows(V2_8, q) for q in KEPT]
    assert all(before) and any(r[5] for r in before[0])  # a web article among them

    lib = Library.open(folder)
    db_file = lib.path
    assert rows(db_file, "PRAGMA user_version") == [(pack_version(schema.MAJOR, schema.MINOR),)]
    assert [rows(db_file, q) for q in KEPT] == before
    backup = db_file.with_name("library.sqlite3.v2.8.bak")
    assert [rows(backup, q) for q in KEPT] == before
    assert lib.subscriptions() == [] and lib.overview([]).feeds == ()

    with FeedServer() as server:
        feed, result = lib.subscribe(server.url("/feeds/rss.xml"), folder="本地")
    # The 2.8 library held the spring story from its page already: no second copy.
    assert len(result.new) == 2 and feed.articles == 3
    assert len(rows(db_file, "SELECT id FROM articles")) == len(before[0]) + 2
    lib.close()
