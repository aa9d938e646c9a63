"""Reading feeds (reader.core.feeds): the fixture feeds of a Chinese news site as the
refresh gets them, a site's feed found from its page, OPML both ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.decode import UnreadableInput
from reader.core.feeds import NotAFeed, Outline, discover, parse_feed, parse_opml, write_opml

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
BASE = "http://news.example.cn/feeds/"


def read(name: str):
    return parse_feed((FEEDS / name).read_bytes(), BASE + name)


def test_rss_summaries_are_not_taken_for_the_article() -> None:
    feed = read("rss.xml")
    assert feed.title == "滨江日报网 - 要闻" and feed.kind == "rss"
    assert feed.ttl_minutes == 20
    first = feed.entries[0]
    assert first.title == "春耕生产有序推进 农资供应总体充足"
    assert first.key == "id:binjiang-news-20240318-0001"
    assert first.link == "http://news.example.cn/news/2024/0318/spring.html"  # made absolute
    assert first.author == "李晓明"
    assert first.published == "2024-03-18T08:30:00+08:00"  # the feed's own offset kept
    assert not first.full  # one sentence cut off with …: the page is fetched for the text


def test_gbk_rss_with_full_content() -> None:
    feed = read("rss_gbk.xml")
    assert feed.title == "江南晚报 · 社会"
    assert feed.ttl_minutes == 60  # sy:updatePeriod hourly
    street = feed.entries[0]
    assert street.full
    assert street.paragraphs[0].startswith("本报讯（记者 吴芳）历时两年的中山老街改造工程")
    assert len(street.paragraphs) == 5
    assert street.key == "id:http://127.0.0.1/society/2024/0318/oldstreet.html"  # its guid


def test_atom_in_traditional_script() -> None:
    feed = read("atom.xml")
    assert feed.kind == "atom" and feed.title == "港灣時報 - 港聞"
    pier = feed.entries[0]
    assert pier.author == "黃嘉欣" and pier.full
    assert pier.paragraphs[0].startswith("【本報訊】政府宣布，中環渡輪碼頭翻新工程")
    assert feed.entries[1].published == "2024-03-18T09:05:00+08:00"  # updated, no published


def test_json_feed() -> None:
    feed = read("feed.json")
    assert feed.kind == "json" and feed.title == "科技前沿周刊"
    chip, robot = feed.entries
    assert chip.key == "id:tech-2024-0318-chip" and chip.full and chip.author == "赵一凡"
    assert chip.published == "2024-03-18T14:00:00+08:00"
    assert not robot.full and robot.paragraphs == ["地铁三号线二期工程实现全线贯通。"]


def test_entries_without_guid_are_known_by_link_else_text() -> None:
    bus, library = read("no_guid.xml").entries
    assert bus.key == "link:http://127.0.0.1/flash/2024/0318/bus.html"
    assert library.link is None and library.key.startswith("text:")
    again = read("no_guid.xml").entries[1]
    assert again.key == library.key  # the same text, the same entry


def test_malformed_xml_is_read_as_far_as_it_goes_and_said() -> None:
    feed = read("malformed.xml")
    assert feed.problem  # feedparser's bozo: said, not hidden
    assert feed.entries and feed.entries[0].title == "菜市场周末照常营业"


def test_an_updated_entry_has_another_digest() -> None:
    data = (FEEDS / "rss.xml").read_bytes()
    before = parse_feed(data, BASE).entries[1]
    after = parse_feed(data.replace("年底开通".encode(), "十月开通".encode()), BASE).entries[1]
    assert before.key == after.key and before.digest != after.digest


def test_links_to_other_schemes_are_dropped() -> None:
    data = (
        (FEEDS / "rss.xml")
        .read_bytes()
        .replace(b"/news/2024/0318/spring.html", b"file:///etc/passwd")
    )
    entry = parse_feed(data, BASE).entries[0]
    assert entry.link is None and entry.key.startswith("id:")


@pytest.mark.parametrize(
    "data",
    [b"", b"<html><body><p>\xe6\x96\xb0\xe9\x97\xbb</p></body></html>", b'{"a": 1}', b"\x89PNG"],
)
def test_what_is_no_feed_is_one_error(data: bytes) -> None:
    with pytest.raises(NotAFeed):
        parse_feed(data, BASE)


def test_a_site_page_names_its_feeds_rss_first() -> None:
    page = (FEEDS / "pages" / "index.html").read_text(encoding="utf-8")
    found = discover(page, "http://news.example.cn/news/")
    assert found == [
        "http://news.example.cn/feeds/rss.xml",
        "http://news.example.cn/feeds/atom.xml",
    ]
    assert (
        discover('<link rel="alternate" type="application/rss+xml" href="file:///x">', BASE) == []
    )


def test_opml_round_trip_with_folders() -> None:
    outlines = [
        Outline("http://a.example.cn/rss.xml", "滨江日报网", "本地", "http://a.example.cn/"),
        Outline("http://b.example.cn/atom.xml", "港灣時報", "本地"),
        Outline("http://c.example.cn/feed.json", "科技前沿周刊"),
    ]
    assert parse_opml(write_opml(outlines).encode("utf-8")) == outlines


def test_opml_from_another_reader() -> None:
    opml = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>QuiteRSS</title></head><body>
<outline text="新闻" title="新闻">
  <outline text="人民网" title="人民网" type="rss"
    xmlUrl="http://www.people.com.cn/rss/politics.xml" htmlUrl="http://www.people.com.cn/"/>
  <outline text="坏的" type="rss" xmlUrl="file:///etc/passwd"/>
</outline>
<outline text="BBC 中文" type="rss" xmlUrl="https://feeds.bbci.co.uk/zhongwen/simp/rss.xml"/>
</body></opml>""".encode()
    assert parse_opml(opml) == [
        Outline(
            "http://www.people.com.cn/rss/politics.xml",
            "人民网",
            "新闻",
            "http://www.people.com.cn/",
        ),
        Outline("https://feeds.bbci.co.uk/zhongwen/simp/rss.xml", "BBC 中文"),
    ]
    with pytest.raises(UnreadableInput):
        parse_opml(b"<html><body>not opml</body></html>")
