"""The command-line contract of DESIGN.md: JSON shapes, seeding, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main

ARTICLE_KEYS = {
    "id",
    "title",
    "subtitle",
    "byline",
    "section",
    "body",
    "captions",
    "script",
    "encoding",
    "source",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_version_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"reader {__version__}"


def test_new_library_is_seeded_with_the_sample_page(capsys) -> None:
    articles = run_json(capsys, "list")
    titles = [a["title"] for a in articles]
    assert "决战决胜看今朝" in titles
    assert "狠抓落实严防输入 确保全市疫情不反弹" in titles
    assert all("body" not in a for a in articles)
    assert all(a["source"].endswith("000_6802137d44bebb66.txt") for a in articles)


def test_no_seed_starts_empty(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    assert run_json(capsys, "list") == []


def test_data_dir_option_overrides_environment(capsys, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    run_json(capsys, "--data-dir", str(other), "list")
    assert (other / "library.sqlite3").exists()


def test_import_json_contract_and_show(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    page = tmp_path / "page.txt"
    page.write_text(
        "春风吹暖田野\n\n本报讯(记者 王小明)连日来,各地春耕生产有序推进。\n\n"
        "农民们抢抓农时,田间地头一派繁忙景象。\n",
        encoding="utf-8",
    )
    report = run_json(capsys, "import", str(page))
    assert set(report) == {"articles", "errors", "duplicates"}
    assert report["errors"] == [] and report["duplicates"] == []
    [art] = report["articles"]
    assert set(art) >= ARTICLE_KEYS
    assert art["title"] == "春风吹暖田野"
    assert art["encoding"] == "utf-8"
    assert art["script"] == "simplified"
    assert art["source"] == str(page)
    assert "春耕生产" in art["body"]

    shown = run_json(capsys, "show", str(art["id"]))
    assert shown == art

    again = run_json(capsys, "import", str(page))
    assert again["articles"] == []
    assert again["duplicates"] == [{"source": str(page), "id": art["id"]}]


def test_bad_files_are_reported_and_good_ones_kept(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    good = tmp_path / "good.txt"
    good.write_text("标题一则\n\n这是正文,讲述了一件事情。\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(
        capsys, "import", str(good), str(empty), str(tmp_path / "missing.txt"), "--json"
    )
    assert code == 1
    report = json.loads(out)
    assert len(report["articles"]) == 1
    assert {e["source"] for e in report["errors"]} == {str(empty), str(tmp_path / "missing.txt")}
    assert len(err.strip().splitlines()) == 2
    assert "Traceback" not in err
    assert len(run_json(capsys, "list")) == 1


def test_show_missing_article_is_one_line(capsys) -> None:
    code, out, err = run(capsys, "show", "999999")
    assert code == 1
    assert out == ""
    assert err.strip() == "reader: no article with id 999999"


def test_library_that_is_not_sqlite_is_refused_and_kept(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    library = folder / "library.sqlite3"
    library.write_text("my precious notes, not a database\n")
    code, _, err = run(capsys, "--data-dir", str(folder), "list")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "not a Reader library" in err
    assert library.read_text() == "my precious notes, not a database\n"


def test_unusable_data_dir_is_one_line(capsys, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "--data-dir", str(blocker / "lib"), "list")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_usage_error_is_one_line_exit_1(capsys) -> None:
    code = None
    with pytest.raises(SystemExit) as exit_info:
        main(["show", "not-a-number"])
    code = exit_info.value.code
    assert code == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1


def test_show_in_another_script_keeps_the_original(capsys) -> None:
    articles = run_json(capsys, "list")
    target = next(a for a in articles if a["title"] == "决战决胜看今朝")
    tw = run_json(capsys, "show", str(target["id"]), "--script", "s2tw")
    assert tw["title"] == "決戰決勝看今朝"
    assert "脫貧攻堅" in tw["body"]
    assert tw["view"] == "s2tw"
    original = run_json(capsys, "show", str(target["id"]))
    assert original["title"] == "决战决胜看今朝"
    assert "脱贫攻坚" in original["body"]
    assert original["view"] is None


def test_show_with_unknown_script_is_one_line(capsys) -> None:
    code, _, err = run(capsys, "show", "1", "--script", "x2y")
    assert code == 1
    assert err.startswith("reader: unknown script config 'x2y'")
    assert len(err.strip().splitlines()) == 1


def test_convert_stdin_to_stdout(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "convert", "--config", "s2twp"],
        input="内存条和U盘放在窗口旁边。\n  保留空格  ",
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == "記憶體模組和隨身碟放在視窗旁邊。\n  保留空格  "


def test_convert_file_in_big5(capsys, tmp_path: Path) -> None:
    page = tmp_path / "big5.txt"
    page.write_bytes("臺北市政府今天宣佈，捷運新路線將於明年通車。".encode("big5"))
    code, out, _ = run(capsys, "convert", "--config", "tw2sp", str(page))
    assert code == 0
    assert out.startswith("台北市政府今天宣布，")


def test_import_folder_recursively_with_html(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("第一篇\n\n本报讯 内容一。\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.html").write_text(
        "<html><head><title>网站</title><script>var x=1;</script></head>"
        "<body><nav>首页 | 新闻</nav><h1>第二篇</h1><p>内容二,来自网页。</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "a" / "b" / "skip.jpg").write_bytes(b"\xff\xd8\xff" + bytes(10))
    report = run_json(capsys, "import", str(tmp_path / "a"))
    titles = sorted(a["title"] for a in report["articles"])
    assert titles == ["第一篇", "第二篇"]
    html = next(a for a in report["articles"] if a["title"] == "第二篇")
    assert "var x" not in html["body"] and "首页" not in html["body"]


def test_import_gb18030_and_big5_files(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    gb = tmp_path / "gb.txt"
    gb.write_bytes("春耕备耕正当时\n\n本报讯 连日来,各地农民抢抓农时。\n".encode("gb18030"))
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("颱風過境 農損嚴重\n\n【記者王小明／台北報導】颱風昨天過境。\n".encode("big5"))
    report = run_json(capsys, "import", str(gb), str(big5))
    by_title = {a["title"]: a for a in report["articles"]}
    assert by_title["春耕备耕正当时"]["encoding"] == "gb18030"
    assert by_title["春耕备耕正当时"]["script"] == "simplified"
    tw = by_title["颱風過境 農損嚴重"]
    assert (tw["encoding"], tw["script"]) == ("big5", "traditional")
    assert tw["byline"] == "【記者王小明／台北報導】"
