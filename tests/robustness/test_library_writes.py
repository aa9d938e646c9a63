"""Writes the library cannot take: another process holding the write lock, a read-only
library, a full disk. One clear line each, what was stored kept, and no traceback."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from robust_helpers import (
    article_digests,
    assert_consistent,
    child_env,
    one_line_errors,
    page_text,
    reader_cmd,
    run_reader,
    run_reader_unprivileged,
    write_pages,
)

from reader import cli

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def hold_write_lock(db_file: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that takes the library's write lock and keeps it ``seconds``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_file), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def release(holder: subprocess.Popen[str]) -> None:
    holder.kill()
    holder.communicate(timeout=30)


@pytest.fixture
def library(tmp_path: Path, data_dir: Path, db_file: Path) -> Path:
    page = tmp_path / "first.txt"
    page.write_text(page_text(1), encoding="utf-8")
    assert run_reader(data_dir, "import", str(page)).code == 0
    return db_file


def test_a_write_waits_for_another_writer_and_says_so(
    tmp_path: Path, data_dir: Path, library: Path
) -> None:
    page = tmp_path / "second.txt"
    page.write_text(page_text(2), encoding="utf-8")
    holder = hold_write_lock(library, 3)
    try:
        started = time.monotonic()
        done = run_reader(data_dir, "import", str(page))
        waited = time.monotonic() - started
    finally:
        release(holder)
    assert done.code == 0, done.err
    [line] = one_line_errors(done.err)
    assert "another reader is writing the library" in line and "waiting" in line
    assert "imported 4 articles" in done.out
    assert waited > 1.5
    assert len(article_digests(library)) == 8


def test_a_writer_that_never_finishes_is_one_line_and_nothing_is_lost(
    capsys, tmp_path: Path, data_dir: Path, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_pages(tmp_path / "more", 2, "新")
    monkeypatch.setattr(cli, "LOCK_WAIT_S", 2.0)
    holder = hold_write_lock(library, 60)
    try:
        code = cli.main(["--data-dir", str(data_dir), "import", str(folder)])
        out, err = capsys.readouterr()
        code_annotate = cli.main(["--data-dir", str(data_dir), "annotate", "1", "--quote", "上海"])
        _, err_annotate = capsys.readouterr()
    finally:
        release(holder)
    assert code == 1
    waiting, busy, rest = one_line_errors(err)
    assert "waiting" in waiting
    assert "page_0000.txt" in busy and "busy" in busy and "nothing was written" in busy
    assert "page_0001.txt" in rest and "not imported" in rest
    assert "imported 0 articles" in out
    assert code_annotate == 1
    assert "busy" in one_line_errors(err_annotate)[-1]
    assert len(article_digests(library)) == 4
    assert_consistent(library)
    assert run_reader(data_dir, "import", str(folder)).code == 0  # free again: all of it


@pytest.mark.parametrize(
    "argv", [["import", "{page}"], ["annotate", "1", "--quote", "上海"], ["keywords", "1"]]
)
def test_a_read_only_library_is_one_line_and_can_still_be_read(
    tmp_path: Path, data_dir: Path, library: Path, argv: list[str]
) -> None:
    page = tmp_path / "second.txt"
    page.write_text(page_text(2), encoding="utf-8")
    before = library.read_bytes()
    library.chmod(0o444)
    done = run_reader_unprivileged(data_dir, *[a.format(page=page) for a in argv])
    assert done.code == 1, done.err
    [line] = one_line_errors(done.err)
    assert str(library) in line and "read-only" in line
    assert library.read_bytes() == before
    listed = run_reader_unprivileged(data_dir, "list")
    assert listed.code == 0 and len(listed.out.splitlines()) == 4


def fill_the_disk_at(limit: int):
    """A preexec_fn: files the child writes cannot grow beyond ``limit`` bytes (a full disk
    as the child sees it: writes fail with EFBIG)."""

    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_files


@pytest.mark.parametrize("command", ["import", "annotate"])
def test_a_full_disk_is_one_line_and_what_was_stored_is_kept(
    tmp_path: Path, data_dir: Path, library: Path, command: str
) -> None:
    big = tmp_path / "in" / "b-big.txt"
    big.parent.mkdir()
    (tmp_path / "in" / "a-small.txt").write_text(page_text(3), encoding="utf-8")
    big.write_text("\n\n".join(page_text(n, "大") for n in range(400)), encoding="utf-8")
    (tmp_path / "in" / "c-after.txt").write_text(page_text(4), encoding="utf-8")
    if command == "import":
        argv = ["import", str(tmp_path / "in")]
    else:
        # A note as long as one argument can be (128 KB): written into the WAL beside the
        # library, which cannot grow that far.
        argv = ["annotate", "1", "--quote", "上海", "--note", "注意事项" * 10_000]
    limit = max(p.stat().st_size for p in library.parent.iterdir()) + 20_000
    done = subprocess.run(
        reader_cmd(*argv),
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=fill_the_disk_at(limit),
    )
    assert done.returncode == 1
    lines = one_line_errors(done.stderr)
    assert "cannot write library" in lines[0], lines
    if command == "import":
        assert "b-big.txt" in lines[0]
        assert len(lines) == 2 and "c-after.txt" in lines[1] and "not imported" in lines[1]
        assert len(article_digests(library)) == 8  # the small file before it is kept
    else:
        assert len(lines) == 1
    assert_consistent(library)
