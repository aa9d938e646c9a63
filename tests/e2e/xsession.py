"""The reader's windows as the X server sees them (``xwininfo``, ``xprop``), and waiting
for a running app."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections.abc import Callable

import pytest

WAIT = 60  # seconds for anything to happen on a slow, busy machine


def reader_windows(env: dict[str, str]) -> list[str]:
    """Ids of the mapped top-level windows whose WM_CLASS is reader's."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True, timeout=WAIT
    ).stdout
    found = []
    for window_id in re.findall(r'^\s*(0x[0-9a-f]+) .*\("reader" "reader"\)', tree, re.M):
        info = subprocess.run(
            ["xwininfo", "-id", window_id], env=env, capture_output=True, text=True, timeout=WAIT
        ).stdout
        if "Map State: IsViewable" in info:
            found.append(window_id)
    return found


def wait_for(what: str, check: Callable[[], bool], app: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if app.poll() is not None:
            pytest.fail(f"reader exited ({app.returncode}) before {what}: {app.stderr.read()}")
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def window_title(env: dict[str, str], window_id: str) -> str:
    """A window's title as the window manager reads it (_NET_WM_NAME, UTF-8)."""
    out = subprocess.run(
        ["xprop", "-id", window_id, "_NET_WM_NAME"],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT,
    ).stdout
    found = re.search(r'= "(.*)"', out)
    if not found:
        return ""
    # xprop writes the bytes it cannot show in its locale as octal escapes (\351).
    octal = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m[1], 8)]), found[1].encode())
    return octal.decode("utf-8")


def quit_window(app: subprocess.Popen) -> str:
    """Quit the app as a desktop session does (SIGTERM) and wait for it: its stderr."""
    app.send_signal(signal.SIGTERM)
    try:
        _, errors = app.communicate(timeout=WAIT)
    except subprocess.TimeoutExpired:
        app.kill()
        app.communicate()
        raise
    return str(errors)
