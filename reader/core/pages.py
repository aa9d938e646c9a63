"""A newspaper page's text → articles.

A page dump is a sequence of lines: headlines, subtitles, bylines, body paragraphs (often cut
mid-sentence by the column layout), photo captions, section labels, continuation markers and
page furniture, with articles interleaved. We classify every line on its own (`classify`), then
a small state machine (`_Assembler`) groups lines into articles:

* A headline (with its subtitle) directly followed by another headline is *pending*: its body
  comes later on the page. The next orphan body (a lead such as 核心提示, or body text after an
  article was closed by its trailing byline or a 下转 marker) is given to it. A pending
  headline that never gets a body becomes the kicker of the headline that followed it.
* Captions are held until we know whose body follows them.
* A paragraph with no sentence-ending punctuation is joined to the next body paragraph.

The rules are general; `SPLITTER_VERSION` must be bumped whenever they change (or the web
page extraction that stored web pages are re-read with, reader.core.webpage), so stored
sources can be re-split.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

log = logging.getLogger(__name__)

# Stored with every source: the rules its articles came from. 2: a saved web page's
# extraction changed (reporters, the date shown under the headline, credit lines, notices).
SPLITTER_VERSION: int = 2


@dataclass
class Article:
    title: str
    body: str  # paragraphs joined by "\n"
    subtitle: str = ""  # without the leading dashes; a kicker (引题) goes first, then "\n"
    byline: str = ""
    section: str = ""
    captions: list[str] = field(default_factory=list)
    continued_from: str = ""  # "01版" for (上接01版)
    continues_to: str = ""  # "02版" for (下转02版)
    kind: str = "article"  # "article" | "brief" | "photo"
    published: str | None = None  # ISO 8601 date, from the page's date line or the web page
    url: str | None = None  # a web page's canonical address
    site: str = ""  # a web page's site name
    web: bool = False  # read from a web page


# --- character classes and patterns --------------------------------------------------------

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
NAME = rf"[{HAN}·•]{{2,5}}"
# A paragraph ending in one of these is complete; anything else was cut by the layout.
TERMINAL = '。．.！!？?…”’"」』）)】］]〕》>：:；;—–~～'
SENTENCE_END = "。！？!?；;"
# Headlines rarely end with these; body fragments do.
_NOT_HEADLINE_END = "。．，,、；;：:"

_MAX_HEADLINE = 32
_MAX_LABEL = 8

_ROLE = r"(?:本报|本報|特约|特約|见习|見習)?(?:记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影)"
_NAMES = rf"{NAME}(?:(?:\s*[、,，]\s*|\s+){NAME})*"
_ROLE_NAMES = rf"{_ROLE}\s*{_NAMES}(?:\s+{_ROLE}\s*{_NAMES})*"

_FURNITURE = [
    # 本版责编：X  版式设计：Y  校对：Z (any order, several on a line)
    re.compile(
        r"^(?:[（(\[【]?\s*)?(?:本版|本刊)?(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|美编|美編"
        r"|版式设计|版式設計|版式|版面设计|版面設計|设计|設計|组版|組版|排版|制图|製圖|照排|终审|終審"
        r"|审读|審讀|值班编辑|值班編輯|主编|主編|编审|編審)\s*[:：]"
    ),
    # 2020年3月11日 星期三 第3版 / 中華民國109年3月11日 星期三
    re.compile(
        r"^.{0,20}\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|週|周|礼拜)[一二三四五六日天]"
    ),
    re.compile(r"^.{0,30}第\s*[A-Za-z]?\d{1,3}\s*[版頁页]\s*.{0,20}$"),
    re.compile(r"^[A-Za-z]?\d{1,3}\s*[版頁页]$"),
    # (编辑：X) / （責任編輯：X）on a line of its own
    re.compile(r"^[（(]\s*(?:责任编辑|責任編輯|编辑|編輯|校对|校對)\s*[:：][^）)]{0,20}[)）]$"),
]
_TRAILING_EDITOR = re.compile(
    r"[（(]\s*(?:责任编辑|責任編輯|编辑|編輯|校对|校對)\s*[:：][^）)]{0,20}[)）]$"
)

_PAGE = r"[第]?\s*([A-Za-z]?[0-9０-９一二三四五六七八九十]{1,3})\s*[版頁页面]"
_CONT_FROM = re.compile(rf"^[（(]\s*(?:上接|接上|承上|上承|接|承)\s*{_PAGE}\s*[)）]")
_CONT_TO = re.compile(rf"[（(]\s*(?:下转|下轉|转|轉|续|續|接)\s*{_PAGE}\s*[)）]$")

_LEAD = re.compile(
    r"^(?:核心提示|导语|導語|编者按|編者按|编者的话|編者的話|内容提要|內容提要)\s*[:：]?"
)
_SUBTITLE = re.compile(r"^(?:——|--|──|―{2}|－{2}|—)\s*")
_SUBHEAD = re.compile(
    r"^(?:\d{1,2}\s*[、.．]?|[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十\d]{1,3}[)）])"
    r"\s*\S"
)

_SECTION_SUFFIXES = (
    "要闻", "要聞", "短波", "快讯", "快訊", "简讯", "簡訊", "短讯", "短訊", "动态", "動態",
    "速递", "速遞", "播报", "播報", "集锦", "集錦", "传真", "傳真", "资讯", "資訊", "民生",
    "一线", "一線", "纵横", "縱橫", "广角", "廣角", "万象", "萬象", "视窗", "視窗", "扫描",
    "掃描", "聚焦", "看台", "新闻", "新聞", "热点", "熱點", "观察", "觀察", "速览", "速覽",
    "信息", "提示", "一览", "一覽", "简报", "簡報", "消息",
)  # fmt: skip

# Photo captions and credits.
# A credit names a reporter: a role word, or a name set off by a space or a parenthesis.
_CREDIT_TAIL = re.compile(
    rf"(?:{_ROLE_NAMES}|(?:^|(?<=\s)){_NAMES}|(?<=[（(]){_NAMES})\s*(?:摄|攝)(?:影)?[)）]?$"
)
_CREDIT_ONLY = re.compile(
    rf"^[（(]?\s*(?:(?:新华社|新華社|中新社|中央社|本报|本報)\s*)?{_ROLE_NAMES}\s*(?:摄|攝)(?:影)?"
    r"\s*[)）]?$"
)
_CAPTION_TAIL = re.compile(
    r"(?:[（(](?:资料图片|資料圖片|资料照片|資料照片|资料图|資料圖|图片|圖片|照片|供图|供圖"
    r"|[^（()）]{0,20}(?:提供|供图|供圖|摄|攝|图|圖|片|发|發))[)）]"
    r"|(?:摄|攝)[)）]?|新华社发|新華社發)$"
)
_CAPTION_HEAD = re.compile(
    r"^(?:图为|圖為|图：|圖：|上图|下图|左图|右图|上圖|下圖|左圖|右圖|▲|△|↑)"
)

# Bylines and datelines.
_DATELINE = re.compile(
    r"^(?:"
    rf"(?:本报讯|本報訊)\s*(?:[（(][^（()）]{{1,40}}[)）])?"
    rf"|(?:本报|本報|新华社|新華社|中新社|中新网|中新網|中央社|人民网|人民網|央视网|央視網)"
    rf"[{HAN}\s]{{0,12}}?\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?:电|電|讯|訊)"
    r"\s*(?:[（(][^（()）]{1,40}[)）])?"
    r"|【[^【】]{1,40}】"
    r"|[（(]\s*(?:中央社|記者|记者)[^（()）]{1,40}(?:電|电|報導|报道)\s*[)）]"
    rf"|(?:{_ROLE_NAMES})\s*[／/]\s*[{HAN}]{{2,6}}(?:報導|报道)"
    r")"
)
_BYLINE_LINE = re.compile(
    rf"^(?:[■●◆▲]\s*)?(?:(?:文|图|圖|文图|文圖|圖文|图文|文·图|文／圖)\s*[／/|｜:：]\s*)?"
    rf"(?:{_ROLE_NAMES}(?:\s*[／/]\s*[{HAN}]{{2,6}}(?:報導|报道))?"
    rf"|【[^【】]{{1,40}}】|(?:本报讯|本報訊)(?:\s*[（(][^（()）]{{1,40}}[)）])?)$"
)
_TRAILING_BYLINE = re.compile(
    rf"(?:{_ROLE_NAMES}|[（(]\s*(?:{_ROLE}\s*)?{_NAMES}(?:\s+{_ROLE_NAMES})*\s*[)）])$"
)


# --- line classification -------------------------------------------------------------------


def _visible_len(s: str) -> int:
    return len(s) - s.count(" ")


def is_furniture(line: str) -> bool:
    """Page furniture: editors, designers, page headers. Never part of an article."""
    line = line.strip()
    if len(line) > 80:
        return False
    if _FURNITURE[0].search(line):
        return True
    if re.search(r"[，,。！？；]", line):  # a sentence that merely mentions a date or page
        return False
    return any(p.search(line) for p in _FURNITURE[1:])


def _is_terminated(par: str) -> bool:
    return bool(par) and par[-1] in TERMINAL


def _headline_like(line: str) -> bool:
    """Short, no sentence punctuation inside or at the end."""
    n = _visible_len(line)
    if n == 0 or n > _MAX_HEADLINE or re.search(r"[。；;]", line):
        return False
    if len(re.findall(r"[，,]", line)) > 1:  # clauses: a sentence, not a headline
        return False
    if line[-1] in _NOT_HEADLINE_END:
        return False
    if line[-1] in "！!？?":
        # An exclaiming headline is short and has no clause breaks.
        return n <= 20 and not re.search(r"[，,；;：:]", line)
    # A quoted sentence (“和做梦一样！”) is body text.
    return not (line[-1] in "”」』\"'’" and len(line) > 1 and line[-2] in SENTENCE_END + "…")


def _is_section_label(line: str) -> bool:
    n = _visible_len(line)
    if not 2 <= n <= _MAX_LABEL or re.search(r"[^\w ·]", line):
        return False
    return line.replace(" ", "").endswith(_SECTION_SUFFIXES)


def _is_caption(line: str) -> bool:
    if _visible_len(line) > 160:
        return False
    if _CAPTION_HEAD.search(line):
        return True
    tail = line[-60:]
    if _CAPTION_TAIL.search(tail):
        # "…摄" must be a credit (name + 摄), not a word ending in 摄 in prose.
        if tail.endswith(("摄", "攝", "摄)", "攝)", "摄）", "攝）")):
            return bool(_CREDIT_TAIL.search(tail))
        return True
    return False


def classify(line: str) -> str:
    """One of: furniture, cont_from, cont_to, subtitle, lead, credit, caption, section,
    byline, subhead, headline, body."""
    if _CONT_FROM.fullmatch(line):
        return "cont_from"
    if _CONT_TO.fullmatch(line):
        return "cont_to"
    if is_furniture(line):
        return "furniture"
    if _SUBTITLE.match(line) and _visible_len(line) <= 60 and line[-1] not in "。":
        return "subtitle"
    if _LEAD.fullmatch(line):
        return "lead"
    if _CREDIT_ONLY.fullmatch(line):
        return "credit"
    if _is_caption(line):
        return "caption"
    if _BYLINE_LINE.fullmatch(line):
        return "byline"
    if _is_section_label(line):
        return "section"
    short = _visible_len(line) <= _MAX_HEADLINE and "。" not in line
    if short and _SUBHEAD.match(line) and line[-1] not in SENTENCE_END + "，,、":
        return "subhead"
    if _headline_like(line):
        return "headline"
    return "body"


def _page(m: re.Match[str]) -> str:
    return m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789")) + "版"


# --- paragraph helpers ---------------------------------------------------------------------


def _separator(a: str, b: str) -> str:
    """Rejoining a paragraph cut by the layout: a space only between two Latin/digit words."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return " "
    return ""


def split_leading_byline(par: str) -> tuple[str, str]:
    """('本报讯(记者 X)', rest) for a paragraph opening with a dateline; ('', par) otherwise."""
    m = _DATELINE.match(par[:120])
    if not m or m.end() == 0:
        return "", par
    byline = m.group(0).strip()
    rest = par[m.end() :].lstrip(" 　:：")
    if not rest:
        return "", par
    return byline, rest


def split_trailing_byline(par: str) -> tuple[str, str]:
    """(rest, byline) for a paragraph ending in '…。本报记者 X' or '…。(X)'; (par, '') otherwise."""
    tail_start = max(0, len(par) - 80)
    tail = par[tail_start:]
    for m in _TRAILING_BYLINE.finditer(tail):
        start = tail_start + m.start()
        before = par[:start].rstrip()
        if before and before[-1] in TERMINAL and before[-1] not in "：:":
            byline = par[start:].strip()
            if byline[0] in "(（":
                byline = byline[1:-1].strip()  # "(白云飞)" → "白云飞"
            return before, byline
    return par, ""


# --- assembly ------------------------------------------------------------------------------


@dataclass
class _Draft:
    order: int
    title: str = ""
    subtitle: str = ""
    kicker: str = ""
    byline: str = ""
    section: str = ""
    captions: list[str] = field(default_factory=list)
    # Each paragraph is a list of fragments, joined once at the end (no quadratic rejoining).
    paragraphs: list[list[str]] = field(default_factory=list)
    joinable: bool = False  # last paragraph is body text cut mid-sentence
    continued_from: str = ""
    continues_to: str = ""
    photo: bool = False
    closed: bool = False  # its end was marked (trailing byline, 下转): more body is orphan
    follower: _Draft | None = None  # the headline that came right after, while pending

    @property
    def has_body(self) -> bool:
        return bool(self.paragraphs)

    @property
    def heading_only(self) -> bool:
        return bool(self.title) and not self.paragraphs and not self.closed

    def add_byline(self, text: str) -> None:
        self.byline = f"{self.byline} {text}" if self.byline else text


@dataclass
class Line:
    text: str
    gap: int = 0  # blank lines before it
    forced: str | None = None  # a kind fixed by the format (Markdown headings)
    # False for formats whose paragraphs are whole (Markdown): no layout repair, and a short
    # line is a paragraph of its own rather than an implicit headline.
    layout: bool = True


class _Assembler:
    def __init__(self, big_gap: int | None) -> None:
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.pending: list[_Draft] = []
        self.captions: list[str] = []
        self.prev_kind = ""
        self.big_gap = big_gap

    # drafts

    def _new(self, order: int, **kw: str) -> _Draft:
        self._flush_captions(None)
        # kw holds only _Draft's str fields (title, section…); mypy checks **kw: str against
        # all its fields, the bool and list ones too.
        d = _Draft(order=order, **kw)  # type: ignore[arg-type]
        self.drafts.append(d)
        self.current = d
        return d

    def _flush_captions(self, target: _Draft | None) -> None:
        """Held captions go to the target, else to the article they followed."""
        if not self.captions:
            return
        owner = target or self.current
        if owner is None:
            return
        owner.captions.extend(self.captions)
        self.captions = []

    def _orphan_target(self, order: int) -> _Draft:
        """Body with no headline of its own: the oldest pending headline, or a new draft."""
        if self.pending:
            d = self.pending.pop(0)
            d.follower = None
            self._flush_captions(d)
            self.current = d
            return d
        self.captions, held = [], self.captions
        d = self._new(order)
        d.captions.extend(held)
        return d

    # line handlers

    def feed(self, i: int, line: Line) -> None:
        text = line.text
        kind = line.forced or classify(text)
        if not line.forced and not line.layout and kind in ("headline", "section"):
            kind = "subhead"  # only explicit headings start articles here
        if (
            not line.forced
            and kind == "headline"
            and self.prev_kind == "body"
            and self._cut_paragraph()
        ):
            kind = "body"  # a short fragment finishing a cut sentence, not a headline
        getattr(self, f"_on_{kind}")(i, text, line)
        if kind != "furniture":
            self.prev_kind = kind

    def _cut_paragraph(self) -> bool:
        return bool(self.current and self.current.joinable and not self.current.closed)

    def _on_furniture(self, i: int, text: str, line: Line) -> None:
        log.debug("furniture: %s", text)

    def _on_headline(self, i: int, text: str, line: Line) -> None:
        cur = self.current
        if cur and cur.heading_only and self.prev_kind in ("headline", "subtitle"):
            # Headline right after a headline group: the first one's body comes later.
            self.pending.append(cur)
            d = self._new(i, title=text)
            cur.follower = d
            return
        if cur and not cur.title and not cur.has_body and cur.section and not cur.captions:
            # A section label over a headlined article.
            cur.title, cur.order = text, cur.order
            return
        d = self._new(i, title=text)
        if (
            cur
            and cur.continued_from
            and not (cur.has_body or cur.title or cur.captions or cur.byline or cur.section)
        ):
            # (上接01版) then the repeated headline
            d.continued_from = cur.continued_from
            self.drafts.remove(cur)

    def _on_subtitle(self, i: int, text: str, line: Line) -> None:
        cur = self.current
        if cur and cur.heading_only and self.prev_kind in ("headline", "subtitle", "byline"):
            sub = _SUBTITLE.sub("", text).strip()
            cur.subtitle = f"{cur.subtitle}\n{sub}" if cur.subtitle else sub
            return
        self._on_body(i, text, line)

    def _on_section(self, i: int, text: str, line: Line) -> None:
        self._new(i, section=text)

    def _on_lead(self, i: int, text: str, line: Line) -> None:
        cur = self.current
        if cur is None or cur.has_body or cur.closed:
            cur = self._orphan_target(i)  # a lead opens a body: never the middle of one
        self._flush_captions(cur)
        self._add_paragraph(cur, text, joinable=False)

    def _on_subhead(self, i: int, text: str, line: Line) -> None:
        cur = self.current
        if cur is None or cur.closed:
            cur = self._orphan_target(i)
        self._flush_captions(cur)
        self._add_paragraph(cur, text, joinable=False)

    def _on_byline(self, i: int, text: str, line: Line) -> None:
        cur = self.current
        if cur is None or (cur.closed and cur.has_body):
            cur = self._new(i)
        cur.add_byline(text)
        if cur.has_body:
            cur.closed = True  # a byline after the body ends the article

    def _on_credit(self, i: int, text: str, line: Line) -> None:
        if self.captions:
            self.captions[-1] = f"{self.captions[-1]} {text}"
            return
        cur = self.current
        if (
            cur
            and self.prev_kind == "headline"
            and cur.heading_only
            and not (cur.subtitle or cur.section or cur.byline or cur.continued_from)
        ):
            # "description line" + "记者 X 摄": the short line was a caption, not a headline.
            self._retract(cur)
            self.captions.append(f"{cur.title} {text}")
            return
        if cur and cur.title and len(cur.paragraphs) == 1 and not cur.byline and not cur.closed:
            # short title + one paragraph + credit: a photo of its own
            cur.photo = True
            cur.byline = text
            cur.closed = True
            return
        if cur is None:
            self.captions.append(text)
            return
        cur.captions.append(text)

    def _retract(self, d: _Draft) -> None:
        """Forget a draft started by mistake; the one before it is current again."""
        self.drafts.remove(d)
        if self.pending and self.pending[-1].follower is d:
            self.current = self.pending.pop()
            self.current.follower = None
        else:
            self.current = self.drafts[-1] if self.drafts else None
        self.captions[:0] = d.captions

    def _on_caption(self, i: int, text: str, line: Line) -> None:
        self.captions.append(text)

    def _on_cont_from(self, i: int, text: str, line: Line) -> None:
        m = _CONT_FROM.match(text)
        assert m
        cur = self.current
        if cur and cur.heading_only:
            cur.continued_from = _page(m)
            return
        self._new(i).continued_from = _page(m)

    def _on_cont_to(self, i: int, text: str, line: Line) -> None:
        m = _CONT_TO.search(text)
        assert m
        cur = self.current or self._new(i)
        cur.continues_to = _page(m)
        cur.closed = True

    def _on_body(self, i: int, text: str, line: Line) -> None:
        m = _CONT_FROM.match(text)
        if m:
            self._on_cont_from(i, m.group(0), line)
            text = text[m.end() :].strip()
            if not text:
                return
        cont_to = _CONT_TO.search(text[-30:])
        if cont_to:
            text = text[: len(text) - len(text[-30:]) + cont_to.start()].rstrip()
        cur = self._body_target(i, line)
        self._flush_captions(cur)
        if not cur.has_body and not cur.byline:
            byline, text = split_leading_byline(text)
            if byline:
                cur.byline = byline
        editor = _TRAILING_EDITOR.search(text[-40:])
        if editor and editor.start() > 0:  # "(编辑：X)" closing a paragraph is furniture
            text = text[: len(text) - len(text[-40:]) + editor.start()].rstrip()
        text, trailing = split_trailing_byline(text)
        self._add_paragraph(cur, text, joinable=line.layout)
        if trailing:
            cur.add_byline(trailing)
            cur.closed = True
        if cont_to:
            cur.continues_to = _page(cont_to)
            cur.closed = True

    def _body_target(self, i: int, line: Line) -> _Draft:
        cur = self.current
        if cur is None:
            return self._orphan_target(i)
        if cur.closed:
            if cur.heading_only or (not cur.has_body and cur.continued_from):
                return cur
            return self._orphan_target(i)
        if (
            self.pending
            and cur.has_body
            and self.big_gap is not None
            and line.gap >= self.big_gap
            and not cur.joinable
        ):
            return self._orphan_target(i)
        return cur

    def _add_paragraph(self, d: _Draft, text: str, *, joinable: bool) -> None:
        if d.paragraphs and d.joinable and joinable:
            last = d.paragraphs[-1]
            sep = _separator(last[-1], text)
            if sep:
                last.append(sep)
            last.append(text)
        else:
            d.paragraphs.append([text])
        d.joinable = joinable and not _is_terminated(text)

    # results

    def finish(self) -> list[Article]:
        if self.captions:
            owner = self.current or self._new(10**9)
            owner.captions.extend(self.captions)
            self.captions = []
        for d in self.pending:
            self._unpend(d)
        out: list[Article] = []
        for d in sorted(self.drafts, key=lambda d: d.order):
            art = _to_article(d)
            if art is not None:
                out.append(art)
        return out

    def _unpend(self, d: _Draft) -> None:
        """A pending headline that never got a body: the kicker of the one after it."""
        f = d.follower
        if f is None or f not in self.drafts:
            return
        parts = [d.kicker, d.title, d.subtitle, f.kicker]
        f.kicker = "\n".join(p for p in parts if p)
        if d.byline:
            f.add_byline(d.byline)
        f.captions[:0] = d.captions
        f.section = f.section or d.section
        f.continued_from = f.continued_from or d.continued_from
        f.order = min(f.order, d.order)
        self.drafts.remove(d)


def _to_article(d: _Draft) -> Article | None:
    title, body, section = d.title, "\n".join("".join(p) for p in d.paragraphs), d.section
    subtitle = "\n".join(p for p in (d.kicker, d.subtitle) if p)
    if not body and not d.captions:
        # Never an empty article: a lone heading or label becomes the text itself.
        lone = [p for p in (section, d.kicker, title, d.subtitle, d.byline) if p]
        if not lone:
            return None
        body, title, subtitle, section = "\n".join(lone), "", "", ""
        byline = ""
    else:
        byline = d.byline
    if d.photo or (not body and d.captions):
        kind = "photo"
    elif section and not title:
        kind = "brief"
    else:
        kind = "article"
    return Article(
        title=title,
        body=body,
        subtitle=subtitle,
        byline=byline,
        section=section,
        captions=list(d.captions),
        continued_from=d.continued_from,
        continues_to=d.continues_to,
        kind=kind,
    )


def _big_gap(lines: list[Line]) -> int | None:
    """A gap wider than the usual one between paragraphs marks a layout break."""
    gaps = Counter(ln.gap for ln in lines[1:])
    if len(gaps) < 2:
        return None
    usual = gaps.most_common(1)[0][0]
    wider = [g for g in gaps if g > usual]
    return min(wider) if wider else None


def to_lines(text: str) -> list[Line]:
    """Non-empty stripped lines with the number of blank lines before each."""
    out: list[Line] = []
    gap = 0
    for raw in text.split("\n"):
        s = raw.strip()
        if not s:
            gap += 1
            continue
        out.append(Line(s, gap))
        gap = 0
    return out


def split_lines(lines: list[Line]) -> list[Article]:
    """Articles from classified lines (Markdown feeds lines with forced kinds)."""
    asm = _Assembler(_big_gap(lines))
    for i, line in enumerate(lines):
        asm.feed(i, line)
    return asm.finish()


def split_page(text: str) -> list[Article]:
    """Split one page of normalised newspaper text into articles, in page order."""
    return split_lines(to_lines(text))


# The date line at the head of a newspaper page: 2020年3月10日 星期二 (中華民國109年…).
_PAGE_DATE = re.compile(
    r"^.{0,20}?(?:(中華民國|中华民国|民國|民国)\s*)?(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"\s*(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]"
)


def page_date(text: str) -> str | None:
    """The ISO date of a page's date line (among its first lines), else None."""
    for line in text[:4000].split("\n")[:40]:
        m = _PAGE_DATE.match(line.strip())
        if not m:
            continue
        year = int(m.group(2))
        if m.group(1) or year < 1000:  # the Republic of China's years
            year += 1911
        try:
            return date(year, int(m.group(3)), int(m.group(4))).isoformat()
        except ValueError:
            continue
    return None
