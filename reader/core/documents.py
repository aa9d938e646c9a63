"""The one entry point the app calls: a file's bytes and name → decoded text and articles."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from reader.core import html_text
from reader.core.decode import UnreadableInput, decode_bytes
from reader.core.pages import (
    Article,
    Line,
    classify,
    split_leading_byline,
    split_lines,
    split_page,
    split_trailing_byline,
)
from reader.core.records import NewArticle

log = logging.getLogger(__name__)

__all__ = ["Article", "ParsedDocument", "UnreadableInput", "parse_document", "split_text"]


@dataclass
class ParsedDocument:
    text: str  # decoded, normalised source text (kept for re-splitting with split_text)
    encoding: str  # codec used: 'utf-8', 'utf-16-le', 'gb18030', 'big5', ...
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)


def parse_document(data: bytes, name: str) -> ParsedDocument:
    """Decode and split a file. Raises UnreadableInput (one clear line) for non-text input."""
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
    try:
        if fmt == "html":
            return _html_articles(text)
        if fmt == "md":
            return _markdown_articles(text)
        return split_page(text)
    except RecursionError:  # pathological nesting: fall back to the plain page rules
        log.warning("%s: falling back to plain text rules", name)
        return split_page(text)


def _format(text: str, name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix == ".txt":
        return "txt"
    return "html" if html_text.looks_like_html(text) else "txt"


# --- HTML ----------------------------------------------------------------------------------


def _html_articles(text: str) -> list[Article]:
    doc = html_text.extract(text)
    out = []
    for ha in doc.articles:
        art = _html_article(ha)
        if art is not None:
            out.append(art)
    return out


def _html_article(ha: html_text.HtmlArticle) -> Article | None:
    captions = [b.text for b in ha.blocks if b.kind == "caption"]
    paras = [b.text for b in ha.blocks if b.kind != "caption"]
    byline = ""
    # A byline/dateline opening the first paragraph or standing alone before the body.
    if paras and classify(paras[0]) == "byline":
        byline = paras.pop(0)
    elif paras:
        lead, rest = split_leading_byline(paras[0])
        if lead:
            byline, paras[0] = lead, rest
    if paras and not byline:
        rest, trailing = split_trailing_byline(paras[-1])
        if trailing:
            byline, paras[-1] = trailing, rest
    body = "\n".join(p for p in paras if p)
    title = ha.title
    if not body:
        if not captions and not title:
            return None
        if not captions:
            body, title = title, ""
    return Article(
        title=title,
        body=body,
        byline=byline,
        captions=captions,
        kind="article" if body else "photo",
    )


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
