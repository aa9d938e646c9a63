"""parse_document: the one entry point the app calls."""

from __future__ import annotations

import pytest

from reader.core.documents import ParsedDocument, UnreadableInput, parse_document
from tests.conftest import SEED


def test_seed_parses_into_five_articles() -> None:
    doc = parse_document(SEED.read_bytes(), SEED.name)
    assert isinstance(doc, ParsedDocument)
    assert doc.encoding == "utf-8"
    assert len(doc.articles) == 5


def test_png_is_unreadable() -> None:
    with pytest.raises(UnreadableInput, match="PNG"):
        parse_document(b"\x89PNG\r\n\x1a\n" + bytes(100), "photo.txt")
