"""Subscriptions: subscribing to a feed (or to a site whose page names its feed), refreshing
feeds into articles, unsubscribing, OPML in and out. No Qt, no SQL.

A refresh fetches up to :data:`CONNECTIONS` feeds at once and never two things from one
server at a time (:class:`_Servers`), each feed conditionally (ETag / Last-Modified: an
unchanged feed is a 304 and nothing more). Fetching and reading pages run on worker
threads; the library is written on the caller's thread, one short transaction per entry. An entry
is known by its id/guid, else its link, else its text (:attr:`FeedEntry.key`); a new one
becomes an article, from the feed's own text when the feed carries the article, else from
the linked page read by the web page extractor (as ``reader import URL`` reads it), else
(no page to be had, or the feed is "summary only") from the summary. An entry whose text
changed upstream gives its article the new text in place, its annotations following.

The window runs a refresh as a process of its own (:mod:`reader.feed_refresh`).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from reader.core.errors import FetchError, LibraryError
from reader.core.feeds import FeedEntry, NotAFeed, Outline, ParsedFeed
from reader.core.records import Feed, NewArticle

if TYPE_CHECKING:
    from reader.store.annotations import AnnotationStore
    from reader.store.articles import ArticleStore
    from reader.store.db import Database
    from reader.store.feeds import FeedStore


class Library(Protocol):
    """What of :class:`reader.library.Library` this needs (it calls in here)."""

    db: Database

    @property
    def feeds(self) -> FeedStore: ...

    @property
    def articles(self) -> ArticleStore: ...

    @property
    def annotations(self) -> AnnotationStore: ...

    def trash(self, ids: int | Iterable[int]) -> None: ...


log = logging.getLogger(__name__)

CONNECTIONS = 4  # at most this many fetches at once, and one per server
FEED_MAX_BYTES = 10 * 1024 * 1024
# A feed's first refresh (or a hostile one) brings at most this many new entries at a time.
MAX_NEW_ENTRIES = 200

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


@dataclass(frozen=True)
class Limits:
    """How long and how much one fetch may take (a feed or a linked page)."""

    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    feed_bytes: int = FEED_MAX_BYTES
    page_bytes: int = 20 * 1024 * 1024


@dataclass
class FeedResult:
    id: int
    new: list[int] = field(default_factory=list)  # articles added
    updated: list[int] = field(default_factory=list)  # articles given the entry's new text
    error: str | None = None  # the feed could not be read
    warnings: list[str] = field(default_factory=list)  # entries kept as summaries, bad XML
    not_modified: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "new": len(self.new),
            "updated": len(self.updated),
            "error": self.error,
        }


# -- subscribing ---------------------------------------------------------------------------


@dataclass
class Found:
    url: str  # the feed's address
    feed: ParsedFeed


def find_feed(url: str, limits: Limits | None = None, cancelled: CancelFn | None = None) -> Found:
    """The feed at ``url``, or the first feed a web page there names. FetchError (one line)
    when neither is to be had."""
    from reader.core import feeds

    limits = limits or Limits()
    page = _fetch_feed_bytes(url, limits, None, cancelled)
    try:
        return Found(page.url, _parse(page))
    except NotAFeed as not_feed:
        if "html" not in page.content_type and not page.data.lstrip()[:1] == b"<":
            raise FetchError(f"{url}: {not_feed}") from None
        from reader.core.webpage import decode_html

        text, _codec = decode_html(page.data, page.charset)
        candidates = feeds.discover(text, page.url)
        if not candidates:
            raise FetchError(
                f"{url}: no feed found (not a feed, and the page names none)"
            ) from None
        problems = []
        for candidate in candidates[:5]:
            try:
                found = _fetch_feed_bytes(candidate, limits, None, cancelled)
                return Found(found.url, _parse(found))
            except (FetchError, NotAFeed) as e:
                problems.append(f"{candidate}: {e}")
        raise FetchError(f"{url}: the feed it names cannot be read ({problems[0]})") from None


def subscribe(
    lib: Library,
    url: str,
    folder: str = "",
    limits: Limits | None = None,
    *,
    summary_only: bool = False,
    bring_entries: bool = True,
) -> tuple[Feed, FeedResult]:
    """Subscribe to the feed at ``url`` (or the one its page names) and, with
    ``bring_entries``, bring its entries in (the window has its refresh process do that).
    LibraryError (one line) when there is no feed or it is subscribed already."""
    from reader.core.feeds import is_web_address
    from reader.store.feeds import FeedExists

    url = url.strip()
    if not is_web_address(url):
        if "." in url and " " not in url and "://" not in url:
            url = "https://" + url
        else:
            raise LibraryError(f"not a web address: {url}")
    store = lib.feeds
    if (known := store.by_url(url)) is not None:
        raise LibraryError(f"already subscribed: {url} (feed {known})")
    found = find_feed(url, limits)
    try:
        feed_id = store.add(found.url, found.feed.title, found.feed.site, folder)
    except FeedExists as e:
        raise LibraryError(f"already subscribed: {found.url} (feed {e.feed_id})") from None
    if summary_only:
        store.set_summary_only(feed_id, True)
    result = refresh(lib, [feed_id], limits=limits)[0] if bring_entries else FeedResult(feed_id)
    feed = store.get(feed_id)
    assert feed is not None
    return feed, result


def unsubscribe(lib: Library, feed_id: int, *, delete_articles: bool = False) -> list[int]:
    """Stop following a feed. Its articles stay, unless ``delete_articles``: then they go
    to the trash (emptying it deletes them). The ids of its articles."""
    try:
        ids = lib.feeds.remove(feed_id)
    except KeyError:
        raise LibraryError(f"no feed with id {feed_id}") from None
    if delete_articles and ids:
        lib.trash(ids)
    return ids


# -- refreshing ----------------------------------------------------------------------------


class _Servers:
    """One fetch at a time per server (host and port)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[tuple[str, int | None], threading.Lock] = {}

    @contextlib.contextmanager
    def hold(self, url: str) -> Iterator[None]:
        parts = urlsplit(url)
        try:
            key = ((parts.hostname or "").lower(), parts.port)
        except ValueError:
            key = ((parts.hostname or "").lower(), None)
        with self._lock:
            server = self._held.setdefault(key, threading.Lock())
        with server:
            yield


@dataclass
class _Prepared:
    entry: FeedEntry
    article: NewArticle
    source: str  # the source's path: the page's address, else the entry's link or the feed's
    encoding: str
    text: str  # the raw source: the page, or the entry's own markup


@dataclass
class _Fetched:
    feed: Feed
    parsed: ParsedFeed | None = None
    etag: str | None = None
    last_modified: str | None = None
    prepared: list[_Prepared] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    not_modified: bool = False


def refresh(
    lib: Library,
    feed_ids: Sequence[int] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    *,
    limits: Limits | None = None,
) -> list[FeedResult]:
    """Refresh these feeds (all by default); one result per feed, in the order asked.
    An error on one feed is its result's ``error`` and does not stop the others."""
    store = lib.feeds
    if feed_ids is None:
        feeds = store.all()
    else:
        feeds = []
        for feed_id in dict.fromkeys(feed_ids):
            feed = store.get(feed_id)
            if feed is None:
                raise LibraryError(f"no feed with id {feed_id}")
            feeds.append(feed)
    limits = limits or Limits()
    servers = _Servers()
    results: dict[int, FeedResult] = {}
    total = len(feeds)
    if progress and total:
        progress(0, total, "")
    with ThreadPoolExecutor(max_workers=max(1, min(CONNECTIONS, total))) as pool:
        known = {f.id: store.entries(f.id) for f in feeds}
        futures = [
            pool.submit(_fetch_feed, f, known[f.id], servers, limits, cancelled) for f in feeds
        ]
        for done, future in enumerate(as_completed(futures), 1):
            fetched = future.result()  # _fetch_feed never raises
            results[fetched.feed.id] = _store(lib, store, fetched, known[fetched.feed.id])
            if progress:
                progress(done, total, fetched.feed.name)
    lib.articles.index.tidy(steps=1)
    return [results[f.id] for f in feeds]


def _fetch_feed(
    feed: Feed,
    known: dict[str, tuple[str, int | None]],
    servers: _Servers,
    limits: Limits,
    cancelled: CancelFn | None,
) -> _Fetched:
    """A worker's part: the feed and the pages of its new and changed entries (no library)."""
    fetched = _Fetched(feed)
    try:
        if cancelled and cancelled():
            raise FetchError("cancelled", cancelled=True)
        validators = {"etag": feed.etag or "", "last_modified": feed.last_modified or ""}
        with servers.hold(feed.url):
            page = _fetch_feed_bytes(feed.url, limits, validators, cancelled)
        fetched.etag, fetched.last_modified = page.etag, page.last_modified
        if page.status == 304:
            fetched.not_modified = True
            return fetched
        parsed = fetched.parsed = _parse(page)
        if parsed.problem:
            parsed.problem = f"the feed is malformed ({parsed.problem}); what could be read came in"
            fetched.warnings.append(parsed.problem)
        todo = [e for e in parsed.entries if known.get(e.key, ("", None))[0] != e.digest]
        todo = list({e.key: e for e in reversed(todo)}.values())  # oldest first, once each
        if len(todo) > MAX_NEW_ENTRIES:
            fetched.warnings.append(
                f"{len(todo)} new entries; the newest {MAX_NEW_ENTRIES} taken this time"
            )
            todo = todo[-MAX_NEW_ENTRIES:]
        for entry in todo:
            if cancelled and cancelled():
                break
            prepared = _prepare(entry, feed, parsed, servers, limits, cancelled, fetched.warnings)
            if prepared is not None:
                fetched.prepared.append(prepared)
    except (FetchError, NotAFeed) as e:
        fetched.error = str(e)
    except Exception as e:  # a parser's bug on one odd feed must not stop the others
        log.exception("refreshing %s failed", feed.url)
        fetched.error = f"cannot read this feed ({type(e).__name__}: {e})"
    return fetched


def _fetch_feed_bytes(url, limits: Limits, validators, cancelled):  # -> FetchedPage
    from reader.core.fetch import FEED_ACCEPT, FEED_TYPES, WEB_TYPES, fetch

    return fetch(
        url,
        cancelled=cancelled,
        connect_timeout=limits.connect_timeout,
        total_timeout=limits.total_timeout,
        max_bytes=limits.feed_bytes,
        accept=FEED_ACCEPT,
        types=FEED_TYPES | WEB_TYPES,
        validators=validators,
    )


def _parse(page) -> ParsedFeed:  # page: FetchedPage
    from reader.core.feeds import parse_feed

    return parse_feed(page.data, page.url, page.content_type, page.charset)


def _prepare(
    entry: FeedEntry,
    feed: Feed,
    parsed: ParsedFeed,
    servers: _Servers,
    limits: Limits,
    cancelled: CancelFn | None,
    warnings: list[str],
) -> _Prepared | None:
    """The article an entry becomes: the feed's text when it is the article, else the
    linked page's, else the summary."""
    from reader.core.documents import UnreadableInput, parse_document, to_new_article
    from reader.core.fetch import fetch

    site = parsed.title or feed.name
    if not entry.full and not feed.summary_only and entry.link:
        try:
            with servers.hold(entry.link):
                page = fetch(
                    entry.link,
                    cancelled=cancelled,
                    connect_timeout=limits.connect_timeout,
                    total_timeout=limits.total_timeout,
                    max_bytes=limits.page_bytes,
                )
            # As `reader import URL` reads a page: the same sniff and web page extractor.
            doc = parse_document(page.data, page.url, url=page.url, charset=page.charset)
            art = to_new_article(doc.articles[0])
            art.byline = art.byline or entry.author
            art.published = art.published or entry.published
            art.site = art.site or site
            art.title = art.title or entry.title
            return _Prepared(entry, art, page.url, doc.encoding, doc.text)
        except FetchError as e:
            if e.cancelled:
                return None
            warnings.append(f"{entry.link}: {e}; kept the feed's summary")
        except UnreadableInput as e:  # NotAnArticle too: a list page, a login wall
            warnings.append(f"{entry.link}: {e}; kept the feed's summary")
    if not entry.paragraphs and not entry.title:
        return None
    return _Prepared(
        entry, _entry_article(entry, site), entry.link or feed.url, "utf-8", entry.html
    )


def _entry_article(entry: FeedEntry, site: str) -> NewArticle:
    from reader.core.documents import canonical_url, lead_title, to_new_article
    from reader.core.pages import Article

    body = "\n".join(entry.paragraphs) or entry.title
    return to_new_article(
        Article(
            title=entry.title or lead_title(body),
            body=body,
            byline=entry.author,
            published=entry.published,
            url=canonical_url(entry.link) if entry.link else None,
            site=site,
            web=True,
        )
    )


def _store(
    lib: Library, store: FeedStore, fetched: _Fetched, known: dict[str, tuple[str, int | None]]
) -> FeedResult:
    """The caller's part: a fetched feed into the library."""
    from reader.core.pages import SPLITTER_VERSION
    from reader.resplit import rewrite_in

    feed = fetched.feed
    result = FeedResult(feed.id, warnings=list(fetched.warnings))
    if fetched.error is not None:
        if fetched.error == "cancelled":
            result.error = "cancelled"
            return result
        result.error = fetched.error
        store.failed(feed.id, fetched.error)
        log.info("feed %d (%s): %s", feed.id, feed.url, fetched.error)
        return result
    parsed = fetched.parsed
    articles, annotations = lib.articles, lib.annotations
    # One transaction per entry (its article and its record together): the window's own
    # writes (a read mark) never wait behind a whole feed's articles being indexed.
    for item in fetched.prepared:
        entry, art = item.entry, item.article
        with lib.db.transaction() as conn:
            article_id = known.get(entry.key, ("", None))[1]
            if article_id is not None and articles.text_in(conn, article_id) is not None:
                if rewrite_in(articles, annotations, conn, article_id, art):
                    result.updated.append(article_id)
            else:
                added = articles.add_source_in(
                    conn, item.source, item.encoding, item.text, SPLITTER_VERSION, [art]
                )
                found = added.ids or added.duplicates
                article_id = found[0] if found else None
                result.new += added.ids
            store.record_entry_in(conn, feed.id, entry.key, entry.digest, article_id)
    # Last: a refresh killed before this is done again, and finds its entries known.
    with lib.db.transaction() as conn:
        store.refreshed_in(
            conn,
            feed.id,
            title=parsed.title if parsed else None,
            site=parsed.site if parsed else None,
            ttl_minutes=parsed.ttl_minutes if parsed else None,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            problem=parsed.problem if parsed else "",
        )
    return result


# -- OPML ----------------------------------------------------------------------------------


@dataclass
class OpmlReport:
    added: list[int] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)


def import_opml(lib: Library, data: bytes) -> OpmlReport:
    """Subscribe to every feed of an OPML file (in its folders), without fetching them:
    the next refresh brings their entries. UnreadableInput when it is not OPML."""
    from reader.core.feeds import parse_opml
    from reader.store.feeds import FeedExists

    report = OpmlReport()
    for outline in parse_opml(data):
        try:
            report.added.append(
                lib.feeds.add(outline.url, outline.title, outline.site, outline.folder)
            )
        except FeedExists:
            report.existing.append(outline.url)
    return report


def export_opml(lib: Library) -> str:
    from reader.core.feeds import write_opml

    return write_opml([Outline(f.url, f.name, f.folder, f.site) for f in lib.feeds.all()])
