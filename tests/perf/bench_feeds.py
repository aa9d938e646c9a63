"""Benchmark refreshing many feeds against importing the same pages one address at a time.

Not a test. Serves N feeds of M entries each on 127.0.0.1 (four servers, as four sites:
a refresh fetches one thing per server at a time), each entry a one-sentence summary
linking to a news page of its own (the fixture pages with their sentences renumbered, so
no two are alike). Then, each into a new library and each as the process the window runs
(``python -m reader.feed_refresh``):

* the first refresh of every feed (feeds, then every page through the web page extractor);
* a second refresh (every feed answers 304);
* the baseline, in the same run: ``reader import URL...`` of the same pages, one by one.

Prints wall times, entries per second, the ratio to the baseline and each process's peak
RSS (``--json`` for a machine-readable line).

    python tests/perf/bench_feeds.py [--feeds 50] [--entries 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from feed_server import FEEDS, FeedServer  # noqa: E402

SERVERS = 4
PAGES = [(FEEDS / "pages" / n).read_text(encoding="utf-8") for n in ("spring.html", "metro.html")]
_SENTENCE = re.compile(r"<p>([^<]{20,})</p>")


def page(feed: int, entry: int) -> bytes:
    """A news page of its own: a fixture page with its title and paragraphs numbered."""
    html = PAGES[(feed + entry) % 2]
    tag = f"（第{feed}-{entry}号）"
    html = re.sub(r"<h1>([^<]+)</h1>", rf"<h1>\1{tag}</h1>", html)
    html = re.sub(r"<title>([^_<]+)", rf"<title>\1{tag}", html)
    return _SENTENCE.sub(lambda m: f"<p>{m.group(1)}{tag}</p>", html).encode("utf-8")


def feed(base: str, number: int, entries: int) -> bytes:
    items = "".join(
        f"<item><title>第{number}-{i}号新闻标题</title>"
        f"<link>{base}/site{number}/{i}.html</link>"
        f'<guid isPermaLink="false">feed{number}-entry{i}</guid>'
        f"<pubDate>Mon, 18 Mar 2024 {8 + i % 12:02d}:30:00 +0800</pubDate>"
        f"<description>第{number}号订阅的第{i}条新闻摘要……</description></item>"
        for i in range(entries)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>示例新闻网 {number}</title><link>{base}/site{number}/</link>{items}"
        "</channel></rss>"
    ).encode()


def serve_feeds(feeds: int, entries: int) -> tuple[list[FeedServer], list[str], list[str]]:
    """Running servers holding ``feeds`` feeds of ``entries`` entries and their pages; the
    feeds' addresses and the pages'. Close the servers with ``__exit__``."""
    servers = [FeedServer().__enter__() for _ in range(SERVERS)]
    urls: list[str] = []
    pages: list[str] = []
    for n in range(feeds):
        server = servers[n % SERVERS]
        server.serve(f"/feeds/{n}.xml", feed(server.base, n, entries))
        urls.append(server.url(f"/feeds/{n}.xml"))
        for i in range(entries):
            server.serve(f"/site{n}/{i}.html", page(n, i), "text/html; charset=utf-8")
            pages.append(server.url(f"/site{n}/{i}.html"))
    return servers, urls, pages


def run(args: list[str], data: Path) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout) of ``python ARGS`` as a child process."""
    env = dict(os.environ, READER_DATA_DIR=str(data), READER_NO_SEED="1")
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        env.pop(name, None)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *args], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not all children's
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    rss = usage.ru_maxrss  # KB on Linux
    if child.returncode not in (0, 1):
        raise SystemExit(f"{args[:3]} failed ({child.returncode})")
    return elapsed, rss / 1024, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    servers, urls, pages = serve_feeds(args.feeds, args.entries)
    entries = args.feeds * args.entries
    with tempfile.TemporaryDirectory() as folder:
        feeds_dir, import_dir = Path(folder, "feeds"), Path(folder, "import")
        opml = Path(folder, "subs.opml")
        from reader.core.feeds import Outline, write_opml

        opml.write_text(write_opml([Outline(u, "") for u in urls]), encoding="utf-8")
        run(["-m", "reader", "feeds", "import-opml", str(opml)], feeds_dir)
        first, first_rss, out = run(["-m", "reader.feed_refresh", str(feeds_dir)], feeds_dir)
        result = json.loads(out.strip().splitlines()[-1])["feeds"]
        new = sum(f["new"] for f in result)
        errors = [f for f in result if f["error"]]
        second, second_rss, out = run(["-m", "reader.feed_refresh", str(feeds_dir)], feeds_dir)
        again = json.loads(out.strip().splitlines()[-1])["feeds"]
        base, base_rss, _ = run(["-m", "reader", "import", *pages], import_dir)
    for s in servers:
        s.__exit__()
    figures = {
        "feeds": args.feeds,
        "entries": entries,
        "articles": new,
        "feed_errors": len(errors),
        "refresh_s": round(first, 2),
        "entries_per_s": round(entries / first, 1),
        "refresh_rss_mb": round(first_rss),
        "second_refresh_s": round(second, 2),
        "second_new": sum(f["new"] + f["updated"] for f in again),
        "import_one_by_one_s": round(base, 2),
        "import_pages_per_s": round(entries / base, 1),
        "import_rss_mb": round(base_rss),
        "refresh_vs_import": round(first / base, 2),
        "load_average": round(os.getloadavg()[0], 2),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{args.feeds} feeds × {args.entries} entries, {SERVERS} servers on 127.0.0.1")
    print(
        f"first refresh:   {first:7.2f} s  {entries / first:6.1f} entries/s  "
        f"{new} articles, {len(errors)} feed errors, peak RSS {first_rss:.0f} MB"
    )
    print(
        f"second refresh:  {second:7.2f} s  (every feed 304; {figures['second_new']} new)  "
        f"peak RSS {second_rss:.0f} MB"
    )
    print(
        f"baseline import: {base:7.2f} s  {entries / base:6.1f} pages/s  "
        f"(reader import URL... one by one) peak RSS {base_rss:.0f} MB"
    )
    print(f"refresh / import: {first / base:.2f}   load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
