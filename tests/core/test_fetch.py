"""Fetching a page (reader.core.fetch) from a server the test runs on 127.0.0.1: a GBK page,
gzip, a redirect chain and a loop, a slow server, 404, 500, an endless body, a picture, a
refused connection and a name that does not resolve; and `reader import URL` end to end."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import brotli
import pytest
from feed_server import QuietHandler

from reader.core.errors import FetchError
from reader.core.fetch import fetch

PAGES = Path(__file__).resolve().parents[1] / "data" / "web" / "pages"
XINHUA = PAGES / "trafilatura__archive.org.he.xinhuanet.com.25340717.html"  # GB2312
GBK_PAGE = (
    "<html><head><title>春耕忙_示例网</title></head><body><h1>春耕忙</h1>"
    "<p>本报讯（记者 张明）全市春耕面积突破百万亩，农机具投入一万余台。</p>"
    "<p>今年以来，各地抢抓农时，种子化肥供应充足，价格基本稳定。</p></body></html>"
).encode("gbk")


class Handler(QuietHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        Handler.seen.append(dict(self.headers))
        path = self.path
        if path == "/gbk":
            self.send(200, GBK_PAGE, "text/html; charset=gbk")
        elif path == "/xinhua.gz":
            self.send(200, gzip.compress(XINHUA.read_bytes()), Content_Encoding="gzip")
        elif path == "/xinhua.br":
            self.send(200, brotli.compress(XINHUA.read_bytes()), Content_Encoding="br")
        elif path == "/bomb.br":  # 2 MB of page from a few hundred bytes
            self.send(200, brotli.compress(b"<p>" + b"a" * 2**21), Content_Encoding="br")
        elif path == "/damaged.br":
            self.send(200, brotli.compress(XINHUA.read_bytes())[:-40] + bytes(40),
                      Content_Encoding="br")  # fmt: skip
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/gbk" if n == 0 else f"/hop/{n - 1}"
            self.send(302, b"", Location=target)
        elif path == "/loop":
            self.send(302, b"", Location="/loop")
        elif path == "/slow":
            time.sleep(3)
            self.send(200, GBK_PAGE)
        elif path == "/missing":
            self.send(404, b"<html>not here</html>")
        elif path == "/broken":
            self.send(500, b"<html>oops</html>")
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"<p>" + "无尽的文字。".encode() * 1000 + b"</p>")
            except OSError:
                pass
        elif path == "/photo":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        else:
            self.send(404, b"")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_a_gbk_page_with_browser_headers(server: str) -> None:
    page = fetch(f"{server}/gbk")
    assert page.charset == "gbk" and page.data == GBK_PAGE
    headers = Handler.seen[-1]
    assert headers["Accept-Language"] == "zh-CN,zh;q=0.9,zh-TW;q=0.8,en;q=0.5"
    assert headers["Accept"].startswith("text/html")
    assert "gzip" in headers["Accept-Encoding"]


def test_gzip_is_decompressed(server: str) -> None:
    assert fetch(f"{server}/xinhua.gz").data == XINHUA.read_bytes()


def test_brotli_is_asked_for_and_decompressed(server: str) -> None:
    assert fetch(f"{server}/xinhua.br").data == XINHUA.read_bytes()
    assert "br" in Handler.seen[-1]["Accept-Encoding"].split(", ")
    with pytest.raises(FetchError, match=r"^the page is too large \(more than 1 MB\)"):
        fetch(f"{server}/bomb.br", max_bytes=2**20)
    with pytest.raises(FetchError, match=r"^the page came damaged \(br: "):
        fetch(f"{server}/damaged.br")


def test_redirects_are_followed_up_to_ten(server: str) -> None:
    page = fetch(f"{server}/hop/9")  # ten redirects
    assert page.url == f"{server}/gbk" and page.data == GBK_PAGE
    with pytest.raises(FetchError, match=r"^too many redirects \(more than 10"):
        fetch(f"{server}/loop")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "page not found (HTTP 404 Not Found)"),
        ("/broken", "the server failed (HTTP 500 Internal Server Error); try again later"),
        ("/photo", "not a web page (the server sent image/png)"),
    ],
)
def test_http_failures_are_one_line(server: str, path: str, message: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch(server + path)
    assert str(err.value) == message


def test_a_slow_server_times_out(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^timed out after 0.5 s"):
        fetch(f"{server}/slow", total_timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_an_endless_page_stops_at_the_size_cap(server: str) -> None:
    with pytest.raises(FetchError, match=r"^the page is too large \(more than 1 MB\)"):
        fetch(f"{server}/endless", max_bytes=2**20)


def test_cancelling_stops_the_fetch(server: str) -> None:
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(FetchError) as err:
        fetch(f"{server}/endless", cancelled=cancelled)
    assert err.value.cancelled and str(err.value) == "cancelled"


def test_refused_and_unknown_servers() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match=r"^the server 127\.0\.0\.1 refused the connection$"):
        fetch(f"http://127.0.0.1:{port}/")
    with pytest.raises(FetchError, match=r"^cannot find the server no-such-host\.invalid"):
        fetch("http://no-such-host.invalid/news.html")
    with pytest.raises(FetchError, match=r"^not a web address"):
        fetch("ftp://example.com/a.html")


def test_reader_import_url_end_to_end(server: str, tmp_path: Path) -> None:
    """The command: a fetched page and a saved copy are one story; failures one line each."""
    env = dict(os.environ, READER_DATA_DIR=str(tmp_path / "lib"), READER_NO_SEED="1")
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        env.pop(name, None)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "reader", "import", *args, "--json"],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    done = run(f"{server}/hop/2", f"{server}/missing", f"{server}/photo")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    (article,) = report["articles"]
    assert article["title"] == "春耕忙" and article["encoding"] == "gb18030"
    assert article["source"] == f"{server}/hop/2"
    assert done.stderr.splitlines() == [
        f"reader: {server}/missing: page not found (HTTP 404 Not Found)",
        f"reader: {server}/photo: not a web page (the server sent image/png)",
    ]
    saved = tmp_path / "春耕忙.html"
    saved.write_bytes(GBK_PAGE)
    again = json.loads(run(str(saved)).stdout)
    assert again["articles"] == [] and again["duplicates"][0]["id"] == article["id"]


def test_a_cancelled_fetch_is_no_failure(server: str, tmp_path: Path) -> None:
    from reader.library import Library

    asked = []

    def cancelled() -> bool:  # the import's own check first, then the fetch's
        asked.append(1)
        return len(asked) > 1

    lib = Library(tmp_path / "lib")
    try:
        report = lib.import_paths([f"{server}/endless"], cancelled=cancelled)
    finally:
        lib.close()
    assert report.cancelled and report.errors == [] and report.articles == []
