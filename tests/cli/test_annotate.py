"""reader annotate / annotations / export --annotations / import of W3C annotation JSON."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.links import parse_link
from reader.library import Library

BODY = (
    "新买的内存条和U盘都坏了，𠮷野家𡘙老板只好用软件修复。\n"
    "软件和内存条都很贵，发展经济要靠技术。\n"
    "记者了解到，台风过后发展势头不减。"
)
PAGE = f"电脑配件涨价\n\n{BODY}\n"
SECOND = "地铁新线开通\n\n记者从市交通部门获悉，地铁十号线今天正式开通运营。\n"


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok_json(capsys, *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


def fails(capsys, *argv: str, out_ok: bool = False) -> str:
    try:
        code, out, err = run(capsys, *argv)
    except SystemExit as e:  # argparse's own refusals (one line, exit 1)
        out, err = capsys.readouterr()
        code = e.code
    assert code == 1 and (out_ok or out == ""), (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader"), err
    return lines[0]


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    first, second = tmp_path / "computer.txt", tmp_path / "metro.txt"
    first.write_text(PAGE, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return [first, second]


@pytest.fixture
def ids(capsys, pages) -> list[int]:
    report = ok_json(capsys, "import", *map(str, pages))
    return [a["id"] for a in report["articles"]]


def view_body(capsys, article_id: int, config: str | None) -> str:
    script = ["--script", config] if config else []
    return ok_json(capsys, "show", str(article_id), *script)["body"]


@pytest.mark.parametrize("config", ["s2t", "s2twp", "s2hk"])
def test_annotate_by_quote_in_a_view_uses_that_views_offsets(capsys, ids, config) -> None:
    article = ids[0]
    body = view_body(capsys, article, config)
    quote = body[body.index("軟") : body.index("軟") + 4]  # 軟件修復 / 軟體修復
    saved = ok_json(
        capsys, "annotate", str(article), "--quote", quote, "--script", config, "--note", "修"
    )
    assert body[saved["start"] : saved["end"]] == saved["quote"] == quote
    assert (saved["article"], saved["color"], saved["meaning"]) == (article, "yellow", "重点")
    assert (saved["note"], saved["orphaned"]) == ("修", False)
    assert saved["id"].startswith("urn:uuid:")
    # Listed in the same view at the same offsets, and in the original at its own.
    [listed] = ok_json(capsys, "annotations", str(article), "--script", config)
    assert listed == saved
    [original] = ok_json(capsys, "annotations", str(article))
    assert original["quote"] == "软件修复"
    assert BODY[original["start"] : original["end"]] == "软件修复"


def test_annotate_by_offsets_across_a_length_changing_phrase(capsys, ids) -> None:
    article = ids[0]
    twp = view_body(capsys, article, "s2twp")
    start = twp.index("軟體和記憶體")
    end = start + len("軟體和記憶體")
    saved = ok_json(
        capsys,
        "annotate",
        str(article),
        "--start",
        str(start),
        "--end",
        str(end),
        "--script",
        "s2twp",
        "--color",
        "疑问",
    )
    # A selection ending inside 記憶體模組 (内存条) widens to the whole phrase.
    assert saved["color"] == "blue" and saved["quote"] == "軟體和記憶體模組"
    assert (saved["start"], twp[saved["start"] : saved["end"]]) == (start, "軟體和記憶體模組")
    [original] = ok_json(capsys, "annotations", str(article))
    assert original["quote"] == "软件和内存条"
    for config in ("s2t", "s2hk"):
        body = view_body(capsys, article, config)
        [item] = ok_json(capsys, "annotations", str(article), "--script", config)
        assert body[item["start"] : item["end"]] == item["quote"]
        assert item["quote"].startswith("軟件和")


def test_astral_characters_count_as_one_code_point(capsys, ids) -> None:
    saved = ok_json(capsys, "annotate", str(ids[0]), "--quote", "𠮷野家𡘙老板")
    assert saved["end"] - saved["start"] == 6
    assert BODY[saved["start"] : saved["end"]] == "𠮷野家𡘙老板"


def test_annotations_of_the_whole_library_and_plain_output(capsys, ids) -> None:
    ok_json(capsys, "annotate", str(ids[0]), "--quote", "台风", "--note", "天气")
    ok_json(capsys, "annotate", str(ids[1]), "--quote", "十号线", "--color", "green")
    items = ok_json(capsys, "annotations")
    assert {(i["article"], i["quote"]) for i in items} == {(ids[0], "台风"), (ids[1], "十号线")}
    code, out, err = run(capsys, "annotations", "--script", "s2t")
    assert code == 0 and err == ""
    assert "颱風" in out and "天气" in out and "引用" in out
    code, out, _ = run(capsys, "annotate", str(ids[0]), "--quote", "技术")
    assert code == 0 and out.startswith("saved urn:uuid:") and "「技术」" in out


def test_notes_are_found_by_search(capsys, ids) -> None:
    ok_json(capsys, "annotate", str(ids[1]), "--quote", "十号线", "--note", "換乘方便")
    lib = Library.open()
    try:
        assert [h.id for h in lib.articles.search("换乘")] == [ids[1]]
    finally:
        lib.close()


def test_bad_input_is_one_line(capsys, ids) -> None:
    a = str(ids[0])
    assert "no article with id 999" in fails(capsys, "annotate", "999", "--quote", "台风")
    assert "not in the text" in fails(capsys, "annotate", a, "--quote", "不存在")
    assert "occurs 1 time" in fails(capsys, "annotate", a, "--quote", "台风", "--occurrence", "2")
    assert "--end" in fails(capsys, "annotate", a, "--start", "1")
    assert "outside" in fails(capsys, "annotate", a, "--start", "5", "--end", "500")
    assert "empty" in fails(capsys, "annotate", a, "--start", "5", "--end", "5")
    assert "unknown colour" in fails(capsys, "annotate", a, "--quote", "台风", "--color", "紫")
    assert "s2x" in fails(capsys, "annotate", a, "--quote", "台风", "--script", "s2x")
    assert "s2x" in fails(capsys, "annotations", "--script", "s2x")
    assert "not allowed" in fails(capsys, "annotate", a, "--quote", "台风", "--start", "1")
    assert "no article with id 999" in fails(capsys, "annotations", "999")
    assert ok_json(capsys, "annotations") == []


# -- export -----------------------------------------------------------------------------------


def test_markdown_export_groups_by_article_with_links_back(capsys, ids) -> None:
    ok_json(capsys, "annotate", str(ids[0]), "--quote", "发展经济", "--note", "第一条\n第二行")
    ok_json(capsys, "annotate", str(ids[0]), "--quote", "U盘", "--color", "pink")
    ok_json(capsys, "annotate", str(ids[1]), "--quote", "十号线", "--color", "green")
    code, out, err = run(
        capsys, "export", "--all", "--format", "md", "--annotations", "--script", "s2t"
    )
    assert (code, err) == (0, "")
    assert out.startswith("# 批注\n")
    assert out.index("## 電腦配件漲價") < out.index("> U盤") < out.index("> 發展經濟")
    assert "## 地鐵新線開通" in out and "*引用*" in out and "*待查*" in out and "*重点*" in out
    assert "第一条\n第二行" in out
    body = view_body(capsys, ids[0], "s2t")
    links = [parse_link("reader://" + part.split(")")[0]) for part in out.split("](reader://")[1:]]
    assert len(links) == 3 and all(link.config == "s2t" for link in links)
    first = next(link for link in links if link.article_id == ids[0])
    assert body[first.start : first.end] in ("U盤", "發展經濟")


def test_html_and_text_exports_hold_quotes_and_notes(capsys, ids) -> None:
    ok_json(capsys, "annotate", str(ids[0]), "--quote", "台风", "--note", "<b>风</b>")
    html = run(capsys, "export", str(ids[0]), "--format", "html", "--annotations")[1]
    assert "<mark" in html and "台风" in html and "&lt;b&gt;风&lt;/b&gt;" in html
    assert f'href="reader://article/{ids[0]}#' in html
    txt = run(capsys, "export", str(ids[0]), "--format", "txt", "--annotations")[1]
    assert "「台风」" in txt and "笔记：<b>风</b>" in txt and "重点" in txt
    empty = run(capsys, "export", str(ids[1]), "--format", "md", "--annotations")[1]
    assert "没有批注" in empty


def test_w3c_round_trip_through_a_new_library(capsys, ids, pages, tmp_path: Path) -> None:
    ok_json(capsys, "annotate", str(ids[0]), "--quote", "記憶體模組", "--script", "s2twp")
    ok_json(
        capsys, "annotate", str(ids[0]), "--quote", "发展经济", "--note", "要点", "--color", "blue"
    )
    ok_json(capsys, "annotate", str(ids[1]), "--quote", "十号线", "--color", "green")
    lib = Library.open()
    lost = lib.annotate_quote(ids[1], None, "今天", note="找不到了")
    lib.annotations.restore(replace(lost, exact="昨天夜里", orphaned=True))
    lib.annotations.rename_colour("blue", "反驳")
    before = sorted(lib.annotations.browse(), key=lambda n: n.id)
    lib.close()
    target = tmp_path / "notes.json"
    code, _, err = run(
        capsys, "export", "--all", "--format", "json", "--annotations", "-o", str(target)
    )
    assert (code, err) == (0, "")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 4
    items = data["first"]["items"]
    assert {i["target"]["source"] for i in items} == {
        i["target"]["source"] for i in items if i["target"]["source"].startswith("urn:reader:")
    }
    blue = next(i for i in items if i["target"]["styleClass"] == "blue")
    assert {"type": "TextualBody", "value": "反驳", "purpose": "tagging"} in blue["body"]

    # A new, empty library: the same pages, then the annotations.
    shutil.rmtree(Library.open().directory)
    ok_json(capsys, "import", *map(str, pages))
    code, out, err = run(capsys, "import", str(target), "--json")
    restored = json.loads(out)
    assert code == 0 and restored["errors"] == [] and restored["articles"] == []
    assert "kept as orphaned" in err and len(err.strip().splitlines()) == 1
    assert len(restored["annotations"]) == 4
    lib = Library.open()
    after = sorted(lib.annotations.browse(), key=lambda n: n.id)
    fields = ("id", "start", "end", "exact", "prefix", "suffix", "color", "note", "orphaned")
    assert [tuple(getattr(n, f) for f in fields) for n in after] == [
        tuple(getattr(n, f) for f in fields) for n in before
    ]
    assert [(n.created, n.modified) for n in after] == [(n.created, n.modified) for n in before]
    # Idempotent: the same file again adds nothing.
    count = lib.annotations.count()
    again = json.loads(run(capsys, "import", str(target), "--json")[1])
    assert again.get("annotations") == [] and len(again["annotation_duplicates"]) == 4
    assert lib.annotations.count() == count
    lib.close()


def test_w3c_import_reports_missing_articles_and_bad_files(capsys, ids, tmp_path: Path) -> None:
    ok_json(capsys, "annotate", str(ids[0]), "--quote", "台风")
    ok_json(capsys, "annotate", str(ids[1]), "--quote", "十号线")
    target = tmp_path / "notes.json"
    run(capsys, "export", "--all", "--format", "json", "--annotations", "-o", str(target))
    shutil.rmtree(Library.open().directory)
    only_first = tmp_path / "only.txt"
    only_first.write_text(PAGE, encoding="utf-8")
    ok_json(capsys, "import", str(only_first))
    code, out, err = run(capsys, "import", str(target), "--json")
    report = json.loads(out)
    assert code == 1
    assert [a["quote"] for a in report["annotations"]] == ["台风"]
    [error] = report["errors"]
    assert error["source"] == str(target) and "地铁新线开通" in error["error"]
    assert "is not in the library" in error["error"]
    assert len(err.strip().splitlines()) == 1

    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "Annotation", "id": "urn:uuid:x"}', encoding="utf-8")
    line = fails(capsys, "import", str(broken), out_ok=True)
    assert "not W3C annotations" in line and "annotation 1" in line
