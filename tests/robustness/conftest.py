"""Fixtures of the robustness tests (helpers live in robust_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def db_file(data_dir: Path) -> Path:
    return data_dir / "library.sqlite3"
