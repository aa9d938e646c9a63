"""Each test gets its own data, cache and config dirs; Qt runs offscreen."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Hypothesis keeps its example database beside the tests, not at the top of the repo.
set_hypothesis_home_dir(Path(__file__).resolve().parent / ".hypothesis")

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True, scope="session")
def segmenter_stopped_at_the_end() -> Iterator[None]:
    """A window's word segmenter process lives as long as the application (the app stops
    it when it quits, which the test run's application never does)."""
    yield
    word_selection = sys.modules.get("reader.gui.word_selection")  # only if a window ran
    if word_selection is not None and word_selection._segmenter is not None:
        word_selection._segmenter.stop()


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user dir at the test's own tmp folder."""
    home = tmp_path / "home"
    for sub in ("data", "cache", "config"):
        (home / sub).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "library"))
    monkeypatch.setenv("READER_CACHE_DIR", str(home / "cache" / "reader"))
    monkeypatch.delenv("READER_NO_SEED", raising=False)
    return tmp_path


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def source_language() -> Iterator[None]:
    """Each test starts in the source language: app.start() installs the system's (English
    under LANG=C), and an installed translator would outlive the test in the shared app."""
    yield
    i18n = sys.modules.get("reader.gui.i18n")  # only loaded by tests that use the GUI
    if i18n is not None:
        i18n.uninstall()


@pytest.fixture(scope="session")
def dictionary_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the CC-CEDICT index, built once for the whole run (as a
    user's is built once, at the first lookup)."""
    from reader.store.dictionary import Dictionary

    folder = tmp_path_factory.mktemp("dictionary")
    Dictionary.open(folder).close()
    return folder
