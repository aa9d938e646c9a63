"""A second launch on the same library hands its files to the window that is already open."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader import APP_ID
from reader.gui import app, launch
from reader.gui.launch import hand_off, server_name
from reader.gui.single_instance import InstanceServer, send_files
from reader.library import Library

PAGE = "菜篮子价格平稳\n\n本报讯 本周全市主要蔬菜价格保持平稳,供应充足。\n"


@pytest.fixture
def server(qapp) -> Iterator[InstanceServer]:
    srv = InstanceServer(f"reader-test-{uuid.uuid4().hex[:12]}")
    assert srv.listen()
    yield srv
    srv.close()


def test_a_second_instance_delivers_its_paths(qtbot, server: InstanceServer) -> None:
    files = ["/home/读者/晚报 第1版.txt", "/tmp/𠮷.html"]
    with qtbot.waitSignal(server.files_received, timeout=5000) as got:
        assert send_files(server.name, files)
    assert got.args == [files]


def test_relative_paths_arrive_absolute(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "lib"
    srv = InstanceServer(server_name(library))
    assert srv.listen()
    try:
        monkeypatch.chdir(tmp_path)
        with qtbot.waitSignal(srv.files_received, timeout=5000) as got:
            assert hand_off(str(library), ["晚报.txt"])
        assert got.args == [[str(tmp_path / "晚报.txt")]]
    finally:
        srv.close()


def test_each_library_and_user_has_its_own_name(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name(a) != server_name(b)
    assert server_name(a) == server_name(tmp_path / "b" / ".." / "a")
    (tmp_path / "link").symlink_to(a, target_is_directory=True)
    assert server_name(tmp_path / "link") == server_name(a)


def test_the_name_is_the_one_earlier_versions_listen_on(tmp_path: Path) -> None:
    import hashlib

    digest = hashlib.sha256(os.fsencode(tmp_path.resolve())).hexdigest()[:16]
    assert server_name(tmp_path) == f"{APP_ID}-{os.getuid()}-{digest}"


def test_without_a_running_instance_the_hand_off_fails_at_once(qapp, tmp_path: Path) -> None:
    started = time.monotonic()
    assert not hand_off(str(tmp_path / "nobody"), ["x.txt"])
    assert time.monotonic() - started < 1.0


def test_a_bad_message_is_refused_and_not_emitted(qtbot, server: InstanceServer) -> None:
    emitted: list[list] = []
    server.files_received.connect(emitted.append)
    client = QLocalSocket()
    client.connectToServer(server.name)
    assert client.waitForConnected(1000)
    client.write(b'{"files": "not a list"}\n')
    qtbot.waitUntil(lambda: client.bytesAvailable() > 0 or not client.isOpen(), timeout=5000)
    assert bytes(client.readAll().data()) == b"error\n"
    assert emitted == []


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="stale socket files are a Unix thing")
def test_a_stale_socket_from_a_crashed_instance_does_not_block(qtbot, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    name = server_name(library)
    # What a killed instance leaves: the socket file, with nobody accepting on it.
    path = os.path.join(QDir.tempPath(), name)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(path)
    dead.close()
    try:
        assert os.path.exists(path)
        assert not hand_off(str(library), ["x.txt"])  # nobody home: start a window instead
        srv = InstanceServer(name)
        assert srv.listen(), "the stale name was taken over"
        with qtbot.waitSignal(srv.files_received, timeout=5000):
            assert hand_off(str(library), ["x.txt"])
        srv.close()
    finally:
        QLocalServer.removeServer(name)


def test_a_live_instance_is_not_displaced(qapp, server: InstanceServer) -> None:
    other = InstanceServer(server.name)
    assert not other.listen()
    assert server.is_listening()


def test_the_open_window_imports_and_shows_what_a_later_launch_sends(qtbot, tmp_path: Path) -> None:
    os.environ["READER_NO_SEED"] = "1"  # conftest restores the environment
    library = tmp_path / "lib"
    window = app.start(str(library), [])
    assert window is not None
    qtbot.addWidget(window)
    page = tmp_path / "晚报.txt"
    page.write_text(PAGE, encoding="utf-8")
    window.showMinimized()
    # The window listens from just after its first paint.
    qtbot.waitUntil(lambda: window.findChild(InstanceServer) is not None, timeout=10_000)
    assert launch.hand_off(str(library), [str(page)])
    qtbot.waitUntil(
        lambda: (
            window.reading_pane.record is not None
            and window.reading_pane.record.title == "菜篮子价格平稳"
        ),
        timeout=10_000,
    )
    assert not window.isMinimized()  # brought back to the front


def test_launch_targets_keep_links_and_make_paths_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    given = [
        "晚报.txt",
        "file:///home/%E8%AF%BB%E8%80%85/%E6%99%9A%E6%8A%A5%201.txt",  # from a file manager
        " reader://article/12?script=s2twp#3-5",
        "~/第1版.txt",
    ]
    assert launch.launch_targets(given) == [
        str(tmp_path / "晚报.txt"),
        "/home/读者/晚报 1.txt",
        "reader://article/12?script=s2twp#3-5",
        str(Path.home() / "第1版.txt"),
    ]


def test_a_reader_link_opens_its_passage_at_start_and_from_a_later_launch(
    qtbot, tmp_path: Path
) -> None:
    # Clicking a link in exported notes runs `reader reader://article/ID#START-END`.
    os.environ["READER_NO_SEED"] = "1"  # conftest restores the environment
    library = tmp_path / "lib"
    lib = Library.open(library, seed=False)
    article = lib.import_text(PAGE).articles[0].id
    other = lib.import_text(PAGE.replace("菜篮子", "米袋子") + "米价平稳。\n").articles[0].id
    body, other_body = lib.get(article).body, lib.get(other).body
    lib.close()
    start, other_start = body.index("供应充足"), other_body.index("米价")
    window = app.start(str(library), [f"reader://article/{article}#{start}-{start + 4}"])
    assert window is not None
    qtbot.addWidget(window)

    def shows(article_id: int, passage: str) -> bool:
        record = window.reading_pane.record
        return (
            record is not None
            and record.id == article_id
            and window.reading_pane.textCursor().selectedText() == passage
        )

    qtbot.waitUntil(lambda: shows(article, "供应充足"), timeout=10_000)
    qtbot.waitUntil(lambda: window.findChild(InstanceServer) is not None, timeout=10_000)
    link = f"reader://article/{other}#{other_start}-{other_start + 2}"
    assert launch.hand_off(str(library), [link])
    qtbot.waitUntil(lambda: shows(other, "米价"), timeout=10_000)


@pytest.mark.slow
def test_second_launch_hands_files_to_the_running_process(qapp, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    page = tmp_path / "晚报.txt"
    page.write_text(PAGE, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_NO_SEED": "1"}
    reader = [sys.executable, "-m", "reader", "--data-dir", str(library)]
    name = server_name(library)
    first = subprocess.Popen(
        reader, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_until_listening(name, first, timeout=30)

        started = time.monotonic()
        second = subprocess.run(
            [*reader, page.name], cwd=tmp_path, env=env, capture_output=True, timeout=30
        )
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < 15  # it handed off; no window, no event loop
        assert first.poll() is None

        # Wait for the window's import through a read-only connection; the CLI is asked
        # once it is done (a CLI open racing the window's import worker makes the worker
        # report the library damaged: a store bug, see the note in the report).
        wait_for_articles(library / "library.sqlite3", 1, first, timeout=30)
        listed = subprocess.run(
            [*reader, "list", "--json"], env=env, capture_output=True, text=True, timeout=30
        )
        assert listed.returncode == 0, listed.stderr
        titles = [a["title"] for a in json.loads(listed.stdout)]
        assert titles == ["菜篮子价格平稳"]
    finally:
        first.terminate()
        try:
            first.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            first.kill()
            first.communicate()
        QLocalServer.removeServer(name)  # terminate() leaves the socket file behind


def wait_until_listening(name: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(200):
            probe.abort()
            return
        time.sleep(0.1)
    pytest.fail(f"the first instance never listened on {name}")


def wait_for_articles(db: Path, count: int, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= count:
                return
        except sqlite3.OperationalError:
            pass  # not created yet, or busy
        finally:
            conn.close()
        time.sleep(0.2)
    pytest.fail(f"the running window never stored {count} article(s) in {db}")
