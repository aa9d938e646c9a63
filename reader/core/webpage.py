"""A saved news page → the article: title, date, reporter, source and the body, nothing else.

One call, `extract(data, url=None)`, takes the bytes of a saved page (HTML, MHTML or a Safari
webarchive; see saved_page) and returns a WebArticle. Stdlib only, never fetches anything.

How:

1. Decoding: a BOM, else the charset the container or a <meta> declares if the bytes really
   decode that way (valid UTF-8 wins over a wrong label), else plausibility/detection.
2. Raw text elements (<script>, <style>, <noscript>, <textarea>, …) and comments are cut out
   with the browser's rules *before* parsing, so no parser quirk can let their text through;
   JSON-LD is read first. The stdlib parser then builds a small tree without hidden elements
   (hidden, aria-hidden, inline display:none/visibility:hidden, d-none or a closed collapse
   class) and page chrome (<nav>, <aside>, <footer>, <template>, forms' controls, media).
3. The body: every element is scored by text density as in GNE (non-link characters per
   non-link descendant tag, the count raised to 0.8 rather than 1 so a lone dense box does
   not beat a long text) × log of paragraphs × log of punctuation per link character,
   weighted by readability-style class/id hints of the element and its ancestors, doubled
   when it starts at the headline. Siblings that continue its text join it (readability's
   rule). Its blocks are then cleaned: link-dense blocks, lines inside share/related boxes,
   share/related/copyright/editor/disclaimer lines and the dateline/byline are dropped;
   image captions (figcaption, caption classes, centred lines under a picture, picture
   credits) are set apart. A page whose text is all hidden by inline style (WeChat reveals
   its article by script) is read again with that text.
4. Metadata: JSON-LD NewsArticle, OpenGraph and <meta> first; the headline is the <h1> that
   the page title contains (else the title without its site suffix); date, reporter and
   source otherwise come from the lines between the headline and the body, the date last
   from the address.
"""

from __future__ import annotations

import codecs
import html
import logging
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from urllib.parse import unquote

from reader.core import decode, html_raw, saved_page

log = logging.getLogger(__name__)


@dataclass
class WebArticle:
    title: str = ""
    subtitle: str | None = None
    author: str | None = None  # the reporter(s), as the page writes them
    source: str | None = None  # the outlet of the 来源 line
    published: str | None = None  # ISO 8601: "2023-05-01" or "2023-05-01T10:20[:ss][±hh:mm]"
    site: str | None = None
    url: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    editor: str | None = None  # 责任编辑, kept out of the body
    description: str | None = None
    encoding: str = ""
    kind: str = saved_page.HTML
    # What the page is like, for telling an article from a list of links or a login wall:
    # its visible characters, those inside links, the deepest nesting of its tags, and
    # whether it asks for a password.
    page_chars: int = 0
    link_chars: int = 0
    depth: int = 0
    password: bool = False
    generator: str | None = None  # the software that made the page (<meta name=generator>)
    # The line that says the rest is for members (已過查詢時效…加入付費會員), when the page
    # shows only the start of the article; and how many forum post headers (楼主, 2楼,
    # 发表于 2024-…) it has, counted when the first stands above the end of the text.
    wall: str | None = None
    posts: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


# --- decoding ------------------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312", "csgb2312", "euc-cn", "cp936", "gb18030"}
_ASCII_WIDE = {"utf-16", "utf-16le", "utf-16be", "utf-32"}


def _canonical_codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _GB:
        return "gb18030"
    if label in ("big5", "big-5", "cn-big5", "x-x-big5", "csbig5", "big5-hkscs"):
        return "big5hkscs"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "gb18030" if name in ("gb2312", "gbk") else name


def _bad_fraction(data: bytes, codec: str) -> float:
    text = data.decode(codec, errors="replace")
    return text.count("\ufffd") / max(1, len(text))


def _plausible(data: bytes, codec: str) -> float:
    """How plausible the non-markup text decoded with codec is (decode.plausibility)."""
    sample = re.sub(rb"<[^>]*>|[\x00-\x20]+", b" ", data[: 256 * 1024])
    high = b" ".join(re.findall(rb"[^\x00-\x7f]+", sample))[: 32 * 1024]
    if not high:
        return 1.0
    return decode.plausibility(high.decode(codec, errors="replace"), codec)


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, codec) of an HTML document: BOM, a sane declared charset, else detection."""
    for bom, bom_codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                           (codecs.BOM_UTF16_BE, "utf-16-be")):  # fmt: skip
        if data.startswith(bom):
            return data[len(bom) :].decode(bom_codec, errors="replace"), bom_codec
    nuls = decode._utf16_by_nuls(data[:4096])
    if nuls:
        return data.decode(nuls, errors="replace"), nuls
    labels = [declared] + [
        m.decode("ascii", "replace") for m in _META_CHARSET.findall(data[:16384])
    ]
    codec = next((c for c in map(_canonical_codec, labels) if c), None)
    if codec in _ASCII_WIDE or codec == "utf-7":
        codec = None  # an ASCII-compatible document cannot be UTF-16: the label lies
    has_high = re.search(rb"[\x80-\xff]", data) is not None
    if not has_high:
        return data.decode("ascii", errors="replace"), codec or "ascii"
    try:  # valid UTF-8 with non-ASCII text is UTF-8, whatever the label says
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_bad = exc.start < len(data) - 4
    if decode.mostly_utf8(data):  # and so is UTF-8 with a stray byte
        return data.decode("utf-8", errors="replace"), "utf-8"
    if codec and codec != "utf-8":
        if _bad_fraction(data, codec) < 0.002 and _plausible(data, codec) >= 0.6:
            return data.decode(codec, errors="replace"), codec
    elif codec == "utf-8" and _bad_fraction(data, "utf-8") < 0.002:
        return data.decode("utf-8", errors="replace"), "utf-8"
    if not utf8_bad:
        return data.decode("utf-8", errors="replace"), "utf-8"
    best, best_score = "utf-8", float("-inf")  # whatever the bytes, some codec
    for cand in ("gb18030", "big5hkscs", "utf-8"):
        score = _plausible(data, cand) - 10 * _bad_fraction(data, cand)
        if score > best_score + 1e-9:
            best, best_score = cand, score
    if best_score < 0.6:
        guessed = decode._charset_normalizer_guess(data[: 256 * 1024])
        if guessed:
            best = _canonical_codec(guessed) or best
    log.debug("page charset guessed as %s (declared %s)", best, codec)
    return data.decode(best, errors="replace"), best


# --- raw text elements and comments: cut out before parsing (html_raw) ------------------


def _cut_raw(text: str) -> tuple[str, html_raw.RawParts]:
    cut, raw = html_raw.cut(text)
    raw.title = _clean(raw.title)
    return cut, raw


# --- a small tree ---------------------------------------------------------------------------

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    ]
)
_DROP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "nav",
        "aside",
        "footer",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "map",
        "dialog",
        "menu",
        "head",
        "label",
    ]
)
_BLOCK = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "br",
    ]
)
_CLOSES_P = _BLOCK - {"br", "td", "th", "tr", "li", "dd", "dt", "tbody", "thead", "tfoot",
                      "caption", "body", "html", "figcaption", "summary"}  # fmt: skip
# Classes that CSS frameworks hide (Bootstrap's collapse without show, d-none, sr-only, …).
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:hidden|hide|d-none|sr-only|visually-hidden|screen-reader-text|invisible)(?:\s|$)"
)
# A <p> closes at another block's start unless one of these lies between.
_P_SCOPE = ("div", "td", "th", "li", "table", "section", "article", "blockquote")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden_class(cls: str) -> bool:
    if not cls:
        return False
    cls = cls.lower()
    if _HIDDEN_CLASS.search(cls):
        return True
    words = cls.split()
    return "collapse" in words and "show" not in words and "in" not in words


class Node:
    __slots__ = ("_hint", "attrs", "children", "parent", "stats", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent
        self.stats: _Stats | None = None
        self._hint: str | None = None

    def hint(self) -> str:
        """class and id, lower case ("" for neither)."""
        if self._hint is None:
            a = self.attrs
            self._hint = (
                (a.get("class", "") + " " + a.get("id", "")).lower().strip()
                if "class" in a or "id" in a
                else ""
            )
        return self._hint

    def iter(self) -> list[Node]:
        out: list[Node] = []
        todo: list[Node] = [self]
        while todo:
            n = todo.pop()
            out.append(n)
            todo.extend(c for c in reversed(n.children) if isinstance(c, Node))
        return out

    def within(self, other: Node) -> bool:
        n: Node | None = self
        while n is not None:
            if n is other:
                return True
            n = n.parent
        return False


class _Builder(HTMLParser):
    def __init__(self, styled_hidden: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.styled_hidden = styled_hidden  # keep inline display:none/visibility:hidden
        self.root = Node("#root", {}, None)
        self.stack: list[Node] = [self.root]
        self.at: dict[str, list[int]] = {}  # tag → its indexes on the stack, innermost last
        self.metas: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.dated: list[tuple[str, dict[str, str]]] = []  # <time>/itemprop date elements
        self.bylines: list[Node] = []  # rel=author / itemprop=author elements
        self.depth = 0  # the deepest nesting of open elements
        self.password = False  # a password field: a login page

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: (v or "") for k, v in attr_list}
        if tag == "meta":
            self.metas.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        if tag in _CLOSES_P or tag == "p":
            self._close_p()
        elif tag == "li":
            self._close_to(("li",), ("ul", "ol"))
        elif tag in ("dt", "dd"):
            self._close_to(("dt", "dd"), ("dl",))
        elif tag in ("td", "th"):
            self._close_to(("td", "th"), ("tr", "table"))
        elif tag == "tr":
            self._close_to(("tr",), ("table", "tbody", "thead"))
        top = self.stack[-1]
        hidden = False
        itemprop = ""
        if attrs:
            itemprop = attrs.get("itemprop", "").lower()
            if tag == "time" or "datepublished" in itemprop:
                self.dated.append((tag, attrs))
            hidden = (
                "hidden" in attrs
                or attrs.get("aria-hidden", "").lower() == "true"
                or (
                    not self.styled_hidden
                    and "style" in attrs
                    and bool(_HIDDEN_STYLE.search(attrs["style"]))
                )
                or (tag == "input" and attrs.get("type", "").lower() == "hidden")
                or _hidden_class(attrs.get("class", ""))
            )
        # Dropped subtrees are built detached: their text never reaches the page's tree.
        node = Node(tag, attrs, None if hidden or tag in _DROP else top)
        if node.parent is not None:
            top.children.append(node)
        if attrs and ("author" in attrs.get("rel", "").lower() or itemprop == "author"):
            self.bylines.append(node)
        if tag not in _VOID:
            self.at.setdefault(tag, []).append(len(self.stack))
            self.stack.append(node)
            self.depth = max(self.depth, len(self.stack))
        elif tag == "input" and attrs.get("type", "").lower() == "password":
            self.password = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # browsers ignore "/>" on non-void elements

    # Where each open tag sits on the stack, so that closing finds it without walking the
    # stack: a page of thousands of nested tags and stray end tags stays linear.

    def _innermost(self, tags: tuple[str, ...]) -> int:
        return max((self.at[t][-1] for t in tags if self.at.get(t)), default=0)

    def _truncate(self, index: int) -> None:
        for node in self.stack[index:]:
            self.at[node.tag].pop()
        del self.stack[index:]

    def _close_p(self) -> None:
        self._close_to(("p",), _P_SCOPE)

    def _close_to(self, tags: tuple[str, ...], scope: tuple[str, ...]) -> None:
        index = self._innermost(tags)
        if index and index > self._innermost(scope):
            self._truncate(index)

    def handle_endtag(self, tag: str) -> None:
        if index := self._innermost((tag,)):
            self._truncate(index)
        elif tag in ("p", "br"):  # </p> alone and </br> act as a break
            self.stack[-1].children.append(Node("br", {}, self.stack[-1]))

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


# --- text and statistics --------------------------------------------------------------------

# The ideographic space is kept (a dateline's 本报北京5月1日电　…, a headline's two parts).
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200d\u202f\u205f\ufeff]+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\r]*\n\s*(?=[{_CJK}])")
_PUNCT = re.compile(r"[，。！？；：、“”‘’（）《》「」『』…,.!?;:\"]")


def _clean(text: str) -> str:
    """One line: a line break between two CJK characters is wrapping and goes; other runs
    of space become one space."""
    if "\n" in text:
        text = _CJK_GAP.sub("", text)
    return _WS.sub(" ", text).strip(" \u3000")


@dataclass
class _Stats:
    chars: int = 0  # non-space characters
    link_chars: int = 0
    tags: int = 0  # structural descendants (inline formatting is not counted)
    link_tags: int = 0
    punct: int = 0
    paras: int = 0


def _visible_len(text: str) -> int:
    return len("".join(text.split()))


_INLINE = frozenset(
    [
        "span",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "font",
        "small",
        "big",
        "sup",
        "sub",
        "abbr",
        "cite",
        "code",
        "mark",
        "q",
        "s",
        "strike",
        "tt",
        "var",
        "wbr",
        "kanhanbypass",
    ]
)


def _leaf_text(node: Node) -> bool:
    """A block holding text but no blocks: a paragraph written with another tag."""
    has_text = False
    for c in node.children:
        if isinstance(c, str):
            has_text = has_text or not c.isspace()
        elif c.tag in _BLOCK and c.tag != "br":
            return False
    return has_text


def _compute_stats(root: Node) -> None:
    for node in reversed(root.iter()):  # children before parents
        s = _Stats()
        in_link = node.tag == "a"
        if in_link:
            s.link_tags = 1
        if node.tag == "p" or (node.tag in ("div", "section", "td") and _leaf_text(node)):
            s.paras = 1
        if node.tag != "p":  # lines broken by <br> in a <div> are its paragraphs
            s.paras += sum(1 for c in node.children if isinstance(c, Node) and c.tag == "br")
        for c in node.children:
            if isinstance(c, str):
                n = _visible_len(c)
                s.chars += n
                if in_link:
                    s.link_chars += n
                else:
                    s.punct += len(_PUNCT.findall(c))
            else:
                cs = c.stats
                assert cs is not None
                s.chars += cs.chars
                s.link_chars += cs.chars if in_link else cs.link_chars
                s.tags += cs.tags + (c.tag not in _INLINE)
                s.link_tags += cs.link_tags
                s.punct += 0 if in_link else cs.punct
                s.paras += cs.paras
        node.stats = s


@dataclass
class _Block:
    text: str
    owner: Node  # the innermost block element holding it
    link_chars: int
    caption: bool
    heading: str  # "h1".."h6" or ""
    has_img: bool


_CAPTION_HINT = re.compile(
    r"caption|pic_?t(?:e)?xt|img_?(?:t(?:e)?xt|desc|title)|photo_?(?:t(?:e)?xt|desc)|figcap"
    r"|imgnote|pictext|picdesc|pic_?info|image_?desc"
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _blocks(root: Node) -> list[_Block]:
    """The tree's text as lines in document order, each with its block element."""
    out: list[_Block] = []
    buf: list[str] = []
    state = {"links": 0, "img": False}

    def flush(owner: Node, caption: bool, heading: str) -> None:
        text = _clean("".join(buf))
        buf.clear()
        if text:
            link = min(state["links"], len(text))
            out.append(_Block(text, owner, link, caption, heading, bool(state["img"])))
        elif state["img"]:  # an image alone: kept as a marker for the caption after it
            out.append(_Block("", owner, 0, caption, heading, True))
        state["links"] = 0
        state["img"] = False

    # Iterative walk: (node, entering?) with the context each node opens.
    todo: list[tuple[Node | str, bool, Node, bool, str, bool]] = [
        (root, True, root, False, "", False)
    ]
    while todo:
        item, entering, owner, caption, heading, in_link = todo.pop()
        if isinstance(item, str):
            buf.append(item)
            if in_link:
                state["links"] += _visible_len(item)
            continue
        node = item
        if node.tag == "img":
            state["img"] = True
            continue
        if node.tag == "br":
            flush(owner, caption, heading)
            continue
        block = node.tag in _BLOCK
        if not entering:
            if block:
                flush(node, caption or _is_caption(node), heading or _heading(node))
            continue
        if block:
            flush(owner, caption, heading)
        new_owner = node if block else owner
        new_caption = caption or _is_caption(node)
        new_heading = heading or _heading(node)
        todo.append((node, False, owner, caption, heading, in_link))
        link = in_link or node.tag == "a"
        for c in reversed(node.children):
            todo.append((c, True, new_owner, new_caption, new_heading, link))
    flush(root, False, "")
    return out


def _is_caption(node: Node) -> bool:
    if node.tag == "figcaption":
        return True
    hint = node.hint()
    return bool(hint) and bool(_CAPTION_HINT.search(hint))


def _heading(node: Node) -> str:
    return node.tag if node.tag in _HEADINGS else ""


# --- choosing the article's element ---------------------------------------------------------

_NEGATIVE = re.compile(
    r"comment|share|sharing|social|related|recommend|footer|foot|\bnav|menu|sidebar|side_?bar"
    r"|login|breadcrumb|crumb|copyright|banner|advert|\bads?\b|ad_|sponsor|\bhot|rank|\btags?\b"
    r"|toolbar|popup|modal|subscribe|widget|promo|outbrain|taboola|more_?news|paging|pager"
    r"|reply|relate|tuijian|xiangguan|keyword|author-?info|byline|\bmeta\b|\bmask\b"
    r"|user|profile|avatar|hover|tooltip|popover|dropdown|stream|player|\bvideo|\baudio"
)
_POSITIVE = re.compile(
    r"article|artical|content|entry|main|post|\btext|story|detail|\bzw\b|zhengwen|trs_?editor"
    r"|news_?txt|\bcont\b|neirong|\bbody\b|paragraph|\bcnt\b|txt"
)


def _weight(node: Node) -> float:
    hint = node.hint()
    if not hint.strip():
        return 1.0
    w = 1.0
    if _NEGATIVE.search(hint):
        w *= 0.35
    if _POSITIVE.search(hint):
        w *= 1.6
    return w


_TAG_EXP = 0.8  # between GNE (1) and plain text per tag (0.5): measured best


def _score(node: Node) -> float:
    s = node.stats
    assert s is not None
    text = s.chars - s.link_chars
    if text < 20 or s.punct < 2:
        return 0.0
    if s.tags - s.link_tags <= 0:
        return 0.0  # a leaf: GNE scores containers of text, not one paragraph
    density = text / (s.tags - s.link_tags) ** _TAG_EXP  # GNE: exponent 1
    sbdi = max(1.0, s.punct / (s.link_chars + 1))
    link_ratio = s.link_chars / max(1, s.chars)
    return (
        density
        * math.log10(s.paras + 2)
        * math.log(sbdi + 1)
        * math.log(text + 1)
        * (1 - link_ratio) ** 2
        * _weight(node)
    )


def _main_node(body: Node, blocks: list[_Block], title_idx: int) -> list[Node]:
    """The element holding the article: the best density score, weighted by its and its
    ancestors' class/id hints and by where it starts relative to the headline."""
    first_block: dict[int, int] = {}
    for i, b in enumerate(blocks):
        n: Node | None = b.owner
        while n is not None and id(n) not in first_block:
            first_block[id(n)] = i
            n = n.parent
    inherited: dict[int, float] = {id(body): 1.0}
    best, best_score = body, 0.0
    for node in body.iter():  # parents before children
        parent_w = inherited.get(id(node.parent), 1.0) if node.parent is not None else 1.0
        own = 1.0
        hint = node.hint()
        if hint.strip() and _NEGATIVE.search(hint) and not _POSITIVE.search(hint):
            own = 0.3
        if node.tag == "li":
            own = 0.5
        inherited[id(node)] = min(parent_w, own) if own < 1 else parent_w
        if node.tag in ("a", "#root", "html", "span", "b", "strong", "em", "i", "font"):
            continue
        score = _score(node) * parent_w
        if score <= 0:
            continue
        if node.tag == "article" or "articlebody" in node.attrs.get("itemprop", "").lower():
            score *= 1.5
        start = first_block.get(id(node), -1)
        if title_idx >= 0 and title_idx - 2 <= start <= title_idx + 15:
            score *= 2  # starts at the headline, or just after it
        if score > best_score:
            best, best_score = node, score
    while best.parent is not None and best.tag in ("p", "span", "font", "strong", "b", "td"):
        best = best.parent  # a lone paragraph won: the article is its parent's paragraphs
    return _with_siblings(best, best_score)


def _with_siblings(best: Node, best_score: float) -> list[Node]:
    """The best element and those of its siblings that continue the text (readability's
    rule: pages that write each paragraph in its own box, or split the text by ads)."""
    parent = best.parent
    if parent is None or best.tag in ("body", "html", "#root"):
        return [best]
    parts: list[Node] = []
    cls = best.attrs.get("class", "").split()
    for sib in parent.children:
        if not isinstance(sib, Node):
            continue
        if sib is best:
            parts.append(sib)
            continue
        s = sib.stats
        if s is None or s.chars - s.link_chars < 10 or s.link_chars > 0.3 * s.chars:
            continue
        hint = sib.hint()
        if hint.strip() and _NEGATIVE.search(hint) and not _POSITIVE.search(hint):
            continue
        same_kind = sib.tag == best.tag and bool(cls) and cls[0] in sib.attrs.get("class", "")
        text = " ".join(_texts(sib)).strip()
        if (
            (same_kind and s.punct >= 1)
            or _score(sib) >= 0.25 * best_score
            or (s.chars >= 40 and s.link_chars == 0 and _ends_sentence(text))
        ):
            parts.append(sib)
    return parts


def _inside(node: Node, parts: list[Node]) -> bool:
    n: Node | None = node
    while n is not None:
        if any(n is p for p in parts):
            return True
        n = n.parent
    return False


# --- lines that are not the article --------------------------------------------------------

_BOILER = re.compile(
    r"^(?:[【\[（(]?\s*)(?:责任编辑|責任編輯|责编|責編|编辑|編輯|审核|審核|校对|校對|监制|監製|"
    r"总监制|總監製|主编|主編|策划|策劃|统筹|統籌|出品|审校|審校|终审|終審|初审|初審|复审|複審|"
    r"来源|來源|原标题|原標題|分享到|分享|转发|轉發|打印|列印|关闭窗口|關閉視窗|纠错|糾錯|"
    r"相关阅读|相關閱讀|相关新闻|相關新聞|延伸閱讀|延伸阅读|推荐阅读|推薦閱讀|热门推荐|熱門推薦|"
    r"更多|上一篇|下一篇|返回|点击|點擊|扫一扫|掃一掃|扫描|掃描|关注|關注|订阅|訂閱|下载|下載|"
    r"转播到|轉播到|精彩视频|精彩視頻|精彩推荐|精彩推薦|"
    r"版权|版權|免责|免責|声明|聲明|标签|標籤|關鍵字|关键词|關鍵詞|相關|相关)"
)
_DISCLAIMER = re.compile(
    r"平台声明|平台聲明|免责声明|免責聲明|(?:仅|僅)代表作者|不代表本(?:网|網|站|台|報|报)|"
    r"版权归原作者|版權歸原作者|版权归原|如有侵权|如有侵權|本網站將會直接移除|留言(?:板|版)規則|"
    r"非經授權|非经授权|不得轉載|不得转载|禁止轉載|禁止转载"
)
_BOILER_ANY = re.compile(
    r"版权所有|版權所有|Copyright|©|\(c\)\s*\d{4}|All Rights Reserved|"
    r"未经.{0,8}授权|未經.{0,8}授權|"
    r"不得转载|不得轉載|禁止转载|禁止轉載|ICP|备案|備案|举报|舉報|广告|廣告|登录|登入|註冊|注册|"
    r"首页|首頁|客户端|客戶端|APP|App下載|小程序|微信公众号|微信公眾號|加入會員|訂閱電子報",
    re.IGNORECASE,
)
_EDITOR = re.compile(
    r"[【\[（(]?\s*(?:责任编辑|責任編輯|责编|責編)\s*[:：]?\s*([^】\]）)\s]{2,12})"
)
# A dateline alone on its line: TNW中文站 10月14日报道, 新华社北京5月9日电.
_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日\s*(?:电|電|讯|訊|报道|報導|消息)$")
_SENTENCE_END = re.compile(r"[。！？!?」”…]")


_MORE = re.compile(r"更多|閱讀全文|阅读全文|展开全文|展開全文|查看原文|往下看|繼續閱讀|继续阅读")


# Credits and attributions on a line of their own: 作者︱春春, [作者: 刘满仓 责任编辑: 杨丹宇],
# （本文来源：经济日报 作者：…）.
_CREDIT_LINE = re.compile(
    r"^[【\[（(]?\s*(?:作者|本文来源|文章来源|稿件来源|本文作者)\s*[:：︱|｜/／\s]"
)
# A link back to the site's front page at the end of the text (返回搜狐，查看更多).
_BACK_LINK = re.compile(r"\s*返回[^\s，,。]{1,6}[，,]\s*查看更多$")
# The rest of the article is for members or subscribers only.
_WALL = re.compile(
    r"登录后(?:查看|阅读|继续|可)|登入後|登錄後|付費會員|付费会员|會員專屬|会员专享|會員限定"
    r"|订阅后|訂閱後|訂閱即可|解锁全文|解鎖全文|已過查詢時效|已过查询时效|付费阅读|付費閱讀"
    r"|开通会员|開通會員|购买后阅读|購買後閱讀|本文为付费|本文為付費|剩余\s*\d+\s*%|剩餘\s*\d+\s*%"
    r"|(?:阅读|閱讀|查看)(?:全文|完整内容|完整內容)(?:请|請)?(?:先)?(?:登录|登入|订阅|訂閱)"
    r"|subscribe to (?:continue|read)|log ?in to (?:continue|read)",
    re.IGNORECASE,
)
# A forum post's header: its floor (楼主, 2楼, #3, 沙发) or "发表于 <date>".
_POST_MARK = re.compile(
    r"^(?:楼主|樓主|沙发|沙發|板凳|地板|\d{1,5}\s*[楼樓#]|#\d{1,5})(?:\s|$)"
    r"|(?:发表于|發表於|發表于|posted on)\s*(?:19|20)\d{2}",
    re.IGNORECASE,
)
# A notice the site appends to stories of suicide: hotlines and the lines that introduce them.
_HOTLINE = re.compile(r"(?:專線|专线|熱線|热线|生命線|生命线)\s*[:：]?\s*[\d-]{4,}")
_NOTICE = re.compile(r"關心|关心|提醒您|珍惜生命|再給自己|再给自己|自殺|自杀|輕生|轻生")


def _is_credit(text: str) -> bool:
    return (
        len(text) <= 150
        and bool(_CREDIT_LINE.match(text))
        and (not _ends_sentence(text) or text.endswith(("）", ")", "]", "】")))
    )


def _cut_notice(paragraphs: list[str]) -> list[str]:
    """paragraphs without a trailing hotline notice (《蘋果》關心你 … 生命線協談專線：1995)."""
    first = next((i for i, p in enumerate(paragraphs) if _HOTLINE.search(p)), None)
    if first is None or any(len(p) > 60 for p in paragraphs[first:]):
        return paragraphs
    while first > 0 and len(paragraphs[first - 1]) <= 40 and _NOTICE.search(paragraphs[first - 1]):
        first -= 1
    return paragraphs[:first]


def _is_boiler(text: str) -> bool:
    if _is_credit(text):
        return True
    if len(text) <= 14 and _MORE.search(text):
        return True
    if len(text) <= 150 and _DISCLAIMER.search(text):
        return True
    if len(text) <= 60 and _BOILER.match(text):
        return True
    return len(text) <= 80 and bool(_BOILER_ANY.search(text)) and not _ends_sentence(text)


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-3:]))


# --- dates ----------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(T|[^\d\n]{0,6}?|[^\d\n]{0,4}?(?:格林尼治标准时间|格林威治標準時間|GMT|UTC))"
    r"\s*(\d{1,2})\s*[:：时時]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?"
    r"(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_UTC_WORD = re.compile(r"格林尼治|格林威治|GMT|UTC")
_AFTERNOON = re.compile(r"下午|晚上|晚间|晚間|傍晚|PM", re.IGNORECASE)
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<!\d)((?:19|20)\d{2})[-/_](0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?!\d)"
)


def parse_date(text: str) -> str | None:
    """The first date in text as ISO 8601 (with the time and offset when given), else None.

    A compact 20230501 counts only as the whole value (a <meta>'s), never inside text."""
    m = re.fullmatch(r"\s*((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*", text)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    for m in _DATE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        out = f"{y:04d}-{mo:02d}-{d:02d}"
        if m.group(5) is not None:
            gap = m.group(4) or ""
            h, mi = int(m.group(5)), int(m.group(6))
            if h < 12 and _AFTERNOON.search(gap):
                h += 12
            if h < 24 and mi < 60:
                out += f"T{h:02d}:{mi:02d}"
                if m.group(7):
                    out += f":{int(m.group(7)):02d}"
                tz = m.group(8) or ("Z" if _UTC_WORD.search(gap) else None)
                if tz:
                    out += "Z" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
        return out
    return None


def _date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
    return f"{y}-{mo}-{d}"


# --- metadata -------------------------------------------------------------------------------

_DATE_METAS = (
    "article:published_time", "og:published_time", "og:release_date", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "publishtime", "publish_time",
    "publication_date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article:published", "article.published", "date", "release_date",
    "created", "firstpublishedtime", "articledate", "lastmodifieddate", "article:modified_time",
)  # fmt: skip
_AUTHOR_METAS = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
)
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|Posting", re.IGNORECASE)


def _metas(builder: _Builder) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in builder.metas:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        val = _clean(html.unescape(a.get("content", "")))
        if key and val and (key not in out or (key.endswith("title") and len(val) > len(out[key]))):
            out[key] = val  # the first, but the longest of several titles
    return out


def _ld_articles(items: list[object]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    todo = list(items)
    while todo:
        it = todo.pop(0)
        if isinstance(it, list):
            todo.extend(it)
        elif isinstance(it, dict):
            types = it.get("@type")
            types_s = " ".join(types) if isinstance(types, list) else str(types or "")
            if _ARTICLE_TYPES.search(types_s):
                out.append(it)
            graph = it.get("@graph")
            if isinstance(graph, list):
                todo.extend(graph)
    return out


def _ld_name(value: object, persons_only: bool = False) -> str | None:
    if isinstance(value, str):
        return _clean(value) or None
    if isinstance(value, list):
        names = [n for v in value if (n := _ld_name(v, persons_only))]
        return "、".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        if persons_only and str(value.get("@type", "Person")) != "Person":
            return None
        name = value.get("name")
        return _clean(name) if isinstance(name, str) and name.strip() else None
    return None


_SEPARATORS = re.compile(r"\s*(?:[|｜_]|\s[-–—]\s|[–—]{1,2}|--|-(?=[^\d\s-][^-]{0,20}$)|::)\s*")
# Site names that pages write after their headlines but not in any metadata (metadata only).
_SITE_BY_HOST = {
    "news.cn": "新华网", "xinhuanet.com": "新华网", "people.com.cn": "人民网",
    "youth.cn": "中国青年网", "gmw.cn": "光明网", "sina.com.cn": "新浪网", "sohu.com": "搜狐",
    "qq.com": "腾讯网", "163.com": "网易", "ifeng.com": "凤凰网", "china.com.cn": "中国网",
    "chinadaily.com.cn": "中国日报网", "cna.com.tw": "中央社", "ltn.com.tw": "自由時報",
    "udn.com": "聯合新聞網", "chinatimes.com": "中時新聞網", "ettoday.net": "ETtoday新聞雲",
    "setn.com": "三立新聞網", "hk01.com": "香港01", "on.cc": "東方日報",
    "stheadline.com": "星島頭條", "rthk.hk": "香港電台", "tvb.com": "無綫新聞",
    "hket.com": "香港經濟日報", "bastillepost.com": "巴士的報", "am730.com.hk": "am730",
    "southcn.com": "南方网", "caijing.com.cn": "财经网", "toutiao.com": "今日头条",
    "021east.com": "东方网", "bbc.co.uk": "BBC中文网", "banyuetan.org": "半月谈网",
}  # fmt: skip


def _host(url: str | None) -> str:
    m = re.match(r"[a-z][a-z0-9+.-]*://([^/:?#]+)", url or "", re.IGNORECASE)
    return m.group(1).lower() if m else ""


def _site_from_host(url: str | None) -> str | None:
    host = _host(url)
    for suffix, name in _SITE_BY_HOST.items():
        if host == suffix or host.endswith("." + suffix):
            return name
    return None


def _norm(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text).lower()


def _strip_site(title: str, site: str | None) -> str:
    """The headline without the "_频道_网站" / "| 网站" / "- 网站" the page appends."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_n = _norm(site or "")
    keep = list(parts)
    while len(keep) > 1:
        last = _norm(keep[-1])
        head_len = sum(len(p) for p in keep[:-1])
        if (site_n and (last in site_n or site_n in last)) or (
            len(last) <= 12 and head_len >= len(last)
        ):
            keep.pop()
        else:
            break
    # Keep the separators the headline itself uses between its kept parts.
    cut = 0
    for p in keep:
        cut = title.index(p, cut) + len(p)
    return title[:cut].strip() or title


# Bylines that say they are bylines wherever they stand in the text.
_AUTHOR_STRICT = (
    # A wire dateline: 中央社記者溫貴香台北16日電 (a three-character name before the place).
    re.compile(r"(?:记者|記者)([\u4e00-\u9fff]{3})(?=[\u4e00-\u9fff]{2,4}\d{1,2}日[電电])"),
    re.compile(
        r"[（(〔【]\s*([\u4e00-\u9fff·]{2,4})\s*[/／]\s*[\u4e00-\u9fff]{1,6}(?:報導|报道|報道)"
    ),
    # A writer named at the end: （作者韩涵系政邦智库研究员）.
    re.compile(r"[（(]作者\s*([\u4e00-\u9fff·]{2,4}?)\s*(?:系|为|為|是)"),
)
# 记者 as a reporter's title, not 记者会 (a press conference), 记者从…获悉, 记者们.
_NOT_REPORTER = r"(?![会會们們从從获獲了问問看注采採发發表调調走来來到近日今昨前\d])"
_AUTHOR_RES = (
    *_AUTHOR_STRICT,
    re.compile(
        rf"(?:记者|記者){_NOT_REPORTER}\s*[:：]?\s*"
        r"([\u4e00-\u9fff·]{1,4}(?:[\s、，,和及与與]+[\u4e00-\u9fff·]{1,4}){0,4})"
    ),
    # 作者：中国…研究部部长、研究员徐占忱）: a job title, then the name.
    re.compile(
        r"作者\s*[:：]\s*[^）)]{0,60}?(?:研究员|研究員|教授|部长|部長|主任|院长|院長|所长|所長"
        r"|博士|主编|主編|会长|會長|秘书长|秘書長|学者|學者)([\u4e00-\u9fff·]{2,3})\s*[）)]"
    ),
    re.compile(
        r"(?:作者|撰文|文字|文|撰稿|采写|採寫)\s*[:：|｜︱/／]\s*([^\s|｜︱/／，,。)）】\]]{2,20})"
    ),
    re.compile(r"^[（(〔【\[]?\s*(?:文|圖文|图文)?\s*[/／]\s*([\u4e00-\u9fff·]{2,4})"),
    # A credits line: 作者 王之言 高孜然.
    re.compile(
        r"^(?:作者|撰文|采写|採寫)\s+([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3})$"
    ),
)
_SOURCE_RE = re.compile(
    r"(?:来源|來源|出处|出處|稿源)\s*[:：]\s*([^\s|｜/／　,，:：)）】\]]{2,30})"
)
# 来源：中国新闻网 王帆: the reporter after the outlet on the source line.
_SOURCE_AND_NAME = re.compile(
    r"(?:来源|來源)\s*[:：]\s*\S{1,20}?(?:\s+|(?<=[网網社报報台]))([\u4e00-\u9fff]{2,3})\s*$"
)
_NAME_STOP = re.compile(r"(?:报道|報導|报导|攝影|摄影|編輯|编辑|通讯员|通訊員|实习生|實習生)$")
# A label standing alone on its line, its name on the next (作者 / 王之言 高孜然).
_LABEL_ALONE = re.compile(r"^(?:作者|记者|記者|撰文|文|采写|採寫)\s*[:：]?$")


_NOT_NAME = re.compile(
    r"即時|即时|綜合|综合|本報|本报|中央社|新华社|新華社|編輯部|编辑部|特派|新聞|新闻|報導|报道"
    r"|来源|來源|出处|出處|编辑|編輯|责编|責編|摄影|攝影|发布|發布|时间|時間"
)
# What names an outlet or a desk, not a person (每日经济新闻, 新华社, 中央通訊社 …).
_ORG = re.compile(
    r"[社报報网網台]$|新闻|新聞|日报|日報|晚报|晚報|媒体|媒體|中心|频道|頻道|杂志|雜誌|周刊|週刊"
    r"|通讯|通訊|编辑部|編輯部|客户端|客戶端|网易|網易|腾讯|騰訊|搜狐|新浪|凤凰|鳳凰"
    r"|agency|news|press|times|daily|media|reuters|\bAFP\b|\bAP\b",
    re.IGNORECASE,
)
# A line that credits a picture: "…（圖翻攝自google map）", "…（記者王某攝）".
_PHOTO_CREDIT = re.compile(
    r"[（(](?:圖|图|攝|摄|照片|資料照|资料图|資料圖|翻攝|翻摄)[^（）()]{0,40}[）)]$|[攝摄][）)]?$"
)


def _byline(nodes: list[Node]) -> str | None:
    for node in nodes:
        text = _clean(" ".join(_texts(node)))
        if 2 <= len(text) <= 20 and not re.search(r"https?:|www\.|@", text):
            return _find_author([text]) or text
    return None


def _texts(node: Node) -> list[str]:
    out: list[str] = []
    todo: list[Node | str] = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, str):
            out.append(n)
        else:
            todo.extend(reversed(n.children))
    return out


def _names(found: str) -> list[str]:
    """The names of a byline's capture: 王乐文 方 敏 → 王乐文, 方敏 (two-character names are
    spaced out to the width of three)."""
    parts = [p for p in re.split(r"[\s、，,和及与與]+", found) if p]
    names: list[str] = []
    i = 0
    while i < len(parts):
        if len(parts[i]) == 1 and i + 1 < len(parts) and len(parts[i + 1]) == 1:
            names.append(parts[i] + parts[i + 1])
            i += 2
            continue
        names.append(parts[i])
        i += 1
    return [n for n in names if 2 <= len(n) <= 20 and not _NOT_NAME.search(n)]


def _find_author(
    lines: list[str], patterns: tuple[re.Pattern[str], ...] = _AUTHOR_RES
) -> str | None:
    joined: list[str] = []
    for line in lines:  # a label alone on its line takes the next line as its value
        if joined and _LABEL_ALONE.match(joined[-1]):
            joined[-1] = f"{joined[-1]}：{line}"
        else:
            joined.append(line)
    strict = [rx for rx in patterns if rx in _AUTHOR_STRICT]  # surest first, on every line
    for rx, line in [(rx, ln) for rx in strict for ln in joined] + [
        (rx, ln) for ln in joined for rx in patterns if rx not in strict
    ]:
        m = rx.search(line)
        photo = re.match(r"\s*(?:攝|摄|拍攝|拍摄)", line[m.end() :]) if m else None
        if m and not photo and not re.search(r"[攝摄]$", m.group(1)):
            names = _names(_NAME_STOP.sub("", m.group(1)).strip(" ：:、，,"))
            if names:
                return "、".join(names)
    return None


def _person(name: str | None, art: WebArticle) -> bool:
    """name is a person's (not an outlet's, a desk's or the editor's)."""
    if not name or re.search(r"https?:|www\.|\.com", name):
        return False
    if _ORG.search(name) or re.search(r"责任编辑|責任編輯|编辑|編輯", name):
        return False
    n = _norm(name)
    return not any(
        other and (n == _norm(other) or n in _norm(other))
        for other in (art.editor, art.site, art.source)
    )


def _pick_author(art: WebArticle, ld: dict[str, object], near: list[str], header: list[_Block],
                 bylines: list[Node], metas: dict[str, str]) -> str | None:  # fmt: skip
    """The reporter(s): a byline element under the headline, a byline line, a wire
    dateline in the text, JSON-LD, a byline element elsewhere, the author <meta>, in that
    order; never an outlet, a desk or the editor."""
    shown = next(
        (
            b.text
            for b in header
            if re.search(r"author|byline|reporter", b.owner.hint())
            and re.fullmatch(r"[\u4e00-\u9fff·]{2,4}(?:[\s、][\u4e00-\u9fff·]{2,4}){0,3}", b.text)
        ),
        None,
    )
    candidates = (
        shown,
        _find_author(near),
        _find_author(art.paragraphs, _AUTHOR_STRICT),
        _ld_name(ld.get("author"), persons_only=True),
        _byline(bylines),
        next((m.group(1) for t in near if (m := _SOURCE_AND_NAME.search(t))), None),
        next((metas[k] for k in _AUTHOR_METAS if metas.get(k)), None),
    )
    return next((c for c in candidates if _person(c, art)), None)


def _find_source(lines: list[str]) -> str | None:
    for line in lines:
        m = _SOURCE_RE.search(line)
        if m:
            src = re.split(r"(?:作者|记者|記者|编辑|編輯|时间|時間|发布|發布|\d)", m.group(1))[0]
            src = src.strip(" ：:-–—")
            if named := _SOURCE_AND_NAME.search(line):  # 来源：中国新闻网王帆
                src = src.removesuffix(named.group(1))
            if len(src) >= 2:
                return src
    return None


# --- the whole ------------------------------------------------------------------------------


def _parse(text: str, styled_hidden: bool = False) -> tuple[_Builder, html_raw.RawParts]:
    cut, raw = _cut_raw(text)
    builder = _Builder(styled_hidden)
    try:
        builder.feed(cut)
        builder.close()
    except Exception:  # html.parser is lenient; a defect must not lose the page
        log.exception("HTML parser failed; keeping what was parsed")
    return builder, raw


def extract(data: bytes, url: str | None = None) -> WebArticle:
    """The article of a saved page (HTML, MHTML or webarchive bytes)."""
    page = saved_page.unpack(data)
    text, codec = decode_html(page.html, page.charset)
    art = extract_html(text, url or page.url)
    art.encoding = codec
    art.kind = page.kind
    return art


def extract_html(text: str, url: str | None = None) -> WebArticle:
    """The article of a decoded HTML document."""
    art = _extract(text, url, styled_hidden=False)
    if len(art.text) < 50:
        # Some pages (WeChat's) hide the whole article in the markup and let a script
        # reveal it: with nothing visible, the text hidden by inline style is the article.
        alt = _extract(text, url, styled_hidden=True)
        if len(alt.text) > len(art.text):
            return alt
    return art


def _extract(text: str, url: str | None, styled_hidden: bool) -> WebArticle:
    builder, raw = _parse(text, styled_hidden)
    root = builder.root
    metas = _metas(builder)
    lds = _ld_articles(raw.json_ld)
    ld: dict[str, object] = lds[0] if lds else {}
    art = WebArticle()

    # Address and site.
    canonical = next(
        (lk.get("href", "") for lk in builder.links if "canonical" in lk.get("rel", "").lower()),
        "",
    )
    for cand in (canonical, metas.get("og:url", ""), url or ""):
        if cand.startswith(("http://", "https://")):
            art.url = cand.strip()
            break
    art.url = art.url or url
    publisher = _ld_name(ld.get("publisher"))
    art.site = (
        metas.get("og:site_name")
        or publisher
        or metas.get("application-name")
        or _site_from_host(art.url or url)
    )

    # Tree statistics and blocks.
    _compute_stats(root)
    blocks = _blocks(root)
    assert root.stats is not None
    art.page_chars, art.link_chars = root.stats.chars, root.stats.link_chars
    art.depth, art.password = builder.depth, builder.password
    art.generator = metas.get("generator") or None

    # Title.
    page_title = raw.title or metas.get("og:title", "")
    declared = [t for t in (metas.get("og:title"), _ld_str(ld.get("headline")), raw.title) if t]
    declared_n = [_norm(t) for t in declared]
    title = ""
    title_idx = -1
    best_len = 0
    for i, b in enumerate(blocks):
        if b.heading not in ("h1", "h2", "h3") and not re.search(r"title|headline", b.owner.hint()):
            continue
        n = _norm(b.text)
        if (
            len(n) >= 4
            and len(n) > best_len
            and any(n in d for d in declared_n)
            and (b.heading == "h1" or len(n) >= 0.5 * max(len(d) for d in declared_n))
        ):
            title, title_idx, best_len = b.text, i, len(n)
    if not title:
        base = metas.get("og:title") or _ld_str(ld.get("headline")) or page_title
        title = _strip_site(base, art.site) if base else ""
        if not title:
            title_idx, title = next(
                ((i, b.text) for i, b in enumerate(blocks) if b.heading == "h1"), (-1, "")
            )
        else:
            n = _norm(title)
            title_idx = next((i for i, b in enumerate(blocks) if _norm(b.text) == n), -1)
    if any(_norm(title) == d for d in declared_n):
        title = _strip_site(title, art.site)  # the block repeats the whole page title
    art.title = title
    if art.site is None and page_title:
        parts = _SEPARATORS.split(page_title)
        if len(parts) > 1 and len(parts[-1]) <= 12:
            art.site = parts[-1].strip()

    # The body.
    main = _main_node(root, blocks, title_idx)
    inside = [_inside(b.owner, main) for b in blocks]
    first = next((i for i, ok in enumerate(inside) if ok), len(blocks))
    last = max((i for i, ok in enumerate(inside) if ok), default=-1)
    if title_idx >= first and title_idx <= last:
        first = title_idx + 1  # the headline sits inside the chosen element
    # The lines between the headline and the text: those under the headline and those just
    # above the text (a page may repeat its headline far above the article).
    between = [i for i in range(max(0, title_idx), first) if len(blocks[i].text) < 200]
    between = sorted(set(between[:12] + between[-12:]))
    header_lines = [blocks[i].text for i in between]
    if title_idx < 0:
        header_lines = [b.text for b in blocks[max(0, first - 8) : first] if len(b.text) < 200]

    paragraphs: list[str] = []
    captions: list[str] = []
    meta_lines: list[str] = []
    title_n = _norm(title)
    # Figure captions between the headline and the text (a lead picture) belong too.
    start = min(first, title_idx + 1) if title_idx >= 0 else first
    for j in range(start, last + 1):
        b = blocks[j]
        t = b.text
        if not t:
            continue
        if not inside[j]:
            if b.caption and len(t) <= 200 and not _is_boiler(t):
                captions.append(t)
            continue
        if _norm(t) == title_n:
            continue
        if _negative_between(b.owner, main) and not (len(t) > 40 and _ends_sentence(t)):
            meta_lines.append(t)
            continue
        if b.link_chars > 0.5 * len(t) and not (len(t) > 40 and _ends_sentence(t)):
            continue
        if _is_boiler(t):
            meta_lines.append(t)
            continue
        if (
            not paragraphs
            and len(t) < 100
            and (parse_date(t) or _SOURCE_RE.search(t) or _find_author([t]) or _DATELINE.search(t))
            and not _ends_sentence(t)
        ):
            meta_lines.append(t)  # the dateline/byline above the text
            continue
        if b.caption or _is_image_caption(b, blocks, j) or _PHOTO_CREDIT.search(t):
            captions.append(t)
            continue
        paragraphs.append(t)
    # Trailing link lists and very short tails ("(完)" stays: it ends with a bracket).
    paragraphs = _cut_notice(paragraphs)
    walls = [p for p in paragraphs if len(p) <= 120 and _WALL.search(p)]
    walls += [
        b.text for b in blocks[last + 1 : last + 8] if len(b.text) <= 120 and _WALL.search(b.text)
    ]
    if walls:
        art.wall = walls[0]
        paragraphs = [p for p in paragraphs if p not in walls]
    marks = [i for i, b in enumerate(blocks) if len(b.text) <= 80 and _POST_MARK.search(b.text)]
    if marks and marks[0] < last:
        art.posts = len(marks)
    if paragraphs:
        paragraphs[-1] = _BACK_LINK.sub("", paragraphs[-1])
        if _is_credit(paragraphs[-1]):
            meta_lines.append(paragraphs.pop())
    while paragraphs and len(paragraphs[-1]) <= 4 and not re.search(r"[完）)】]", paragraphs[-1]):
        meta_lines.append(paragraphs.pop())

    if not paragraphs and captions:  # a photo story: the captions are its text
        paragraphs, captions = captions, []
    ld_body = _ld_str(ld.get("articleBody"))
    if ld_body and sum(map(len, paragraphs)) < 0.5 * len(ld_body):
        paragraphs = [p for p in (_clean(x) for x in re.split(r"\n+", ld_body)) if p]
    art.paragraphs = paragraphs
    art.captions = captions

    # Dates.
    published = _ld_str(ld.get("datePublished"))
    if not published:
        published = next((metas[k] for k in _DATE_METAS if metas.get(k)), None)
    if not published:
        for _tag, attrs in builder.dated:
            published = attrs.get("datetime") or attrs.get("content")
            if published:
                break
    art.published = (parse_date(published) or _date_from_url(published)) if published else None
    shown = [d for t in header_lines + meta_lines[:5] if len(t) < 150 and (d := parse_date(t))]
    if art.published is None and not shown:
        shown = [d for t in paragraphs[:1] if len(t) < 150 and (d := parse_date(t))]
    art.published = _shown_date(art.published, shown[0] if shown else None)
    if art.published is None:
        for link in (art.url, url, canonical, metas.get("og:url")):
            art.published = _date_from_url(unquote(link or ""))
            if art.published:
                break

    # Reporter, source, editor, subtitle, description.
    # The credits under the text (作者/编辑 lines the body left out) count too, last.
    tail = [b.text for b in blocks[last + 1 : last + 11] if b.text and len(b.text) < 100]
    near = header_lines + meta_lines + paragraphs[:2] + paragraphs[-4:] + tail
    art.source = _find_source(header_lines + meta_lines + [metas.get("source", "")])
    art.editor = next((m.group(1) for t in near if (m := _EDITOR.search(t))), None)
    header = [blocks[i] for i in between] if title_idx >= 0 else []
    art.author = _pick_author(art, ld, near, header, builder.bylines, metas)
    art.description = metas.get("description") or metas.get("og:description") or None
    if 0 <= title_idx < len(blocks) - 1:
        nxt = blocks[title_idx + 1]
        if nxt.heading in ("h2", "h3") and 4 <= len(nxt.text) <= 80 and nxt.text not in paragraphs:
            art.subtitle = nxt.text
    return art


_LOCAL = timezone(timedelta(hours=8))  # mainland, Taiwan and Hong Kong time


def _shown_date(meta: str | None, shown: str | None) -> str | None:
    """The publication date: the one the page shows under its headline when it says more
    than the metadata (a time to a bare date) or differs from it on the same day (the
    metadata's is often the time of an update); the metadata's otherwise."""
    if shown is None or meta is None:
        return meta or shown
    if "T" not in shown:
        return meta
    if "T" not in meta:
        return shown if shown[:10] == meta[:10] else meta
    try:
        m, s = (
            datetime.fromisoformat(meta.replace("Z", "+00:00")),
            datetime.fromisoformat(shown.replace("Z", "+00:00")),
        )
    except ValueError:
        return meta
    if m.tzinfo is not None:  # compare in the page's time: the shown one's, else UTC+8
        m = m.astimezone(s.tzinfo or _LOCAL)
        if s.tzinfo is None:
            m = m.replace(tzinfo=None)
    elif s.tzinfo is not None:
        s = s.replace(tzinfo=None)
    same_day = m.date() == s.date()
    return shown if same_day and (m.hour, m.minute) != (s.hour, s.minute) else meta


def _negative_between(node: Node, main: list[Node]) -> bool:
    """Some element from node up to (not including) main is marked as share/related/…."""
    n: Node | None = node
    while n is not None and not any(n is p for p in main):
        hint = n.hint()
        if hint.strip() and _NEGATIVE.search(hint) and not _POSITIVE.search(hint):
            return True
        n = n.parent
    return False


def _ld_str(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return _clean(html.unescape(value)) if isinstance(value, str) and value.strip() else None


_CENTER = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)


def _is_image_caption(b: _Block, blocks: list[_Block], j: int) -> bool:
    """A short centred line holding an image or right after one."""
    if len(b.text) > 120:
        return False
    prev_img = j > 0 and blocks[j - 1].has_img and not blocks[j - 1].text
    if not (b.has_img or prev_img):
        return False
    node = b.owner
    return (
        node.attrs.get("align", "").lower() == "center"
        or bool(_CENTER.search(node.attrs.get("style", "")))
        or node.tag == "center"
    )
