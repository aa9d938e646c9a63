"""Two processes on one library at once: both succeed, nothing is lost, nothing is locked out."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from robust_helpers import (
    ARTICLES_PER_PAGE,
    article_digests,
    assert_consistent,
    child_env,
    reader_cmd,
    run_reader,
    start_reader,
    stop,
    write_pages,
)

from reader.library import Library


def seed_count(tmp_path: Path) -> int:
    lib = Library.open(tmp_path / "seed-only", seed=True)
    try:
        return lib.articles.count()
    finally:
        lib.close()


@pytest.mark.slow
def test_two_imports_started_together_on_a_new_library(
    tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    """Both create, migrate and seed the same new file, then write their folders."""
    pages = 80
    folders = [write_pages(tmp_path / tag, pages, tag) for tag in ("甲", "乙")]
    procs = [start_reader(data_dir, "import", str(f), "--json", seed=True) for f in folders]
    try:
        results = [p.communicate(timeout=60) for p in procs]
    finally:
        for p in procs:
            stop(p)
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err, err
        report = json.loads(out)
        assert report["errors"] == []
        assert len(report["articles"]) == pages * ARTICLES_PER_PAGE
    assert_consistent(db_file)
    stored = article_digests(db_file)
    assert len(stored) == seed_count(tmp_path) + 2 * pages * ARTICLES_PER_PAGE
    assert len(set(stored.values())) == len(stored)


@pytest.mark.slow
def test_reading_while_a_long_import_writes(tmp_path: Path, data_dir: Path, db_file: Path) -> None:
    pages = 500
    folder = write_pages(tmp_path / "papers", pages)
    assert run_reader(data_dir, "list").code == 0  # the library exists before both start
    # The importer's output goes to a file: a full pipe would stall it, not SQLite.
    with (tmp_path / "import.out").open("w") as out:
        importer = subprocess.Popen(
            reader_cmd("import", str(folder)),
            env=child_env(data_dir),
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
        )
    counts: list[int] = []
    deadline = time.monotonic() + 60
    try:
        while importer.poll() is None or len(counts) < 3:
            assert time.monotonic() < deadline, "import or readers stalled"
            done = run_reader(data_dir, "list", "--json", timeout=30)
            assert done.code == 0, done.err
            assert "locked" not in done.err and "Traceback" not in done.err, done.err
            counts.append(len(done.json()))
        _, err = importer.communicate(timeout=60)
    finally:
        stop(importer)
    assert importer.returncode == 0, err
    assert "locked" not in err
    assert counts == sorted(counts)  # readers see whole files arrive, never a step back
    assert counts[0] < pages * ARTICLES_PER_PAGE  # at least one read met the import mid-way
    final = run_reader(data_dir, "list", "--json")
    assert final.code == 0 and len(final.json()) == pages * ARTICLES_PER_PAGE
    assert all(c % ARTICLES_PER_PAGE == 0 for c in counts)  # never half a file
    assert_consistent(db_file)


def test_a_writer_waits_for_another_instead_of_failing(tmp_path: Path, db_file: Path) -> None:
    """BEGIN IMMEDIATE waits out a write lock held by another connection."""
    import sqlite3
    import threading

    lib = Library.open(seed=False)
    other = sqlite3.connect(db_file, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    started = time.monotonic()
    release.start()
    try:
        report = lib.import_text("社区食堂开张\n\n本报讯 社区食堂今天开张，老人就餐可享受优惠。\n")
    finally:
        release.join()
        other.close()
        lib.close()
    assert time.monotonic() - started >= 0.4
    assert [a.title for a in report.articles] == ["社区食堂开张"]


def test_two_processes_creating_the_same_new_library_make_its_tables_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second opener read version 0 before the first one created the schema."""
    from reader.store import schema
    from reader.store.db import Database, pack_version

    path = tmp_path / "new.sqlite3"
    real_migrate = Database._migrate
    others: list[Database] = []
    raced = False

    def migrate_after_another_process(self: Database, from_minor: int) -> None:
        nonlocal raced
        if not raced:  # another process wins the race to create the tables
            raced = True
            others.append(Database(path))
        real_migrate(self, from_minor)

    monkeypatch.setattr(Database, "_migrate", migrate_after_another_process)
    first = Database(path)
    try:
        version = first.execute("PRAGMA user_version").fetchone()[0]
        assert version == pack_version(schema.MAJOR, schema.MINOR)
        assert first.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    finally:
        first.close()
        others[0].close()
