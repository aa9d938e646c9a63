"""reader/ type-checks clean: mypy with pyproject.toml's [tool.mypy] (in the test extras)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_mypy_finds_nothing() -> None:
    # ~3 s without mypy's cache (.mypy_cache), well under 1 s with it: not marked slow.
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
