"""Subscribing and refreshing against the fixture site on 127.0.0.1, into a real library:
entries become articles (from the linked page when the feed carries a summary), nothing
twice, changed entries updated in place with their notes, polite requests, and every
kind of failing feed said on that feed without stopping the others."""

from __future__ import annotations

import pytest
from feed_server import FeedServer, most_open_at_once

from reader.core.errors import LibraryError
from reader.core.records import ArticleFilter
from reader.feeds import Limits
from reader.library import Library

FAST = Limits(connect_timeout=1.0, total_timeout=1.0, feed_bytes=200_000)


def titles(lib: Library, feed_id: int | None = None) -> list[str]:
    ids = lib.ids(ArticleFilter(feed=feed_id)) if feed_id else lib.ids()
    return [r.title for r in lib.rows(ids).values()]


def test_a_summary_feed_brings_the_linked_pages(lib: Library, server: FeedServer) -> None:
    feed, result = lib.subscribe(server.url("/feeds/rss.xml"))
    assert feed.name == "滨江日报网 - 要闻" and result.error is None
    assert feed.unread == feed.articles == 3
    spring = next(lib.get(i) for i in result.new if "春耕" in lib.get(i).title)
    # The page's text, not the feed's one-sentence summary.
    assert "农资打假专项行动" in spring.body and "关于我们" not in spring.body
    assert spring.site == "滨江日报网" and spring.published == "2024-03-18T08:30:00+08:00"
    assert spring.url == server.url("/news/2024/0318/spring.html")
    # The list page is not an article: the entry keeps its summary, and says so.
    review = next(lib.get(i) for i in result.new if lib.get(i).title == "本周要闻回顾")
    assert review.body == "一周要闻：春耕、地铁、樱花、招生、节水宣传周。"
    assert any("not an article" in w or "list of links" in w for w in result.warnings)


def test_full_text_feeds_are_not_fetched_page_by_page(lib: Library, server: FeedServer) -> None:
    _feed, result = lib.subscribe(server.url("/feeds/atom.xml"))
    assert len(result.new) == 2 and not result.warnings
    assert not server.requests_for("/hk/2024/03/18/pier.html")
    pier = lib.get(result.new[-1])
    assert pier.script != "simplified" and pier.byline == "黃嘉欣"


def test_gbk_feed_and_a_missing_page_keep_the_summary(lib: Library, server: FeedServer) -> None:
    _feed, _result = lib.subscribe(server.url("/feeds/rss_gbk.xml"))
    assert sorted(titles(lib)) == [
        "社区食堂开进老旧小区 老人吃饭不再难",
        "老街改造完工 百年骑楼重现风貌",
    ]


def test_summary_only_never_fetches_pages(lib: Library, server: FeedServer) -> None:
    feed_id = lib.feeds.add(server.url("/feeds/rss.xml"))
    lib.set_feed_options(feed_id, summary_only=True, interval_minutes=None)
    [result] = lib.refresh_feeds([feed_id])
    assert len(result.new) == 3
    assert not server.requests_for("/news/2024/0318/spring.html")


def test_a_site_page_leads_to_its_feed(lib: Library, server: FeedServer) -> None:
    feed, _ = lib.subscribe(server.url("/news/index.html"))
    assert feed.url == server.url("/feeds/rss.xml")
    with pytest.raises(LibraryError, match="already subscribed"):
        lib.subscribe(server.url("/feeds/rss.xml"))
    with pytest.raises(LibraryError, match="no feed found"):
        lib.subscribe(server.url("/news/2024/0318/spring.html"))


def test_second_refresh_is_conditional_and_adds_nothing(lib: Library, server: FeedServer) -> None:
    _feed, _ = lib.subscribe(server.url("/feeds/rss.xml"))
    before = len(server.site.requests)
    [again] = lib.refresh_feeds()
    assert again.new == [] and again.updated == [] and again.error is None
    after = server.site.requests[before:]
    assert [r.path for r in after] == ["/feeds/rss.xml"]  # 304: no page fetched again
    assert after[0].headers.get("If-None-Match", "").startswith('"')
    assert after[0].headers.get("If-Modified-Since") == "Mon, 18 Mar 2024 04:00:00 GMT"


def test_the_same_story_in_two_feeds_is_one_article(lib: Library, server: FeedServer) -> None:
    lib.subscribe(server.url("/feeds/rss.xml"))
    json_feed, result = lib.subscribe(server.url("/feeds/feed.json"))
    assert len(result.new) == 1  # the metro story is the rss feed's article already
    assert json_feed.articles == 2
    assert titles(lib).count("地铁三号线二期工程全线贯通") == 1


def test_entries_without_guid_come_once(lib: Library, server: FeedServer) -> None:
    _feed, first = lib.subscribe(server.url("/feeds/no_guid.xml"))
    assert len(first.new) == 2
    body, _ctype = server.site.files["/feeds/no_guid.xml"]
    server.serve("/feeds/no_guid.xml", body.replace(b"</channel>", b"<!-- new build --></channel>"))
    [again] = lib.refresh_feeds()
    assert again.new == [] and again.updated == [] and len(lib.ids()) == 2


def test_a_changed_entry_updates_its_article_and_notes(lib: Library, server: FeedServer) -> None:
    feed_id = lib.feeds.add(server.url("/feeds/rss_gbk.xml"))
    [first] = lib.refresh_feeds([feed_id])
    street = next(i for i in first.new if "老街" in lib.get(i).title)
    lib.mark_read(street)
    lib.set_starred(street)
    note = lib.annotate_quote(street, None, "百年老街重现昔日风貌", note="好消息")
    lost = lib.annotate_quote(street, None, "架空线全部入地")
    body, _ctype = server.site.files["/feeds/rss_gbk.xml"]
    changed = (
        body.decode("gbk")
        .replace("本报讯（记者 吴芳）", "本报讯（记者 吴芳 实习生 孙悦）")
        .replace("架空线全部入地", "线路整治同步完成")
    )
    server.serve("/feeds/rss_gbk.xml", changed.encode("gbk"))
    [second] = lib.refresh_feeds([feed_id])
    assert second.updated == [street] and second.new == []
    record = lib.get(street)
    assert "实习生 孙悦" in record.body and len(lib.ids()) == 2
    assert lib.read_at(street) and lib.is_starred(street)  # the same article, kept as it was
    moved = lib.annotation(note.id)
    assert not moved.orphaned and record.body[moved.start : moved.end] == "百年老街重现昔日风貌"
    assert lib.annotation(lost.id).orphaned  # its words are gone: kept, never dropped
    assert [h.field for h in lib.articles.search("孙悦")] == ["body"]  # indexed anew
    assert [h.field for h in lib.articles.search("架空线全部入地")] == ["extra"]  # its quote


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/missing.xml", "not found"),
        ("/broken.xml", "server failed"),
        ("/loop.xml", "redirect"),
        ("/slow.xml", "timed out"),
        ("/endless.xml", "too large"),
        ("/news/2024/0318/spring.html", "not a feed"),
    ],
)
def test_a_failing_feed_is_said_on_it_and_the_others_go_on(
    lib: Library, server: FeedServer, path: str, said: str
) -> None:
    good = lib.feeds.add(server.url("/feeds/atom.xml"))
    bad = lib.feeds.add(server.url(path))
    results = lib.refresh_feeds(limits=FAST)
    by_id = {r.id: r for r in results}
    assert by_id[good].error is None and len(by_id[good].new) == 2
    assert said in (by_id[bad].error or "")
    shown = lib.subscription(bad)
    assert shown is not None and said in shown.error and shown.as_json()["error"] == shown.error
    assert shown.failures == 1 and shown.retry_at is not None
    # Backing off: an automatic refresh leaves it alone for a while; a good one is due later.
    assert bad not in lib.due_feeds(30) and good not in lib.due_feeds(30)


def test_one_connection_per_server_at_most_four_in_all(lib: Library) -> None:
    servers = [FeedServer().__enter__() for _ in range(6)]
    try:
        for s in servers:
            s.site.slow_seconds = 0.5  # long enough for fetches to overlap
            lib.feeds.add(s.url("/feeds/rss.xml"))
            lib.feeds.add(s.url("/slow.xml"))
        most_open_at_once()
        results = lib.refresh_feeds()
        assert all(r.error is None for r in results) and len(results) == 12
        assert all(s.site.most_open == 1 for s in servers)  # never two at one server
        assert 2 <= most_open_at_once() <= 4  # several servers at once, four at most
    finally:
        for s in servers:
            s.__exit__()


def test_unsubscribing_keeps_the_articles_unless_asked(lib: Library, server: FeedServer) -> None:
    one, _ = lib.subscribe(server.url("/feeds/atom.xml"))
    two, _ = lib.subscribe(server.url("/feeds/feed.json"))
    lib.unsubscribe(one.id)
    assert len(lib.ids()) == 4 and lib.subscription(one.id) is None
    lib.unsubscribe(two.id, delete_articles=True)
    assert len(lib.ids()) == 2 and lib.trashed_count() == 2
    with pytest.raises(LibraryError, match="no feed with id"):
        lib.unsubscribe(two.id)


def test_opml_in_and_out(lib: Library, server: FeedServer) -> None:
    opml = f"""<?xml version="1.0"?><opml version="2.0"><head/><body>
      <outline text="本地"><outline text="滨江" type="rss" xmlUrl="{server.url("/feeds/rss.xml")}"/>
      <outline text="港灣" type="rss" xmlUrl="{server.url("/feeds/atom.xml")}"/></outline>
      <outline text="科技" type="rss" xmlUrl="{server.url("/feeds/feed.json")}"/></body></opml>"""
    report = lib.import_opml(opml.encode())
    assert len(report.added) == 3 and lib.ids() == []  # subscribed; the refresh brings them
    assert lib.import_opml(opml.encode()).existing == [
        server.url(p) for p in ("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json")
    ]
    assert {f.folder for f in lib.subscriptions()} == {"本地", ""}
    lib.refresh_feeds()
    assert [f.name for f in lib.subscriptions()] == [
        "科技前沿周刊",
        "港灣時報 - 港聞",
        "滨江日报网 - 要闻",
    ]
    exported = lib.export_opml()
    assert 'text="本地"' in exported and server.url("/feeds/atom.xml") in exported


def test_due_follows_the_interval_and_the_feeds_ttl(lib: Library, server: FeedServer) -> None:
    from datetime import datetime, timedelta

    feed_id = lib.feeds.add(server.url("/feeds/rss.xml"))  # ttl 20
    assert lib.feeds.due(30) == [feed_id]  # never refreshed
    lib.refresh_feeds()
    soon = datetime.now().astimezone() + timedelta(minutes=15)
    later = datetime.now().astimezone() + timedelta(minutes=25)
    assert lib.feeds.due(10, soon) == []  # the feed asks for 20 minutes at least
    assert lib.feeds.due(10, later) == [feed_id]
    lib.set_feed_options(feed_id, summary_only=False, interval_minutes=120)
    assert lib.feeds.due(10, later) == []
