"""reader export: every format, in any script view, never half a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


@pytest.fixture
def ids(capsys) -> dict[str, int]:
    main(["list", "--json"])
    return {a["display_title"]: a["id"] for a in json.loads(capsys.readouterr().out)}


def export(capsys, *argv: str) -> str:
    assert main(["export", *argv]) == 0
    return capsys.readouterr().out


def test_markdown_in_taiwan_script(capsys, ids) -> None:
    out = export(capsys, str(ids["决战决胜看今朝"]), "--format", "md", "--script", "s2tw")
    assert out.startswith("# 決戰決勝看今朝\n\n## 我市決戰決勝脫貧攻堅綜述\n")
    assert "> 圖：" in out and "> 图：" not in out  # the caption label too
    assert "脱贫" not in out
    txt = export(capsys, str(ids["决战决胜看今朝"]), "--format", "txt", "--script", "s2hk")
    assert "[圖] " in txt and "[图]" not in txt


def test_json_is_the_article_contract(capsys, ids) -> None:
    out = json.loads(export(capsys, "--all", "--format", "json"))
    assert len(out) == len(ids)
    assert {"id", "title", "body", "captions", "script", "source"} <= set(out[0])


def test_html_escapes_and_txt_indents(capsys, ids, tmp_path: Path) -> None:
    page = tmp_path / "x.txt"
    page.write_text(
        "标签<b>测试</b>\n\n正文里有<script>alert(1)</script>字样。\n", encoding="utf-8"
    )
    main(["import", str(page), "--json"])
    new_id = json.loads(capsys.readouterr().out)["articles"][0]["id"]
    html = export(capsys, str(new_id), "--format", "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<meta charset="utf-8">' in html
    txt = export(capsys, str(new_id), "--format", "txt")
    assert "　　正文里有<script>alert(1)</script>字样。" in txt


def test_output_file_and_errors(capsys, ids, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    assert main(["export", "--all", "--format", "md", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").count("\n---\n") == len(ids) - 1
    assert main(["export", "999999", "--format", "md"]) == 1
    assert capsys.readouterr().err.strip() == "reader: no article with id 999999"
    assert main(["export", "--all", "--format", "md", "-o", str(tmp_path / "no" / "x.md")]) == 1
    assert "cannot write" in capsys.readouterr().err
