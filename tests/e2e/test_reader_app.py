"""End to end: the installed ``reader`` command under a real X server (Xvfb), as a user runs it.

The window is found through the X server itself (``xwininfo``), what it imported through
``reader list --json`` on the same library while it runs, and what it showed through the
settings it keeps when it quits on SIGTERM.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from xsession import WAIT, quit_window, reader_windows, wait_for

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
READER = Path(sys.executable).parent / "reader"

pytestmark = pytest.mark.slow


@pytest.fixture
def env(display: str, tmp_path: Path) -> dict[str, str]:
    if not READER.exists():
        pytest.fail(f"no installed reader command beside {sys.executable}: pip install -e .")
    return {
        **os.environ,  # conftest has pointed HOME and the XDG dirs into tmp_path
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "READER_DATA_DIR": str(tmp_path / "library"),
        "READER_NO_SEED": "1",
    }


def titles_of(page: str) -> list[str]:
    expected = json.loads((PAGES / f"{page}.expected.json").read_text(encoding="utf-8"))
    return [a["title"] for a in expected if a["title"]]


def listed(env: dict[str, str]) -> list[dict]:
    """``reader list --json`` against the running window's library (WAL: reads run beside it)."""
    done = subprocess.run(
        [str(READER), "list", "--json"], env=env, capture_output=True, text=True, timeout=WAIT
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def analysed(env: dict[str, str], article_id: int) -> bool:
    """Has the window's background analysis stored this article's keywords?"""
    library = Path(env["READER_DATA_DIR"]) / "library.sqlite3"
    conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    try:
        query = "SELECT count(*) FROM keywords WHERE article_id = ?"
        return conn.execute(query, (article_id,)).fetchone()[0] > 0
    finally:
        conn.close()


def test_the_installed_reader_imports_shows_takes_a_second_launch_and_quits_on_sigterm(
    env: dict[str, str], tmp_path: Path
) -> None:
    first_page = tmp_path / "北京.txt"
    shutil.copy(PAGES / "beijing_dateline.txt", first_page)
    # Started from a folder holding a checkout's reader (no installed resources): the
    # window's own Python processes (the keyword analysis) must still run the installed one.
    checkout = tmp_path / "reader"
    checkout.mkdir()
    (checkout / "__init__.py").write_text("raise ImportError('the checkout in the folder')\n")
    app = subprocess.Popen(
        [str(READER), first_page.name],  # relative, as typed in a terminal
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for("its window", lambda: len(reader_windows(env)) == 1, app)
        wait_for(
            "the file's articles",
            lambda: {a["title"] for a in listed(env)} >= set(titles_of("beijing_dateline")),
            app,
        )
        first = listed(env)
        assert {a["source"] for a in first} == {str(first_page)}
        wait_for("the keywords of its articles", lambda: analysed(env, first[0]["id"]), app)

        # A second launch on the same library hands its file over and exits at once.
        second = subprocess.run(
            [str(READER), str(PAGES / "taiwan_big5.txt")],
            env=env,
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
        assert second.returncode == 0, second.stderr
        wanted = set(titles_of("beijing_dateline") + titles_of("taiwan_big5"))
        wait_for("the handed-over file", lambda: {a["title"] for a in listed(env)} >= wanted, app)
        assert len(reader_windows(env)) == 1  # still one window: no second instance
    finally:
        errors = quit_window(app)
    assert app.returncode == 0, errors
    assert "Traceback" not in errors

    # It quit as from the menu: the window is gone, the library closed (WAL checkpointed
    # into the file and removed), whole, and the open article remembered.
    assert reader_windows(env) == []
    library = Path(env["READER_DATA_DIR"]) / "library.sqlite3"
    assert not library.with_name("library.sqlite3-wal").exists()
    conn = sqlite3.connect(library)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        first_new = conn.execute(
            "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE s.path = ? ORDER BY a.position LIMIT 1",
            (str(PAGES / "taiwan_big5.txt"),),
        ).fetchone()[0]
    finally:
        conn.close()
    settings = configparser.ConfigParser(interpolation=None)
    settings.read(library.with_name("settings.ini"), encoding="utf-8")
    assert settings.get("reading", "last_article") == str(first_new)  # shown when handed over
