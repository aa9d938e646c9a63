"""The library's records: plain values the store reads and writes and the layers above use.

Articles (:class:`NewArticle` to store, :class:`ArticleRecord` read back, :class:`ArticleRow`
for the list, :class:`ArticleFilter` to choose them), the sidebar's :class:`Overview`, and
annotations with their colours. No I/O here; cheap to import (the window's list and sidebar
name these before the store is imported).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

from reader.core.anchors import Anchor

log = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")
# Scripts written without spaces between words: Han, kana, CJK punctuation and full forms.
_SPACELESS = (
    "\u2e80-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0003ffff"
)
_WORD = rf"[^\W{_SPACELESS}]"  # a letter or digit of a spaced script
# A whole run of white space that separates no two such words: all of it goes (compiled
# when first used: records is imported before the window paints).
_UNSPACED = rf"(?<!\s)(?:(?<!{_WORD})\s+|\s++(?!{_WORD}))"

DEFAULT_COLOUR = "yellow"


@dataclass
class NewArticle:
    """An article about to be stored (what the splitter produced plus its script)."""

    title: str
    body: str
    script: str
    subtitle: str = ""
    byline: str = ""
    section: str = ""
    captions: list[str] = field(default_factory=list)
    continued_from: str = ""
    continues_to: str = ""
    kind: str = "article"
    published: str | None = None  # ISO 8601 ("2020-03-10" or with the time), if known
    url: str | None = None  # the page's canonical address (web articles)
    site: str = ""  # the web site's name
    web: bool = False  # from a web page: also a duplicate of the same text or address

    @property
    def digest(self) -> str:
        """Same normalised content, same digest: how duplicates are recognised."""
        return content_digest(self.title, self.body)

    @property
    def body_digest(self) -> str | None:
        """A web article's body digest (a page saved twice may differ in its title)."""
        return content_digest("", self.body) if self.web else None


@dataclass(frozen=True)
class ArticleRow:
    """What the article list shows; no body."""

    id: int
    title: str
    subtitle: str
    section: str
    kind: str
    continued_from: str
    lead: str
    added_at: str
    source: str
    read_at: str = ""  # "" while unread
    starred: bool = False
    trashed: bool = False
    tags: tuple[str, ...] = ()
    published: str = ""  # "" when unknown
    url: str = ""
    site: str = ""
    script: str = "simplified"  # as detected at import (core.scripts.SCRIPTS)

    @property
    def display_title(self) -> str:
        return display_title(self.title, self.section, self.continued_from, self.lead)

    @property
    def read(self) -> bool:
        return bool(self.read_at)

    @property
    def date(self) -> str:
        """The article's day: published when known, else added (see ``dated``)."""
        return (self.published or self.added_at)[:10]

    @property
    def dated(self) -> bool:
        """True when ``date`` is the publication date, False when it is the day added."""
        return bool(self.published)


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    title: str
    subtitle: str
    byline: str
    section: str
    body: str
    captions: list[str]
    continued_from: str
    continues_to: str
    kind: str
    script: str
    added_at: str
    source: str
    encoding: str
    source_id: int | None
    published: str | None = None
    url: str | None = None
    site: str = ""

    @property
    def display_title(self) -> str:
        return display_title(self.title, self.section, self.continued_from, self.body)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]


@dataclass
class ArticleFilter:
    """What the article list shows; every field narrows it (all None/False: everything)."""

    query: str = ""  # search text: whitespace-separated terms, all must occur
    unread_only: bool = False
    starred_only: bool = False
    tag: str | None = None
    source: int | str | None = None  # source id, or the path it was imported from
    section: str | None = None
    # "YYYY-MM-DD", inclusive, on the day the article was published (articles whose
    # publication date is unknown are outside every range)
    date_from: str | None = None
    date_to: str | None = None  # "YYYY-MM-DD", inclusive
    undated: bool = False  # True: only the articles whose publication date is unknown
    trashed: bool = False  # True: the trash instead of the library
    feed: int | None = None  # the articles of this subscription (feed id)
    feed_folder: str | None = None  # the articles of the subscriptions in this folder
    # At least one of these words occurs (watch words); None: no such condition, and no
    # words: no article.
    mentions: tuple[str, ...] | None = None


def content_digest(title: str, body: str) -> str:
    """Same text but for how it is laid out, same digest: how duplicates are recognised.

    Unicode's composed form (NFC) is compared, so an NFD copy of a text is the same text;
    white space goes except one space between words of spaced scripts ("can not" is not
    "cannot"), so a Chinese text wrapped differently is the same text. A text without such
    spaces keeps the digest earlier versions gave it (annotation files name articles by it).
    """
    import hashlib  # OpenSSL's library: not before the window paints
    import unicodedata

    def key(text: str) -> str:
        unspaced = re.sub(_UNSPACED, "", unicodedata.normalize("NFC", text))  # re caches it
        return _SPACE.sub(" ", unspaced)

    return hashlib.sha256(f"{key(title)}\n{key(body)}".encode()).hexdigest()


def display_title(title: str, section: str, continued_from: str, body: str) -> str:
    """A title for untitled items (briefs, continuations): label plus the first words."""
    if title:
        return title
    lead = body.strip().split("\n", 1)[0][:18]
    if len(lead) == 18:
        lead += "…"
    label = section or (f"上接{continued_from}" if continued_from else "")
    return f"{label}：{lead}" if label else lead


def now() -> str:
    """The time stamp records carry (ISO 8601, local time with its offset)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Overview:
    total: int  # articles outside the trash
    unread: int
    starred: int
    trashed: int
    watch: tuple[tuple[str, int], ...]  # (watch word, articles mentioning it)
    watched: int  # articles mentioning at least one watch word
    tags: tuple[tuple[str, int], ...]
    sources: tuple[tuple[int, str, int], ...]  # (source id, path, articles)
    sections: tuple[tuple[str, int], ...]
    # ("YYYY-MM-DD" published, else added; articles), newest first
    dates: tuple[tuple[str, int], ...]
    feeds: tuple[Feed, ...] = ()  # subscriptions, by folder then name


@dataclass(frozen=True)
class Feed:
    """A subscription as the sidebar, the CLI and the refresh see it."""

    id: int
    url: str
    name: str  # what the reader calls it: their own name, else the feed's title, else its url
    title: str  # the feed's own title
    site: str  # the site's home page, or ""
    folder: str  # "" when in no folder
    summary_only: bool  # never fetch the linked pages: keep what the feed carries
    interval_minutes: int | None  # None: the app's setting
    ttl_minutes: int | None  # the feed's own lower bound between refreshes
    last_refresh: str | None  # ISO 8601, None before the first
    error: str  # the last refresh's problem, "" when it went well
    unread: int = 0  # its articles outside the trash not read yet
    articles: int = 0  # its articles outside the trash
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0  # refreshes failed in a row
    retry_at: str | None = None  # after failures: not refreshed automatically before this

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.name,
            "url": self.url,
            "site": self.site,
            "folder": self.folder,
            "last_refresh": self.last_refresh,
            "error": self.error or None,
            "unread": self.unread,
            "articles": self.articles,
        }


@dataclass(frozen=True)
class Colour:
    key: str  # stored with each annotation: yellow, green, blue, pink
    label: str  # the user's meaning, e.g. 重点
    hex: str  # default drawing colour; a GUI theme may override it
    # False while the label is the default one: a GUI in another language may show its
    # own translation of it instead (the user's own names are shown as they are).
    renamed: bool = False


# Mid-tone colours that stay readable under black text on a light theme and, drawn
# translucent, under light text on a dark one.
DEFAULT_COLOURS: tuple[Colour, ...] = (
    Colour("yellow", "重点", "#f2c94c"),
    Colour("green", "引用", "#6fcf97"),
    Colour("blue", "疑问", "#56a8e8"),
    Colour("pink", "待查", "#f08cb4"),
)


@dataclass(frozen=True)
class Annotation:
    id: str  # urn:uuid:…
    article_id: int
    start: int  # code points of the ORIGINAL body (old offsets when orphaned)
    end: int
    exact: str
    prefix: str
    suffix: str
    color: str
    note: str
    orphaned: bool
    created: str  # ISO 8601
    modified: str

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.start, self.end, self.exact, self.prefix, self.suffix)

    @classmethod
    def of(
        cls,
        id: str,
        article_id: int,
        anchor: Anchor,
        *,
        color: str,
        note: str,
        created: str,
        modified: str,
        orphaned: bool = False,
    ) -> Annotation:
        """An annotation at ``anchor`` (its position and quote selectors)."""
        return cls(
            id, article_id, anchor.start, anchor.end, anchor.exact, anchor.prefix,
            anchor.suffix, color, note, orphaned, created, modified,
        )  # fmt: skip

    def anchored_at(self, article_id: int, anchor: Anchor) -> Annotation:
        """This annotation moved to ``anchor`` of ``article_id`` (found again: not orphaned)."""
        return Annotation.of(
            self.id, article_id, anchor, color=self.color, note=self.note,
            created=self.created, modified=self.modified,
        )  # fmt: skip


@dataclass(frozen=True)
class VocabularyWord:
    """A word in the reader's vocabulary (生词本), with where it was met."""

    word: str
    reading: str  # pinyin with tone marks, as shown when it was added
    definition: str  # its definitions then, "; " between them
    sentence: str  # the sentence it was met in ("" when added by hand)
    article_id: int | None  # None when added by hand or the article is gone
    article_title: str
    known: bool
    added_at: str
