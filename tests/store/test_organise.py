"""Organising the library: read, starred, tags, trash, filters and sort orders."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.records import ArticleFilter, NewArticle
from reader.store.articles import ArticleStore
from reader.store.db import Database


def set_added(store: ArticleStore, article_id: int, stamp: str) -> None:
    with store.db.transaction() as conn:
        conn.execute("UPDATE articles SET added_at = ? WHERE id = ?", (stamp, article_id))


def set_published(store: ArticleStore, article_id: int, stamp: str) -> None:
    with store.db.transaction() as conn:
        conn.execute("UPDATE articles SET published = ? WHERE id = ?", (stamp, article_id))


def art(title: str, body: str = "正文。", section: str = "") -> NewArticle:
    return NewArticle(title=title, body=body, section=section, script="simplified")


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    return ArticleStore(Database(tmp_path / "lib.sqlite3"))


@pytest.fixture
def two_pages(store: ArticleStore) -> tuple[list[int], list[int]]:
    first = store.add_source(
        "/papers/0310.txt", "utf-8", "page 1", 1, [art("乙", "一"), art("甲", "二", "要闻")]
    ).ids
    second = store.add_source(
        "/papers/0311.txt", "utf-8", "page 2", 1, [art("丙", "三", "要闻"), art("", "四")]
    ).ids
    return first, second


def test_default_order_is_newest_source_first_in_page_order(store, two_pages) -> None:
    first, second = two_pages
    assert store.ids() == second + first
    assert store.ids(sort="added", descending=False) == first + second


def test_sort_by_title_source_and_date(store, two_pages) -> None:
    (b, a), (c, untitled) = two_pages
    # Titles in code point order (丙 < 乙 < 甲); untitled items last either way.
    assert store.ids(sort="title", descending=False) == [c, b, a, untitled]
    assert store.ids(sort="title") == [a, b, c, untitled]
    assert store.ids(sort="source", descending=False) == [b, a, c, untitled]
    assert store.ids(sort="source") == [c, untitled, b, a]
    set_added(store, c, "2020-01-01T08:00:00+08:00")
    assert store.ids(sort="date", descending=False)[0] == c
    with pytest.raises(ValueError, match="unknown sort"):
        store.ids(sort="colour")


def test_read_and_unread(store, two_pages) -> None:
    (b, a), (c, d) = two_pages
    assert store.read_at(a) is None
    store.mark_read(a)
    store.mark_read([b, c])
    first_read = store.read_at(a)
    assert first_read
    store.mark_read(a)  # opening again keeps the first read time
    assert store.read_at(a) == first_read
    assert store.ids(ArticleFilter(unread_only=True)) == [d]
    store.mark_read([b], read=False)
    assert store.ids(ArticleFilter(unread_only=True)) == [d, b]
    rows = store.rows([a, d])
    assert rows[a].read and not rows[d].read
    # What "next unread" asks about a stretch of the list (ids not stored: not unread).
    assert store.unread_among([a, b, c, d, 999]) == {b, d}
    assert store.unread_among([]) == set()


def test_starred(store, two_pages) -> None:
    (_, a), (c, _) = two_pages
    store.set_starred([a, c])
    assert store.ids(ArticleFilter(starred_only=True)) == [c, a]
    store.set_starred(a, starred=False)
    assert store.ids(ArticleFilter(starred_only=True)) == [c]
    assert store.is_starred(c) and not store.is_starred(a)
    assert store.rows([c])[c].starred


def test_tags_and_their_counts(store, two_pages) -> None:
    (b, a), (c, _) = two_pages
    store.add_tag([a, b], "防疫")
    store.add_tag(c, "  春耕  ")
    store.add_tag(a, "春耕")
    assert store.tags(a) == ["春耕", "防疫"]
    assert store.tags_with_counts() == [("春耕", 2), ("防疫", 2)]
    assert store.ids(ArticleFilter(tag="春耕")) == [c, a]
    assert store.rows([a])[a].tags == ("春耕", "防疫")
    store.remove_tag(a, "防疫")
    store.remove_tag(b, "防疫")
    assert store.tags_with_counts() == [("春耕", 2)]  # an unused tag disappears
    store.rename_tag("春耕", "农业")
    assert store.ids(ArticleFilter(tag="农业")) == [c, a]
    store.trash([c])
    assert store.tags_with_counts() == [("农业", 1)]  # the trash is not counted
    store.delete_tag("农业")
    assert store.tags(a) == []
    with pytest.raises(ValueError):
        store.add_tag(a, "  ")


def test_filter_by_source_section_and_date(store, two_pages) -> None:
    (b, a), (c, d) = two_pages
    source_id = store.get(c).source_id
    assert store.ids(ArticleFilter(source=source_id)) == [c, d]
    assert store.ids(ArticleFilter(source="/papers/0310.txt")) == [b, a]
    assert store.ids(ArticleFilter(section="要闻")) == [c, a]
    assert store.sections_with_counts() == [("要闻", 2)]
    assert [(path, n) for _, path, n in store.sources_with_counts()] == [
        ("/papers/0311.txt", 2),
        ("/papers/0310.txt", 2),
    ]
    # The sidebar's days are days of publication; an article without one is in none of them
    # (it is under 日期不详: undated), whatever day it was added.
    set_published(store, b, "2020-03-10T23:59:59+08:00")
    set_published(store, a, "2020-03-11")
    set_published(store, c, "2020-03-12T08:00")
    set_added(store, d, "2020-03-11T09:00:00+08:00")
    assert store.ids(ArticleFilter(date_to="2020-03-10")) == [b]
    assert store.ids(ArticleFilter(date_from="2020-03-11", date_to="2020-03-11")) == [a]
    assert set(store.ids(ArticleFilter(date_from="2020-03-11"))) == {a, c}
    assert store.ids(ArticleFilter(undated=True)) == [d]
    assert store.days_with_counts() == [
        ("2020-03-12", 1), ("2020-03-11", 1), ("2020-03-10", 1), ("", 1)
    ]  # fmt: skip
    with pytest.raises(ValueError, match="not a date"):
        store.ids(ArticleFilter(date_from="yesterday"))


def test_filters_combine(store, two_pages) -> None:
    (_, a), (c, d) = two_pages
    store.set_starred([a, c, d])
    store.mark_read(c)
    store.add_tag([a, c, d], "看")
    f = ArticleFilter(starred_only=True, unread_only=True, tag="看", section="要闻")
    assert store.ids(f) == [a]
    assert store.count(f) == 1


def test_trash_restore_and_empty(store, two_pages) -> None:
    (b, a), (c, d) = two_pages
    store.add_tag(a, "留")
    store.set_starred(a)
    store.trash([a, c])
    assert store.ids() == [d, b]
    assert store.ids(ArticleFilter(trashed=True)) == [c, a]
    assert store.ids(ArticleFilter(starred_only=True)) == []
    assert store.rows([a])[a].trashed
    assert store.trashed_count() == 2
    store.restore([c])
    assert store.ids() == [c, d, b]
    assert store.empty_trash() == 1
    assert store.get(a) is None
    assert store.ids(ArticleFilter(trashed=True)) == []
    assert store.tags_with_counts() == []
    assert store.count() == 3
    # Its source is kept whole, so the same page can bring it back.
    again = store.add_source("/papers/0310.txt", "utf-8", "page 1", 1, [art("甲", "二", "要闻")])
    assert len(again.ids) == 1 and not again.duplicates


def test_writes_ignore_unknown_ids(store, two_pages) -> None:
    store.mark_read([9999])
    store.set_starred([9999])
    store.add_tag([9999], "无")
    store.trash([9999])
    assert store.trashed_count() == 0
    assert store.ids(ArticleFilter(unread_only=True)) == store.ids()
    assert store.tags_with_counts() == []


@pytest.mark.parametrize("sort", ["added", "date", "title", "source"])
@pytest.mark.parametrize("descending", [True, False])
def test_a_query_keeps_the_list_order_for_few_and_many_hits(
    store, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool
) -> None:
    for page in range(3):
        store.add_source(
            f"/papers/{2 - page}.txt",
            "utf-8",
            f"page {page}",
            1,
            [art(t, f"第{page}版{t}疫情") for t in ("乙", "", "甲")] + [art(f"无关{page}", "春耕")],
        )
    store.trash(store.ids()[0])  # a hit, hidden
    listed = store.ids(sort=sort, descending=descending)
    unfiltered = [i for i in listed if "疫情" in store.get(i).body]
    f = ArticleFilter(query="疫情")
    few = store.ids(f, sort=sort, descending=descending)
    monkeypatch.setattr("reader.store.articles._FEW_HITS", 0)
    many = store.ids(f, sort=sort, descending=descending)
    assert few == many == unfiltered
    assert len(few) == 8
