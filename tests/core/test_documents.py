"""parse_document: the one entry point the app calls (bytes + file name → articles)."""

from __future__ import annotations

import codecs
import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import decode, documents
from reader.core.documents import ParsedDocument, UnreadableInput, parse_document, split_text
from reader.core.pages import split_page
from tests.conftest import DATA, SEED

PAGES = DATA / "pages"


def _expected(page: str) -> list[dict[str, object]]:
    return json.loads((PAGES / f"{page}.expected.json").read_text(encoding="utf-8"))


# A page's date line (tested below), and what only web pages have.
_PAGE_FIELDS = ("published", "url", "site", "web")


def _as_dicts(doc: ParsedDocument) -> list[dict[str, object]]:
    return [
        {k: v for k, v in dataclasses.asdict(a).items() if k not in _PAGE_FIELDS}
        for a in doc.articles
    ]


# --- the seed ------------------------------------------------------------------------------


def test_seed_through_the_entry_point(seed_text: str) -> None:
    doc = parse_document(SEED.read_bytes(), SEED.name)
    assert isinstance(doc, ParsedDocument)
    assert (doc.encoding, doc.warnings) == ("utf-8", [])
    assert doc.text == seed_text
    assert [(a.title, a.kind) for a in doc.articles] == [
        ("决战决胜看今朝", "article"),
        ("狠抓落实严防输入 确保全市疫情不反弹", "article"),
        ("", "brief"),
        ("送岗下乡促就业", "photo"),
        ("", "article"),
    ]


def test_seed_in_gb18030_gives_the_same_articles(seed_text: str) -> None:
    doc = parse_document(seed_text.encode("gb18030"), "page.txt")
    assert doc.encoding == "gb18030"
    assert doc.articles == split_page(seed_text)


def test_stored_text_resplits_to_the_same_articles() -> None:
    doc = parse_document(SEED.read_bytes(), SEED.name)
    assert split_text(doc.text, SEED.name) == doc.articles


def test_unreadable_input_is_the_decoder_one() -> None:
    assert documents.UnreadableInput is decode.UnreadableInput


# --- whole test pages in their encodings ---------------------------------------------------


@pytest.mark.parametrize(
    ("page", "codec", "encoding"),
    [
        ("mainland_city_gb", "gb18030", "gb18030"),
        ("mainland_city_gb", "gbk", "gb18030"),
        ("taiwan_big5", "big5", "big5"),
        ("taiwan_big5", "utf-8-sig", "utf-8"),
        ("beijing_dateline", "utf-8", "utf-8"),
        ("beijing_dateline", "utf-8-sig", "utf-8"),
        ("interleaved_utf16", "utf-16", "utf-16-le"),  # Python writes a LE BOM
        ("interleaved_utf16", "utf-16-be", "utf-16-be"),  # no BOM
        ("interleaved_utf16", "utf-16-le", "utf-16-le"),  # no BOM
    ],
)
def test_test_page_articles(page: str, codec: str, encoding: str) -> None:
    source = (PAGES / f"{page}.txt").read_text(encoding="utf-8")
    data = source.replace("\n", "\r\n").encode(codec)
    doc = parse_document(data, f"{page}.txt")
    assert doc.encoding == encoding
    assert doc.warnings == []
    assert _as_dicts(doc) == _expected(page)


@pytest.mark.parametrize(
    ("page", "published"),
    [
        ("mainland_city_gb", "2021-04-15"),
        ("beijing_dateline", "2020-03-11"),
        ("taiwan_big5", "2021-05-20"),  # 中華民國110年
        ("interleaved_utf16", None),  # no date line
    ],
)
def test_a_page_date_line_is_when_its_articles_were_published(page, published) -> None:
    data = (PAGES / f"{page}.txt").read_bytes()
    doc = parse_document(data, f"{page}.txt")
    assert [a.published for a in doc.articles] == [published] * len(doc.articles)
    assert all(a.url is None and a.site == "" and not a.web for a in doc.articles)


def test_mainland_page_reads_right() -> None:
    arts = _expected("mainland_city_gb")
    assert [a["title"] for a in arts] == [
        "春风行动送岗位 三万人家门口就业",
        "",
        "我市企业亮相广交会",
    ]
    assert arts[0]["subtitle"] == "多措并举稳就业\n我市一季度就业工作综述"
    assert "月薪五千元的工作。" in str(arts[0]["body"])
    assert "焊工、育婴员" in str(arts[0]["body"])
    assert arts[0]["captions"] == ["市高新区人才市场一角（资料图片）"]
    assert (arts[1]["section"], arts[1]["kind"]) == ("社会民生", "brief")
    assert "新一代 Smart Home 系列" in str(arts[2]["body"])
    assert not any("刘洋" in json.dumps(a, ensure_ascii=False) for a in arts)


def test_taiwan_page_reads_right() -> None:
    arts = _expected("taiwan_big5")
    assert [a["byline"] for a in arts] == [
        "【記者王小明／台北報導】",
        "（中央社記者陳怡君台北19日電）",
        "記者李志明",
    ]
    assert arts[0]["captions"] == ["青年藝術家在大稻埕老屋內創作。（記者王小明攝）"]
    assert "重新找回往日的繁華。" in str(arts[0]["body"])
    assert arts[1]["continues_to"] == "A3版"
    assert (arts[2]["section"], arts[2]["kind"]) == ("藝文短波", "brief")


def test_dateline_page_reads_right() -> None:
    arts = _expected("beijing_dateline")
    assert [(a["title"], a["continued_from"], a["continues_to"]) for a in arts] == [
        ("坚定信心 同舟共济 科学防治 精准施策", "", "02版"),
        ("春耕备耕有序展开", "", "四版"),
        ("", "一版", ""),
    ]
    assert arts[0]["byline"] == "本报北京3月10日电 （记者 王浩）"
    text = json.dumps(arts, ensure_ascii=False)
    for furniture in ("赵明", "孙立", "刘洋", "星期三"):
        assert furniture not in text


def test_interleaved_page_reads_right() -> None:
    arts = _expected("interleaved_utf16")
    assert [(a["title"], a["kind"]) for a in arts] == [
        ("绿色发展绘新景", "article"),
        ("三月春耕正当时 农机下田忙", "article"),
        ("", "brief"),
        ("樱花盛开引客来", "photo"),
    ]
    assert str(arts[0]["body"]).startswith("导语\n春回大地")
    assert arts[0]["byline"] == "本报记者 周静 通讯员 孙立"


# --- formats -------------------------------------------------------------------------------

MARKDOWN = """# 春耕忙

**本报讯**（记者 张明）全市春耕面积突破[百万亩](http://example.com)，
农机具投入*一万余台*。

![田间](photo.jpg)

## 1 抢抓农时

> 种子化肥供应充足，`价格`基本稳定。

- 要闻一
- 要闻二

# 樱花开

植物园樱花盛开，市民__纷纷__前往。
"""


def test_markdown_headings_are_headlines_and_markup_is_stripped() -> None:
    doc = parse_document(MARKDOWN.encode(), "notes.md")
    assert [a.title for a in doc.articles] == ["春耕忙", "樱花开"]
    first = doc.articles[0]
    assert first.byline == "本报讯（记者 张明）"
    assert first.body.split("\n") == [
        "全市春耕面积突破百万亩，农机具投入一万余台。",
        "1 抢抓农时",
        "种子化肥供应充足，价格基本稳定。",
        "要闻一",
        "要闻二",
    ]
    assert doc.articles[1].body == "植物园樱花盛开，市民纷纷前往。"
    for a in doc.articles:
        assert not any(c in a.body for c in "*_[]()!#`>")


def test_markdown_single_h1_keeps_h2_as_subheads() -> None:
    md = "# 决战决胜看今朝\n\n导语正文。\n\n## 攻城拔寨\n\n正文一。\n\n## 聚焦精准\n\n正文二。\n"
    (a,) = parse_document(md.encode(), "a.md").articles
    assert a.title == "决战决胜看今朝"
    assert a.body.split("\n") == ["导语正文。", "攻城拔寨", "正文一。", "聚焦精准", "正文二。"]


HTML = """<html><head><title>网站 | 春耕忙</title><script>alert("脚本")</script>
<style>body{}</style></head><body><nav>首页 新闻</nav>
<h1>春耕忙</h1><p>本报讯（记者 张明）全市春耕面积突破百万亩。</p>
<figure><figcaption>农民在田间插秧（资料图片）</figcaption></figure>
<p>农机具投入一万余台。</p><footer>版权所有</footer></body></html>"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.HTM", "download"])
def test_html_is_one_article_of_main_text(name: str) -> None:
    (a,) = parse_document(HTML.encode(), name).articles
    assert a.title == "春耕忙"
    assert a.byline == "本报讯（记者 张明）"
    assert a.body == "全市春耕面积突破百万亩。\n农机具投入一万余台。"
    assert a.captions == ["农民在田间插秧（资料图片）"]
    assert "脚本" not in a.body and "首页" not in a.body and "版权" not in a.body


def test_a_web_page_is_one_article_even_with_several_article_elements() -> None:
    html = (
        "<body><article><h2>春耕忙</h2><p>全市春耕。</p></article>"
        "<article><h2>樱花开</h2><p>樱花盛开。</p></article></body>"
    )
    (a,) = parse_document(html.encode("gb18030"), "x.html").articles
    assert a.title == "春耕忙" and a.web
    assert "全市春耕。" in a.body


def test_html_with_only_script_is_unreadable() -> None:
    with pytest.raises(UnreadableInput, match="no article text"):
        parse_document(b"<html><script>var a = 1;</script></html>", "x.html")


def test_txt_name_is_not_sniffed_as_html() -> None:
    doc = parse_document("标题\n\n正文里写着 <p> 标签。\n".encode(), "a.txt")
    assert doc.articles[0].body == "正文里写着 <p> 标签。"


# --- refusals and warnings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b" \r\n\t\r\n", "empty file (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "not a text file (looks like a PNG image)"),
        (b"\xff\xd8\xff\xe1" + bytes(64), "not a text file (looks like a JPEG image)"),
        (b"%PDF-1.4\n", "not a text file (looks like a PDF document)"),
        (bytes(range(256)) * 4, "not a text file (binary data)"),
        ("本版责编：刘洋\n校对：孙强\n".encode(), "no article text found"),
    ],
)
def test_unreadable_inputs_have_one_clear_line(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableInput) as err:
        parse_document(data, "x.txt")
    assert str(err.value) == message


def test_truncated_file_is_salvaged_with_a_warning() -> None:
    data = "春耕忙\n\n今年以来，全市春耕面积突破百万亩，农机具投入一万余台。".encode("gb18030")[:-1]
    doc = parse_document(data, "x.txt")
    assert doc.encoding == "gb18030"
    assert doc.articles[0].body == "今年以来，全市春耕面积突破百万亩，农机具投入一万余台"
    assert len(doc.warnings) == 1


# --- property: any bytes → articles or UnreadableInput -------------------------------------

_CHUNKS = st.one_of(
    st.binary(max_size=40),
    st.sampled_from(
        [
            "春耕忙\n\n".encode(),
            "本报讯（记者 张明）全市春耕。\n".encode("gb18030"),
            "【記者王小明／台北報導】".encode("big5"),
            "(上接01版)\n".encode(),
            "<p>正文</p><script>x</script>".encode(),
            codecs.BOM_UTF8,
            codecs.BOM_UTF16_LE,
            b"\x89PNG\r\n\x1a\n",
            b"\r\n\r\n",
            "\u3000\u3000".encode(),
        ]
    ),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CHUNKS, max_size=8), st.sampled_from(["a.txt", "a.md", "a.html", "a", "a.bin"]))
def test_any_bytes_give_articles_or_unreadable(chunks: list[bytes], name: str) -> None:
    data = b"".join(chunks)
    try:
        doc = parse_document(data, name)
    except UnreadableInput as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert doc.articles
    for a in doc.articles:
        assert a.body or a.captions


def test_pages_fixture_dir_exists() -> None:
    assert isinstance(PAGES, Path) and (PAGES / "taiwan_big5.txt").exists()
