"""A saved news page becomes its article: headline, date, reporter, the text and nothing else.

Real pages (tests/data/web, see its README) are checked against their references; small
synthetic pages pin down script/style/comment handling, hidden text, charsets and the
MHTML/webarchive containers.
"""

from __future__ import annotations

import email.policy
import json
import plistlib
import quopri
import re
import time
import unicodedata
from collections import Counter
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

import pytest

from reader.core import saved_page
from reader.core.webpage import WebArticle, decode_html, extract, parse_date

DATA = Path(__file__).resolve().parents[1] / "data" / "web"
PAGES = sorted(p for p in (DATA / "pages").iterdir() if p.suffix in (".html", ".mhtml"))
STEMS = sorted(p.stem for p in (DATA / "refs").glob("*.json"))

# Measured: the worst page scores 0.91 (bench_web.py); a margin for changes.
MIN_F1 = 0.85
CHROME = re.compile(
    r"首页|首頁|登录|登入|版权所有|版權所有|Copyright|©|分享到|相关阅读|相關新聞|返回搜狐|查看更多"
    r"|请继续往下阅读|請繼續往下閱讀|關鍵字|关键字|专线|專線"
)


def _norm(text: str | None) -> str:
    """NFKC without punctuation and spaces, as the benchmark scores."""
    t = unicodedata.normalize("NFKC", text or "")
    return "".join(c for c in t if unicodedata.category(c)[0] in "LN")


def _f1(got: str, ref: str) -> float:
    def grams(t: str) -> Counter[str]:
        t = _norm(t)
        return Counter(t[i : i + 2] for i in range(len(t) - 1))

    g, r = grams(got), grams(ref)
    common = sum((g & r).values())
    if not common:
        return 0.0
    p, rc = common / sum(g.values()), common / sum(r.values())
    return 2 * p * rc / (p + rc)


def _page(stem: str) -> tuple[WebArticle, dict]:
    path = next((DATA / "pages").glob(f"{stem}.*"))
    ref = json.loads((DATA / "refs" / f"{stem}.json").read_text("utf-8"))
    return extract(path.read_bytes(), ref["url"]), ref


# --- real pages ------------------------------------------------------------------------------


def test_the_evidence_set_is_what_the_issue_asks() -> None:
    """At least 25 real pages from at least 12 outlets, mainland, Taiwan and Hong Kong, some
    saved as MHTML, each with its reference."""
    sources = json.loads((DATA / "sources.json").read_text("utf-8"))
    assert len(STEMS) == len(PAGES) == len(sources) >= 25
    assert len({s["outlet"] for s in sources}) >= 12
    assert {"Taiwan", "Hong Kong"} <= {s["region"] for s in sources}
    assert any(p.suffix == ".mhtml" for p in PAGES)


@pytest.mark.parametrize("stem", STEMS, ids=lambda s: s[:40])
def test_real_page_matches_its_reference(stem: str) -> None:
    art, ref = _page(stem)
    assert art.paragraphs, "a body"
    got = "\n".join(art.paragraphs + art.captions)
    assert _f1(got, "\n".join(ref["paragraphs"] + ref["captions"])) >= MIN_F1
    assert _norm(art.title) == _norm(ref["title"])
    if ref["published"]:
        assert art.published is not None
        assert art.published[:10] == ref["published"][:10]


@pytest.mark.parametrize("stem", STEMS, ids=lambda s: s[:40])
def test_real_page_body_has_no_page_chrome(stem: str) -> None:
    art, _ = _page(stem)
    for p in art.paragraphs:
        assert not CHROME.search(p), p
        assert not re.match(r"(责任编辑|責任編輯|\[?作者)", p), p
    assert not set(art.captions) & set(art.paragraphs)
    assert _norm(art.title) not in {_norm(p) for p in art.paragraphs}


def test_title_loses_the_site_suffix() -> None:
    art, _ = _page("readability__gmw")
    assert "<title>宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网</title>" in (
        DATA / "pages" / "readability__gmw.html"
    ).read_text("utf-8")
    assert art.title == "宇航员在太空中喝酒会怎么样？后果很严重"


def test_gbk_page_decodes_and_gives_its_metadata() -> None:
    art, _ = _page("trafilatura__archive.org.he.xinhuanet.com.25340717")
    assert art.encoding == "gb18030"
    assert art.title == "话剧《约定无期限》河北各市巡演结束"
    assert art.published == "2012-06-04T09:20:26"
    assert art.source == "河北日报"


def test_taiwan_wire_story_json_ld() -> None:
    art, _ = _page("goose3__test_schema_list")
    assert art.title == "鄭文燦：多元方案解決蛋荒 預估3月初緩解"
    assert art.published == "2023-02-21T21:20"
    assert art.author == "溫貴香"  # the reporter of the dateline, not the agency
    assert art.site and "中央通訊社" in art.site
    assert art.url == "https://www.cna.com.tw/news/aipl/202302210388.aspx"
    assert not any("不得轉載" in p for p in art.paragraphs)


def test_taiwan_byline_at_the_end_and_figure_caption() -> None:
    art, _ = _page("twnews__appledaily-desktop-2018")
    assert art.author == "王煌忠"
    assert art.published == "2016-05-21T11:44:00+08:00"
    assert any(c.startswith("台中市賴姓女子酒後與男友發生口角") for c in art.captions)
    assert not any("王煌忠攝" in p for p in art.paragraphs)


def test_collapsed_comment_rules_are_not_the_article() -> None:
    art, _ = _page("twnews__chinatimes-mobile-2019")
    assert "北市士林區葫蘆街一處民宅" in art.text
    assert "留言" not in art.text


def test_news_desk_is_not_a_reporter_and_picture_credit_is_a_caption() -> None:
    art, _ = _page("twnews__ltn-mobile-2019")
    assert art.author is None  # 〔即時新聞／綜合報導〕
    assert any("圖翻攝自" in c for c in art.captions)


def test_short_story_beside_a_dense_widget() -> None:
    art, ref = _page("magic-html__9a0e481ae0f33a2e75eeac05672316e8bc87a156db31a995700e458e85c3ba02")
    assert art.paragraphs == ref["paragraphs"]  # and no 平台声明


def test_wechat_article_revealed_by_script_is_read() -> None:
    art, _ = _page("magic-html__7e99760d0920deb099946fd607f580080345cf332fae8ac7eb15fd78f38d701a")
    assert art.title == "绥德：33名退役军人被表彰"
    assert len(art.text) > 1000


def test_photo_story_keeps_its_text_and_captions() -> None:
    art, _ = _page("magic-html__090704b0cb2e2ae4e435507f38afe591b641a672afa133d7065f48992a444d9b")
    assert "眼下，植保无人机、无人驾驶农机" in art.text
    assert "无人驾驶农机在播种玉米" in "\n".join(art.paragraphs + art.captions)
    assert "新华社发（刘满仓摄）" in art.captions
    assert art.author == "刘满仓" and art.editor == "杨丹宇"
    assert not any("责任编辑" in p for p in art.paragraphs)


def test_production_credits_are_not_text() -> None:
    art, _ = _page("magic-html__8f8e788c3abb73656291f8a3a43956862f5d16bc3bb737476c920378f4630a61")
    assert not any("监制" in p for p in art.paragraphs)
    assert art.published == "2022-06-02T09:52:19"


def test_big5_copy_of_a_real_page_reads_the_same() -> None:
    path = DATA / "pages" / "twnews__chinatimes-mobile-2019.html"
    utf8 = path.read_text("utf-8")
    big5 = re.sub(r'charset="?utf-8"?', "charset=big5", utf8, flags=re.IGNORECASE)
    data = big5.encode("big5hkscs", errors="xmlcharrefreplace")
    a, b = extract(path.read_bytes()), extract(data)
    assert b.encoding == "big5hkscs"
    assert (b.title, b.paragraphs, b.published) == (a.title, a.paragraphs, a.published)


def test_a_big_real_page_is_fast() -> None:
    path = max(PAGES, key=lambda p: p.stat().st_size)
    data = path.read_bytes()
    assert len(data) > 800_000
    t = time.perf_counter()
    extract(data)
    assert time.perf_counter() - t < 2.0  # about 0.06 s on an idle machine


# --- synthetic pages -------------------------------------------------------------------------

BODY = (
    "<p>本报北京5月1日电　国家统计局今天发布数据，一季度国内生产总值同比增长百分之四点五，"
    "比上年四季度加快一点六个百分点。</p>"
    "<p>分行业看，服务业增加值增长百分之五点四，对经济增长的贡献率达到百分之六十九。"
    "消费的拉动作用明显增强，最终消费支出对经济增长的贡献率为百分之六十六点六。</p>"
    "<p>专家表示，随着各项政策效果持续显现，全年经济有望总体回升，市场信心逐步恢复。</p>"
)
PARAS = [
    "本报北京5月1日电　国家统计局今天发布数据，一季度国内生产总值同比增长百分之四点五，"
    "比上年四季度加快一点六个百分点。",
    "分行业看，服务业增加值增长百分之五点四，对经济增长的贡献率达到百分之六十九。"
    "消费的拉动作用明显增强，最终消费支出对经济增长的贡献率为百分之六十六点六。",
    "专家表示，随着各项政策效果持续显现，全年经济有望总体回升，市场信心逐步恢复。",
]
NAV = (
    "<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻</a> <a href='/login'>登录</a>"
    " <a href='/reg'>注册</a></div>"
)
FOOT = "<div class='footer'>版权所有 © 2023 新华网 Copyright 京ICP备12345678号</div>"


def page(body: str, head: str = "", charset: str = "utf-8") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='{charset}'>{head}</head>"
        f"<body>{NAV}{body}{FOOT}</body></html>"
    )


ARTICLE = page(
    "<div class='main'><h1>一季度经济增长百分之四点五</h1>"
    "<div class='info'>2023-05-01 10:20　来源：新华网　记者 王小明</div>"
    f"<div class='article'>{BODY}"
    "<p style='text-align:center'><img src='a.jpg'></p>"
    "<p style='text-align:center'>图为港口集装箱码头。新华社记者 李四 摄</p>"
    "<p>（责任编辑：张三）</p></div>"
    "<div class='related'><h3>相关阅读</h3><ul><li><a href='/1'>一季度外贸数据出炉</a></li>"
    "<li><a href='/2'>专家解读经济形势</a></li></ul></div></div>",
    head="<title>一季度经济增长百分之四点五-新华网</title>",
)


def test_synthetic_article_fields() -> None:
    art = extract(ARTICLE.encode("utf-8"), "https://www.news.cn/2023-05/01/c_1.htm")
    assert art.title == "一季度经济增长百分之四点五"
    assert art.published == "2023-05-01T10:20"
    assert art.source == "新华网"
    assert art.author == "王小明"
    assert art.editor == "张三"
    assert art.paragraphs == PARAS
    assert art.captions == ["图为港口集装箱码头。新华社记者 李四 摄"]
    assert art.url == "https://www.news.cn/2023-05/01/c_1.htm"
    assert art.site == "新华网"


@pytest.mark.parametrize(
    ("title", "site_meta"),
    [
        ("一季度经济增长百分之四点五_科技_腾讯网", ""),
        ("一季度经济增长百分之四点五 | 香港01", ""),
        ("一季度经济增长百分之四点五-新华网", ""),
        (
            "一季度经济增长百分之四点五 - 東方日報",
            "<meta property='og:site_name' content='東方日報'>",
        ),
    ],
)
def test_site_suffix_stripped_without_h1(title: str, site_meta: str) -> None:
    html = page(f"<div class='article'>{BODY}</div>", head=f"<title>{title}</title>{site_meta}")
    assert extract(html.encode()).title == "一季度经济增长百分之四点五"


def test_headline_with_its_own_separator_keeps_it() -> None:
    html = page(
        f"<h1>首踏足政總｜鄭雁雄廣東話報告</h1><div class='article'>{BODY}</div>",
        head="<title>首踏足政總｜鄭雁雄廣東話報告 | 香港01</title>",
    )
    assert extract(html.encode()).title == "首踏足政總｜鄭雁雄廣東話報告"


SCRIPT_TRICKS = (
    "<!DOCTYPE html><html><head><title>T<script>steal1()</script></title>"
    "<script/>LEAKA</script>"
    '<script>var s="</ script>";steal2()</script>'
    "<style/>LEAKB{color:red}</style>"
    "<script type='text/template'><p>LEAKC模板里的段落。</p></script>"
    "</head><body><noscript>LEAKD请启用脚本</noscript><template><p>LEAKE模板。</p></template>"
    f"<div class='article'>{BODY}</div><textarea>LEAKF</textarea>"
    "<p>尾声。</p><!-- an unclosed comment <p>LEAKG被注释的段落，不应出现。</p>"
)


def test_script_style_and_comments_never_leak() -> None:
    art = extract(SCRIPT_TRICKS.encode())
    everything = json.dumps(art.__dict__, ensure_ascii=False, default=str)
    assert "steal" not in everything
    assert not re.search(r"LEAK[A-G]", everything)
    assert art.title == "T"
    assert art.paragraphs[:3] == PARAS


def test_hidden_text_is_excluded() -> None:
    hidden = (
        "<p hidden>隐藏一。</p><div aria-hidden='true'>隐藏二。</div>"
        "<p style='display: none'>隐藏三。</p><p style='color:red;visibility:hidden'>隐藏四。</p>"
        "<div class='d-none'>隐藏五。</div><input type='hidden' value='隐藏六'>"
    )
    body = BODY.replace("</p>", "<span style='display:none'>隐藏七</span></p>", 1)
    art = extract(page(f"<div class='article'>{body}{hidden}</div>").encode())
    assert "隐藏" not in "".join(art.paragraphs + art.captions)
    assert art.paragraphs == PARAS


def test_meta_and_json_ld_metadata() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "示例网"},
            {
                "@type": "NewsArticle",
                "headline": "一季度经济增长百分之四点五",
                "datePublished": "2023-05-01T10:20:00+08:00",
                "author": [
                    {"@type": "Person", "name": "王小明"},
                    {"@type": "Person", "name": "李华"},
                ],
                "publisher": {"@type": "Organization", "name": "示例日报"},
            },
        ],
    }
    head = (
        f"<script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script>"
        "<link rel='canonical' href='https://example.com/a/1.html'>"
        "<meta name='description' content='一季度经济数据'>"
    )
    art = extract(page(f"<div class='article'>{BODY}</div>", head=head).encode())
    assert art.title == "一季度经济增长百分之四点五"
    assert art.published == "2023-05-01T10:20:00+08:00"
    assert art.author == "王小明、李华"
    assert art.site == "示例日报"
    assert art.url == "https://example.com/a/1.html"
    assert art.description == "一季度经济数据"


def test_date_from_meta_time_text_or_url() -> None:
    def published(body: str, head: str = "", url: str | None = None) -> str | None:
        return extract(page(body, head=head).encode(), url).published

    article = f"<h1>一季度经济增长百分之四点五</h1><div class='article'>{BODY}</div>"
    meta = "<meta property='article:published_time' content='2023-05-01T02:20:00Z'>"
    assert published(article, meta) == "2023-05-01T02:20:00Z"
    timed = article.replace("</h1>", "</h1><time datetime='2023-05-02 08:00'>昨天</time>")
    assert published(timed) == "2023-05-02T08:00"
    texted = article.replace("</h1>", "</h1><div>2023年5月3日 10:20　来源：人民网</div>")
    assert published(texted) == "2023-05-03T10:20"
    assert published(article, url="http://www.xinhuanet.com/2023-05/04/c_1.htm") == "2023-05-04"
    assert published(article, url="http://news.example.com/20230505/abc.html") == "2023-05-05"
    assert published(article) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2023-05-01 10:20", "2023-05-01T10:20"),
        ("2023年5月1日 10:20", "2023-05-01T10:20"),
        ("2023年05月01日10时20分", "2023-05-01T10:20"),
        ("发布时间：2023/05/01", "2023-05-01"),
        ("2023.5.1", "2023-05-01"),
        ("2016-05-21T11:44:00+0800", "2016-05-21T11:44:00+08:00"),
        ("20230501", "2023-05-01"),
        ("電話 2023-13-45", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


# --- charsets --------------------------------------------------------------------------------


def test_declared_gb2312_decodes_as_gb18030() -> None:
    html = page(f"<div class='article'>{BODY}<p>朱镕基说，𠀀字也能读。</p></div>", charset="gb2312")
    text, codec = decode_html(html.encode("gb18030"))
    assert codec == "gb18030"
    assert "朱镕基说，𠀀字也能读。" in text


TW_PARAS = [
    "行政院副院長今天表示，這一波是全球性的雞蛋減產問題，農委會預估三月初才能夠緩解。",
    "他說，包括種雞進口、換羽結束後可以增產，目前拜託各通路業者優先供應民生需求。",
    "專家指出，蛋價上漲並非台灣獨有，美國與日本也出現蛋荒，民眾不必過度恐慌。",
]


@pytest.mark.parametrize(
    ("declared", "encoding", "paras"),
    [
        ("gb2312", "utf-8", PARAS),
        ("utf-8", "gb18030", PARAS),
        ("iso-8859-1", "big5", TW_PARAS),
        ("", "big5", TW_PARAS),
        ("utf-16", "big5", TW_PARAS),
    ],
)
def test_lying_or_missing_charset(declared: str, encoding: str, paras: list[str]) -> None:
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = page(f"<div class='article'>{body}</div>", charset=declared)
    data = html.encode(encoding, errors="xmlcharrefreplace")
    art = extract(data)
    assert art.paragraphs == paras
    assert art.encoding.replace("big5hkscs", "big5") == encoding


def test_utf16_with_bom() -> None:
    html = page(f"<div class='article'>{BODY}</div>", charset="utf-16")
    assert extract("\ufeff".encode("utf-16-le") + html.encode("utf-16-le")).paragraphs == PARAS


# --- containers --------------------------------------------------------------------------------

URL = "https://www.news.cn/2023-05/01/c_1.htm"


def _gbk_article() -> bytes:
    return ARTICLE.replace("charset='utf-8'", "charset='gbk'").encode("gb18030")


def _mhtml(html: bytes, transfer: str) -> bytes:
    msg = MIMEMultipart("related", type="text/html")
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = URL
    msg["Subject"] = "saved"
    part = MIMENonMultipart("text", "html", charset="gbk")
    if transfer == "quoted-printable":
        part.set_payload(quopri.encodestring(html).decode("ascii"))
    else:
        import base64

        part.set_payload(base64.encodebytes(html).decode("ascii"))
    part["Content-Transfer-Encoding"] = transfer
    part["Content-Location"] = URL
    msg.attach(part)
    img = MIMEBase("image", "png")
    img.set_payload("iVBORw0KGgo=\n")
    img["Content-Transfer-Encoding"] = "base64"
    img["Content-Location"] = "https://www.news.cn/a.jpg"
    msg.attach(img)
    return msg.as_bytes(policy=email.policy.SMTP)


def _same(a: WebArticle, b: WebArticle) -> None:
    fields = ("title", "published", "author", "source", "paragraphs", "captions", "editor")
    assert {f: getattr(a, f) for f in fields} == {f: getattr(b, f) for f in fields}


@pytest.mark.parametrize("transfer", ["quoted-printable", "base64"])
def test_mhtml_reads_like_its_html(transfer: str) -> None:
    data = _mhtml(_gbk_article(), transfer)
    assert saved_page.sniff(data) == saved_page.MHTML
    art = extract(data)
    assert art.kind == saved_page.MHTML
    assert art.encoding == "gb18030"
    assert art.url == URL
    _same(art, extract(_gbk_article(), URL))
    assert art.paragraphs == PARAS


def test_hand_written_blink_mhtml() -> None:
    html = _gbk_article()
    qp = quopri.encodestring(html).replace(b"\n", b"\r\n")
    data = (
        b"From: <Saved by Blink>\r\n"
        b"Snapshot-Content-Location: " + URL.encode() + b"\r\n"
        b"Subject: =?utf-8?Q?=E4=B8=80?=\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: multipart/related;\r\n"
        b'\ttype="text/html";\r\n'
        b'\tboundary="----MultipartBoundary--abc----"\r\n\r\n\r\n'
        b"------MultipartBoundary--abc----\r\n"
        b"Content-Type: text/html\r\n"
        b"Content-ID: <frame-1@mhtml.blink>\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: " + URL.encode() + b"\r\n\r\n" + qp + b"\r\n"
        b"------MultipartBoundary--abc------\r\n"
    )
    art = extract(data)
    assert art.kind == saved_page.MHTML
    assert art.paragraphs == PARAS  # charset from the page's own <meta>


def test_webarchive_reads_like_its_html() -> None:
    archive = {
        "WebMainResource": {
            "WebResourceData": _gbk_article(),
            "WebResourceTextEncodingName": "GBK",
            "WebResourceURL": URL,
            "WebResourceMIMEType": "text/html",
            "WebResourceFrameName": "",
        },
        "WebSubresources": [],
    }
    data = plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)
    assert saved_page.sniff(data) == saved_page.WEBARCHIVE
    art = extract(data)
    assert art.kind == saved_page.WEBARCHIVE
    _same(art, extract(_gbk_article(), URL))


def test_plain_html_and_damaged_containers() -> None:
    assert saved_page.sniff(ARTICLE.encode()) == saved_page.HTML
    assert extract(b"bplist00 broken" + ARTICLE.encode()).title  # read as HTML, no crash
    assert extract(b"").paragraphs == []


def test_a_megabyte_page_of_links_still_gives_its_article() -> None:
    # 28,000 links and no script: the worst case for the pure-Python parser (how long real
    # pages take: tests/perf/bench_web.py).
    nav = "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(40))
    filler = f"<ul class='menu'>{nav}</ul><div class='related'>{nav}</div>"
    html = page(
        filler * 175 + f"<h1>标题</h1><div class='article'>{BODY * 80}</div>" + filler * 175
    )
    data = html.encode()
    assert len(data) > 1_000_000
    art = extract(data)
    assert art.paragraphs[:3] == PARAS
