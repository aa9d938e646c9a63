"""Library as the window uses it: the list, marks, tags, trash and annotations, all through
Library's own methods (the window does not reach past it to the stores)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.anchors import make_anchor
from reader.core.errors import AnnotationNotFound
from reader.core.records import ArticleFilter
from reader.library import Library

PAGE = "甲文\n\n第一篇的正文，讲经济发展。\n\n乙文\n\n第二篇的正文，讲疫情防控。\n"


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "lib")
    library.import_text(PAGE, "page.md")
    yield library
    library.close()


def test_list_rows_and_hits(lib: Library) -> None:
    ids = lib.ids()
    assert ids and set(lib.rows(ids)) == set(ids)
    assert lib.unread_among(ids) == set(ids)
    [found] = lib.ids(ArticleFilter(query="疫情"))
    hit = lib.hit(found, "疫情")
    assert hit is not None and hit.id == found
    assert lib.hit(found, "不在文中") is None


def test_marks_tags_and_trash(lib: Library) -> None:
    first, *_ = lib.ids()
    lib.mark_read(first)
    assert lib.read_at(first) and first not in lib.unread_among([first])
    lib.set_starred(first)
    assert lib.is_starred(first)
    lib.add_tag(first, "要看")
    lib.rename_tag("要看", "已看")
    assert lib.tags(first) == ["已看"] and lib.tags_with_counts() == [("已看", 1)]
    lib.delete_tag("已看")
    assert lib.tags(first) == []
    lib.set_reading_position(first, 0.5)
    assert lib.reading_position(first) == pytest.approx(0.5)
    before = lib.list_signature()
    lib.trash(first)
    assert lib.trashed_count() == 1 and first not in lib.ids()
    assert lib.list_signature() != before
    lib.restore(first)
    assert first in lib.ids()
    lib.trash(first)
    assert lib.empty_trash() == 1 and lib.get(first) is None


def test_overview_and_word_lists(lib: Library) -> None:
    lib.analysis.set_watch_words(["疫情"])
    counts = lib.overview(lib.analysis.watch_words())
    assert counts.total == len(lib.ids()) and counts.watch == (("疫情", 1),)


def test_annotations(lib: Library) -> None:
    first, *_ = lib.ids()
    body = lib.get(first).body  # type: ignore[union-attr]
    made = lib.add_annotation(first, make_anchor(body, 0, 2), note="看")
    assert lib.annotation(made.id) == made == lib.find_annotation(made.id)
    assert lib.annotations_of(first) == [made]
    changed = lib.update_annotation(made.id, color="green")
    assert changed.color == "green" and lib.browse_annotations(color="green") == [changed]
    lib.rename_colour("green", "引文")
    assert lib.colour("green").label == "引文"
    assert [c.key for c in lib.colours()][:2] == ["yellow", "green"]
    lib.delete_annotation(made.id)
    with pytest.raises(AnnotationNotFound):
        lib.annotation(made.id)
    lib.restore_annotation(changed)
    assert lib.annotations_of(first) == [changed]


def test_a_worker_opens_its_own_connection(lib: Library) -> None:
    other = lib.reopen()
    try:
        assert other.directory == lib.directory and other.path == lib.path
        assert other.db is not lib.db and other.ids() == lib.ids()
        version = lib.data_version()
        other.mark_read(other.ids())
        assert lib.data_version() != version  # written by another connection
    finally:
        other.close()
