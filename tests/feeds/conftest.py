"""A fixture news site on 127.0.0.1 and an empty library for each feed test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_server import FeedServer

from reader.library import Library


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with FeedServer() as running:
        yield running


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    monkeypatch.setenv("READER_NO_SEED", "1")
    library = Library.open(tmp_path / "library")
    yield library
    library.close()
