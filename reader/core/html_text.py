"""Main text of an HTML page, with the stdlib parser only (never fetches anything).

Script/style and page chrome (nav, header, footer, aside, forms) never reach the text.
Block elements end paragraphs; <br> ends a line. The title is the first <h1>, else <title>.
A page holding several <article> elements gives one HtmlArticle per element.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from reader.core import html_raw

log = logging.getLogger(__name__)

# Whose text is never article text.
_SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
        "form", "button", "select", "textarea", "svg", "math", "iframe", "object",
        "canvas", "video", "audio", "head", "menu", "dialog",
    }
)  # fmt: skip
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dt",
        "dd", "table", "tr", "td", "th", "thead", "tbody", "pre", "figure", "figcaption",
        "hr", "address", "h1", "h2", "h3", "h4", "h5", "h6", "center", "body", "html",
        "caption", "details", "summary",
    }
)  # fmt: skip
_VOID = frozenset(
    {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_CJK = "\u3000-\u9fff\uff00-\uffef"
# Source line breaks between hanzi are wrapping, not spaces.
_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t]*[\r\n][ \t\r\n]*(?=[{_CJK}])")


@dataclass
class Block:
    kind: str  # "p" | "h1".."h6" | "caption"
    text: str


@dataclass
class HtmlArticle:
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class HtmlDocument:
    title: str  # first <h1>, else <title>
    articles: list[HtmlArticle]


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.open_count: Counter[str] = Counter()  # tags on the stack: stray ends in O(1)
        self.skip_depth = 0
        self.buf: list[str] = []
        self.buf_kind = "p"
        # (article index or -1 outside any <article>, block)
        self.blocks: list[tuple[int, Block]] = []
        self.article_depth = 0
        self.article_index = -1
        self.articles_seen = 0
        self.caption_depth = 0
        self.heading: str | None = None

    # text buffering

    def _flush(self) -> None:
        text = _SPACE.sub(" ", _WRAP.sub("", "".join(self.buf))).strip()
        self.buf = []
        if not text:
            return
        kind = self.heading or ("caption" if self.caption_depth else "p")
        self.blocks.append((self.article_index if self.article_depth else -1, Block(kind, text)))

    def _line_break(self) -> None:
        self._flush()

    # parser callbacks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self._line_break()
            return
        self.stack.append(tag)
        self.open_count[tag] += 1
        if self.skip_depth or tag in _SKIP or hidden:
            self.skip_depth += 1
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "article":
            if self.article_depth == 0:
                self.article_index = self.articles_seen
                self.articles_seen += 1
            self.article_depth += 1
        elif tag == "figcaption":
            self.caption_depth += 1
        elif tag in _HEADINGS:
            self.heading = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and not self.skip_depth:
            self._line_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.open_count[tag]:
            return  # stray or void end tag
        # Pop up to the matching tag (HTML in the wild leaves tags unclosed).
        while self.stack:
            open_tag = self.stack.pop()
            self.open_count[open_tag] -= 1
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "article":
            self.article_depth = max(0, self.article_depth - 1)
        elif tag == "figcaption":
            self.caption_depth = max(0, self.caption_depth - 1)
        elif tag in _HEADINGS:
            self.heading = None

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.buf.append(data)

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close(self.stack.pop())
        self._flush()


def looks_like_html(text: str) -> bool:
    """Sniff: a doctype or a few common tags near the start."""
    head = text[:2048].lower()
    if re.match(r"\s*<!doctype html|\s*<html[\s>]", head):
        return True
    return len(re.findall(r"<(?:p|div|br|body|head|h1|h2|span|a|table)[\s>/]", head)) >= 2


def extract(html: str) -> HtmlDocument:
    """Paragraph blocks of the page's main text, grouped by <article> when there are several."""
    text, raw = html_raw.cut(html)
    parser = _Extractor()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser is lenient; a defect here must not lose the text
        log.exception("HTML parser failed; keeping what was extracted")
    page_title = _SPACE.sub(" ", raw.title).strip()
    blocks = parser.blocks
    h1 = next((b.text for _, b in blocks if b.kind == "h1"), "")
    title = h1 or page_title

    in_articles: dict[int, list[Block]] = {}
    for idx, b in blocks:
        if idx >= 0:
            in_articles.setdefault(idx, []).append(b)
    filled = [bs for bs in in_articles.values() if any(b.kind != "caption" for b in bs)]
    if len(filled) >= 2:
        arts = []
        for bs in filled:
            head = next((b for b in bs if b.kind in _HEADINGS), None)
            rest = [b for b in bs if b is not head]
            arts.append(HtmlArticle(head.text if head else "", rest))
        return HtmlDocument(title, arts)

    body = [b for _, b in blocks]
    if h1:
        first = next(i for i, b in enumerate(body) if b.kind == "h1")
        # Blocks before the headline are chrome (breadcrumbs, kickers) unless that is all.
        body = body[:first] + body[first + 1 :] if first else body[1:]
    return HtmlDocument(title, [HtmlArticle(title, body)])
