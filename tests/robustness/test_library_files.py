"""Library files of other versions, and damaged ones: migrated, refused or reported, not lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from library_files import LIBRARIES, rows
from PySide6.QtWidgets import QMessageBox
from robust_helpers import assert_consistent, one_line_errors, page_text
from shiboken6 import isValid

from reader.cli import main
from reader.library import Library
from reader.store import db as db_module
from reader.store import schema
from reader.store.db import pack_version

V1_1 = LIBRARIES / "v1.1.sqlite3"
V1_4 = LIBRARIES / "v1.4.sqlite3"
V1_5 = LIBRARIES / "v1.5.sqlite3"


def cli(capsys, *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, one_line_errors(err)


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")


# -- released schema versions ---------------------------------------------------------------


def test_fixture_is_a_small_library_of_schema_1_1() -> None:
    assert V1_1.stat().st_size < 200_000
    assert rows(V1_1, "PRAGMA user_version") == [(pack_version(1, 1),)]
    tables = {r[0] for r in rows(V1_1, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"sources", "articles", "meta"}


def test_library_of_schema_1_1_migrates_after_a_backup(capsys, db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    shutil.copyfile(V1_1, db_file)
    before = rows(V1_1, "SELECT id, title, body, captions FROM articles ORDER BY id")
    assert len(before) >= 2

    code, out, errors = cli(capsys, "list")
    assert (code, errors) == (0, [])
    for _id, title, _body, _captions in before:
        assert not title or title in out

    assert rows(db_file, "PRAGMA user_version") == [(pack_version(schema.MAJOR, schema.MINOR),)]
    assert rows(db_file, "SELECT id, title, body, captions FROM articles ORDER BY id") == before
    assert_consistent(db_file)
    backup = db_file.with_name("library.sqlite3.v1.1.bak")
    assert rows(backup, "PRAGMA user_version") == [(pack_version(1, 1),)]
    assert rows(backup, "SELECT id, title, body, captions FROM articles ORDER BY id") == before
    # The migrated library is fully usable: new tables work, a new import is stored.
    lib = Library.open()
    assert lib.import_text(page_text(9)).articles
    assert lib.articles.count() == len(before) + 4
    lib.close()


def test_fixture_is_a_small_library_of_schema_1_4() -> None:
    assert V1_4.stat().st_size < 250_000
    assert rows(V1_4, "PRAGMA user_version") == [(pack_version(1, 4),)]
    assert rows(V1_4, "SELECT count(*) FROM article_tags") == [(1,)]
    assert rows(V1_4, "SELECT count(*) FROM article_stars") == [(1,)]
    assert rows(V1_4, "SELECT count(*) FROM article_reads") == [(1,)]


def test_library_of_schema_1_4_migrates_keeping_reading_state(capsys, db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    shutil.copyfile(V1_4, db_file)
    queries = (
        "SELECT id, source_id, position, title, body, captions, digest FROM articles ORDER BY id",
        "SELECT path, digest, text FROM sources ORDER BY id",
        "SELECT t.name, g.article_id FROM article_tags g JOIN tags t ON t.id = g.tag_id",
        "SELECT article_id, starred_at FROM article_stars",
        "SELECT article_id, read_at FROM article_reads",
    )
    before = [rows(V1_4, q) for q in queries]
    tagged, starred, read = before[2][0][1], before[3][0][0], before[4][0][0]

    code, out, errors = cli(capsys, "list", "--json")
    assert (code, errors) == (0, [])
    assert {a["id"] for a in json.loads(out)} == {r[0] for r in before[0]}

    assert rows(db_file, "PRAGMA user_version") == [(pack_version(schema.MAJOR, schema.MINOR),)]
    assert [rows(db_file, q) for q in queries] == before
    assert_consistent(db_file)
    if schema.MINOR > 4:
        backup = db_file.with_name("library.sqlite3.v1.4.bak")
        assert [rows(backup, q) for q in queries] == before
    lib = Library.open()
    assert lib.articles.tags(tagged) == ["城市"]
    assert lib.articles.is_starred(starred)
    assert lib.articles.read_at(read) == before[4][0][1]
    # Search works on the migrated library (the index is rebuilt if it needs to be).
    title = before[0][0][3]
    assert any(h.id == before[0][0][0] for h in lib.articles.search(title[:4]))
    assert lib.import_text(page_text(9)).articles
    lib.close()


def test_library_of_schema_1_5_opens_keeping_annotations(capsys, db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    shutil.copyfile(V1_5, db_file)
    assert V1_5.stat().st_size < 250_000
    assert rows(V1_5, "PRAGMA user_version") == [(pack_version(1, 5),)]
    query = "SELECT * FROM annotations ORDER BY id"
    before = rows(V1_5, query)
    assert len(before) == 2

    code, out, errors = cli(capsys, "annotations", "--json")
    assert (code, errors) == (0, [])
    listed = {a["id"]: a for a in json.loads(out)}
    kept, lost = (listed[r[0]] for r in before)
    assert (kept["note"], kept["meaning"], kept["orphaned"]) == ("一条笔记", "引用", False)
    assert (lost["quote"], lost["orphaned"]) == ("早已删去的句子", True)

    assert rows(db_file, query) == before
    assert_consistent(db_file)
    if schema.MINOR > 5:
        backup = db_file.with_name("library.sqlite3.v1.5.bak")
        assert rows(backup, query) == before
    lib = Library.open()
    assert lib.annotations.meaning("blue") == "反驳"
    assert [n.id for n in lib.annotations.orphans()] == [lost["id"]]
    assert lib.articles.reading_position(kept["article"]) == 0.375
    assert [h.id for h in lib.articles.search("一条笔记")] == [kept["article"]]
    lib.close()


@pytest.mark.parametrize("fixture", sorted(LIBRARIES.glob("v*.sqlite3")), ids=lambda p: p.stem)
def test_every_released_schema_opens_keeping_every_row(capsys, db_file: Path, fixture) -> None:
    """Each fixture (one per released schema version) is opened by today's Reader: every
    row of every table it had is still there (search index internals aside)."""
    major, minor = (int(n) for n in fixture.stem[1:].split("."))
    assert rows(fixture, "PRAGMA user_version") == [(pack_version(major, minor),)]
    tables = [
        r[0]
        for r in rows(fixture, "SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith(("sqlite_", "search_index"))
    ]
    # The columns each table had: a later migration may add columns, never change these.
    columns = {
        t: ", ".join(f'"{r[1]}"' for r in rows(fixture, f"PRAGMA table_info({t})")) for t in tables
    }
    before = {t: sorted(rows(fixture, f"SELECT {columns[t]} FROM {t}"), key=repr) for t in tables}
    assert before["articles"]
    db_file.parent.mkdir(parents=True)
    shutil.copyfile(fixture, db_file)
    code, out, errors = cli(capsys, "list", "--json")
    assert (code, errors) == (0, [])
    assert {a["id"] for a in json.loads(out)} >= {r[0] for r in before["articles"]}
    after = {t: sorted(rows(db_file, f"SELECT {columns[t]} FROM {t}"), key=repr) for t in tables}
    # meta may gain keys (the search index signature); nothing it had changes.
    assert set(before["meta"]) <= set(after.pop("meta")) and before.pop("meta") is not None
    assert after == before
    assert rows(db_file, "PRAGMA user_version") == [(pack_version(schema.MAJOR, schema.MINOR),)]
    assert_consistent(db_file)
    backups = list(db_file.parent.glob("*.bak"))
    assert len(backups) == (minor < schema.MINOR)


def test_library_of_a_newer_major_version_is_refused_untouched(capsys, db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    shutil.copyfile(V1_1, db_file)
    conn = sqlite3.connect(db_file)
    conn.execute(f"PRAGMA user_version = {pack_version(schema.MAJOR + 1, 0)}")
    conn.close()
    original = db_file.read_bytes()
    for argv in (["list"], ["import", "--json", str(V1_1)], ["show", "1"]):
        code, out, errors = cli(capsys, *argv)
        assert code == 1 and out == ""
        assert len(errors) == 1 and "newer version of Reader" in errors[0], errors
        assert "left untouched" in errors[0]
    assert db_file.read_bytes() == original
    assert sorted(p.name for p in db_file.parent.iterdir()) == ["library.sqlite3"]


def test_library_of_a_newer_minor_version_is_read_and_not_downgraded(capsys, db_file: Path) -> None:
    lib = Library.open()
    lib.import_text(page_text(1))
    lib.close()
    newer = pack_version(schema.MAJOR, schema.MINOR + 5)
    conn = sqlite3.connect(db_file)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    code, out, errors = cli(capsys, "list")
    assert (code, errors) == (0, [])
    assert "上海老旧小区改造（第1期第0篇）" in out
    assert rows(db_file, "PRAGMA user_version") == [(newer,)]


# -- damaged files --------------------------------------------------------------------------


def real_library(db_file: Path) -> bytes:
    """A seeded library with a few more pages, checkpointed into one file."""
    lib = Library.open(seed=True)
    for n in range(6):
        lib.import_text(page_text(n), f"p{n}.txt")
    lib.close()  # the last connection checkpoints the WAL into the main file
    assert not db_file.with_name("library.sqlite3-wal").exists()
    return db_file.read_bytes()


def truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def garble(data: bytes) -> bytes:
    page = 4096
    assert len(data) > 8 * page
    return data[: 2 * page] + b"\xab\xcd" * (2 * page) + data[6 * page :]


@pytest.mark.parametrize("damage", [truncate, garble])
def test_damaged_library_is_one_clear_line_and_left_as_it_was(
    capsys, db_file: Path, tmp_path: Path, damage
) -> None:
    damaged = damage(real_library(db_file))
    db_file.write_bytes(damaged)
    page = tmp_path / "new.txt"
    page.write_text(page_text(20), encoding="utf-8")
    for argv in (["list", "--json"], ["import", str(page)], ["show", "1"]):
        code, out, errors = cli(capsys, *argv)
        assert code == 1 and out == "", argv
        assert len(errors) == 1 and "damaged" in errors[0], errors
        assert str(db_file) in errors[0]
    assert db_file.read_bytes() == damaged
    assert not list(db_file.parent.glob("*.bak"))


def test_damage_found_by_a_query_on_a_large_library_is_one_clear_line(
    capsys, db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damaged after its last check: the first query that meets a bad page reports it."""
    damaged = garble(real_library(db_file))
    db_file.write_bytes(damaged)
    monkeypatch.setattr(db_module, "QUICK_CHECK_MAX_BYTES", 0)
    monkeypatch.setattr(db_module, "_remembered", db_module._file_state)
    page = tmp_path / "new.txt"
    page.write_text(page_text(20), encoding="utf-8")
    for argv in (["list", "--json"], ["import", str(page)]):
        code, out, errors = cli(capsys, *argv)
        assert code == 1 and out == "", argv
        assert len(errors) == 1 and "damaged" in errors[0], errors
    assert db_file.read_bytes() == damaged


def test_empty_wal_file_beside_a_good_library_is_harmless(capsys, db_file: Path) -> None:
    real_library(db_file)
    db_file.with_name("library.sqlite3-wal").write_bytes(b"")
    db_file.with_name("library.sqlite3-shm").write_bytes(b"")
    code, out, errors = cli(capsys, "list")
    assert (code, errors) == (0, [])
    assert "北京菜篮子价格平稳" in out
    assert_consistent(db_file)


def test_quick_check_at_open_is_cheap_on_a_small_library(db_file: Path) -> None:
    real_library(db_file)
    assert db_file.stat().st_size < db_module.QUICK_CHECK_MAX_BYTES


@dataclass
class Dialogs:
    """Message boxes the GUI showed (their text), answered without a person."""

    save_copy: bool = False  # the damaged-library dialog: click 保存副本 (else Close)
    shown: list[str] = field(default_factory=list)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    answers = Dialogs()

    def run(box: QMessageBox) -> int:
        answers.shown.append(f"{box.text()}\n{box.informativeText()}")
        roles = {box.buttonRole(b): b for b in box.buttons()}
        wanted = QMessageBox.ButtonRole.ActionRole if answers.save_copy else None
        roles.get(wanted, box.button(QMessageBox.StandardButton.Close)).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", run)
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, _title, text, *_: answers.shown.append(text)
        )
    return answers


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_damaged_library_in_the_gui_is_a_dialog_and_kept(
    qtbot, db_file: Path, dialogs: Dialogs
) -> None:
    from reader.gui import app

    damaged = garble(real_library(db_file))
    db_file.write_bytes(damaged)
    before = files_in(db_file.parent)
    assert app.start(str(db_file.parent), []) is None
    assert len(dialogs.shown) == 1
    detail = dialogs.shown[0].split("\n")[-1]  # the one-line reason, naming the file
    assert "damaged" in detail and str(db_file) in detail
    assert db_file.read_bytes() == damaged
    assert files_in(db_file.parent) == before  # no copy unless asked for


def test_a_copy_of_a_damaged_library_is_saved_beside_it_on_request(
    qtbot, db_file: Path, dialogs: Dialogs
) -> None:
    from reader.gui import app

    damaged = garble(real_library(db_file))
    db_file.write_bytes(damaged)
    dialogs.save_copy = True
    for _ in range(2):  # asked twice (even within a second): two copies, none overwritten
        assert app.start(str(db_file.parent), []) is None
    copies = sorted(db_file.parent.glob("library.sqlite3.damaged-*"))
    assert len(copies) == 2
    assert all(c.read_bytes() == damaged for c in copies)
    told = [text.rsplit(" ", 1)[-1] for text in dialogs.shown[1::2]]  # each names its copy
    assert sorted(told) == [str(c) for c in copies]
    assert db_file.read_bytes() == damaged


def test_a_copy_takes_the_wal_with_it(tmp_path: Path) -> None:
    from reader.gui.library_errors import save_copy

    library = tmp_path / "library.sqlite3"
    library.write_bytes(b"main file")
    library.with_name("library.sqlite3-wal").write_bytes(b"latest changes")
    copy = save_copy(library)
    assert copy.read_bytes() == b"main file"
    assert Path(f"{copy}-wal").read_bytes() == b"latest changes"
    assert library.read_bytes() == b"main file"


def test_damage_found_after_open_in_the_gui_is_a_dialog(
    qtbot, db_file: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import app

    damaged = garble(real_library(db_file))
    db_file.write_bytes(damaged)
    monkeypatch.setattr(db_module, "QUICK_CHECK_MAX_BYTES", 0)  # a large library …
    monkeypatch.setattr(db_module, "_remembered", db_module._file_state)  # … checked good
    window = app.start(str(db_file.parent), [])
    assert window is not None
    closed: list[bool] = []
    window.destroyed.connect(lambda: closed.append(True))  # closing deletes it
    try:
        qtbot.waitUntil(lambda: bool(closed), timeout=10_000)  # told, then nothing to show
    finally:
        if isValid(window):
            window.close()
    assert len(dialogs.shown) == 1 and "damaged" in dialogs.shown[0]
    assert db_file.read_bytes() == damaged


def test_damage_met_in_any_slot_is_one_dialog_not_a_traceback(
    qtbot, db_file: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from reader.gui import library_errors
    from reader.store.db import damaged

    others: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, value, _tb: others.append(value))
    library_errors.install_excepthook(db_file)
    error = damaged(db_file, "database disk image is malformed")
    for _ in range(3):  # every later query meets the same page: told once
        sys.excepthook(type(error), error, None)
    assert len(dialogs.shown) == 1 and "damaged" in dialogs.shown[0]
    assert capsys.readouterr().err.count("damaged") == 1
    bug = ValueError("a bug of ours")
    sys.excepthook(ValueError, bug, None)
    assert others == [bug]  # anything else still goes to the usual hook


def large_library(db_file: Path) -> bytes:
    """real_library, made larger than the size checked at every open by a table of padding
    at its end (the pages garble() breaks stay those of the articles)."""
    real_library(db_file)
    conn = sqlite3.connect(db_file)
    conn.execute("CREATE TABLE padding (b BLOB)")
    conn.execute("INSERT INTO padding VALUES (zeroblob(?))", (db_module.QUICK_CHECK_MAX_BYTES,))
    conn.commit()
    conn.close()
    assert db_file.stat().st_size > db_module.QUICK_CHECK_MAX_BYTES
    return db_file.read_bytes()


def test_a_large_damaged_library_is_refused_before_anything_is_written(
    db_file: Path, tmp_path: Path
) -> None:
    from robust_helpers import run_reader

    large_library(db_file)
    good = run_reader(db_file.parent, "list")
    assert good.code == 0 and good.err == ""
    checked = db_file.with_name(db_file.name + db_module.CHECKED_SUFFIX)
    assert checked.read_text().strip() == db_module._file_state(db_file)  # remembered

    damaged = garble(db_file.read_bytes())
    db_file.write_bytes(damaged)  # a new state of the file: checked again
    page = tmp_path / "new.txt"
    page.write_text(page_text(20), encoding="utf-8")
    for argv in (["import", str(page)], ["annotate", "1", "--quote", "北京"], ["list"]):
        done = run_reader(db_file.parent, *argv)
        assert done.code == 1 and done.out == "", argv
        [line] = one_line_errors(done.err)
        assert "damaged" in line and "left untouched" in line
    assert db_file.read_bytes() == damaged
    assert not db_file.with_name("library.sqlite3-wal").exists()


def test_a_large_library_is_checked_after_the_first_paint_and_damage_still_said(
    qtbot, db_file: Path, dialogs: Dialogs
) -> None:
    """The window paints without reading a large library whole; the check follows on a
    worker, before any write of the window's: damage is the dialog, the file unchanged."""
    from reader.gui import app

    large_library(db_file)
    damaged = garble(db_file.read_bytes())
    db_file.write_bytes(damaged)
    window = app.start(str(db_file.parent), [])
    assert window is not None  # painted first (the check at open used to refuse it here)
    closed: list[bool] = []
    window.destroyed.connect(lambda: closed.append(True))
    try:
        qtbot.waitUntil(lambda: bool(closed), timeout=20_000)
    finally:
        if isValid(window):
            window.close()
    assert len(dialogs.shown) == 1 and "damaged" in dialogs.shown[0]
    assert db_file.read_bytes() == damaged
    checked = db_file.with_name(db_file.name + db_module.CHECKED_SUFFIX)
    assert not checked.exists()


def test_a_good_large_library_checked_in_the_window_is_remembered(
    qtbot, db_file: Path, dialogs: Dialogs
) -> None:
    from reader.gui import app

    large_library(db_file)
    window = app.start(str(db_file.parent), [])
    assert window is not None
    checked = db_file.with_name(db_file.name + db_module.CHECKED_SUFFIX)
    try:
        qtbot.waitUntil(checked.exists, timeout=20_000)
    finally:
        window.close()
    assert dialogs.shown == []
