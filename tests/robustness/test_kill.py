"""kill -9 at any moment loses nothing that was reported saved and leaves a sound library."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from robust_helpers import (
    ARTICLES_PER_PAGE,
    article_digests,
    assert_consistent,
    child_env,
    page_text,
    run_reader,
    start_reader,
    stop,
    write_pages,
)

PAGES = 500

# Imports file by file as the CLI does, and after each file's transaction has returned
# appends what it saved to a log (a plain file: a killed process loses no written line).
DRIVER = """
import json, sys
from pathlib import Path
from reader.library import Library

folder, log = Path(sys.argv[1]), open(sys.argv[2], "a", encoding="utf-8")
lib = Library.open()
print("ready", flush=True)
for page in sorted(folder.iterdir()):
    report = lib.import_paths([page])
    saved = [[a.id, a.title, a.body] for a in report.articles]
    log.write(json.dumps(saved, ensure_ascii=False) + "\\n")
    log.flush()
"""


def reported_saved(log: Path) -> dict[int, tuple[str, str]]:
    saved: dict[int, tuple[str, str]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        for article_id, title, body in json.loads(line):
            saved[article_id] = (title, body)
    return saved


def wait_for_lines(log: Path, count: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while len(log.read_text(encoding="utf-8").splitlines()) < count:
        assert time.monotonic() < deadline, "the import never saved its first file"
        time.sleep(0.005)


@pytest.mark.slow
def test_kill_during_import_keeps_what_was_saved_and_reimport_completes(
    tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    folder = write_pages(tmp_path / "papers", PAGES)
    log = tmp_path / "saved.jsonl"
    log.touch()
    rng = random.Random(20240501)
    moments = [rng.uniform(0.0, 0.4) for _ in range(3)]
    for moment in moments:
        proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(folder), str(log)],
            env=child_env(data_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
            wait_for_lines(log, len(log.read_text(encoding="utf-8").splitlines()) + 1)
            time.sleep(moment)  # from the first file saved: the import is in full swing
            running = proc.poll() is None
            proc.kill()  # SIGKILL: no cleanup, no checkpoint, maybe mid-transaction
        finally:
            stop(proc)
        assert running, f"import finished before the kill at {moment:.2f} s: use more pages"
        assert_consistent(db_file)
        stored = article_digests(db_file)
        saved = reported_saved(log)
        missing = {i for i, art in saved.items() if stored.get(i) != art}
        assert not missing, f"killed at {moment:.2f} s: reported saved but not stored: {missing}"

    done = run_reader(data_dir, "import", str(folder), "--json")
    assert done.code == 0, done.err
    report = done.json()
    assert report["errors"] == []
    assert len(report["articles"]) + len(report["duplicates"]) == PAGES * ARTICLES_PER_PAGE
    assert_consistent(db_file)
    stored = article_digests(db_file)
    assert len(stored) == PAGES * ARTICLES_PER_PAGE
    assert len(set(stored.values())) == len(stored)  # no article twice
    assert reported_saved(log).items() <= stored.items()


@pytest.mark.slow
def test_kill_while_opening_right_after_a_write_loses_nothing(
    tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    rng = random.Random(7)
    saved: dict[int, str] = {}
    for n in range(3):
        page = tmp_path / f"page{n}.txt"
        page.write_text(page_text(n, "快讯"), encoding="utf-8")
        done = run_reader(data_dir, "import", str(page), "--json")
        assert done.code == 0, done.err
        saved.update({a["id"]: a["title"] for a in done.json()["articles"]})
        # The next process dies somewhere in start-up, opening or reading the library.
        proc = start_reader(data_dir, "list", "--json")
        try:
            time.sleep(rng.uniform(0.05, 0.5))
        finally:
            stop(proc)
        assert_consistent(db_file)
        stored = article_digests(db_file)
        assert {i: stored[i][0] for i in saved if i in stored} == saved
    assert len(saved) == 3 * ARTICLES_PER_PAGE
    done = run_reader(data_dir, "list", "--json")
    assert done.code == 0 and {a["id"] for a in done.json()} == set(saved)
