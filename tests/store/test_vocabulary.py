"""The vocabulary in the library file: a 2.8 library gains it on upgrade, keeping all."""

from __future__ import annotations

import shutil
from pathlib import Path

from library_files import V2_8, rows

from reader.library import Library
from reader.store import schema
from reader.store.db import pack_version

KEPT = (
    "SELECT id, title, body, digest FROM articles ORDER BY id",
    "SELECT * FROM annotations ORDER BY id",
    "SELECT article_id, read_at FROM article_reads",
)


def test_an_older_library_gains_a_vocabulary_and_keeps_everything(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copyfile(V2_8, folder / "library.sqlite3")
    before = [rows(V2_8, q) for q in KEPT]
    lib = Library.open(folder)
    try:
        assert rows(lib.path, "PRAGMA user_version") == [
            (pack_version(schema.MAJOR, schema.MINOR),)
        ]
        assert [rows(lib.path, q) for q in KEPT] == before
        article = before[0][0][0]
        lib.vocabulary.add("发展", reading="fā zhǎn", sentence="发展很快。", article_id=article,
                           article_title=before[0][0][1])  # fmt: skip
        assert [w.word for w in lib.vocabulary.all()] == ["发展"]
    finally:
        lib.close()
    # Written to the file: another process (a new open) sees it.
    again = Library.open(folder)
    try:
        word = again.vocabulary.get("发展")
        assert word is not None and word.article_id == article and not word.known
    finally:
        again.close()


def test_adding_again_updates_and_known_and_search(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib")
    try:
        lib.vocabulary.add("银行", reading="yín háng", definition="bank")
        lib.vocabulary.add("行长", reading="háng zhǎng", definition="bank president")
        # Adding again with a sentence keeps the definition and fills the sentence.
        again = lib.vocabulary.add("银行", sentence="他去银行。")
        assert (again.definition, again.sentence) == ("bank", "他去银行。")
        assert lib.vocabulary.set_known("银行")
        assert lib.vocabulary.words(known=True) == {"银行"}
        assert lib.vocabulary.words(known=False) == {"行长"}
        assert [w.word for w in lib.vocabulary.all("PRESIDENT")] == ["行长"]
        assert [w.word for w in lib.vocabulary.all("去银")] == ["银行"]
        assert not lib.vocabulary.set_known("没有")
        assert lib.vocabulary.remove("银行") and not lib.vocabulary.remove("银行")
    finally:
        lib.close()


def test_listing_in_either_script_removing_and_putting_back(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib")
    try:
        store = lib.vocabulary
        store.add("颱風", reading="tái fēng", definition="typhoon", sentence="颱風今天登陸。")
        store.add("发展", reading="fā zhǎn", definition="development")
        store.add("银行", reading="yín háng", article_title="銀行的故事")
        assert store.ids() == ["银行", "发展", "颱風"]  # the newest first
        assert store.ids("台风") == ["颱風"]  # simplified finds traditional
        assert store.ids("發展") == ["发展"]  # and traditional simplified
        assert store.ids("银行的") == ["银行"]  # the article's title
        assert store.ids("TYPHOON") == ["颱風"] and store.ids("  ") == store.ids()
        rows = store.rows(["颱風", "没有", "发展"])
        assert sorted(rows) == ["发展", "颱風"] and rows["颱風"].sentence == "颱風今天登陸。"

        store.set_known("颱風")
        gone = store.remove_words(["颱風", "发展", "没有"])
        assert {w.word for w in gone} == {"颱風", "发展"} and store.ids() == ["银行"]
        store.put_back(gone)
        assert store.rows(["颱風"])["颱風"] == next(w for w in gone if w.word == "颱風")
        assert sorted(store.ids()) == sorted(["银行", "发展", "颱風"])
    finally:
        lib.close()
