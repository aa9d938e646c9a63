"""kill -9 right after an annotation is saved: the library passes integrity_check and holds
every annotation (and edit, and deletion) that was reported saved, with its search text."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from robust_helpers import assert_consistent, child_env, run_reader

PAGE = (
    "电脑配件涨价\n\n"
    "本报讯 新买的内存条和U盘都坏了，老板只好用软件修复。软件和内存条都很贵，发展经济要靠技术。\n\n"
    "记者了解到，台风过后发展势头不减，市场供应充足，𠮷野家的老板也来进货。\n"
)

# Adds highlights through the s2twp view, edits and deletes some, and around each write
# prints what it is doing ("doing") and, once the call has returned, that it is saved
# ("done"). The parent kills it at once after reading some "done" line.
DRIVER = """
import json, sys
from reader.library import Library

article = int(sys.argv[1])
lib = Library.open()
view = lib.view(lib.get(article), "s2twp").body.text
alive = []

def say(**what):
    print(json.dumps(what, ensure_ascii=False), flush=True)

print("ready", flush=True)
i = 0
while True:
    start = (i * 7) % (len(view) - 4)
    note = f"第{i}条笔记"
    say(doing="add", note=note)
    n = lib.annotate(article, "s2twp", start, start + 3, ("yellow", "green", "blue")[i % 3], note)
    alive.append(n.id)
    say(done="add", id=n.id, note=n.note, color=n.color)
    if i % 3 == 2:
        target, note = alive[-2], f"改过的第{i}条"
        say(doing="update", id=target, note=note)
        lib.annotations.update(target, note=note)
        say(done="update", id=target, note=note)
    if i % 4 == 3:
        target = alive.pop(0)
        say(doing="delete", id=target)
        lib.annotations.delete(target)
        say(done="delete", id=target)
    i += 1
"""


def apply(state: dict[str, str], op: dict) -> dict[str, str]:
    """The annotations (id -> note) after one reported operation."""
    state = dict(state)
    kind = op.get("done") or op.get("doing")
    if kind in ("add", "update") and "id" in op:
        state[op["id"]] = op["note"]
    elif kind == "delete":
        state.pop(op["id"], None)
    return state


def stored(db_file: Path, article: int) -> tuple[dict[str, str], str, list[tuple[str, str]]]:
    """(id -> note, the article's search extra text, (quote, note) by position)."""
    conn = sqlite3.connect(db_file)
    try:
        rows = conn.execute(
            "SELECT id, note, exact FROM annotations WHERE article_id = ? ORDER BY start, id",
            (article,),
        ).fetchall()
        extra = conn.execute(
            "SELECT text FROM search_extra WHERE article_id = ?", (article,)
        ).fetchone()
    finally:
        conn.close()
    return {r[0]: r[1] for r in rows}, extra[0] if extra else "", [(r[2], r[1]) for r in rows]


@pytest.mark.slow
def test_kill_right_after_saving_annotations_loses_nothing(
    tmp_path: Path, data_dir: Path, db_file: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    done = run_reader(data_dir, "import", str(page), "--json")
    assert done.code == 0, done.err
    article = done.json()["articles"][0]["id"]
    rng = random.Random(20240601)
    expected: dict[str, str] = {}
    for round_ in range(3):
        kill_after = rng.randint(3, 40)
        proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(article)],
            env=child_env(data_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stderr is not None
        ops: list[dict] = []
        with proc, proc.stdout, proc.stderr:  # closes the pipes and reaps the child
            try:
                assert proc.stdout.readline() == "ready\n"
                saved = 0
                while saved < kill_after:
                    line = proc.stdout.readline()
                    assert line, f"driver stopped: {proc.stderr.read()}"
                    ops.append(json.loads(line))
                    saved += "done" in ops[-1]
                proc.kill()  # SIGKILL right after a write was reported saved
                # Read the rest through the same buffered reader: communicate() would read the
                # pipe underneath it and miss the lines readline() had already buffered.
                out = proc.stdout.read()
                err = proc.stderr.read()
            finally:
                proc.kill()  # also when an assertion failed: the driver never stops itself
        assert proc.returncode == -9, err
        ops += [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        for op in ops:
            if "done" in op:
                expected = apply(expected, op)
        pending = ops[-1] if "doing" in ops[-1] else None

        assert_consistent(db_file)
        notes, extra, by_position = stored(db_file, article)
        if notes != expected:
            # Only the write in flight at the kill may have been committed unreported.
            assert pending is not None, f"round {round_}: stored {notes}, reported {expected}"
            if pending["doing"] == "add":
                extra_ids = set(notes) - set(expected)
                assert len(extra_ids) == 1 and notes[extra_ids.pop()] == pending["note"]
                assert {i: notes[i] for i in expected} == expected
            else:
                assert notes == apply(expected, pending), f"round {round_}"
            expected = notes
        # The searchable text was refreshed in the same transaction as each write.
        assert extra == "\n".join(part for pair in by_position for part in pair if part)
        assert len(expected) > 0

    listed = run_reader(data_dir, "annotations", str(article), "--json")
    assert listed.code == 0, listed.err
    assert {a["id"]: a["note"] for a in listed.json()} == expected
