"""A news site on 127.0.0.1 for the feed tests and the feed benchmark: the fixture feeds of
tests/data/feeds (RSS in UTF-8 and GBK, Atom, JSON Feed, malformed XML, entries without a
guid), the article pages they link to, and misbehaving addresses (404, 500, a redirect
loop, a slow feed, an endless one). Feeds carry an ETag and answer 304 to it. Every
request is recorded, with how many were open at once per server.

``http://127.0.0.1/`` inside a fixture is this server's own address."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import io
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FEEDS = Path(__file__).resolve().parent / "data" / "feeds"
PAGES = {
    "/news/2024/0318/spring.html": "spring.html",
    "/news/2024/0317/metro.html": "metro.html",
    "/news/index.html": "index.html",
    "/news/": "index.html",
}
TYPES = {
    ".xml": "application/rss+xml",
    ".json": "application/feed+json",
    ".html": "text/html; charset=utf-8",
}


class _AllServers:
    """Requests open at once over every server of this process."""

    lock = threading.Lock()
    open_now = 0
    most_open = 0


def most_open_at_once() -> int:
    """The most requests any servers of this process had open at once (then reset)."""
    with _AllServers.lock:
        most, _AllServers.most_open = _AllServers.most_open, 0
    return most


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class Site:
    """What the server serves and what it saw; change ``files`` to change a feed upstream."""

    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # path: (body, type)
    requests: list[Request] = field(default_factory=list)
    open_now: int = 0
    most_open: int = 0
    slow_seconds: float = 3.0
    handlers: dict[str, Callable[[http.server.BaseHTTPRequestHandler], None]] = field(
        default_factory=dict
    )
    lock: threading.Lock = field(default_factory=threading.Lock)


class QuietHandler(http.server.BaseHTTPRequestHandler):
    """A test server's handler: no log lines, and `send` for a whole response."""

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send(self, code: int, body: bytes, ctype: str = "text/html", **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)


class _Handler(QuietHandler):
    site: Site
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        site = self.site
        with site.lock:
            site.requests.append(Request(self.path, dict(self.headers)))
            site.open_now += 1
            site.most_open = max(site.most_open, site.open_now)
        with _AllServers.lock:
            _AllServers.open_now += 1
            _AllServers.most_open = max(_AllServers.most_open, _AllServers.open_now)
        # The answer is held back until the request no longer counts as open: a client that
        # has read it may ask again before this thread would get to its bookkeeping.
        wire, held = self.wfile, self.path != "/endless.xml"
        if held:
            self.wfile = io.BytesIO()  # type: ignore[assignment]
        try:
            self._answer()
        except OSError:
            pass  # the client gave up (a timeout, a size cap)
        finally:
            with site.lock:
                site.open_now -= 1
            with _AllServers.lock:
                _AllServers.open_now -= 1
            if held:
                answer = self.wfile.getvalue()  # type: ignore[attr-defined]
                self.wfile = wire
                with contextlib.suppress(OSError):
                    wire.write(answer)

    def _answer(self) -> None:
        site, path = self.site, self.path
        if path in site.handlers:
            site.handlers[path](self)
        elif path in site.files:
            body, ctype = site.files[path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send(200, body, ctype, ETag=etag, Last_Modified="Mon, 18 Mar 2024 04:00:00 GMT")
        elif path == "/missing.xml":
            self.send(404, b"<html><body>404 Not Found</body></html>")
        elif path == "/broken.xml":
            self.send(500, b"<html><body>500 Internal Server Error</body></html>")
        elif path == "/loop.xml":
            self.send(302, b"", Location="/loop.xml")
        elif path == "/slow.xml":
            time.sleep(site.slow_seconds)
            self.send(200, site.files["/feeds/rss.xml"][0], "application/rss+xml")
        elif path == "/endless.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
            while True:
                self.wfile.write(b"<item><title>" + "无尽".encode() * 2000 + b"</title></item>")
        else:
            self.send(404, b"<html><body>404 Not Found</body></html>")


class FeedServer:
    """``with FeedServer() as server: server.url("/feeds/rss.xml")``"""

    def __init__(self) -> None:
        self.site = Site()
        handler = type("Handler", (_Handler,), {"site": self.site})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        for file in sorted(FEEDS.glob("*.*")):
            self.serve(f"/feeds/{file.name}", self.local(file.read_bytes()), TYPES[file.suffix])
        for path, name in PAGES.items():
            self.serve(path, self.local((FEEDS / "pages" / name).read_bytes()), TYPES[".html"])
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def local(self, data: bytes) -> bytes:
        return data.replace(b"http://127.0.0.1/", self.base.encode() + b"/")

    def serve(self, path: str, body: bytes, ctype: str = "application/rss+xml") -> None:
        self.site.files[path] = (body, ctype)

    def url(self, path: str) -> str:
        return self.base + path

    def requests_for(self, path: str) -> list[Request]:
        return [r for r in self.site.requests if r.path == path]

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
