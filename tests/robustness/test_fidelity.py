"""Item 10 of the second round: fidelity. A UTF-8 page with one stray byte is read as UTF-8
with that byte replaced and a warning (text and web pages, short and long); the digest that
recognises duplicates keeps the space between English words and compares the NFC form; an
older library gets the new digests when it opens."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from robust_helpers import one_line_errors

from reader.cli import main
from reader.core.records import content_digest
from reader.library import Library
from reader.store import schema
from reader.store.db import pack_version

SENTENCE = (
    "本报讯 市图书馆自下月起每晚开放到九点，方便上班族借阅图书。据介绍，图书馆还将增设自习座位。\n"
)


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.setenv("READER_DATA_DIR", str(data_dir))


def with_stray_byte(data: bytes) -> bytes:
    mid = len(data) // 2
    while data[mid] & 0xC0 == 0x80:  # not inside a character: a byte added between two
        mid += 1
    return data[:mid] + b"\xff" + data[mid:]


def import_json(capsys, path: Path) -> tuple[dict, str]:
    code = main(["import", "--json", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out), err


@pytest.mark.parametrize("size", ["short", "long"])
@pytest.mark.parametrize("kind", ["txt", "html", "html-labelled"])
def test_a_stray_byte_in_utf8_is_replaced_and_said(
    capsys, tmp_path: Path, kind: str, size: str
) -> None:
    text = "图书馆延时开放\n\n" + SENTENCE * (200 if size == "long" else 1)
    if kind == "txt":
        data = text.encode()
    else:
        meta = '<meta charset="gb2312">' if kind == "html-labelled" else ""
        paras = "".join(f"<p>{line}</p>" for line in text.splitlines()[2:])
        data = f"<html><head>{meta}<title>图书馆延时开放</title></head><body>{paras}</body></html>"
        data = data.encode()
    path = tmp_path / f"page.{kind.split('-')[0]}"
    path.write_bytes(with_stray_byte(data))
    report, err = import_json(capsys, path)
    [article] = report["articles"]
    assert article["encoding"] == "utf-8"
    assert article["title"] == "图书馆延时开放"
    body = article["body"].replace("\ufffd", "")
    assert "方便上班族借阅图书" in body and "增设自习座位" in body
    assert article["body"].count("\ufffd") == 1
    [warning] = one_line_errors(err)
    assert "page." in warning and "1 undecodable byte" in warning and "utf-8" in warning


def test_a_few_words_with_a_stray_byte_are_refused_for_what_they_are(
    capsys, tmp_path: Path
) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(with_stray_byte("图书馆延时开放\n\n方便上班族借阅".encode()))
    assert main(["import", str(path)]) == 1
    [error] = one_line_errors(capsys.readouterr().err)
    assert "short.txt" in error and "encoding" in error and "UTF-8" in error
    assert "binary" not in error


def test_gbk_text_is_still_gbk(capsys, tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(("图书馆延时开放\n\n" + SENTENCE).encode("gbk"))
    report, err = import_json(capsys, path)
    assert report["articles"][0]["encoding"] == "gb18030"
    assert err == ""


def test_english_words_apart_are_not_words_together(capsys, tmp_path: Path) -> None:
    one, other = tmp_path / "one.txt", tmp_path / "other.txt"
    one.write_text("Notes\n\nWe can not agree on this point today.\n", encoding="utf-8")
    other.write_text("Notes\n\nWe cannot agree on this point today.\n", encoding="utf-8")
    assert len(import_json(capsys, one)[0]["articles"]) == 1
    assert len(import_json(capsys, other)[0]["articles"]) == 1
    # Wrapped differently is still the same text, in English as in Chinese.
    rewrapped = tmp_path / "rewrapped.txt"
    rewrapped.write_text("Notes\n\nWe  can not\nagree on this point today.\n", encoding="utf-8")
    assert import_json(capsys, rewrapped)[0]["duplicates"]


def test_nfc_and_nfd_copies_are_one_article(capsys, tmp_path: Path) -> None:
    text = "Café Åström 访谈\n\nÅström 在咖啡馆（Café）接受采访，谈到了 Zürich 的新线路。\n"
    nfc, nfd = tmp_path / "nfc.txt", tmp_path / "nfd.txt"
    nfc.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    nfd.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert len(import_json(capsys, nfc)[0]["articles"]) == 1
    second, _ = import_json(capsys, nfd)
    assert second["articles"] == [] and second["duplicates"]


def v8(title: str, body: str) -> str:
    """The digest of schema 2.8 and before: all white space ignored, code points as stored."""
    plain = re.sub(r"\s+", "", title) + "\n" + re.sub(r"\s+", "", body)
    return hashlib.sha256(plain.encode()).hexdigest()


def test_an_older_library_gets_the_new_digests(data_dir: Path) -> None:
    """A library of schema 2.8 keeps its articles; their digests are recomputed, so a copy
    imported after the upgrade is recognised (an NFD copy stored twice keeps both)."""
    lib = Library.open(data_dir)
    lib.import_text("Notes\n\nWe can not agree.\n", "a.txt")
    lib.import_text(unicodedata.normalize("NFD", "Café\n\nÅström spoke.\n"), "b.txt")
    lib.close()
    db = data_dir / "library.sqlite3"
    conn = sqlite3.connect(db)
    old = "UPDATE articles SET digest = ? WHERE id = ?"
    rows = conn.execute("SELECT id, title, body FROM articles").fetchall()

    for i, title, body in rows:
        conn.execute(old, (v8(title, body), i))
    # The NFC copy the old digest did not recognise.
    conn.execute(
        "INSERT INTO articles (source_id, title, subtitle, byline, section, body, captions,"
        " continued_from, continues_to, kind, script, position, digest, added_at)"
        " SELECT source_id, ?, subtitle, byline, section, ?, captions, continued_from,"
        " continues_to, kind, script, position + 1, ?, added_at FROM articles WHERE title = ?",
        (
            "Café",
            "Åström spoke.",
            v8("Café", "Åström spoke."),
            unicodedata.normalize("NFD", "Café"),
        ),
    )
    conn.execute(f"PRAGMA user_version = {pack_version(2, 9)}")
    conn.commit()
    conn.close()
    assert schema.MINOR >= 10

    lib = Library.open(data_dir)
    try:
        assert lib.articles.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        report = lib.import_text("Notes\n\nWe cannot agree.\n", "c.txt")
        assert len(report.articles) == 1  # not taken for "can not" any more
        report = lib.import_text("Café\n\nÅström spoke.\n", "d.txt")
        assert report.articles == [] and report.duplicates
    finally:
        lib.close()
    digests = sqlite3.connect(db).execute("SELECT title, body, digest FROM articles").fetchall()
    assert any(d == content_digest(t, b) for t, b, d in digests if t.startswith("Notes"))


def test_the_window_says_a_byte_was_replaced(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.gui.app import create_application, open_settings
    from reader.gui.mainwindow import MainWindow

    told: list[tuple[str, str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _p, title, text, kind=kind: told.append((kind, title, text))
        )
    path = tmp_path / "图书馆.txt"
    path.write_bytes(with_stray_byte(("图书馆延时开放\n\n" + SENTENCE).encode()))
    create_application()
    lib = Library.open()
    window = MainWindow(lib, open_settings(lib))
    qtbot.addWidget(window)
    window.analysis_runner.enabled = False
    window.show()
    with qtbot.waitSignal(window.loaded):
        window.load()
    window.importer.import_paths([str(path)])
    try:
        qtbot.waitUntil(lambda: bool(told), timeout=10_000)
        [(kind, _title, text)] = told
        assert kind == "information"
        assert "导入 1 篇文章" in text and "图书馆.txt" in text and "1 undecodable byte" in text
    finally:
        window.close()
        qtbot.waitUntil(lambda: not window.lists.busy(), timeout=10_000)
        lib.close()
