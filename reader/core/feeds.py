"""News feeds: RSS 0.9x/1.0/2.0 and Atom (through feedparser), JSON Feed, a site's feed found
by its ``<link rel="alternate">``, and OPML lists of subscriptions. Pure Python: bytes in,
records out; nothing here fetches anything (feedparser is handed the bytes, never an
address, and relative links are resolved against the feed's own address only).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from reader.core.decode import UnreadableInput

log = logging.getLogger(__name__)

# Entry text is the article itself when it is not cut off with an ellipsis and is this long
# (characters without white space), or half as long in several paragraphs; shorter is a
# summary (most Chinese feeds carry one or two sentences).
FULL_TEXT_CHARS = 300
_CUT = re.compile(r"(?:…|\.\.\.|……|\[?(?:更多|详细|全文|阅读全文|查看全文|more)\]?)\s*$", re.I)
_SPACE = re.compile(r"\s+")
FEED_LINK_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/rdf+xml": "rss",
    "application/feed+json": "json",
    "application/json": "json",
}
# The update period of RSS's sy:updatePeriod, in minutes.
_PERIODS = {"hourly": 60, "daily": 1440, "weekly": 10080, "monthly": 43200, "yearly": 525600}


class NotAFeed(UnreadableInput):
    """Bytes that are no feed (a web page, an image, nothing readable)."""


@dataclass
class FeedEntry:
    key: str  # how the entry is recognised: "id:…" (id/guid), else "link:…", else "text:…"
    title: str
    link: str | None  # an http(s) address, or None
    author: str
    published: str | None  # ISO 8601
    paragraphs: list[str]  # the entry's text (content, else summary), as paragraphs
    full: bool  # the paragraphs are the article, not a summary
    html: str  # the entry's own markup (content, else summary): its raw source

    @property
    def digest(self) -> str:
        """Changes when the entry changes upstream (title or text)."""
        text = _SPACE.sub("", self.title) + "\n" + _SPACE.sub("", "".join(self.paragraphs))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ParsedFeed:
    title: str
    site: str  # the site's home page, or ""
    entries: list[FeedEntry]
    ttl_minutes: int | None = None  # the feed's own lower bound between refreshes
    problem: str = ""  # read despite an error (malformed XML): what was wrong
    kind: str = "rss"  # rss | atom | json
    warnings: list[str] = field(default_factory=list)


def is_web_address(url: str | None) -> bool:
    return bool(url) and urlsplit(str(url)).scheme.lower() in ("http", "https")


# -- parsing ------------------------------------------------------------------------------


def parse_feed(
    data: bytes, url: str, content_type: str = "", charset: str | None = None
) -> ParsedFeed:
    """The feed in ``data`` (fetched from ``url``). NotAFeed when it is none."""
    if not data.strip():
        raise NotAFeed("empty (no feed)")
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return _parse_json_feed(data, url)
    return _parse_xml_feed(data, url, content_type, charset)


def _parse_xml_feed(data: bytes, url: str, content_type: str, charset: str | None) -> ParsedFeed:
    import feedparser  # its tables load only when a feed is read

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type + (f"; charset={charset}" if charset else "")
    # A stream, never a string: feedparser would take a string for an address or a file.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    version = parsed.get("version") or ""
    feed = parsed.get("feed", {})
    if not version and not parsed.entries:
        why = _bozo(parsed)
        raise NotAFeed(f"not a feed{f' ({why})' if why else ''}")
    problem = _bozo(parsed) if parsed.get("bozo") else ""
    entries = [e for e in (_xml_entry(item, url) for item in parsed.entries) if e is not None]
    return ParsedFeed(
        title=_text(feed.get("title", "")),
        site=_web(feed.get("link"), url) or "",
        entries=entries,
        ttl_minutes=_ttl(feed),
        problem=problem,
        kind="atom" if version.startswith("atom") else "rss",
    )


def _bozo(parsed) -> str:
    error = parsed.get("bozo_exception")
    if error is None:
        return ""
    text = " ".join(str(error).split())
    # feedparser's encoding notes are not damage: the text was still read.
    if type(error).__name__ in ("CharacterEncodingOverride", "NonXMLContentType"):
        return ""
    return text[:200]


def _ttl(feed) -> int | None:
    minutes: list[int] = []
    ttl = str(feed.get("ttl", "")).strip()
    if ttl.isdigit():
        minutes.append(int(ttl))
    period = str(feed.get("sy_updateperiod", "")).strip().lower()
    if period in _PERIODS:
        frequency = str(feed.get("sy_updatefrequency", "1")).strip()
        times = int(frequency) if frequency.isdigit() and int(frequency) > 0 else 1
        minutes.append(_PERIODS[period] // times)
    return max(minutes) if minutes else None


def _xml_entry(item, feed_url: str) -> FeedEntry | None:
    contents = item.get("content") or []
    content = "\n".join(c.get("value", "") for c in contents if c.get("value"))
    summary = item.get("summary", "") or ""
    markup = content or summary
    paragraphs = html_paragraphs(markup)
    title = _text(item.get("title", ""))
    link = _web(item.get("link"), feed_url)
    if not title and not paragraphs and not link:
        return None
    published = _published(item)
    return _entry(
        guid=item.get("id") or item.get("guid"),
        title=title,
        link=link,
        author=_text(item.get("author", "")),
        published=published,
        paragraphs=paragraphs,
        full=bool(content) and is_full_text(paragraphs, summary),
        markup=markup,
    )


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise NotAFeed(f"not a feed (JSON that cannot be read: {e})") from None
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise NotAFeed("not a feed (JSON, but not a JSON Feed)")
    items = doc.get("items")
    entries = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and (entry := _json_entry(item, url, doc)) is not None:
            entries.append(entry)
    return ParsedFeed(
        title=_text(str(doc.get("title", ""))),
        site=_web(doc.get("home_page_url"), url) or "",
        entries=entries,
        kind="json",
    )


def _json_entry(item: dict, feed_url: str, doc: dict) -> FeedEntry | None:
    content = str(item.get("content_html") or "")
    plain = str(item.get("content_text") or "")
    summary = str(item.get("summary") or "")
    if content:
        paragraphs = html_paragraphs(content)
    else:
        paragraphs = [p.strip() for p in (plain or summary).splitlines() if p.strip()]
    link = _web(item.get("url") or item.get("external_url"), feed_url)
    title = _text(str(item.get("title") or ""))
    if not title and not paragraphs and not link:
        return None
    authors = item.get("authors") or doc.get("authors") or []
    author = item.get("author") or (authors[0] if isinstance(authors, list) and authors else {})
    name = author.get("name", "") if isinstance(author, dict) else ""
    return _entry(
        guid=str(item["id"]) if item.get("id") not in (None, "") else None,
        title=title,
        link=link,
        author=_text(str(name)),
        published=_iso(str(item.get("date_published") or item.get("date_modified") or "")),
        paragraphs=paragraphs,
        full=bool(content or plain) and is_full_text(paragraphs, summary),
        markup=content or html.escape(plain or summary),
    )


def _entry(
    *,
    guid: str | None,
    title: str,
    link: str | None,
    author: str,
    published: str | None,
    paragraphs: list[str],
    full: bool,
    markup: str,
) -> FeedEntry:
    if guid and guid.strip():
        key = "id:" + guid.strip()
    elif link:
        key = "link:" + link
    else:
        text = _SPACE.sub("", title + "".join(paragraphs))
        key = "text:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    return FeedEntry(key, title, link, author, published, paragraphs, full, markup)


def is_full_text(paragraphs: list[str], summary: str = "") -> bool:
    """The entry's text is the article: long enough, not cut off, more than its summary."""
    text = "".join(paragraphs)
    length = len(_SPACE.sub("", text))
    if length < FULL_TEXT_CHARS and (length < FULL_TEXT_CHARS // 2 or len(paragraphs) < 3):
        return False
    if paragraphs and _CUT.search(paragraphs[-1]):
        return False
    # feedparser gives an Atom entry's content as its summary too: more, or the same.
    return len(text) >= len("".join(html_paragraphs(summary))) * 0.9


def html_paragraphs(markup: str) -> list[str]:
    """The paragraphs of an entry's markup (or of plain text)."""
    from reader.core import html_text

    if not markup.strip():
        return []
    if "<" not in markup:
        return [p.strip() for p in html.unescape(markup).splitlines() if p.strip()]
    doc = html_text.extract(markup)
    paragraphs = [b.text for a in doc.articles for b in a.blocks if b.text.strip()]
    if doc.title and doc.title not in paragraphs:
        paragraphs.insert(0, doc.title)  # a heading inside the entry is text, not a title
    return paragraphs


def _text(value: str) -> str:
    """One line of plain text (feed titles may hold markup and entities)."""
    if "<" in value:
        value = re.sub(r"<[^>]*>", "", value)
    return " ".join(html.unescape(value).split())


def _web(link, base: str) -> str | None:
    """An entry's link resolved against the feed's address: only http(s) is kept."""
    if not link or not isinstance(link, str):
        return None
    resolved = urljoin(base, link.strip())
    return resolved if is_web_address(resolved) else None


def _published(item) -> str | None:
    """When the entry was published, with the offset the feed gave (feedparser's own parse
    is in UTC, which would put a morning's news in Beijing on the day before)."""
    from email.utils import parsedate_to_datetime

    for key in ("published", "updated"):
        text = str(item.get(key) or "").strip()
        if not text:
            continue
        if (iso := _iso(text, keep_offset=True)) is not None:
            return iso
        try:
            return parsedate_to_datetime(text).isoformat(timespec="seconds")
        except (TypeError, ValueError, IndexError):
            pass
    return _date(item.get("published_parsed") or item.get("updated_parsed"))


def _date(parsed) -> str | None:
    if not parsed:
        return None
    try:
        year, month, day, hour, minute, second = parsed[:6]
        when = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except (TypeError, ValueError):
        return None
    return when.astimezone().isoformat(timespec="seconds")


def _iso(text: str, keep_offset: bool = True) -> str | None:
    if not text.strip():
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None and not keep_offset:
        when = when.astimezone()
    return when.isoformat(timespec="seconds")


# -- finding a site's feed ----------------------------------------------------------------


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []  # (href, type, title)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "a"):
            return
        a = {k: (v or "") for k, v in attrs}
        rel = a.get("rel", "").lower().split()
        kind = a.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_LINK_TYPES and a.get("href"):
            self.found.append((a["href"], kind, a.get("title", "")))


def discover(page: str, base: str) -> list[str]:
    """The feeds a web page names (``<link rel="alternate" type="application/rss+xml">``,
    Atom, JSON Feed), resolved against ``base``, best first; only web addresses."""
    parser = _FeedLinks()
    try:
        parser.feed(page[:2_000_000])
        parser.close()
    except Exception:  # a broken page: what was found so far
        log.debug("feed links: parser stopped", exc_info=True)
    order = {"rss": 0, "atom": 1, "json": 2}
    found = sorted(parser.found, key=lambda f: order[FEED_LINK_TYPES[f[1]]])
    urls = [u for u in (_web(href, base) for href, _, _ in found) if u]
    return list(dict.fromkeys(urls))


# -- OPML ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outline:
    url: str
    title: str
    folder: str = ""
    site: str = ""


def parse_opml(data: bytes) -> list[Outline]:
    """The subscriptions of an OPML file (folders are outlines holding outlines; one level
    of folder is kept, deeper ones are named by their path "A/B")."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        raise UnreadableInput(f"not an OPML file ({e})") from None
    if root.tag.lower() != "opml" or root.find("body") is None:
        raise UnreadableInput("not an OPML file (no <opml><body>)")
    found: list[Outline] = []

    def walk(node: ElementTree.Element, folder: str) -> None:
        for outline in node.findall("outline"):
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            title = (outline.get("title") or outline.get("text") or "").strip()
            if url:
                if is_web_address(url):
                    site = outline.get("htmlUrl") or ""
                    found.append(Outline(url, title, folder, site if is_web_address(site) else ""))
                else:
                    log.info("OPML: not a web address, skipped: %s", url)
            else:
                walk(outline, f"{folder}/{title}" if folder and title else title or folder)

    body = root.find("body")
    assert body is not None
    walk(body, "")
    return found


def write_opml(outlines: list[Outline], title: str = "阅报 Reader subscriptions") -> str:
    """OPML 2.0: the subscriptions, in folders."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = datetime.now(UTC).strftime(
        "%a, %d %b %Y %H:%M:%S GMT"
    )
    body = ElementTree.SubElement(root, "body")
    folders: dict[str, ElementTree.Element] = {}
    for o in outlines:
        parent = body
        if o.folder:
            if o.folder not in folders:
                folders[o.folder] = ElementTree.SubElement(
                    body, "outline", text=o.folder, title=o.folder
                )
            parent = folders[o.folder]
        attrs = {"type": "rss", "text": o.title or o.url, "title": o.title or o.url}
        attrs["xmlUrl"] = o.url
        if o.site:
            attrs["htmlUrl"] = o.site
        ElementTree.SubElement(parent, "outline", attrs)
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )
