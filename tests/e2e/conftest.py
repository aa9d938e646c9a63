"""Fixtures of the end-to-end tests: a real X server (Xvfb) and a real Wayland compositor
(weston) of their own."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh Xvfb server on a display number it picks itself (-displayfd)."""
    missing = [tool for tool in ("Xvfb", "xwininfo") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} (Debian: apt install xvfb x11-utils)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            number = pipe.readline().strip()  # written once the server accepts clients
        if not number:
            server.kill()
            pytest.fail(f"Xvfb did not start: {server.communicate()[1].decode(errors='replace')}")
        yield f":{number.decode()}"
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


@pytest.fixture
def wayland() -> Iterator[dict[str, str]]:
    """A headless Wayland compositor (weston) of its own: the environment that reaches it."""
    if shutil.which("weston") is None:
        pytest.skip("needs weston (Debian: apt install weston)")
    runtime = Path(tempfile.mkdtemp(prefix="wl"))  # short: a socket's path has a limit
    runtime.chmod(0o700)
    socket = runtime / "wayland-test"
    server = subprocess.Popen(
        ["weston", "--backend=headless-backend.so", f"--socket={socket.name}", "--idle-time=0"],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(
                    f"weston did not start: {server.communicate()[1].decode(errors='replace')}"
                )
            time.sleep(0.1)
        yield {"XDG_RUNTIME_DIR": str(runtime), "WAYLAND_DISPLAY": socket.name}
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
        shutil.rmtree(runtime, ignore_errors=True)
