"""Web articles in the store: publication date, address and site; the list's date (published,
else added) orders, groups and filters; the same story is stored once by address or text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.records import ArticleFilter, NewArticle
from reader.store.articles import ArticleStore
from reader.store.db import Database


def web(title: str, body: str, url: str | None = None, published: str | None = None):
    return NewArticle(
        title=title, body=body, script="simplified", published=published, url=url,
        site="示例网", web=True,
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    return ArticleStore(Database(tmp_path / "lib.sqlite3"))


def test_metadata_round_trip(store: ArticleStore) -> None:
    (i,) = store.add_source(
        "https://news.example.cn/a.html", "utf-8", "<html>", 1,
        [web("春耕忙", "全市春耕。", "https://news.example.cn/a.html", "2020-03-10T08:30+08:00")],
    ).ids  # fmt: skip
    record = store.get(i)
    assert record is not None
    assert (record.published, record.url, record.site) == (
        "2020-03-10T08:30+08:00",
        "https://news.example.cn/a.html",
        "示例网",
    )
    row = store.rows([i])[i]
    assert (row.date, row.dated) == ("2020-03-10", True)


def test_text_article_has_no_metadata_and_its_date_is_the_day_added(store) -> None:
    (i,) = store.add_source("/p.txt", "utf-8", "p", 1, [NewArticle("题", "文。", "simplified")]).ids
    record = store.get(i)
    assert record is not None and (record.published, record.url, record.site) == (None, None, "")
    row = store.rows([i])[i]
    assert row.date == row.added_at[:10] and not row.dated


def test_date_order_groups_and_filters_use_the_publication_date(store) -> None:
    old = store.add_source("/o.html", "utf-8", "o", 1, [web("旧闻", "一。", None, "2019-05-04")])
    new = store.add_source("/n.txt", "utf-8", "n", 1, [NewArticle("新", "二。", "simplified")])
    mid = store.add_source("/m.html", "utf-8", "m", 1, [web("中", "三。", None, "2021-01-02")])
    o, n, m = old.ids[0], new.ids[0], mid.ids[0]
    assert store.ids(sort="date", descending=False) == [o, m, n]
    assert store.ids(sort="date") == [n, m, o]
    days = dict(store.days_with_counts())
    assert days["2019-05-04"] == 1 and days["2021-01-02"] == 1
    assert store.ids(ArticleFilter(date_from="2019-05-04", date_to="2019-05-04")) == [o]
    assert store.count(ArticleFilter(date_to="2020-12-31")) == 1
    # The same filter through the search index's rowid (a query with the date).
    assert store.ids(ArticleFilter(query="旧闻", date_from="2019-01-01", date_to="2019-12-31")) == [
        o
    ]


def test_same_address_or_same_body_is_a_duplicate(store) -> None:
    url = "https://news.example.cn/2020/0310/a.html"
    first = store.add_source("/saved.html", "utf-8", "s", 1, [web("春耕忙", "全市春耕。", url)])
    # Fetched again: the title carries the site's name, the address its other scheme.
    again = store.add_source(
        url, "utf-8", "f", 1, [web("春耕忙_示例网", "全市春耕，面积过百万亩。", "http" + url[5:])]
    )
    assert again.ids == [] and again.duplicates == first.ids
    # Saved under another address (a mobile page), the same text.
    copy = store.add_source("/m.html", "utf-8", "m", 1, [web("春耕忙（图）", "全市 春耕。", None)])
    assert copy.ids == [] and copy.duplicates == first.ids


def test_text_articles_are_not_matched_by_body_alone(store) -> None:
    a = store.add_source("/a.txt", "utf-8", "a", 1, [NewArticle("甲", "同一段话。", "simplified")])
    b = store.add_source("/b.txt", "utf-8", "b", 1, [NewArticle("乙", "同一段话。", "simplified")])
    assert a.ids and b.ids and a.ids != b.ids


LIBRARIES = Path(__file__).resolve().parents[1] / "data" / "libraries"


def _opened(fixture: str, tmp_path: Path):
    from reader.library import Library

    folder = tmp_path / fixture
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes((LIBRARIES / fixture).read_bytes())
    return Library.open(folder)


def test_a_library_from_before_2_8_gains_empty_dates_addresses_and_sites(tmp_path) -> None:
    """1.6 had no published/url/site: its articles come out undated (listed by the day
    added, under 日期不详 in the sidebar), and a page imported after the upgrade has them."""
    lib = _opened("v1.6.sqlite3", tmp_path)
    try:
        ids = lib.ids()
        records = [lib.get(i) for i in ids]
        assert records and all((r.published, r.url, r.site) == (None, None, "") for r in records)
        rows = lib.rows(ids)
        assert all(not r.dated and r.date == r.added_at[:10] for r in rows.values())
        assert lib.articles.days_with_counts() == [("", len(ids))]
        page = Path(__file__).resolve().parents[1] / "data" / "feeds" / "pages" / "spring.html"
        url = "https://news.example.cn/news/2024/0318/spring.html"
        (new,) = lib.import_bytes(page.read_bytes(), url, url, url=url).articles
        record = lib.get(new.id)
        assert record.published and record.published.startswith("2024-03-18")
        assert (record.url, record.site) == (url, new.site) and record.site
        assert lib.articles.ids(ArticleFilter(date_from="2024-03-18", date_to="2024-03-18")) == [
            new.id
        ]
    finally:
        lib.close()


def test_a_2_8_library_keeps_its_web_article_dated_by_publication(tmp_path) -> None:
    lib = _opened("v2.8.sqlite3", tmp_path)
    try:
        web_rows = [r for r in lib.rows(lib.ids()).values() if r.url]
        (row,) = web_rows
        assert row.dated and row.site and row.url.endswith("/spring.html")
        days = dict(lib.articles.days_with_counts())
        assert days[row.published[:10]] == 1 and days[""] == len(lib.ids()) - 1
    finally:
        lib.close()
