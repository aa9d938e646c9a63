"""The one entry point the app calls: a file's bytes and name → decoded text and articles.

One sniff (:func:`sniff`) says what the bytes are, then one reader per kind: a web page
(HTML, MHTML, a webarchive; :mod:`reader.core.webpage`) is one article with its date,
address and site; Markdown and newspaper text are split into their articles
(:mod:`reader.core.pages`). Every kind ends in the same :class:`Article` records.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from reader.core import decode, html_text, saved_page
from reader.core.decode import UnreadableInput, decode_bytes
from reader.core.pages import (
    Article,
    Line,
    page_date,
    split_leading_byline,
    split_lines,
    split_page,
)
from reader.core.records import NewArticle

log = logging.getLogger(__name__)

__all__ = [
    "Article",
    "NotAnArticle",
    "ParsedDocument",
    "UnreadableInput",
    "parse_document",
    "sniff",
    "split_text",
]

# What a document is (sniff): a web page, Markdown or plain (newspaper) text.
WEB, MARKDOWN, TEXT = "html", "md", "txt"
WEB_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".webarchive")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text")
# Deeper nesting than this is no news page (real ones stay under a hundred levels).
MAX_DEPTH = 2000


class NotAnArticle(UnreadableInput):
    """A web page that is not one article (a list of links, a login wall): imported only
    when asked to take it as plain text."""


@dataclass
class ParsedDocument:
    text: str  # decoded, normalised source text (kept for re-splitting with split_text)
    encoding: str  # codec used: 'utf-8', 'utf-16-le', 'gb18030', 'big5', ...
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)


def sniff(data: bytes, name: str) -> str:
    """WEB, MARKDOWN or TEXT: a saved-page container by its bytes, else by the name's
    suffix, else HTML markup near the start."""
    if saved_page.sniff(data) != saved_page.HTML:
        return WEB
    by_name = _format_of_name(name)
    if by_name is not None:
        return by_name
    head = data[:4096].replace(b"\0", b"").decode("latin-1")
    return WEB if html_text.looks_like_html(head) else TEXT


def parse_document(
    data: bytes,
    name: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    as_text: bool = False,
) -> ParsedDocument:
    """Read a file (or a fetched page: ``url``, and the ``charset`` its server declared).
    Raises UnreadableInput (one clear line) for what cannot be read, NotAnArticle for a
    web page that is not an article unless ``as_text`` (then its text is read as a page
    of plain text)."""
    if not data:
        raise UnreadableInput("empty file")
    if url is not None or sniff(data, name) == WEB:
        return _parse_web(data, url, charset, as_text)
    decoded = decode_bytes(data)
    articles = split_text(decoded.text, name)
    if not articles:
        raise UnreadableInput("no article text found")
    if len(articles) == 1:
        _title_a_lone_article(articles[0])
    return ParsedDocument(decoded.text, decoded.encoding, articles, decoded.warnings)


# A derived title: at most this many characters (a long headline is about 20).
LEAD_TITLE_CHARS = 24
_SENTENCE_END = re.compile(r"[。！？!?；;…]")
_BREAKS = "，,、：: "


def to_new_article(a: Article) -> NewArticle:
    """A split article as the store takes it, with the script it is written in."""
    from reader.core import scripts  # its tables: only once something is imported

    return NewArticle(
        title=a.title,
        subtitle=a.subtitle,
        byline=a.byline,
        section=a.section,
        body=a.body,
        captions=list(a.captions),
        continued_from=a.continued_from,
        continues_to=a.continues_to,
        kind=a.kind,
        script=scripts.detect_script("\n".join((a.title, a.subtitle, a.body))),
        published=a.published,
        url=a.url,
        site=a.site,
        web=a.web,
    )


def lead_title(body: str) -> str:
    """A title from the text itself: its first sentence, cut to a headline's length
    (at a comma or space when there is one near the end, else with an ellipsis)."""
    first = body.strip().split("\n", 1)[0].strip()
    stop = _SENTENCE_END.search(first)
    if stop and stop.start() > 0:
        first = first[: stop.start()]
    if len(first) <= LEAD_TITLE_CHARS:
        return first
    cut = max(first.rfind(c, 0, LEAD_TITLE_CHARS) for c in _BREAKS)
    if cut >= LEAD_TITLE_CHARS // 2:
        return first[:cut].rstrip()
    return first[: LEAD_TITLE_CHARS - 1] + "…"


def _title_a_lone_article(article: Article) -> None:
    """A page that is one untitled article (a note, a pasted paragraph, a page without
    a headline) takes its first sentence as its title; the body stays as it was.
    Briefs and continuations on a real page are labelled by the list instead."""
    if article.title or article.section or article.continued_from or not article.body.strip():
        return
    article.title = lead_title(article.body)


def split_text(text: str, name: str) -> list[Article]:
    """Articles from already decoded text; the format comes from the name (or sniffing)."""
    fmt = _format(text, name)
    if fmt == WEB:  # a stored web page read again
        url = name if name.startswith(("http://", "https://")) else None
        try:
            return [web_article(text, url)]
        except UnreadableInput:
            return []
    try:
        articles = _markdown_articles(text) if fmt == MARKDOWN else split_page(text)
    except RecursionError:  # pathological nesting: fall back to the plain page rules
        log.warning("%s: falling back to plain text rules", name)
        articles = split_page(text)
    published = page_date(text)
    if published:
        for a in articles:
            a.published = a.published or published
    return articles


def _format_of_name(name: str) -> str | None:
    if name.startswith(("http://", "https://")):
        return WEB
    suffix = PurePath(name).suffix.lower()
    if suffix in WEB_SUFFIXES:
        return WEB
    if suffix in MARKDOWN_SUFFIXES:
        return MARKDOWN
    if suffix in TEXT_SUFFIXES:
        return TEXT
    return None


def _format(text: str, name: str) -> str:
    fmt = _format_of_name(name) or (WEB if html_text.looks_like_html(text) else TEXT)
    if fmt == WEB and not html_text.looks_like_html(text):
        return TEXT  # a web page imported as text keeps its text, not its markup
    return fmt


# --- web pages -----------------------------------------------------------------------------


def _parse_web(data: bytes, url: str | None, charset: str | None, as_text: bool) -> ParsedDocument:
    if saved_page.sniff(data) == saved_page.HTML and (what := decode.sniff_binary(data)):
        raise UnreadableInput(f"not a web page (looks like {what})")
    try:
        page = saved_page.unpack(data, strict=True)
    except saved_page.DamagedPageError as e:
        raise UnreadableInput(str(e)) from e
    from reader.core import webpage

    text, codec = webpage.decode_html(page.html, charset or page.charset)
    warnings = [w] if (w := decode.replaced(page.html, text, codec)) else []
    text = decode.normalise(text)
    if not text.strip():
        raise UnreadableInput("empty file (only whitespace)")
    if decode._looks_binary(text):
        raise UnreadableInput("not a web page (binary data)")
    if url is None and _cut_off(text):
        raise UnreadableInput("the page is cut off (it ends before </html>); save it again")
    if as_text:
        plain = page_text(text)
        articles = split_page(plain)
        if not articles:
            raise UnreadableInput("no text found on this page")
        if len(articles) == 1:
            _title_a_lone_article(articles[0])
        return ParsedDocument(plain, codec, articles, warnings)
    return ParsedDocument(text, codec, [web_article(text, url or page.url)], warnings)


def _cut_off(text: str) -> bool:
    """A whole document (<!doctype or <html> first) without its end."""
    head = text[:1024].lstrip("\ufeff \n\t").lower()
    if not head.startswith(("<!doctype html", "<html")):
        return False
    return "</html" not in text[-65536:].lower() and "</body" not in text[-65536:].lower()


def page_text(html: str) -> str:
    """A page's visible text as plain text: its title, then headings and paragraphs."""
    doc = html_text.extract(html)
    lines = [doc.title, ""] if doc.title else []
    for article in doc.articles:
        if article.title and article.title != doc.title:
            lines += ["", article.title, ""]
        for block in article.blocks:
            if block.kind.startswith("h"):
                lines += ["", block.text, ""]
            else:
                lines.append(block.text)
    return "\n".join(lines)


def web_article(html: str, url: str | None = None) -> Article:
    """The one article of a decoded web page, with its date, address and site.

    UnreadableInput when it has no text or is no news page, NotAnArticle when it reads as
    a list of links or a login page."""
    from reader.core import webpage

    art = webpage.extract_html(html, url)
    if art.depth > MAX_DEPTH:
        raise UnreadableInput(f"not a news page (its tags are nested {art.depth} deep)")
    if problem := not_an_article(art):
        raise NotAnArticle(problem)
    if not art.paragraphs:
        raise UnreadableInput("no article text found")
    title, paras = _headline(art.title, list(art.paragraphs), html)
    if not paras:  # a page of one line: it is the text (titled by the page title, if any)
        title, paras = art.title, list(art.paragraphs)
    byline = ""
    if paras:
        lead, rest = split_leading_byline(paras[0])
        if lead:
            byline = lead
            paras[0:1] = [rest] if rest else []
    author = art.author or ""
    if author and author not in byline:
        byline = f"{author} {byline}".strip()
    if art.source and art.source not in byline:
        byline = f"{byline}　来源：{art.source}".strip("　")
    body = "\n".join(paras)
    if not title:
        title = lead_title(body)
    return Article(
        title=title,
        body=body,
        subtitle=art.subtitle or "",
        byline=byline,
        captions=list(art.captions),
        kind="article",
        published=art.published,
        url=canonical_url(art.url) if art.url else None,
        site=art.site or "",
        web=True,
    )


# Little text among many links: a list of headlines, an index, a forum's front page.
_MIN_TEXT = 400  # characters of article text that make a page an article whatever else
_MOSTLY_LINKS = 0.5  # share of the page's text inside links
_SENTENCES = re.compile(r"[。！？!?]")
_FORUM_POSTS = 3  # post headers (楼主, 2楼, 发表于 …) that make a page a thread
_LOG_IN = re.compile(
    r"登录|登入|登錄|註冊|注册|log ?in|sign ?in|subscribe|订阅|訂閱", re.IGNORECASE
)
_FORUM_SOFTWARE = re.compile(
    r"discuz|phpbb|vbulletin|phpwind|discourse|xenforo|flarum|mybb|simple machines|invision",
    re.IGNORECASE,
)
_FORUM_URL = re.compile(
    r"//(?:bbs|forum|club|tieba)\.|/(?:thread-\d|viewthread\.php|showtopic|forum\.php)",
    re.IGNORECASE,
)


def not_an_article(art) -> str | None:  # art: webpage.WebArticle
    """Why the page does not read as one article (a list of headlines, a forum thread, a
    login wall), or None."""
    text = len("".join(art.text.split()))
    few_sentences = len(_SENTENCES.findall(art.text)) < 2
    asks_to_log_in = _LOG_IN.search(art.text) is not None and text < _MIN_TEXT
    if art.password and (not art.paragraphs or few_sentences or asks_to_log_in):
        return "a login page, not an article"
    forum_made = _FORUM_SOFTWARE.search(art.generator or "") or _FORUM_URL.search(art.url or "")
    if forum_made or art.posts >= _FORUM_POSTS:
        return "a forum thread, not a news article"
    if art.wall and text < _MIN_TEXT:
        return f"only the start of an article: the rest is for members («{art.wall}»)"
    page = max(art.page_chars, 1)
    links = art.link_chars / page
    if not art.paragraphs and art.page_chars >= 100:
        return (
            f"no article on this page ({art.page_chars} characters of text,"
            f" {links:.0%} of them in links): a list of headlines or an index?"
        )
    if text < _MIN_TEXT and links > _MOSTLY_LINKS and few_sentences:
        return (
            f"looks like a list of links, not an article ({text} characters of text,"
            f" {links:.0%} of the page in links)"
        )
    return None


_TITLE_PARTS = re.compile(r"\s*[|｜_—–\-－:：·]\s*|\s{2,}")


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)


def _headline(title: str, paras: list[str], html: str) -> tuple[str, list[str]]:
    """The headline, when the extractor left it as the first paragraph (the page title
    being "site | headline", or only the site's name), taken out of the body."""
    title = title.strip()
    if paras and len(paras[0]) <= 40 and not _SENTENCE_END.search(paras[0][-1:]):
        first = paras[0].strip()
        parts = [p for p in _TITLE_PARTS.split(title) if p] if title else []
        if not title or first == title or first in parts or first in _h1_texts(html):
            return first, paras[1:]
    return title, paras


def _h1_texts(html: str) -> list[str]:
    """The text of the page's first few <h1> elements."""
    import html as entities

    found = []
    for m in _H1.finditer(html[:1_000_000]):
        found.append(" ".join(entities.unescape(re.sub(r"<[^>]*>", "", m.group(1))).split()))
        if len(found) == 5:
            break
    return found


# Query parameters that only say where a reader came from.
_TRACKING = re.compile(
    r"^(?:utm_\w+|spm|from|fromid|share\w*|fbclid|gclid|scene|srcid|wfr|isappinstalled"
    r"|timestamp|_wv|sharer_\w+|clicktime|enterid|ref)$",
    re.IGNORECASE,
)


def canonical_url(url: str) -> str:
    """The address a page is known by: lower-case scheme and host, no default port, no
    fragment, no tracking parameters (the others sorted)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


# --- Markdown ------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
_MD_EMPH = [
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(\*)(?=[^\s*])(.+?)(?<=[^\s*])\*"),
    # _x_ only outside Latin words (snake_case stays); hanzi around it are fine.
    re.compile(r"(?<![A-Za-z0-9_])(_)(?=\S)(.+?)(?<=\S)_(?![A-Za-z0-9_])"),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(`+)(.+?)\1"),
]
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_LIST_ITEM = re.compile(r"^\s*(?:>\s?)*(?:[-*+]|\d{1,3}[.)])\s+(?=\S)")


def strip_inline_markdown(s: str) -> str:
    """Plain text of one Markdown line: no images, links keep their text, no emphasis marks."""
    s = _MD_IMAGE.sub("", s)
    s = _MD_LINK.sub(r"\1", s)
    s = _MD_REF_LINK.sub(r"\1", s)
    for pat in _MD_EMPH:
        s = pat.sub(r"\2", s)
    return (
        s.replace("\\", "").strip()
        if "\\" in s and re.search(r"\\[\\`*_{}\[\]()#+\-.!]", s)
        else s.strip()
    )


def _markdown_lines(text: str) -> list[Line]:
    raw = text.split("\n")
    levels = [len(m.group(1)) for ln in raw if (m := _MD_HEADING.match(ln))]
    top = min(levels) if levels else 0
    # The top heading level present starts articles; deeper levels are subheads inside them.
    headline_levels = {top}
    out: list[Line] = []
    gap = 0
    in_fence = False
    para: list[str] = []  # soft-wrapped lines of one Markdown paragraph

    def end_para() -> None:
        nonlocal gap
        if para:
            text_ = para[0]
            for nxt in para[1:]:
                text_ += _soft_break(text_, nxt) + nxt
            out.append(Line(text_, gap, None, layout=False))
            para.clear()
            gap = 0

    for ln in raw:
        if ln.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or _MD_REF_DEF.match(ln) or _MD_RULE.match(ln) or not ln.strip():
            end_para()
            gap += 1
            continue
        m = _MD_HEADING.match(ln)
        item = _MD_LIST_ITEM.match(ln)
        if m or item:
            end_para()
            if m:
                text_ = strip_inline_markdown(m.group(2))
                forced = "headline" if len(m.group(1)) in headline_levels else "subhead"
            else:
                assert item is not None  # m or item
                text_, forced = strip_inline_markdown(ln[item.end() :]), "subhead"
            if text_:
                out.append(Line(text_, gap, forced, layout=False))
                gap = 0
            continue
        text_ = strip_inline_markdown(_MD_QUOTE.sub("", ln))
        if text_:
            para.append(text_)
    end_para()
    return out


def _soft_break(a: str, b: str) -> str:
    """A wrapped Markdown line is a space in Latin text and nothing between hanzi."""
    return " " if a[-1].isascii() and b[0].isascii() else ""


def _markdown_articles(text: str) -> list[Article]:
    return split_lines(_markdown_lines(text))
