"""Backups a reader can trust: `reader backup` / `reader restore`, the rolling backups kept
automatically, restores that give everything back and keep the library they replace, files
that are not backups refused, backups of older schemas, and kill -9 during either."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from robust_helpers import (
    assert_consistent,
    drop_privileges,
    one_line_errors,
    run_reader,
    start_reader,
    stop,
    write_pages,
)

from reader.cli import main
from reader.library import Library

LIBRARIES = Path(__file__).resolve().parents[1] / "data" / "libraries"
# Every table a reader's work lives in (the search index is derived from these).
TABLES = (
    "sources",
    "articles",
    "annotations",
    "tags",
    "article_tags",
    "article_reads",
    "article_stars",
    "article_trash",
    "reading_positions",
    "meta",
    "user_words",
    "watch_words",
    "search_extra",
)


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.setenv("READER_DATA_DIR", str(data_dir))


def cli(capsys, *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, one_line_errors(err)


def dump(db_file: Path) -> dict[str, list[tuple]]:
    """Every row of every table a reader's work is in (those the file has)."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in TABLES
            if t in have
        }
    finally:
        conn.close()


def without_backup_keys(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    return tables | {"meta": [r for r in tables["meta"] if not str(r[0]).startswith("backup:")]}


def a_library_with_everything(tmp_path: Path, data_dir: Path) -> None:
    """Articles, a highlight with a note, tags, stars, read marks, a reading position,
    word lists, a renamed colour, settings."""
    pages = write_pages(tmp_path / "pages", 2)
    lib = Library.open(data_dir)
    try:
        lib.import_paths([str(pages)])
        ids = lib.articles.ids()
        lib.add_tag(ids[:2], "要闻")
        lib.set_starred(ids[0])
        lib.mark_read(ids[1])
        lib.set_reading_position(ids[0], 0.5)
        lib.annotate_quote(ids[0], None, "市民普遍表示满意", note="值得跟进")
        lib.rename_colour("yellow", "要点")
        lib.analysis.add_user_words(["菜篮子"], origin="user")
    finally:
        lib.close()
    (data_dir / "settings.ini").write_text("[looks]\nfont_size=19\n", encoding="utf-8")


def test_restore_gives_back_everything_and_keeps_the_library_it_replaces(
    capsys, tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    a_library_with_everything(tmp_path, data_dir)
    before = dump(db_file)
    code, out, errors = cli(capsys, "backup", "-o", str(tmp_path / "saved.sqlite3"), "--json")
    assert (code, errors) == (0, [])
    assert json.loads(out) == {"path": str(tmp_path / "saved.sqlite3")}

    # Then the reader changes things: more articles, a deleted note, other settings.
    lib = Library.open(data_dir)
    try:
        lib.import_paths([str(write_pages(tmp_path / "more", 1, tag="后来"))])
        [note] = [a for i in lib.articles.ids() for a in lib.annotations_of(i)]
        lib.delete_annotation(note.id)
        lib.trash(lib.articles.ids()[0])
    finally:
        lib.close()
    (data_dir / "settings.ini").write_text("[looks]\nfont_size=12\n", encoding="utf-8")
    changed = dump(db_file)

    code, out, errors = cli(capsys, "restore", str(tmp_path / "saved.sqlite3"), "--json")
    assert (code, errors) == (0, [])
    restored = json.loads(out)
    assert restored["articles"] == len(before["articles"]) and restored["annotations"] == 1
    assert without_backup_keys(dump(db_file)) == without_backup_keys(before)
    assert (data_dir / "settings.ini").read_text(encoding="utf-8") == "[looks]\nfont_size=19\n"
    assert_consistent(db_file)
    # What was replaced is a backup of its own, and restoring it gives it back.
    kept = Path(restored["kept"])
    assert kept.parent == data_dir / "backups" and "before-restore" in kept.name
    assert without_backup_keys(dump(kept)) == without_backup_keys(changed)
    assert cli(capsys, "restore", str(kept))[0] == 0
    assert without_backup_keys(dump(db_file)) == without_backup_keys(changed)
    # Search works on what was restored.
    code, out, _ = cli(capsys, "search", "后来", "--json")
    assert code == 0 and json.loads(out)


def test_files_that_are_not_backups_are_refused_and_the_library_untouched(
    capsys, tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    a_library_with_everything(tmp_path, data_dir)
    before = db_file.read_bytes()
    text = tmp_path / "notes.txt"
    text.write_text("不是备份", encoding="utf-8")
    foreign = tmp_path / "foreign.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE x (y)").connection.commit()
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(db_file, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {99 << 16}")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.sqlite3"
    cli(capsys, "backup", "-o", str(damaged))
    data = bytearray(damaged.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xa5" * 4096  # a page overwritten
    damaged.write_bytes(bytes(data))
    for bad, says in (
        (text, "not a Reader library"),
        (foreign, "not a Reader library"),
        (newer, "newer version"),
        (damaged, "damaged"),
        (tmp_path / "missing.sqlite3", "cannot read"),
    ):
        code, out, errors = cli(capsys, "restore", str(bad))
        assert code == 1 and out == "", bad
        assert len(errors) == 1 and says in errors[0], errors
        assert db_file.read_bytes() == before
    assert not (data_dir / "backups").exists() or not any((data_dir / "backups").iterdir())
    code, _, errors = cli(capsys, "restore", str(db_file))
    assert code == 1 and "the library itself" in errors[0]


@pytest.mark.parametrize("fixture", ["v1.1.sqlite3", "v1.6.sqlite3"])
def test_a_backup_of_an_older_schema_is_restored_and_brought_up_to_date(
    capsys, tmp_path: Path, data_dir: Path, db_file: Path, fixture: str
) -> None:
    old = tmp_path / fixture
    shutil.copy(LIBRARIES / fixture, old)
    untouched = old.read_bytes()
    old_articles = dump(old)["articles"]
    a_library_with_everything(tmp_path, data_dir)
    code, out, errors = cli(capsys, "restore", str(old))
    assert (code, errors) == (0, [])
    assert old.read_bytes() == untouched  # the backup itself is never changed
    code, out, _ = cli(capsys, "list", "--json")
    assert sorted(a["id"] for a in json.loads(out)) == sorted(r[0] for r in old_articles)
    assert_consistent(db_file)
    assert not list((data_dir / "backups").glob(".restore-*"))


def test_a_damaged_library_is_set_aside_as_it_is_and_replaced(
    capsys, tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    a_library_with_everything(tmp_path, data_dir)
    cli(capsys, "backup", "-o", str(tmp_path / "good.sqlite3"))
    size = db_file.stat().st_size
    with open(db_file, "r+b") as f:
        f.seek(size // 2)
        f.write(b"\x00" * 8192)
    damaged = db_file.read_bytes()
    code, _, errors = cli(capsys, "list")
    assert code == 1 and "damaged" in errors[0]
    code, out, errors = cli(capsys, "restore", str(tmp_path / "good.sqlite3"), "--json")
    assert (code, errors) == (0, [])
    kept = Path(json.loads(out)["kept"])
    assert "damaged" in kept.name and kept.read_bytes() == damaged
    assert cli(capsys, "list")[0] == 0
    assert_consistent(db_file)


def test_rolling_backups_keep_the_newest_and_one_is_made_before_emptying_the_trash(
    capsys, tmp_path: Path, data_dir: Path
) -> None:
    a_library_with_everything(tmp_path, data_dir)
    (data_dir / "settings.ini").write_text("[backups]\nkeep=3\n", encoding="utf-8")
    made = []
    for _ in range(5):
        code, out, _ = cli(capsys, "backup", "--json")
        assert code == 0
        made.append(Path(json.loads(out)["path"]))
    _, out, _ = cli(capsys, "backup", "--list", "--json")
    listed = [Path(b["path"]) for b in json.loads(out)]
    assert listed == made[::-1][:3]
    assert all(p.exists() == (p in listed) for p in made)

    lib = Library.open(data_dir)
    try:
        first = lib.articles.ids()[0]
        lib.trash(first)
        assert lib.empty_trash() == 1
        [newest, *_] = lib.backups()
        assert newest.why == "before-delete"
        assert first in {r[0] for r in dump(newest.path)["articles"]}
        assert len(lib.backups()) == 3
    finally:
        lib.close()


def test_backup_to_what_is_not_a_regular_writable_file_is_refused(
    tmp_path: Path, data_dir: Path
) -> None:
    a_library_with_everything(tmp_path, data_dir)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(elsewhere)
    read_only = tmp_path / "ro.sqlite3"
    read_only.write_text("old", encoding="utf-8")
    read_only.chmod(0o444)
    import subprocess
    import sys

    for target in (link, read_only):
        done = subprocess.run(
            [sys.executable, "-m", "reader", "backup", "-o", str(target)],
            env=dict(os.environ, READER_DATA_DIR=str(data_dir)),
            capture_output=True,
            text=True,
            preexec_fn=drop_privileges,
        )
        assert done.returncode == 1
        assert len(one_line_errors(done.stderr)) == 1
    assert elsewhere.read_text(encoding="utf-8") == "keep me"
    assert read_only.read_text(encoding="utf-8") == "old"


def _a_large_library(tmp_path: Path, data_dir: Path) -> None:
    line = "本报讯 今天天气很好，市民出行踊跃，公园里游人如织。"
    for n in range(3):
        big = tmp_path / f"big{n}.txt"
        big.write_text(f"长稿{n}\n\n" + f"第{n}篇" + line * 200_000, encoding="utf-8")
        assert run_reader(data_dir, "import", str(big), timeout=120).code == 0


def _wait_for(check, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.002)
    return False


@pytest.mark.slow
def test_kill_during_a_backup_leaves_no_backup_and_the_library_whole(
    tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    _a_large_library(tmp_path, data_dir)
    before = dump(db_file)
    backups = data_dir / "backups"
    proc = start_reader(data_dir, "backup")
    try:
        assert _wait_for(lambda: backups.exists() and any(backups.glob(".*.part")))
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        stop(proc)
    assert not list(backups.glob("library-*"))  # no half copy is taken for a backup
    assert_consistent(db_file)
    assert dump(db_file) == before
    done = run_reader(data_dir, "backup", "--json")
    assert done.code == 0
    assert not list(backups.glob(".*.part"))  # the killed one's leftovers are gone
    assert without_backup_keys(dump(Path(done.json()["path"]))) == without_backup_keys(before)


@pytest.mark.slow
def test_kill_during_a_restore_leaves_the_old_library_or_the_new_one(
    tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    _a_large_library(tmp_path, data_dir)
    saved = tmp_path / "saved.sqlite3"
    assert run_reader(data_dir, "backup", "-o", str(saved)).code == 0
    old = dump(saved)
    Library.open(data_dir).close()
    lib = Library.open(data_dir)
    try:
        lib.import_paths([str(write_pages(tmp_path / "new", 2, tag="新"))])
    finally:
        lib.close()
    new = dump(db_file)
    for delay in (0.3, 0.8, 1.5):
        proc = start_reader(data_dir, "restore", str(saved))
        try:
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            stop(proc)
        assert_consistent(db_file)
        now = without_backup_keys(dump(db_file))
        assert now in (without_backup_keys(old), without_backup_keys(new))
        if now == without_backup_keys(old):
            break
    assert run_reader(data_dir, "restore", str(saved)).code == 0
    assert without_backup_keys(dump(db_file)) == without_backup_keys(old)


def test_the_window_backs_up_daily_and_restores_from_its_dialog(
    qtbot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.gui.app import create_application, open_settings
    from reader.gui.mainwindow import MainWindow

    a_library_with_everything(tmp_path, data_dir)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    create_application()
    lib = Library.open()
    window = MainWindow(lib, open_settings(lib))
    qtbot.addWidget(window)
    window.analysis_runner.enabled = False
    window.show()
    with qtbot.waitSignal(window.loaded):
        window.load()
    controller = window.backups
    try:
        listed = window.model.rowCount()
        # The daily check: a backup when none is a day old, then no second one.
        controller.back_up_if_due()
        qtbot.waitUntil(lambda: controller.operation is None and len(lib.backups()) == 1)
        controller.back_up_if_due()
        assert controller.operation is None and len(lib.backups()) == 1
        # More articles, then the dialog's restore of the backup.
        lib.import_paths([str(write_pages(tmp_path / "more", 2, tag="后来"))])
        window.changes.announce(window_change(listed=True, counted=True))
        qtbot.waitUntil(lambda: window.model.rowCount() > listed)
        controller.open_dialog()
        dialog = controller.dialog
        assert dialog is not None and dialog.list.count() == 1
        dialog.widget.grab().save(str(tmp_path / "backups.png"))
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: bool(told), timeout=20_000)
        assert "已恢复" in told[0] and "恢复前" in told[0]
        qtbot.waitUntil(lambda: window.model.rowCount() == listed and not window.lists.busy())
        assert dialog.list.count() == 2  # and the library it replaced is a backup now
    finally:
        window.close()
        qtbot.waitUntil(lambda: not window.lists.busy(), timeout=10_000)
        lib.close()


def window_change(**what: bool):
    from reader.gui.changes import Change

    return Change(**what)
