"""`reader import` of saved web pages, through the real command (a subprocess, a real library
file): one article per page with its date, address and site in the JSON; the same story
stored once; pages that are not an article refused unless --as-text; bad pages one line each
while the other files of the command come in."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from saved_pages import mhtml, webarchive

DATA = Path(__file__).resolve().parents[1] / "data"
PAGES = DATA / "web" / "pages"
CHINADAILY = PAGES / "newspaper4k__chinese_article_001.html"
XINHUA = PAGES / "trafilatura__archive.org.he.xinhuanet.com.25340717.html"  # GB2312
CNA = PAGES / "goose3__test_schema_list.html"

LISTING = (
    "<!DOCTYPE html><html><head><title>要闻 - 示例新闻网</title></head><body>"
    "<div class='nav'><a href='/'>首页</a><a href='/g'>国内</a></div><h1>要闻</h1><ul>"
    + "".join(
        f"<li><a href='/n/{i}.html'>全国各地多措并举推进第{i}项民生工程建设</a>"
        f"<span>2024-06-{i % 28 + 1:02d}</span></li>"
        for i in range(30)
    )
    + "</ul><div class='footer'>版权所有</div></body></html>"
)


def reader(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, READER_DATA_DIR=str(data_dir), READER_NO_SEED="1")
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def imported(data_dir: Path, *paths: Path | str, extra: tuple[str, ...] = ()) -> tuple:
    done = reader(data_dir, "import", *map(str, paths), "--json", *extra)
    assert "Traceback" not in done.stderr
    return done.returncode, json.loads(done.stdout), done.stderr.splitlines()


def test_a_saved_page_is_one_article_with_its_metadata(tmp_path: Path) -> None:
    code, report, errors = imported(tmp_path / "lib", CHINADAILY)
    assert (code, errors) == (0, [])
    (article,) = report["articles"]
    assert article["title"] == "外国专家：中美合作共赢符合国际社会利益"
    assert article["published"] == "2023-11-17T15:13"  # as the page shows it
    assert article["url"].startswith("https://china.chinadaily.com.cn/a/202311/17/")
    assert article["site"] == "中国日报网"
    assert "中国日报网" in article["byline"]
    assert "严玉洁" not in article["byline"]  # the editor (编辑：严玉洁), not an author
    for chrome in ("首页", "版权", "责任编辑", "<", "var "):
        assert chrome not in article["body"], chrome
    shown = json.loads(reader(tmp_path / "lib", "show", str(article["id"]), "--json").stdout)
    assert (shown["published"], shown["url"], shown["site"]) == (
        article["published"],
        article["url"],
        article["site"],
    )
    (row,) = json.loads(reader(tmp_path / "lib", "list", "--json").stdout)
    assert (row["published"], row["url"], row["site"]) == (
        "2023-11-17T15:13",
        article["url"],
        "中国日报网",
    )
    text = reader(tmp_path / "lib", "list").stdout
    assert "2023-11-17 " in text  # the publication date, not the day added (that has a +)


def test_mhtml_and_webarchive_of_the_same_page_are_one_story(tmp_path: Path) -> None:
    """Saved three ways (GB2312 HTML, MHTML, a webarchive): stored once."""
    html = XINHUA.read_bytes()
    url = "http://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm"
    (tmp_path / "page.mhtml").write_bytes(mhtml(html, url, "gb2312"))
    (tmp_path / "page.webarchive").write_bytes(webarchive(html, url, "gb2312"))
    code, report, errors = imported(tmp_path / "lib", XINHUA)
    assert (code, errors) == (0, [])
    (first,) = report["articles"]
    assert first["title"] == "话剧《约定无期限》河北各市巡演结束"
    assert first["encoding"] == "gb18030" and first["published"].startswith("2012-06-04")
    code, again, errors = imported(
        tmp_path / "lib", tmp_path / "page.mhtml", tmp_path / "page.webarchive"
    )
    assert (code, errors) == (0, [])
    assert again["articles"] == []
    assert [d["id"] for d in again["duplicates"]] == [first["id"], first["id"]]


def test_a_complete_save_imports_the_page_not_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    (folder / "新闻_files").mkdir(parents=True)
    (folder / "新闻.html").write_bytes(CNA.read_bytes())
    (folder / "新闻_files" / "frame.html").write_text("<html><body><p>广告</p></body></html>")
    (folder / "新闻_files" / "style.css").write_text("body{}")
    (folder / "notes.txt").write_text("读书笔记\n\n今天读了一篇好文章。\n", encoding="utf-8")
    code, report, errors = imported(tmp_path / "lib", folder)
    assert (code, errors) == (0, [])
    assert sorted(a["title"] for a in report["articles"]) == [
        "读书笔记",
        "鄭文燦：多元方案解決蛋荒 預估3月初緩解",
    ]


def test_a_list_of_links_is_refused_and_imported_as_text_when_asked(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(LISTING, encoding="utf-8")
    code, report, errors = imported(tmp_path / "lib", page, CNA)
    assert code == 1
    assert len(report["articles"]) == 1  # the other file of the command
    assert len(errors) == 1
    assert errors[0].startswith(f"reader: {page}: no article on this page")
    assert errors[0].endswith("(--as-text imports its text)")
    code, report, errors = imported(tmp_path / "lib", page, extra=("--as-text",))
    assert (code, errors) == (0, [])
    text = json.dumps(report["articles"], ensure_ascii=False)
    assert "第29项民生工程" in text and report["articles"][0]["url"] is None


def _post(floor: str, user: str, day: int, text: str) -> str:
    return (
        f"<div class='post'><div class='author'><b>{user}</b> <em>{floor}</em>"
        f" <span>发表于 2024-06-{day:02d} 10:2{day % 10}</span></div>"
        f"<div class='message'><p>{text}</p></div></div>"
    )


SENTENCE = "我觉得这个政策对我们小区的老人很有帮助，家里老人已经去办理了，手续简单，半天就办好了。"
THREAD = (
    "<!DOCTYPE html><html><head><title>社区养老补贴怎么申请？ - 本地生活</title></head><body>"
    "<h1>社区养老补贴怎么申请？</h1>"
    + _post("楼主", "老王", 1, "请问各位，社区养老补贴怎么申请？需要带哪些材料？" + SENTENCE * 3)
    + _post("2楼", "小李", 1, SENTENCE * 2)
    + _post("3楼", "阿芳", 2, SENTENCE * 2)
    + _post("4楼", "老张", 3, SENTENCE)
    + "</body></html>"
)
STORY = (
    "<p>本报讯　市民政局昨日发布通知，今年起全市七十岁以上老人可在社区申请养老补贴，"
    "每月最高三百元，材料齐全的当场办结。</p>"
    "<p>通知说，申请人可持身份证和户口簿到所在社区服务中心办理，也可在政务服务网上提交。"
    "民政局表示，补贴将按月发放到老人的社保卡。</p>"
) * 2
COMMENTED = (
    "<!DOCTYPE html><html><head><title>全市老人可申请养老补贴</title></head><body>"
    "<h1>全市老人可申请养老补贴</h1><div class='article'>" + STORY + "</div>"
    "<div class='comments'><h3>网友评论</h3>"
    + _post("1楼", "老王", 4, SENTENCE)
    + _post("2楼", "小李", 4, SENTENCE)
    + _post("3楼", "阿芳", 5, SENTENCE)
    + "</div></body></html>"
)
LOGIN = (
    "<!DOCTYPE html><html><head><title>登录 - 示例日报</title></head><body><h1>用户登录</h1>"
    "<form><p>请登录后阅读全文。</p><input name='u'><input type='password' name='p'>"
    "<button>登录</button></form></body></html>"
)
DISCUZ = THREAD.replace("<head>", "<head><meta name='generator' content='Discuz! X3.4'>")

NOT_ARTICLES = {
    "thread.html": (THREAD, "a forum thread, not a news article", "老王"),
    "discuz.html": (DISCUZ, "a forum thread, not a news article", "老王"),
    "login.html": (LOGIN, "a login page, not an article", "用户登录"),
    "teaser.html": (
        (DATA / "web" / "other" / "twnews__cna-mobile-2019.html").read_text("utf-8"),
        "only the start of an article: the rest is for members",
        "桃園市平鎮區一家輪胎行",
    ),
}


@pytest.mark.parametrize("name", NOT_ARTICLES)
def test_a_thread_a_login_page_or_a_teaser_is_refused_then_imported_as_text(
    tmp_path: Path, name: str
) -> None:
    html, message, kept = NOT_ARTICLES[name]
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    code, report, errors = imported(tmp_path / "lib", page)
    assert (code, report["articles"]) == (1, [])
    (line,) = errors
    assert line.startswith(f"reader: {page}: {message}") and line.endswith(
        "(--as-text imports its text)"
    )
    code, report, errors = imported(tmp_path / "lib", page, extra=("--as-text",))
    assert (code, errors) == (0, [])
    assert kept in json.dumps(report["articles"], ensure_ascii=False)


def test_a_story_with_readers_comments_under_it_is_an_article(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(COMMENTED, encoding="utf-8")
    code, report, errors = imported(tmp_path / "lib", page)
    assert (code, errors) == (0, [])
    (article,) = report["articles"]
    assert article["title"] == "全市老人可申请养老补贴"
    assert "市民政局昨日发布通知" in article["body"] and "小李" not in article["body"]


BAD = {
    "cut.html": (CNA.read_bytes()[:30000], "the page is cut off"),
    "nested.html": (
        b"<!DOCTYPE html><html><body>" + b"<div>" * 100_000 + "正文。".encode() * 50
        + b"</div>" * 100_000 + b"</body></html>",
        "not a news page (its tags are nested",
    ),
    "scripts.html": (
        b"<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>",
        "no article text found",
    ),
    "broken.mhtml": (
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"
        b' type="text/html"; boundary="----A----"\r\n\r\n------B----\r\nContent-Type: text/html'
        b"\r\n\r\n<html><body><p>x</p></body></html>\r\n------B------\r\n",
        "damaged MHTML file",
    ),
    "photo.html": (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a web page (looks like a PNG image)"),
}  # fmt: skip


def test_bad_pages_are_one_line_each_and_the_rest_imported(tmp_path: Path) -> None:
    for name, (data, _) in BAD.items():
        (tmp_path / name).write_bytes(data)
    files = [tmp_path / n for n in BAD]
    code, report, errors = imported(tmp_path / "lib", *files, CHINADAILY)
    assert code == 1
    assert [a["title"] for a in report["articles"]] == ["外国专家：中美合作共赢符合国际社会利益"]
    assert len(errors) == len(BAD)
    for (name, (_, message)), line in zip(BAD.items(), errors, strict=True):
        assert line.startswith(f"reader: {tmp_path / name}: {message}"), line
    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite3")
    try:
        paths = {r[0] for r in conn.execute("SELECT path FROM sources")}
    finally:
        conn.close()
    assert paths == {str(CHINADAILY)}


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.name[:24])
def test_every_real_page_imports_or_says_why(tmp_path: Path, page: Path) -> None:
    """The library's one call, in process (a subprocess each would be slow)."""
    from reader.library import Library

    lib = Library(tmp_path / "lib")
    try:
        report = lib.import_paths([page])
    finally:
        lib.close()
    assert len(report.articles) + len(report.errors) == 1
    for source, message in report.errors:
        assert source in report.not_articles and "\n" not in message
