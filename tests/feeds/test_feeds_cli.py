"""`reader feeds …` through the real command (a subprocess, a real library file), against
the fixture site on 127.0.0.1: the JSON shapes of the contract, one line and exit 1 for
every problem, OPML in and out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from feed_server import FeedServer

LIST_KEYS = {"id", "title", "url", "site", "folder", "last_refresh", "error", "unread", "articles"}


def reader(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, READER_DATA_DIR=str(data_dir), READER_NO_SEED="1")
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_add_list_refresh_remove(tmp_path: Path, server: FeedServer) -> None:
    data = tmp_path / "lib"
    added = reader(data, "feeds", "add", server.url("/news/index.html"), "--json")
    assert added.returncode == 0, added.stderr
    feed = json.loads(added.stdout)
    assert set(feed) == LIST_KEYS
    assert feed["url"] == server.url("/feeds/rss.xml") and feed["title"] == "滨江日报网 - 要闻"
    assert (feed["unread"], feed["articles"], feed["error"]) == (3, 3, None)
    assert "warning:" in added.stderr and "list of links" in added.stderr  # the list page entry

    assert (
        reader(data, "feeds", "add", server.url("/feeds/atom.xml"), "--folder", "港澳").returncode
        == 0
    )
    bad = reader(data, "feeds", "add", server.url("/missing.xml"))
    assert bad.returncode == 1 and len(bad.stderr.splitlines()) == 1 and "not found" in bad.stderr

    listed = json.loads(reader(data, "feeds", "list", "--json").stdout)
    assert [f["title"] for f in listed] == [
        "滨江日报网 - 要闻",
        "港灣時報 - 港聞",
    ]  # folder "" first
    assert all(set(f) == LIST_KEYS for f in listed) and listed[1]["folder"] == "港澳"
    text = reader(data, "feeds", "list").stdout
    assert "港澳/港灣時報 - 港聞" in text

    refreshed = reader(data, "feeds", "refresh", "--json")
    assert refreshed.returncode == 0, refreshed.stderr
    assert json.loads(refreshed.stdout) == {
        "feeds": [
            {"id": 1, "new": 0, "updated": 0, "error": None},
            {"id": 2, "new": 0, "updated": 0, "error": None},
        ]
    }
    articles = json.loads(reader(data, "list", "--json").stdout)
    assert len(articles) == 5 and {a["site"] for a in articles} >= {"滨江日报网", "港灣時報 - 港聞"}

    gone = reader(data, "feeds", "remove", "2", "--delete-articles")
    assert gone.returncode == 0 and "2 articles moved to the trash" in gone.stdout
    assert len(json.loads(reader(data, "list", "--json").stdout)) == 3
    missing = reader(data, "feeds", "remove", "2")
    assert missing.returncode == 1 and missing.stderr.strip() == "reader: no feed with id 2"


def test_refresh_reports_a_failing_feed_and_goes_on(tmp_path: Path, server: FeedServer) -> None:
    data = tmp_path / "lib"
    opml = tmp_path / "subs.opml"
    opml.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head/><body>
        <outline text="坏的" type="rss" xmlUrl="{server.url("/broken.xml")}"/>
        <outline text="新闻">
          <outline text="科技" type="rss" xmlUrl="{server.url("/feeds/feed.json")}"/>
        </outline></body></opml>""",
        encoding="utf-8",
    )
    imported = reader(data, "feeds", "import-opml", str(opml))
    assert imported.returncode == 0 and "subscribed to 2 feeds" in imported.stdout
    refreshed = reader(data, "feeds", "refresh", "--json")
    assert refreshed.returncode == 1
    result = {f["id"]: f for f in json.loads(refreshed.stdout)["feeds"]}
    assert result[2]["new"] == 2 and result[2]["error"] is None
    assert "server failed" in result[1]["error"]
    assert [line for line in refreshed.stderr.splitlines() if "feed 1:" in line]
    listed = json.loads(reader(data, "feeds", "list", "--json").stdout)
    assert "server failed" in listed[0]["error"] and listed[1]["unread"] == 2
    one = reader(data, "feeds", "refresh", "2", "--json")
    assert json.loads(one.stdout) == {"feeds": [{"id": 2, "new": 0, "updated": 0, "error": None}]}

    out = tmp_path / "out.opml"
    assert reader(data, "feeds", "export-opml", "-o", str(out)).returncode == 0
    exported = out.read_text(encoding="utf-8")
    assert 'text="新闻"' in exported and server.url("/feeds/feed.json") in exported
    printed = reader(data, "feeds", "export-opml").stdout
    assert printed.startswith("<?xml") and server.url("/broken.xml") in printed


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "lib"
    for args, said in (
        (("feeds", "add", "ftp://example.cn/rss.xml"), "not a web address"),
        (("feeds", "refresh", "7"), "no feed with id 7"),
        (("feeds", "import-opml", str(tmp_path / "none.opml")), "no such file"),
        (("feeds",), "ACTION"),
    ):
        done = reader(data, *args)
        assert done.returncode == 1, args
        assert len(done.stderr.splitlines()) == 1 and said in done.stderr, done.stderr
    not_opml = tmp_path / "page.opml"
    not_opml.write_text("<html><body>不是</body></html>", encoding="utf-8")
    done = reader(data, "feeds", "import-opml", str(not_opml))
    assert done.returncode == 1 and "not an OPML file" in done.stderr
