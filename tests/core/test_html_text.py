"""Main text from HTML: no chrome, no script, title from <h1>/<title>, blocks → paragraphs."""

from __future__ import annotations

from reader.core.html_text import extract, looks_like_html

PAGE = """<!DOCTYPE html>
<html><head><title>洛阳日报 - 决战决胜看今朝</title>
<style>p { color: red } .x{}</style>
<script>var secret = "脚本文字"; document.write("<p>假段落</p>");</script>
</head>
<body>
<header><a href="/">首页</a> 网站导航</header>
<nav><ul><li>要闻</li><li>社会</li></ul></nav>
<main>
<h1>决战决胜看今朝</h1>
<p>本报讯（记者 白云飞）2020年，注定会在河洛大地的时间坐标上，
镌刻下熠熠生辉的印记。</p>
<div>脱贫攻坚进入倒计时<br>洛阳上下深入学习贯彻。</div>
<figure><img src="http://example.com/a.jpg" alt="图">
<figcaption>扶贫车间 记者 高山岳 摄</figcaption></figure>
<p>决战决胜&nbsp;看今朝&amp;真正大考在今年。</p>
<noscript>请启用脚本</noscript>
</main>
<aside>相关阅读：其他新闻</aside>
<footer>版权所有 © 洛阳日报社</footer>
</body></html>
"""


def test_script_style_and_chrome_never_reach_the_text() -> None:
    doc = extract(PAGE)
    text = "\n".join(b.text for a in doc.articles for b in a.blocks)
    for junk in (
        "脚本文字",
        "假段落",
        "color",
        "首页",
        "网站导航",
        "要闻",
        "相关阅读",
        "版权所有",
        "请启用脚本",
    ):
        assert junk not in text


def test_title_from_h1_and_blocks_are_paragraphs() -> None:
    doc = extract(PAGE)
    assert doc.title == "决战决胜看今朝"
    (art,) = doc.articles
    assert art.title == "决战决胜看今朝"
    assert [(b.kind, b.text) for b in art.blocks] == [
        ("p", "本报讯（记者 白云飞）2020年，注定会在河洛大地的时间坐标上，镌刻下熠熠生辉的印记。"),
        ("p", "脱贫攻坚进入倒计时"),
        ("p", "洛阳上下深入学习贯彻。"),
        ("caption", "扶贫车间 记者 高山岳 摄"),
        ("p", "决战决胜 看今朝&真正大考在今年。"),
    ]


def test_title_falls_back_to_title_element() -> None:
    doc = extract(
        "<html><head><title>藝文短波</title></head><body><p>國家交響樂團演出。</p></body></html>"
    )
    assert doc.title == "藝文短波"
    assert [b.text for b in doc.articles[0].blocks] == ["國家交響樂團演出。"]


def test_several_article_elements_are_separate() -> None:
    html = """<body><h1>本地新闻</h1>
    <article><h2>春耕忙</h2><p>全市春耕面积突破百万亩。</p></article>
    <article><h2>樱花开</h2><p>植物园樱花盛开。</p><p>市民纷纷前往。</p></article>
    </body>"""
    doc = extract(html)
    assert [(a.title, [b.text for b in a.blocks]) for a in doc.articles] == [
        ("春耕忙", ["全市春耕面积突破百万亩。"]),
        ("樱花开", ["植物园樱花盛开。", "市民纷纷前往。"]),
    ]


def test_one_article_element_is_one_article() -> None:
    html = "<article><h1>春耕忙</h1><p>全市春耕面积突破百万亩。</p></article>"
    doc = extract(html)
    assert [(a.title, [b.text for b in a.blocks]) for a in doc.articles] == [
        ("春耕忙", ["全市春耕面积突破百万亩。"])
    ]


def test_broken_html_keeps_text() -> None:
    doc = extract("<p>第一段<p>第二段<div>第三段</span></b><script>x=1")
    assert [b.text for b in doc.articles[0].blocks] == ["第一段", "第二段", "第三段"]


def test_latin_words_keep_their_spaces() -> None:
    doc = extract("<p>Smart\nHome 系列\n产品</p>")
    assert doc.articles[0].blocks[0].text == "Smart Home 系列产品"


def test_sniffing() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("<div><p>正文</p></div>")
    assert not looks_like_html("决战决胜看今朝\n\n本报讯 正文 a<b 与 c>d。")
