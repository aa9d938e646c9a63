"""Fetching a web page to import it: the standard library's HTTP client with a browser's
Accept headers, bounded in time and size, every failure one clear line (FetchError).

Connecting may take ``connect_timeout`` seconds and the whole fetch ``total_timeout``; at
most ``max_bytes`` are read (after decompression: gzip, deflate, and br when a Brotli
decoder is installed) and ``max_redirects`` redirects followed. ``cancelled`` is asked
between reads, so a fetch on a worker stops soon after the reader cancels.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.core import internals
from reader.core.errors import FetchError

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0
TOTAL_TIMEOUT = 30.0
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 10
# What a page may be served as (saved pages too: MHTML is multipart/related).
WEB_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "multipart/related",
        "application/x-mimearchive",
        "message/rfc822",
        "application/x-webarchive",
    }
)
_CHUNK = 64 * 1024


def _brotli():  # -> the brotli module, or None
    try:  # a dependency; imported on the first fetch only (it is not needed to start)
        import brotli
    except ImportError:  # a broken install still fetches, without asking for br
        log.warning("brotli not importable: pages are fetched without br")
        return None
    return brotli


# What a feed may be served as (many servers send feeds as text/html or text/plain too).
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "application/json",
        "text/html",
        "text/plain",
        "application/octet-stream",
    }
)
PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,"
    "text/xml;q=0.9,application/json;q=0.8,*/*;q=0.5"
)


def _headers(accept: str = PAGE_ACCEPT) -> dict[str, str]:
    encodings = "gzip, deflate" + (", br" if _brotli() else "")
    return {
        "User-Agent": (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            " Chrome/124.0 Safari/537.36"
        ),
        "Accept": accept,
        "Accept-Language": "zh-CN,zh;q=0.9,zh-TW;q=0.8,en;q=0.5",
        "Accept-Encoding": encodings,
    }


@dataclass
class FetchedPage:
    data: bytes  # the body, decompressed
    url: str  # where it came from after redirects
    charset: str | None  # as the server declared it
    content_type: str
    status: int = 200  # 304: not modified since the validators sent (data is empty)
    etag: str | None = None  # validators for a conditional request next time
    last_modified: str | None = None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        # Only web addresses, wherever a redirect points (urllib would follow ftp: too).
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(f"redirected to an address that is not a web address: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(
    url: str,
    *,
    cancelled: Callable[[], bool] | None = None,
    connect_timeout: float = CONNECT_TIMEOUT,
    total_timeout: float = TOTAL_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    accept: str = PAGE_ACCEPT,
    types: Collection[str] = WEB_TYPES,
    validators: Mapping[str, str] | None = None,
) -> FetchedPage:
    """The page at ``url``. FetchError (one line) for anything that keeps it from coming.

    ``types``: the content types taken (a page's by default, :data:`FEED_TYPES` for a
    feed). ``validators``: ``etag`` and ``last_modified`` of the copy already had: the
    request is conditional and an unchanged resource is a FetchedPage of status 304."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not a web address: {url}")
    host = parts.hostname
    started = time.monotonic()
    deadline = started + total_timeout

    def timed_out() -> FetchError:
        return FetchError(f"timed out after {total_timeout:g} s (the server is too slow)")

    headers = _headers(accept)
    if validators and validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators and validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(_Redirects())
    try:
        response = opener.open(request, timeout=min(connect_timeout, total_timeout))
    except urllib.error.HTTPError as e:
        e.close()
        if e.code == 304 and validators:
            log.info("not modified: %s", url)
            return FetchedPage(
                b"", e.geturl() or url, None, "", 304,
                e.headers.get("ETag") or validators.get("etag"),
                e.headers.get("Last-Modified") or validators.get("last_modified"),
            )  # fmt: skip
        raise _http_error(e.code, e.reason) from None
    except FetchError:
        raise
    except urllib.error.URLError as e:
        raise _network_error(e.reason, host, total_timeout) from None
    except TimeoutError:
        raise timed_out() from None
    except (http.client.HTTPException, ValueError, OSError) as e:
        raise FetchError(f"cannot fetch {host}: {_reason(e)}") from None
    with response:
        content_type = response.headers.get_content_type()
        declared = response.headers.get("Content-Type")
        if declared and content_type not in types:
            what = "a web page" if types is WEB_TYPES else "a feed"
            raise FetchError(f"not {what} (the server sent {content_type})")
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise _too_big(max_bytes)
        decoder = _decoder(response.headers.get("Content-Encoding", ""), max_bytes)
        chunks: list[bytes] = []
        size = 0
        while True:
            if cancelled is not None and cancelled():
                raise FetchError("cancelled", cancelled=True)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise timed_out()
            internals.set_read_timeout(response, min(connect_timeout, remaining))
            try:
                chunk = response.read1(_CHUNK)
            except TimeoutError:
                raise timed_out() from None
            except http.client.IncompleteRead:
                raise FetchError("the connection closed before the whole page came") from None
            except (http.client.HTTPException, OSError) as e:
                raise FetchError(f"reading from {host} failed: {_reason(e)}") from None
            if not chunk:
                break
            out = decoder(chunk)
            size += len(out)
            if size > max_bytes:
                raise _too_big(max_bytes)
            chunks.append(out)
        final = response.geturl() or url
        charset = response.headers.get_content_charset()
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    log.info("fetched %s: %d bytes in %.2f s", final, size, time.monotonic() - started)
    return FetchedPage(b"".join(chunks), final, charset, content_type, 200, etag, modified)


def _decoder(encoding: str, max_bytes: int) -> Callable[[bytes], bytes]:
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        wbits = 16 + zlib.MAX_WBITS if encoding != "deflate" else zlib.MAX_WBITS
        decompressor = zlib.decompressobj(wbits)
        raw_tried = encoding != "deflate"

        def inflate(chunk: bytes) -> bytes:
            nonlocal decompressor, raw_tried
            try:
                out = decompressor.decompress(chunk, max_bytes + 1)
            except zlib.error as e:
                if not raw_tried:  # deflate sent without its zlib header
                    decompressor, raw_tried = zlib.decompressobj(-zlib.MAX_WBITS), True
                    return inflate(chunk)
                raise FetchError(f"the page came damaged ({encoding}: {e})") from None
            raw_tried = True
            if decompressor.unconsumed_tail:
                raise _too_big(max_bytes)
            return out

        return inflate
    if encoding == "br" and (brotli := _brotli()) is not None:
        unbrotli = brotli.Decompressor()

        def unbrotli_chunk(chunk: bytes) -> bytes:
            try:  # the output bounded as gzip's: a small chunk can hold a huge page
                out = unbrotli.process(chunk, output_buffer_limit=max_bytes + 1)
            except brotli.error as e:
                raise FetchError(f"the page came damaged (br: {e})") from None
            if len(out) > max_bytes or not unbrotli.can_accept_more_data():
                raise _too_big(max_bytes)
            return out

        return unbrotli_chunk
    if encoding not in ("", "identity"):
        raise FetchError(f"the server sent the page in an encoding not understood ({encoding})")
    return lambda chunk: chunk


def _too_big(max_bytes: int) -> FetchError:
    return FetchError(f"the page is too large (more than {max_bytes // 2**20} MB)")


def _http_error(code: int, reason: object) -> FetchError:
    why = f"HTTP {code}{f' {reason}' if reason else ''}"
    if 300 <= code < 400:
        return FetchError(f"too many redirects (more than {MAX_REDIRECTS}; {why})")
    if code in (404, 410):
        return FetchError(f"page not found ({why})")
    if code >= 500:
        return FetchError(f"the server failed ({why}); try again later")
    return FetchError(f"the server refused the page ({why})")


def _network_error(reason: object, host: str, total_timeout: float) -> FetchError:
    if isinstance(reason, socket.gaierror):
        return FetchError(f"cannot find the server {host} (no such name, or no network)")
    if isinstance(reason, ConnectionRefusedError):
        return FetchError(f"the server {host} refused the connection")
    if isinstance(reason, TimeoutError):
        return FetchError(f"timed out after {total_timeout:g} s (the server is too slow)")
    if isinstance(reason, ssl.SSLError):
        return FetchError(f"secure connection to {host} failed ({_reason(reason)})")
    return FetchError(f"cannot reach {host}: {_reason(reason)}")


def _reason(e: object) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__
