"""The Windows and macOS branches, run here where they can be: no POSIX-only call on their
way (os.getuid, socket files in /tmp, desktop entries), our processes started from reader.exe."""

from __future__ import annotations

import os
import sys

import pytest

from reader import APP_ID, desktop
from reader.core import processes
from reader.gui import launch


def test_without_getuid_the_instance_name_uses_the_user_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.delattr(os, "getuid")  # as on Windows, where USERNAME names the user
    for variable in ("LOGNAME", "USER", "LNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USERNAME", "读者")
    name = launch.server_name(tmp_path)
    assert name.startswith(f"{APP_ID}-读者-")


def test_without_socket_files_the_launch_asks_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Windows: Qt's local sockets are named pipes, not files in a folder to look at.
    monkeypatch.setattr(os, "name", "nt")
    assert launch.nobody_listens("no-such-socket") is False


@pytest.mark.parametrize(
    ("platform", "supported"),
    [("linux", True), ("freebsd14", True), ("win32", False), ("darwin", False)],
)
def test_desktop_entries_only_where_launchers_read_them(
    monkeypatch: pytest.MonkeyPatch, platform: str, supported: bool
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert desktop.supported() is supported


def test_a_windows_bundle_starts_its_processes_from_reader_exe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exe = r"C:\Users\读者\AppData\Local\Programs\reader-0.1.0\reader.exe"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", exe)
    assert processes.command("reader.core.segment_server") == [
        exe,
        "--run-module",
        "reader.core.segment_server",
    ]
